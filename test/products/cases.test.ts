import { expect } from 'chai';
import { ApiClient, DEMO, connected, nextEvent, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import { flagHangzhouHeater } from '../helpers/products.js';
import { detectAll } from '../../server/commands/detectFlags.js';
import { CaseEventModel } from '../../server/models/CaseEvent.js';

describe('enforcement cases and the public problem-product list', () => {
  let srv: TestServer;
  let hz: ApiClient;
  let yw: ApiClient;
  let flagId: string;
  before(async () => {
    const world = await freshWorld();
    srv = await startTestServer();
    // Six complaints in Hangzhou about one heater at three merchants: volume and spread fire.
    await flagHangzhouHeater(world, 'case');
    hz = await signedIn(srv.url, DEMO.regulatorHz);
    yw = await signedIn(srv.url, DEMO.regulatorYw);
    flagId = (await hz.get('/product-flags')).body.items[0].id;
  });
  after(() => srv.stop());

  it('shows the flag with its evidence to Hangzhou and nothing to Yiwu', async () => {
    const f = await hz.get(`/product-flags/${flagId}`);
    expect(f.status).to.equal(200);
    expect(f.body.rules).to.include.members(['volume', 'spread']);
    expect(f.body.complaints).to.have.length(6);
    expect(f.body.complaints[0]).to.have.property('merchantName');
    expect((await yw.get(`/product-flags/${flagId}`)).status).to.equal(404);
    expect((await yw.get(`/products/${f.body.productId}`)).status).to.equal(404);
    expect((await hz.get(`/products/${f.body.productId}`)).body.complaintCount).to.equal(6);
  });

  it('runs a case from open to closed with notes, actors and live updates; only once per flag', async () => {
    expect((await yw.post('/enforcement-cases', { flagId })).status).to.equal(404);
    const socket = hz.socket();
    await connected(socket);
    // Two officers at once: the unique flagId lets one open it; the other is told, and leaves nothing behind.
    const both = await Promise.all([
      hz.post('/enforcement-cases', { flagId, note: '立案' }),
      hz.post('/enforcement-cases', { flagId, note: '立案' }),
    ]);
    expect(both.map((r) => r.status).sort()).to.deep.equal([201, 409]);
    expect(both.find((r) => r.status === 409)!.body.error.code).to.equal('case_exists');
    const opened = both.find((r) => r.status === 201)!;
    expect(await CaseEventModel.countDocuments({ caseId: opened.body.id })).to.equal(1);
    expect(await CaseEventModel.countDocuments()).to.equal(1);
    expect(opened.body).to.include({ status: 'open', version: 1, assignedRegion: '3301' });
    expect(opened.body.bureauName).to.match(/杭州/);
    expect((await hz.post('/enforcement-cases', { flagId })).status).to.equal(409);
    const id = opened.body.id;

    const bad = await hz.post(`/enforcement-cases/${id}/transitions`, { action: 'recall', note: '跳步' });
    expect(bad.status).to.equal(409);
    expect(bad.body.error.code).to.equal('invalid_transition');
    expect((await hz.post(`/enforcement-cases/${id}/transitions`, { action: 'investigate' })).status).to.equal(400);

    const live = nextEvent(socket, 'case:updated');
    const inv = await hz.post(`/enforcement-cases/${id}/transitions`, { action: 'investigate', note: '现场检查', expectedVersion: 1 });
    expect(inv.status, inv.text).to.equal(200);
    expect(await live).to.deep.equal({ id, status: 'investigating' });
    const stale = await hz.post(`/enforcement-cases/${id}/transitions`, { action: 'order_rectification', note: 'x', expectedVersion: 1 });
    expect(stale.status).to.equal(409);
    expect((await yw.post(`/enforcement-cases/${id}/transitions`, { action: 'order_rectification', note: 'x' })).status).to.equal(404);

    // Public only with the finding and the measures consumers will read; refused before anything is written.
    const bare = await hz.post(`/enforcement-cases/${id}/transitions`, {
      action: 'order_rectification',
      note: '责令整改',
      public: true,
      finding: '温控器失效，外壳过热',
    });
    expect(bare.status, bare.text).to.equal(422);
    expect(bare.body.error).to.include({ code: 'public_needs_finding' });
    expect(bare.body.error.details).to.deep.equal({ missing: ['measures'] });
    expect((await hz.get(`/enforcement-cases/${id}`)).body).to.include({ status: 'investigating', version: 2, public: false });
    await hz.post(`/enforcement-cases/${id}/transitions`, {
      action: 'order_rectification',
      note: '责令整改',
      public: true,
      finding: '温控器失效，外壳过热',
      measures: '停止销售，限期整改',
    });
    await hz.post(`/enforcement-cases/${id}/transitions`, { action: 'recall', note: '启动召回' });
    const closed = await hz.post(`/enforcement-cases/${id}/transitions`, { action: 'close', note: '整改完成' });
    expect(closed.body.status).to.equal('closed');
    expect(closed.body.log.map((l: { to: string }) => l.to)).to.deep.equal([
      'open',
      'investigating',
      'rectification_ordered',
      'recall',
      'closed',
    ]);
    expect(closed.body.log.every((l: { note: string; actorId: string }) => l.note && l.actorId)).to.equal(true);
    socket.close();

    const flag = await hz.get(`/product-flags/${flagId}`);
    expect(flag.body.status).to.equal('closed');
    expect((await hz.get('/enforcement-cases')).body.items.map((c: { id: string }) => c.id)).to.deep.equal([id]);
    expect((await yw.get('/enforcement-cases')).body.items).to.deep.equal([]);
    // Each list shows its result count, of every match and not only the page's.
    expect((await hz.get('/enforcement-cases?limit=1')).body.total).to.equal(1);
    expect((await yw.get('/enforcement-cases')).body.total).to.equal(0);
    expect((await hz.get('/product-flags?status=closed&limit=1')).body.total).to.equal(1);
    expect((await yw.get('/product-flags?status=closed')).body.total).to.equal(0);
    expect((await yw.get(`/enforcement-cases/${id}`)).status).to.equal(404);
  });

  it('lists public cases to anyone signed out, without people or evidence', async () => {
    const r = await new ApiClient(srv.url).get('/public/problem-products');
    expect(r.status).to.equal(200);
    expect(r.body.items).to.have.length(1);
    const item = r.body.items[0];
    expect(item.product).to.include({ name: '油汀取暖器', brand: '暖居', model: 'YT-9' });
    expect(item).to.include({ finding: '温控器失效，外壳过热', measures: '停止销售，限期整改', status: 'closed' });
    expect(item.date).to.be.a('string');
    // The three merchants that sold it, by name, each with a public profile to link to.
    expect(item.merchants).to.have.length(3);
    for (const m of item.merchants) {
      const profile = await new ApiClient(srv.url).get(`/merchants/${m.id}`);
      expect(profile.status).to.equal(200);
      expect(profile.body.name).to.equal(m.name);
    }
    expect(item).to.not.have.property('log');
    expect(JSON.stringify(item)).to.not.match(/complaintIds|actorId/);
  });

  it('does not raise a new flag on evidence the closed case already answered', async () => {
    await detectAll();
    expect((await hz.get('/product-flags')).body.items).to.deep.equal([]);
  });

  it('lets only the provincial bureau change thresholds, with a version check', async () => {
    const rules = (await hz.get('/flag-rules')).body;
    expect(rules.version).to.equal(0);
    expect((await hz.request('PUT', '/flag-rules', { rules: rules.rules })).status).to.equal(403);
    const zj = await signedIn(srv.url, DEMO.regulatorZj);
    const changed = { ...rules.rules, volume: { ...rules.rules.volume, complaints: 8 } };
    const put = await zj.request('PUT', '/flag-rules', { rules: changed, expectedVersion: 0 });
    expect(put.status, put.text).to.equal(200);
    expect(put.body.version).to.equal(1);
    expect((await zj.request('PUT', '/flag-rules', { rules: changed, expectedVersion: 0 })).status).to.equal(409);
    expect(
      (await zj.request('PUT', '/flag-rules', { rules: { ...changed, volume: { enabled: true, complaints: -1, windowDays: 30 } } })).status,
    ).to.equal(400);
    expect((await hz.get('/flag-rules')).body.rules.volume.complaints).to.equal(8);
  });
});
