import { expect } from 'chai';
import { DEMO, connected, signedIn } from '../helpers/http.js';
import { OutboxMailModel } from '../../server/models/OutboxMail.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import { filing } from '../helpers/complaints.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { ComplaintFactModel } from '../../server/models/ComplaintFact.js';
import { ProductFlagModel } from '../../server/models/ProductFlag.js';
import { testClock } from '../../server/clock.js';
import { effectsSettled } from '../../server/complaints/effectRunner.js';

describe('problem products follow filed complaints', () => {
  let srv: TestServer;
  let world: DemoWorld;
  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
  });
  after(async () => {
    testClock.reset();
    await srv.stop();
  });

  it('links each filed complaint to its product once and flags the fifth complaint in 30 days', async () => {
    const consumer = await signedIn(srv.url, DEMO.consumer);
    const hz = await signedIn(srv.url, DEMO.regulatorHz);
    const socket = hz.socket();
    await connected(socket);
    const raised: { id: string; score: number }[] = [];
    socket.on('flag:raised', (p) => raised.push(p));
    const product = { name: '电暖器', category: 'household_appliance' as const, brand: '暖家', model: 'NJ-100' };
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await consumer.post(
        '/complaints',
        filing(world, '330106', { product, description: `第${i}台取暖器开机冒烟，要求退货退款。` }),
      );
      expect(r.status, r.text).to.equal(201);
      ids.push(r.body.id);
      await effectsSettled();
      const flags = await ProductFlagModel.countDocuments();
      expect(flags).to.equal(i === 4 ? 1 : 0);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(raised).to.have.length(1);
    socket.close();
    const mails = await OutboxMailModel.find({ key: new RegExp(`^flag:${raised[0]!.id}:`) }).lean();
    expect(mails.map((m) => m.to).sort()).to.deep.equal([DEMO.regulatorHz, DEMO.regulatorZj].sort());
    // A person reads the mail: rules and regions by name in both languages, a link that opens from a mail client.
    const text = String(mails[0]!.text);
    expect(text).to.contain('地区 Regions: 西湖区 Xihu District').and.to.contain('投诉集中 Many complaints').and.not.to.contain('330106');
    expect(text).to.match(new RegExp(`详情 Details: http://[^/\\s]+/flags/${raised[0]!.id}$`, 'm'));
    const facts = await ComplaintFactModel.find({ complaintId: { $in: ids } }).lean();
    expect(facts).to.have.length(5);
    expect(new Set(facts.map((f) => String(f.productId))).size).to.equal(1);
    const list = await hz.get('/product-flags');
    expect(list.status, list.text).to.equal(200);
    expect(list.body.items).to.have.length(1);
    expect(list.body.items[0].rules).to.include('volume');
    expect(list.body.items[0].evidence.complaintCount).to.equal(5);
    // The list carries the newest 20 complaint ids (here all 5), the flag's own page all of them.
    expect([...list.body.items[0].evidence.complaintIds].sort()).to.deep.equal([...ids].sort());
    const detail = await hz.get(`/product-flags/${list.body.items[0].id}`);
    expect([...detail.body.evidence.complaintIds].sort()).to.deep.equal([...ids].sort());
    const yw = await signedIn(srv.url, DEMO.regulatorYw);
    expect((await yw.get('/product-flags')).body.items).to.have.length(0);
    expect((await yw.get(`/product-flags/${list.body.items[0].id}`)).status).to.equal(404);
  });
});
