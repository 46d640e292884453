import { expect } from 'chai';
import { testClock } from '../../server/clock.js';
import { claim } from '../../server/jobs/claim.js';
import { runJob } from '../../server/jobs/scheduler.js';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { JobRunModel } from '../../server/models/JobRun.js';
import { NotificationModel } from '../../server/models/Notification.js';
import { ReturnEventModel } from '../../server/models/ReturnEvent.js';
import { ReturnRequestModel } from '../../server/models/ReturnRequest.js';
import { UserModel } from '../../server/models/User.js';
import { breachKey, BREACH_JOB } from '../../server/returns/breach.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { ApiClient, DEMO, connected, nextEvent, signedIn } from '../helpers/http.js';
import { chainStores, product, returnsWorld, shanghaiNoon } from '../helpers/returns.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const HOUR = 3600 * 1000;
const complaintsOf = (id: string) => ComplaintModel.find({ 'links.returnRequestId': id }).lean();

describe('return breaches', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let chain: ApiClient;
  let consumer: ApiClient;
  let s: ReturnType<typeof chainStores>;

  before(async () => {
    ({ world, srv, s, chain, consumer } = await returnsWorld('2026-03-10'));
    const r = await chain.post('/return-commitments', {
      scope: 'chain_province',
      windowDays: 7,
      conditions: '商品完好',
      refundWithinHours: 48,
    });
    expect(r.status).to.equal(201);
  });
  after(async () => {
    testClock.reset();
    await srv.stop();
  });

  async function newConsumer(email: string): Promise<ApiClient> {
    const c = new ApiClient(srv.url);
    await c.fetchCsrf();
    const r = await c.post('/auth/register', { name: '竞争者', email, password: 'long-enough-pw' });
    expect(r.status, r.text).to.equal(201);
    return c;
  }

  /** A covered return of goods bought in Hangzhou, made by the demo consumer at the Ningbo store. */
  async function coveredReturn(by: ApiClient = consumer, extra: Record<string, unknown> = {}) {
    const r = await by.post('/return-requests', {
      purchaseStoreId: s.hzXihu,
      returnStoreId: s.nbHaishu,
      purchaseDate: '2026-03-08',
      amountFen: 25900,
      product: product('electronics', '蓝牙耳机'),
      ...extra,
    });
    expect(r.status, r.text).to.equal(201);
    expect(r.body.covered).to.equal(true);
    return r.body as { id: string; dueAt: string };
  }

  it('a covered refusal opens one return_refused complaint, linked both ways, and tells merchant and bureau live', async () => {
    const req = await coveredReturn();
    const hz = await signedIn(srv.url, DEMO.regulatorHz);
    const sock = hz.socket();
    await connected(sock);
    const heard = nextEvent(sock, 'notification');
    const r = await chain.post(`/return-requests/${req.id}/outcome`, { outcome: 'refused', reason: '已拆封' });
    expect(r.status, r.text).to.equal(200);
    expect(r.body).to.include({ status: 'refused', breach: true, breachKind: 'refused' });
    expect((await heard).kind).to.equal('return_breach');
    sock.disconnect();

    const complaints = await complaintsOf(req.id);
    expect(complaints).to.have.length(1);
    expect(String(complaints[0]!._id)).to.equal(r.body.complaintId);
    expect(complaints[0]).to.include({ problemType: 'return_refused', countyCode: '330106' });
    expect(String(complaints[0]!.consumerId)).to.equal(String(world.users.get(DEMO.consumer)!._id));
    const noted = await NotificationModel.find({ key: breachKey(req.id) }).lean();
    const who = await UserModel.find({ _id: { $in: noted.map((n) => n.userId) } }).lean();
    expect(who.map((u) => u.email)).to.include.members([DEMO.merchant, DEMO.regulatorHz]);
    expect(who.map((u) => u.email)).to.not.include(DEMO.regulatorYw);

    // A second outcome is a conflict, and nothing more is opened.
    const again = await chain.post(`/return-requests/${req.id}/outcome`, { outcome: 'refused', reason: 'again' });
    expect(again.status).to.equal(409);
    expect(await complaintsOf(req.id)).to.have.length(1);
  });

  it('of two refusals sent at once, one wins; still one complaint', async () => {
    const req = await coveredReturn();
    const other = await signedIn(srv.url, DEMO.merchant);
    const codes = (
      await Promise.all([chain, other].map((c) => c.post(`/return-requests/${req.id}/outcome`, { outcome: 'refused', reason: '不予退货' })))
    )
      .map((r) => r.status)
      .sort();
    expect(codes).to.deep.equal([200, 409]);
    expect(await complaintsOf(req.id)).to.have.length(1);
  });

  it('an overdue refund opens one complaint, however often and however concurrently the job runs', async () => {
    const req = await coveredReturn();
    const early = (await runJob('return-deadlines', new Date(Date.parse(req.dueAt) - 1000))) as { opened: number };
    expect(early.opened).to.equal(0);
    const late = new Date(Date.parse(req.dueAt) + 1000);
    const results = (await Promise.all([runJob('return-deadlines', late), runJob('return-deadlines', late)])) as { opened: number }[];
    expect(results.map((x) => x.opened).reduce((a, b) => a + b)).to.equal(1);
    await runJob('return-deadlines', new Date(late.getTime() + HOUR));
    const stored = await ReturnRequestModel.findById(req.id).lean();
    expect(stored).to.include({ breach: true, breachKind: 'overdue', status: 'pending' });
    expect(await complaintsOf(req.id)).to.have.length(1);
    expect(String(stored!.complaintId)).to.equal(String((await complaintsOf(req.id))[0]!._id));
  });

  it('finishes a breach cut short by a crash after its claim, and a restarted server opens no second one', async () => {
    const req = await coveredReturn();
    // What a crash right after the claim leaves behind: the claim, nothing else.
    expect(await claim(breachKey(req.id), BREACH_JOB)).to.equal(true);
    expect((await ReturnRequestModel.findById(req.id).lean())!.breach).to.equal(false);
    await srv.stop();
    srv = await startTestServer();
    chain = await signedIn(srv.url, DEMO.merchant);
    consumer = await signedIn(srv.url, DEMO.consumer);
    const late = new Date(Date.parse(req.dueAt) + 1000);
    const first = (await runJob('return-deadlines', late)) as { opened: number; repaired: number };
    expect(first).to.include({ opened: 0, repaired: 1 });
    expect(await complaintsOf(req.id)).to.have.length(1);
    const second = (await runJob('return-deadlines', late)) as { opened: number; repaired: number };
    expect(second).to.include({ opened: 0, repaired: 0 });
    expect(await complaintsOf(req.id)).to.have.length(1);
    expect((await JobRunModel.findOne({ key: breachKey(req.id) }).lean())!.result).to.include({ done: true, kind: 'overdue' });
  });

  it('a refund within the promised hours is no breach; one after them is', async () => {
    const onTime = await coveredReturn();
    const ok = await chain.post(`/return-requests/${onTime.id}/outcome`, {
      outcome: 'honored',
      refundedAt: shanghaiNoon('2026-03-10').toISOString(),
      amountFen: 25900,
    });
    expect(ok.status, ok.text).to.equal(200);
    expect(ok.body).to.include({ status: 'honored', breach: false, refundHours: 0 });
    await runJob('return-deadlines', new Date(Date.parse(onTime.dueAt) + HOUR));
    expect(await complaintsOf(onTime.id)).to.have.length(0);

    const lateReq = await coveredReturn();
    testClock.advance(50 * HOUR);
    try {
      const late = await chain.post(`/return-requests/${lateReq.id}/outcome`, {
        outcome: 'honored',
        refundedAt: new Date(Date.parse(lateReq.dueAt) + 2 * HOUR).toISOString(),
        amountFen: 25900,
      });
      expect(late.status, late.text).to.equal(200);
      expect(late.body).to.include({ status: 'honored', breach: true, breachKind: 'overdue', refundHours: 50 });
      expect(await complaintsOf(lateReq.id)).to.have.length(1);
    } finally {
      testClock.set(shanghaiNoon('2026-03-10'));
    }
  });

  it('a desk return nobody claimed is a breach the bureau hears of, with no complaint and nothing about any account', async () => {
    const req = await coveredReturn(chain);
    const r = await chain.post(`/return-requests/${req.id}/outcome`, { outcome: 'refused', reason: '无小票' });
    expect(r.body).to.include({ breach: true, complaintId: null });
    expect(r.body).to.not.have.property('consumerLinked');
    expect(r.body.claimCode).to.match(/^[2-9A-HJ-NP-Z]{10}$/);
    expect(await NotificationModel.countDocuments({ key: breachKey(req.id) })).to.be.greaterThan(0);
    expect(await complaintsOf(req.id)).to.have.length(0);
  });

  it('the desk cannot name a consumer nor give consent for one: no account is linked, no complaint filed in anyone’s name', async () => {
    const base = {
      purchaseStoreId: s.hzXihu,
      returnStoreId: s.nbHaishu,
      purchaseDate: '2026-03-08',
      amountFen: 25900,
      product: product('electronics', '蓝牙耳机'),
    };
    const named = await chain.post('/return-requests', { ...base, consumerEmail: DEMO.consumer });
    expect(named.status, named.text).to.equal(400);
    const consent = await chain.post('/return-requests', { ...base, contactAgreement: true });
    expect(consent.status, consent.text).to.equal(422);
    expect(consent.body.error.code).to.equal('consent_not_yours');
    const desk = await coveredReturn(chain);
    await chain.post(`/return-requests/${desk.id}/outcome`, { outcome: 'refused', reason: '无小票' });
    expect((await consumer.get(`/return-requests/${desk.id}`)).status).to.equal(404);
    expect((await consumer.get('/return-requests?limit=100')).body.items.map((x: { id: string }) => x.id)).to.not.include(desk.id);
    expect(await complaintsOf(desk.id)).to.have.length(0);
  });

  it('a consumer claims a desk return with its receipt code; its breach becomes their complaint with their own consent choice', async () => {
    const desk = await coveredReturn(chain);
    const code = (await chain.get(`/return-requests/${desk.id}`)).body.claimCode as string;
    expect((await consumer.post('/return-requests/claim', { code: 'ABCDEFGHJK', contactAgreement: false })).status).to.equal(404);
    const claimed = await consumer.post('/return-requests/claim', { code: code.toLowerCase(), contactAgreement: false });
    expect(claimed.status, claimed.text).to.equal(200);
    expect(claimed.body).to.include({ id: desk.id, mine: true });
    expect(claimed.body).to.not.have.property('claimCode');
    // Claimed once: the same code answers as if it did not exist, for anyone else.
    expect(
      (await (await newConsumer('claim-other@example.com')).post('/return-requests/claim', { code, contactAgreement: true })).status,
    ).to.equal(404);

    const r = await chain.post(`/return-requests/${desk.id}/outcome`, { outcome: 'refused', reason: '已拆封' });
    expect(r.body.complaintId).to.be.a('string');
    const [complaint] = await complaintsOf(desk.id);
    expect(String(complaint!.consumerId)).to.equal(String(world.users.get(DEMO.consumer)!._id));
    expect(complaint!.contactAgreement).to.equal(false);
    const seen = await chain.get(`/complaints/${r.body.complaintId}`);
    expect(seen.status).to.equal(200);
    expect(seen.body).to.not.have.property('consumer');
    expect(seen.body).to.not.have.property('consumerId');
  });

  it('claiming a desk return after its breach files the complaint then, once, with the consent given at the claim', async () => {
    const desk = await coveredReturn(chain);
    const code = (await chain.get(`/return-requests/${desk.id}`)).body.claimCode as string;
    const refused = await chain.post(`/return-requests/${desk.id}/outcome`, { outcome: 'refused', reason: '无小票' });
    expect(refused.body).to.include({ breach: true, complaintId: null });
    const rival = await newConsumer('claim-rival@example.com');
    const claims = await Promise.all([consumer, rival].map((c) => c.post('/return-requests/claim', { code, contactAgreement: true })));
    expect(claims.map((x) => x.status).sort()).to.deep.equal([200, 404]);
    const winner = claims[0]!.status === 200 ? consumer : rival;
    const complaints = await complaintsOf(desk.id);
    expect(complaints).to.have.length(1);
    expect(complaints[0]!.contactAgreement).to.equal(true);
    expect((await winner.get(`/complaints/${complaints[0]!._id}`)).status).to.equal(200);
    expect((await chain.get(`/complaints/${complaints[0]!._id}`)).body.consumer.name).to.equal(winner === consumer ? '张晓明' : '竞争者');
  });

  it('a consumer’s own return files its breach complaint with the consent they chose, and without it by default', async () => {
    const silent = await coveredReturn();
    const agreed = await coveredReturn(consumer, { contactAgreement: true });
    for (const id of [silent.id, agreed.id])
      expect((await chain.post(`/return-requests/${id}/outcome`, { outcome: 'refused', reason: '已拆封' })).status).to.equal(200);
    const [a] = await complaintsOf(silent.id);
    const [b] = await complaintsOf(agreed.id);
    expect((await chain.get(`/complaints/${a!._id}`)).body).to.not.have.property('consumer');
    expect((await chain.get(`/complaints/${b!._id}`)).body.consumer.name).to.equal('张晓明');
  });

  it('a consumer disputes a refusal judged not covered: it becomes a complaint, once', async () => {
    const r = await consumer.post('/return-requests', {
      purchaseStoreId: s.hzXihu,
      returnStoreId: s.hzXihu,
      purchaseDate: '2026-02-01',
      amountFen: 9900,
      product: product(),
    });
    expect(r.body.covered).to.equal(false);
    await chain.post(`/return-requests/${r.body.id}/outcome`, { outcome: 'refused', reason: '超过退货期限' });
    expect((await chain.post(`/return-requests/${r.body.id}/dispute`, { reason: 'x' })).status).to.equal(403);
    const d = await consumer.post(`/return-requests/${r.body.id}/dispute`, { reason: '购买时店员承诺30天可退' });
    expect(d.status, d.text).to.equal(200);
    expect(d.body.dispute.reason).to.equal('购买时店员承诺30天可退');
    expect(d.body.breach).to.equal(false);
    expect(await complaintsOf(r.body.id)).to.have.length(1);
    const again = await consumer.post(`/return-requests/${r.body.id}/dispute`, { reason: 'again' });
    expect(again.status).to.equal(409);
    expect(await complaintsOf(r.body.id)).to.have.length(1);
  });

  it('closing the account keeps the return and its complaint for the merchant and the bureau, without the phone number in its reasons', async () => {
    const closing = await newConsumer('closing-consumer@example.com');
    const r = await closing.post('/return-requests', {
      purchaseStoreId: s.hzXihu,
      returnStoreId: s.hzXihu,
      purchaseDate: '2026-02-01',
      amountFen: 9900,
      product: product(),
      reason: '不想要了，电话13805711234',
    });
    expect(r.status, r.text).to.equal(201);
    await chain.post(`/return-requests/${r.body.id}/outcome`, { outcome: 'refused', reason: '超过退货期限' });
    const d = await closing.post(`/return-requests/${r.body.id}/dispute`, { reason: '店员承诺可退，请回电13805711234' });
    expect(d.status, d.text).to.equal(200);

    const closed = await closing.post('/me/close', { password: 'long-enough-pw', confirm: true });
    expect(closed.status, closed.text).to.equal(200);
    const seen = await chain.get(`/return-requests/${r.body.id}`);
    expect(seen.status, seen.text).to.equal(200);
    expect(seen.body.status).to.equal('refused');
    expect(seen.body.reason).to.equal('不想要了，电话[电话]');
    expect(seen.body.dispute.reason).to.equal('店员承诺可退，请回电[电话]');
    const event = await ReturnEventModel.findOne({ requestId: r.body.id, kind: 'dispute' }).lean();
    expect(event!.data).to.deep.equal({ reason: '店员承诺可退，请回电[电话]' });
    const [complaint] = await complaintsOf(r.body.id);
    expect(complaint!.description).not.to.include('13805711234');
  });

  it('refuses a pending dispute, an oversized refund, and a refund time in the future', async () => {
    const req = await coveredReturn();
    expect((await consumer.post(`/return-requests/${req.id}/dispute`, { reason: 'x' })).status).to.equal(409);
    const big = await chain.post(`/return-requests/${req.id}/outcome`, {
      outcome: 'honored',
      refundedAt: shanghaiNoon('2026-03-10').toISOString(),
      amountFen: 99999,
    });
    expect(big.status).to.equal(422);
    expect(big.body.error.code).to.equal('refund_exceeds_amount');
    const future = await chain.post(`/return-requests/${req.id}/outcome`, {
      outcome: 'honored',
      refundedAt: shanghaiNoon('2026-03-11').toISOString(),
      amountFen: 100,
    });
    expect(future.body.error.code).to.equal('refund_in_future');
    const bad = await chain.post(`/return-requests/${req.id}/outcome`, { outcome: 'maybe' });
    expect(bad.status).to.equal(400);
    expect((await ReturnRequestModel.findById(req.id).lean())!.status).to.equal('pending');
  });
});
