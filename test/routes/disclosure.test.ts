import { expect } from 'chai';
import { addWorkingDays } from '../../shared/calendar.js';
import { testClock } from '../../server/clock.js';
import { effectsSettled } from '../../server/complaints/effectRunner.js';
import { COMPLAINT_DEADLINE_JOB } from '../../server/jobs/complaintDeadlines.js';
import { runJob } from '../../server/jobs/scheduler.js';
import { PublicComplaintModel } from '../../server/models/PublicComplaint.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { act, filing, fileVia } from '../helpers/complaints.js';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const HOUR = 3600 * 1000;
// Tuesday 29 September 2026, 10:00 in Shanghai: the National Day holiday (1–7 October) follows, and
// Saturday 10 October is a 调休 working day.
const CLOSED = new Date('2026-09-29T02:00:00Z');

describe('public complaint disclosure (投诉公示)', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let consumer: ApiClient, merchant: ApiClient, shop: ApiClient, anon: ApiClient;
  const run = async (at: Date) => {
    testClock.set(at);
    const r = (await runJob(COMPLAINT_DEADLINE_JOB, at)) as Record<string, number>;
    await effectsSettled();
    return r;
  };

  before(async function () {
    this.timeout(60_000);
    world = await freshWorld();
    srv = await startTestServer();
    consumer = await signedIn(srv.url, DEMO.consumer);
    merchant = await signedIn(srv.url, DEMO.merchant);
    shop = await signedIn(srv.url, DEMO.shop);
    anon = new ApiClient(srv.url);
  });
  after(async () => {
    testClock.reset();
    await srv.stop();
  });

  /** Files and closes a complaint with the merchant's accepted explanation at CLOSED. */
  async function closed(over: Record<string, unknown> = {}) {
    testClock.set(new Date(CLOSED.getTime() - 2 * HOUR));
    const c = await fileVia(consumer, { ...filing(world), ...over });
    await act(merchant, c.id, 'respond', { responseType: 'accepted', remedy: { type: 'explanation' }, messageToConsumer: '已说明' });
    testClock.set(CLOSED);
    const r = await act(consumer, c.id, 'accept_response');
    expect(r.status, r.text).to.equal(200);
    return r.body;
  }

  it('publishes after 5 working days across the National Day holiday and its 调休 Saturday, with the one merchant comment and no consumer identity', async () => {
    const description = '我叫张晓明，电话13805711234，身份证330106199001011234，邮箱zxm@example.com。店里王经理拒绝退款。';
    const c = await closed({ description, publishDescription: true, contactAgreement: true });
    // Sep 30, Oct 8, Oct 9, Oct 10 (Saturday, 调休), Oct 12: the window ends with Monday 12 October in Shanghai.
    const due = addWorkingDays(CLOSED, 5);
    expect(due.toISOString()).to.equal('2026-10-12T16:00:00.000Z');
    expect(c.disclosure).to.deep.include({ state: 'pending', dueAt: due.toISOString() });

    const m = await merchant.get(`/complaints/${c.id}`);
    expect(m.body.allowedActions).to.include('comment_publicly');
    expect((await act(consumer, c.id, 'comment_publicly', { text: '我也想说' })).status).to.equal(403);
    const other = await shop.post(`/complaints/${c.id}/transitions`, {
      action: 'comment_publicly',
      expectedVersion: c.version,
      text: '别家的',
    });
    expect(other.status).to.equal(404);
    testClock.set(new Date(CLOSED.getTime() + 24 * HOUR));
    const commented = await act(merchant, c.id, 'comment_publicly', { text: '已向顾客解释并致歉，后续加强培训。' });
    expect(commented.status, commented.text).to.equal(200);
    expect(commented.body.disclosure.state).to.equal('commented');
    // One comment only.
    expect((await act(merchant, c.id, 'comment_publicly', { text: '再补充一句' })).status).to.equal(409);

    expect(await run(new Date(due.getTime() - HOUR))).to.include({ disclosed: 0 });
    expect((await anon.get('/public/complaints')).body.items).to.have.length(0);
    const [a, b] = await Promise.all([run(new Date(due.getTime() + HOUR)), run(new Date(due.getTime() + HOUR))]);
    expect(a.disclosed! + b.disclosed!).to.equal(1);
    expect(await PublicComplaintModel.countDocuments({ complaintId: c.id })).to.equal(1);

    // Signed out, the list shows the record: merchant, store, category, problem, demand, outcome, dates, comment.
    const list = await anon.get(`/public/complaints?merchantId=${c.merchantId}`);
    expect(list.status, list.text).to.equal(200);
    expect(list.body.total).to.equal(1);
    const [rec] = list.body.items;
    expect(rec).to.include({
      merchantName: c.merchantName,
      storeName: c.storeName,
      category: 'household_appliance',
      problemType: 'quality',
    });
    expect(rec).to.include({ outcome: 'resolved', filedOn: '2026-09-29', closedOn: '2026-09-29' });
    expect(rec.demand).to.deep.equal({ type: 'refund', amountFen: 12900 });
    expect(rec.merchantComment.text).to.equal('已向顾客解释并致歉，后续加强培训。');
    expect(rec.description).to.equal('我叫[姓名]，电话[电话]，身份证[证件号]，邮箱[邮箱]。店里某经理拒绝退款。');
    const text = JSON.stringify(list.body);
    for (const secret of ['张晓明', '13805711234', '330106199001011234', 'zxm@example.com', c.number, c.consumerId])
      expect(text).to.not.include(secret);
    // Other filters are equalities too; a city with none answers an empty page.
    expect((await anon.get('/public/complaints?category=household_appliance')).body.items).to.have.length(1);
    expect((await anon.get('/public/complaints?cityCode=3302')).body.items).to.have.length(0);
    expect((await anon.get('/public/complaints?cityCode=33')).status).to.equal(400);
    // After publication there is nothing more to comment.
    expect((await merchant.get(`/complaints/${c.id}`)).body.allowedActions).to.not.include('comment_publicly');
  });

  it('never publishes the description without the consumer opting in, nor a withdrawn complaint', async () => {
    const c = await closed({ description: '私人情况，不愿公开。' });
    testClock.set(new Date(CLOSED.getTime() - HOUR));
    const w = await fileVia(consumer, filing(world));
    await act(consumer, w.id, 'withdraw');
    await run(new Date(addWorkingDays(CLOSED, 6).getTime()));
    const items = (await anon.get('/public/complaints?limit=100')).body.items as { id: string; description?: string; storeName: string }[];
    const mine = await PublicComplaintModel.findOne({ complaintId: c.id }).lean();
    expect(mine).to.not.equal(null);
    expect(mine!.description).to.equal(undefined);
    expect(await PublicComplaintModel.countDocuments({ complaintId: w.id })).to.equal(0);
    expect(items.every((i) => i.description !== '私人情况，不愿公开。')).to.equal(true);
  });
});
