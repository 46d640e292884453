import { expect } from 'chai';
import { addCalendarDays, addWorkingDays } from '../../shared/calendar.js';
import { testClock } from '../../server/clock.js';
import { fileComplaint } from '../../server/commands/fileComplaint.js';
import { transitionComplaint } from '../../server/commands/transitionComplaint.js';
import { COMPLAINT_DEADLINE_JOB } from '../../server/jobs/complaintDeadlines.js';
import { runJob } from '../../server/jobs/scheduler.js';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { JobRunModel } from '../../server/models/JobRun.js';
import { ComplaintEventModel } from '../../server/models/ComplaintEvent.js';
import { NotificationModel } from '../../server/models/Notification.js';
import { OutboxMailModel } from '../../server/models/OutboxMail.js';
import { toActor } from '../../server/policies/actor.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { consumerId, filing } from '../helpers/complaints.js';
import { DEMO } from '../helpers/http.js';
import { freshWorld, startTestServer } from '../helpers/server.js';

const HOUR = 3600 * 1000;
const FILED = new Date('2026-03-02T02:00:00Z'); // Monday 10:00 in Shanghai

describe('complaint deadline jobs', () => {
  let world: DemoWorld;
  const actor = (email: string) => toActor(world.users.get(email)! as never);
  const run = (at: Date) => (testClock.set(at), runJob(COMPLAINT_DEADLINE_JOB, at)) as Promise<Record<string, number>>;
  const file = async () => {
    testClock.set(FILED);
    return (await fileComplaint({ consumerId: consumerId(world), data: filing(world) })).complaint;
  };
  const kinds = async (id: unknown) => (await NotificationModel.find({ complaintId: id }).lean()).map((n) => n.kind);

  beforeEach(async () => {
    world = await freshWorld();
  });
  after(() => testClock.reset());

  it('reminds the merchant at 3 and 7 working days and escalates at 10, each once, also after a restart', async () => {
    const c = await file();
    expect((await run(new Date(addWorkingDays(FILED, 2).getTime() + HOUR))).reminded).to.equal(0);
    const at3 = new Date(addWorkingDays(FILED, 3).getTime() + HOUR);
    expect((await run(at3)).reminded).to.equal(1);
    expect((await run(at3)).reminded).to.equal(0);
    // A restart: a new server process on the same database runs the job again.
    const srv = await startTestServer();
    expect((await run(new Date(at3.getTime() + HOUR))).reminded).to.equal(0);
    await srv.stop();
    expect((await run(new Date(addWorkingDays(FILED, 7).getTime() + HOUR))).reminded).to.equal(1);
    expect((await kinds(c._id)).filter((k) => k === 'merchant_reminder')).to.have.length(2);

    const before = new Date(addWorkingDays(FILED, 10).getTime() - HOUR);
    expect((await run(before)).escalated).to.equal(0);
    const after = new Date(addWorkingDays(FILED, 10).getTime() + HOUR);
    const [a, b] = await Promise.all([run(after), run(after)]);
    expect(a.escalated! + b.escalated!).to.equal(1);
    expect((await run(after)).escalated).to.equal(0);
    const now = await ComplaintModel.findById(c._id).lean();
    expect(now!.status).to.equal('awaiting_regulator');
    expect(await ComplaintEventModel.countDocuments({ complaintId: c._id, action: 'escalate' })).to.equal(1);
    expect((await kinds(c._id)).filter((k) => k === 'merchant_reminder')).to.have.length(2);
    expect(await OutboxMailModel.countDocuments({ key: `${c._id}:remind3` })).to.equal(1);
  });

  it('accepts the response when the consumer is silent for 7 days, and the promised repair is then followed as a remedy', async () => {
    const c = await file();
    const respondedAt = new Date(FILED.getTime() + 5 * HOUR);
    testClock.set(respondedAt);
    await transitionComplaint(actor(DEMO.merchant), String(c._id), {
      action: 'respond',
      expectedVersion: 1,
      responseType: 'accepted',
      remedy: { type: 'repair' },
      messageToConsumer: '免费维修',
    });
    expect((await run(new Date(addCalendarDays(respondedAt, 7).getTime() - HOUR))).autoAccepted).to.equal(0);
    const at = new Date(addCalendarDays(respondedAt, 7).getTime() + HOUR);
    expect((await run(at)).autoAccepted).to.equal(1);
    expect((await run(at)).autoAccepted).to.equal(0);
    const resolved = await ComplaintModel.findById(c._id).lean();
    expect(resolved!.status).to.equal('resolved');
    expect((resolved!.outcome as { auto: boolean }).auto).to.equal(true);
    expect(resolved!.remedy).to.include({ type: 'repair', status: 'promised' });
    expect(resolved!.remedyCheckAt).to.be.an.instanceOf(Date);
  });

  it('marks acceptance overdue after 7 working days once, and ends mediation after 45 working days', async () => {
    const c = await file();
    const rejectAt = new Date(FILED.getTime() + 6 * HOUR);
    testClock.set(rejectAt);
    await transitionComplaint(actor(DEMO.merchant), String(c._id), {
      action: 'respond',
      expectedVersion: 1,
      responseType: 'rejected',
      messageToConsumer: '不同意',
    });
    await transitionComplaint(actor(DEMO.consumer), String(c._id), { action: 'reject_response', expectedVersion: 2, reason: '不接受' });
    const overdueAt = new Date(addWorkingDays(rejectAt, 7).getTime() + HOUR);
    expect((await run(new Date(overdueAt.getTime() - 2 * HOUR))).overdue).to.equal(0);
    expect((await run(overdueAt)).overdue).to.equal(1);
    expect((await run(overdueAt)).overdue).to.equal(0);
    expect((await kinds(c._id)).filter((k) => k === 'acceptance_overdue').length).to.be.greaterThan(0);

    testClock.set(overdueAt);
    const accepted = await transitionComplaint(actor(DEMO.regulatorHz), String(c._id), { action: 'accept', expectedVersion: 3 });
    expect(accepted.status).to.equal('in_mediation');
    const end = new Date(addWorkingDays(overdueAt, 45).getTime() + HOUR);
    expect((await run(new Date(end.getTime() - 2 * HOUR))).expired).to.equal(0);
    expect((await run(end)).expired).to.equal(1);
    expect((await run(end)).expired).to.equal(0);
    const failed = await ComplaintModel.findById(c._id).lean();
    expect(failed!.status).to.equal('mediation_failed');
    expect(await ComplaintEventModel.countDocuments({ complaintId: c._id, action: 'mediation_expired' })).to.equal(1);
  });

  it('after long downtime changes state without stale notices, and sends no stale reminders', async () => {
    const c = await file();
    const late = new Date(addWorkingDays(FILED, 10).getTime() + 5 * 24 * HOUR);
    const r = await run(late);
    expect(r).to.include({ reminded: 0, escalated: 1 });
    expect((await ComplaintModel.findById(c._id).lean())!.status).to.equal('awaiting_regulator');
    expect((await kinds(c._id)).filter((k) => k !== 'filed_consumer' && k !== 'filed_merchant')).to.deep.equal([]);
    expect((await run(new Date(late.getTime() + 20 * 24 * HOUR))).overdue).to.equal(0);
  });

  it('recovers a firing whose claimer died before the transition, and still fires it once', async () => {
    const c = await file();
    const due = new Date(addWorkingDays(FILED, 10).getTime() + HOUR);
    // A process claimed the escalation and crashed before inserting the event.
    await JobRunModel.create({ key: `complaint:${c._id}:escalate`, job: 'complaint-deadline', at: due });
    expect((await run(new Date(due.getTime() + 60_000))).escalated).to.equal(0);
    const later = new Date(due.getTime() + 11 * 60_000);
    const [a, b] = await Promise.all([run(later), run(later)]);
    expect(a.escalated! + b.escalated!).to.equal(1);
    expect(await ComplaintEventModel.countDocuments({ complaintId: c._id, action: 'escalate' })).to.equal(1);
  });
});
