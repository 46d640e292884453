// Response templates: kept per organisation, placeholders checked when saved and filled per complaint
// with what the viewer may see of it (the consumer's name withheld from a merchant without the
// consumer's contact agreement).
import { expect } from 'chai';
import type { DemoWorld } from '../../server/seed/registry.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const BODY = '{consumerName}您好，关于投诉 {number}（{product}，{merchant}），我们将在 {deadline} 前处理。';

describe('response templates', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let merchant: ApiClient;
  let bureau: ApiClient;
  let consumer: ApiClient;
  let shop: ApiClient;
  let tplId = '';

  before(async function () {
    this.timeout(60_000);
    world = await freshWorld();
    srv = await startTestServer();
    merchant = await signedIn(srv.url, DEMO.merchant);
    bureau = await signedIn(srv.url, DEMO.regulatorHz);
    consumer = await signedIn(srv.url, DEMO.consumer);
    shop = await signedIn(srv.url, DEMO.shop);
  });
  after(() => srv.stop());

  it('saves a template per organisation, refuses an unknown placeholder and a second of one name', async () => {
    const r = await merchant.post('/response-templates', { name: '退款答复', body: BODY });
    expect(r.status, r.text).to.equal(201);
    tplId = r.body.id;
    expect(r.body).to.include({ name: '退款答复', body: BODY });
    const typo = await merchant.post('/response-templates', { name: '错字', body: '{consumerNmae}您好' });
    expect(typo.status).to.equal(400);
    expect(typo.text).to.include('{consumerName}');
    const again = await merchant.post('/response-templates', { name: '退款答复', body: '另一个' });
    expect(again.status).to.equal(409);
    expect(again.body.error.code).to.equal('duplicate_name');
    // Another organisation's list is its own.
    expect((await merchant.get('/response-templates')).body.items.map((t: { name: string }) => t.name)).to.deep.equal(['退款答复']);
    expect((await shop.get('/response-templates')).body.items).to.deep.equal([]);
    expect((await bureau.get('/response-templates')).body.items).to.deep.equal([]);
  });

  it('fills the placeholders, withholding the consumer name from a merchant without contact agreement', async () => {
    const c = await fileVia(consumer, filing(world, '330106'));
    const r = await merchant.get(`/response-templates/${tplId}/fill?complaintId=${c.id}`);
    expect(r.status, r.text).to.equal(200);
    expect(r.body.withheld).to.deep.equal(['consumerName']);
    expect(r.body.text).to.not.include('张晓明');
    expect(r.body.text).to.match(/^消费者您好，关于投诉 /);
    expect(r.body.text).to.include(c.number).and.include('电热水壶').and.include('浙江万家福连锁超市');
    // The deadline as Shanghai date and minute, the same instant as the complaint's current deadline.
    const due = new Date(c.deadlines.current.dueAt);
    const shown = /(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) 前处理/.exec(r.body.text);
    expect(shown, r.body.text).to.not.equal(null);
    expect(new Date(`${shown![1]}T${shown![2]}:00+08:00`).getTime()).to.equal(due.getTime() - (due.getTime() % 60_000));
    expect(r.body.text).to.not.match(/\{\w+\}/);
  });

  it('fills the consumer name once the consumer agreed to be contacted, and for the bureau always', async () => {
    const agreed = await fileVia(consumer, filing(world, '330106', { contactAgreement: true }));
    const m = await merchant.get(`/response-templates/${tplId}/fill?complaintId=${agreed.id}`);
    expect(m.body.withheld).to.deep.equal([]);
    expect(m.body.text).to.match(/^张晓明您好/);
    const own = await bureau.post('/response-templates', { name: '受理告知', body: '{consumerName}：投诉 {number} 已受理。' });
    expect(own.status, own.text).to.equal(201);
    const plain = await fileVia(consumer, filing(world, '330106'));
    const b = await bureau.get(`/response-templates/${own.body.id}/fill?complaintId=${plain.id}`);
    expect(b.body).to.deep.equal({ text: `张晓明：投诉 ${plain.number} 已受理。`, withheld: [] });
  });

  it("answers 404 for another organisation's template and a complaint the viewer does not see", async () => {
    const c = await fileVia(consumer, filing(world, '330106'));
    expect((await shop.get(`/response-templates/${tplId}/fill?complaintId=${c.id}`)).status).to.equal(404);
    expect((await shop.request('PUT', `/response-templates/${tplId}`, { name: 'x', body: 'y' })).status).to.equal(404);
    expect((await shop.request('DELETE', `/response-templates/${tplId}`)).status).to.equal(404);
    const yiwuShop = world.stores.find((s) => String(s.merchantId) === String(world.shop._id))!;
    const elsewhere = await fileVia(consumer, { ...filing(world), storeId: String(yiwuShop._id) });
    expect((await merchant.get(`/response-templates/${tplId}/fill?complaintId=${elsewhere.id}`)).status).to.equal(404);
    expect((await consumer.get('/response-templates')).status).to.equal(403);
  });

  it('renames, rewrites and deletes a template', async () => {
    const r = await merchant.request('PUT', `/response-templates/${tplId}`, {
      name: '退款答复（新）',
      body: '您好，{product} 已安排退款。',
    });
    expect(r.status, r.text).to.equal(200);
    expect(r.body).to.include({ name: '退款答复（新）', body: '您好，{product} 已安排退款。' });
    expect((await merchant.get('/response-templates')).body.items[0].name).to.equal('退款答复（新）');
    expect((await merchant.request('DELETE', `/response-templates/${tplId}`)).status).to.equal(200);
    expect((await merchant.get('/response-templates')).body.items).to.deep.equal([]);
  });
});
