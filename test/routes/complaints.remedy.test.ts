import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { addCalendarDays, addWorkingDays, endOfShanghaiDay } from '../../shared/calendar.js';
import { testClock } from '../../server/clock.js';
import { effectsSettled } from '../../server/complaints/effectRunner.js';
import { COMPLAINT_DEADLINE_JOB } from '../../server/jobs/complaintDeadlines.js';
import { runJob } from '../../server/jobs/scheduler.js';
import { ComplaintEventModel } from '../../server/models/ComplaintEvent.js';
import { NotificationModel } from '../../server/models/Notification.js';
import { merchantCredit } from '../../server/products/credit.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { FsStorage } from '../../server/storage/fs.js';
import { setStorage } from '../../server/storage/index.js';
import { act, filing, fileVia } from '../helpers/complaints.js';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const HOUR = 3600 * 1000;
const FILED = new Date('2026-03-02T02:00:00Z'); // Monday 10:00 in Shanghai
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function proof(name = '转账记录.png') {
  const f = new FormData();
  f.append('file', new Blob([PNG], { type: 'image/png' }), name);
  return f;
}

describe('proof of remedy: a promised refund is recorded, confirmed or disputed, or goes to the bureau when late', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let dir: string;
  let consumer: ApiClient, merchant: ApiClient, hz: ApiClient;
  const run = async (at: Date) => {
    testClock.set(at);
    const r = (await runJob(COMPLAINT_DEADLINE_JOB, at)) as Record<string, number>;
    await effectsSettled();
    return r;
  };
  const kinds = async (id: string) => (await NotificationModel.find({ complaintId: id }).lean()).map((n) => n.kind);
  const ok = async (r: Promise<{ status: number; text: string; body: any }>) => {
    const res = await r;
    expect(res.status, res.text).to.equal(200);
    return res.body;
  };

  before(async function () {
    this.timeout(60_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fangxin-remedy-'));
    setStorage(new FsStorage(dir));
  });
  beforeEach(async function () {
    this.timeout(60_000);
    world = await freshWorld();
    srv = await startTestServer();
    consumer = await signedIn(srv.url, DEMO.consumer);
    merchant = await signedIn(srv.url, DEMO.merchant);
    hz = await signedIn(srv.url, DEMO.regulatorHz);
  });
  afterEach(() => srv.stop());
  after(() => {
    testClock.reset();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A complaint whose merchant promised a refund by `promisedBy` and whose consumer accepted it. */
  async function promised(promisedBy?: string) {
    testClock.set(FILED);
    const c = await fileVia(consumer, filing(world));
    testClock.set(new Date(FILED.getTime() + 2 * HOUR));
    const remedy = { type: 'refund', amountFen: 12900, ...(promisedBy ? { promisedBy } : {}) };
    await ok(act(merchant, c.id, 'respond', { responseType: 'accepted', remedy, messageToConsumer: '同意全额退款' }));
    testClock.set(new Date(FILED.getTime() + 3 * HOUR));
    return ok(act(consumer, c.id, 'accept_response'));
  }

  async function recordFulfilment(id: string) {
    const up = await merchant.post(`/complaints/${id}/attachments`, proof());
    expect(up.status, up.text).to.equal(201);
    return ok(
      act(merchant, id, 'record_fulfilment', { amountFen: 12900, fulfilledOn: '2026-03-04', attachmentId: up.body.id, note: '已原路退回' }),
    );
  }

  it('confirmed: the merchant records the refund with its proof, the consumer confirms, and the promise counts as kept', async () => {
    const c = await promised('2026-03-10');
    expect(c.status).to.equal('resolved');
    expect(c.remedy).to.include({
      type: 'refund',
      amountFen: 12900,
      status: 'promised',
      dueAt: endOfShanghaiDay('2026-03-10').toISOString(),
    });
    expect(c.promiseCheckAt).to.equal(undefined);
    expect((await merchant.get(`/complaints/${c.id}`)).body.allowedActions).to.include('record_fulfilment');
    expect(c.allowedActions).to.not.include('confirm_remedy');

    // The proof must be evidence of this complaint; the consumer cannot record the merchant's fulfilment.
    const other = await fileVia(consumer, filing(world));
    const foreign = (await merchant.post(`/complaints/${other.id}/attachments`, proof())).body.id;
    const wrong = await act(merchant, c.id, 'record_fulfilment', { amountFen: 12900, fulfilledOn: '2026-03-04', attachmentId: foreign });
    expect(wrong.status).to.equal(422);
    expect(
      (await act(consumer, c.id, 'record_fulfilment', { amountFen: 1, fulfilledOn: '2026-03-04', attachmentId: foreign })).status,
    ).to.equal(403);
    // The bare promise question of the rating is gone for followed remedies.
    expect((await act(consumer, c.id, 'rate', { satisfaction: 4, promiseKept: true })).status).to.equal(422);

    testClock.set(new Date(FILED.getTime() + 30 * HOUR));
    const recorded = await recordFulfilment(c.id);
    expect(recorded.remedy.status).to.equal('fulfilled');
    expect(recorded.remedy.fulfilment).to.include({ amountFen: 12900, fulfilledOn: '2026-03-04', note: '已原路退回' });
    const mine = await ok(consumer.get(`/complaints/${c.id}`));
    expect(mine.allowedActions).to.include.members(['confirm_remedy', 'dispute_remedy']);
    expect((await consumer.get(`/attachments/${recorded.remedy.fulfilment.attachmentId}`)).status).to.equal(200);

    const confirmed = await ok(act(consumer, c.id, 'confirm_remedy'));
    expect(confirmed.status).to.equal('resolved');
    expect(confirmed.remedy.status).to.equal('confirmed');
    const detail = await ok(consumer.get(`/complaints/${c.id}`));
    expect(detail.timeline.map((e: { action: string }) => e.action)).to.deep.equal([
      'file',
      'respond',
      'accept_response',
      'record_fulfilment',
      'confirm_remedy',
    ]);
    await effectsSettled();
    expect(await kinds(c.id)).to.include.members(['remedy_fulfilled', 'remedy_confirmed']);
    const credit = await merchantCredit(String(world.chain._id), new Date(FILED.getTime() + 40 * HOUR));
    expect(credit.figures).to.include({ promisesKept180d: 1, promisesDecided180d: 1, promisesKeptRate180d: 1 });
    // Nothing is left for the clock.
    expect(await run(addCalendarDays(FILED, 30))).to.include({ remedyOverdue: 0, remedyReminders: 0 });
  });

  it('disputed: asked again once after 7 days unconfirmed, then the dispute takes the complaint and its proof to the bureau', async () => {
    const c = await promised();
    // No date given: due 7 working days after the consumer accepted.
    expect(c.remedy.dueAt).to.equal(addWorkingDays(new Date(FILED.getTime() + 3 * HOUR), 7).toISOString());
    const recordedAt = new Date(FILED.getTime() + 30 * HOUR);
    testClock.set(recordedAt);
    const recorded = await recordFulfilment(c.id);

    expect(await run(new Date(addCalendarDays(recordedAt, 7).getTime() - HOUR))).to.include({ remedyReminders: 0 });
    const ask = new Date(addCalendarDays(recordedAt, 7).getTime() + HOUR);
    const [a, b] = await Promise.all([run(ask), run(ask)]);
    expect(a.remedyReminders! + b.remedyReminders!).to.equal(1);
    expect((await run(new Date(ask.getTime() + 3 * 24 * HOUR))).remedyReminders).to.equal(0);
    expect((await kinds(c.id)).filter((k) => k === 'remedy_reminder')).to.have.length(1);

    const asked = await ok(consumer.get(`/complaints/${c.id}`));
    expect(asked.remedy.remindedAt).to.be.a('string');
    const disputed = await ok(act(consumer, c.id, 'dispute_remedy', { reason: '只收到一半退款' }));
    expect(disputed.status).to.equal('awaiting_regulator');
    expect(disputed.remedy).to.include({ status: 'disputed', disputeReason: '只收到一半退款' });
    expect(disputed.closedAt).to.equal(undefined);
    expect(disputed.outcome).to.equal(undefined);
    expect(disputed.deadlines.current.kind).to.equal('regulator_acceptance');

    // The bureau sees the complaint, the recorded fulfilment and its proof, and may accept it.
    const bureau = await ok(hz.get(`/complaints/${c.id}`));
    expect(bureau.allowedActions).to.include('accept');
    expect(bureau.remedy.fulfilment.attachmentId).to.equal(recorded.remedy.fulfilment.attachmentId);
    // Closed a week before, the complaint was published in between (5 working days after it closed).
    expect(bureau.timeline.map((e: { action: string }) => e.action).slice(-4)).to.deep.equal([
      'record_fulfilment',
      'disclose',
      'remedy_reminder',
      'dispute_remedy',
    ]);
    expect((await hz.get(`/attachments/${recorded.remedy.fulfilment.attachmentId}`)).status).to.equal(200);
    await effectsSettled();
    expect(await kinds(c.id)).to.include.members(['remedy_disputed', 'awaiting_regulator']);
    const credit = await merchantCredit(String(world.chain._id), new Date(ask.getTime() + 4 * 24 * HOUR));
    expect(credit.figures).to.include({ promisesKept180d: 0, promisesDecided180d: 1, promisesKeptRate180d: 0 });
  });

  it('overdue: no fulfilment by the promised date moves the complaint to the bureau once, also across a restart', async () => {
    const c = await promised('2026-03-06');
    const due = endOfShanghaiDay('2026-03-06');
    expect(await run(new Date(due.getTime() - HOUR))).to.include({ remedyOverdue: 0 });
    // A restart: the server stops, a new one starts on the same database, and the clock still knows.
    await srv.stop();
    srv = await startTestServer();
    const late = new Date(due.getTime() + HOUR);
    const [a, b] = await Promise.all([run(late), run(late)]);
    expect(a.remedyOverdue! + b.remedyOverdue!).to.equal(1);
    expect((await run(new Date(late.getTime() + HOUR))).remedyOverdue).to.equal(0);
    expect(await ComplaintEventModel.countDocuments({ complaintId: c.id, action: 'remedy_overdue' })).to.equal(1);

    const now = await ok((await signedIn(srv.url, DEMO.regulatorHz)).get(`/complaints/${c.id}`));
    expect(now.status).to.equal('awaiting_regulator');
    expect(now.remedy.status).to.equal('overdue');
    expect(now.allowedActions).to.include('accept');
    expect((await kinds(c.id)).filter((k) => k === 'remedy_overdue')).to.have.length.greaterThan(0);
    // Too late to record it now: the bureau has the complaint.
    const m = await signedIn(srv.url, DEMO.merchant);
    const up = (await m.post(`/complaints/${c.id}/attachments`, proof())).body.id;
    expect((await act(m, c.id, 'record_fulfilment', { amountFen: 12900, fulfilledOn: '2026-03-09', attachmentId: up })).status).to.equal(
      409,
    );
  });
});
