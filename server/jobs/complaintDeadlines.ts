// The complaint clock (DESIGN.md lifecycle), in Chinese working days. Every firing — a reminder, an
// escalation, an automatic acceptance, an overdue notice — is claimed with a unique insert first, so it
// happens once even if this job runs twice, on two instances, or again after a restart.
import { addWorkingDays } from '../../shared/calendar.js';
import { systemTransition, type SystemAction } from '../commands/transitionComplaint.js';
import { notifyComplaint } from '../complaints/notify.js';
import { LIMITS } from '../complaints/projection.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { JobRunModel } from '../models/JobRun.js';
import { logger } from '../logger.js';
import { claim } from './claim.js';
import { registerJob } from './scheduler.js';

export const COMPLAINT_DEADLINE_JOB = 'complaint-deadlines';
const FIRING = 'complaint-deadline';
const DAY = 24 * 3600 * 1000;
const BATCH = 500;

/** A status change made by the clock; the claim is released if it failed, so the next run retries. */
async function fire(key: string, c: ComplaintRecord, action: SystemAction): Promise<boolean> {
  if (!(await claim(key, FIRING))) return false;
  try {
    return (await systemTransition(c._id, action, c.version)) !== null;
  } catch (err) {
    await JobRunModel.deleteOne({ key });
    logger.error({ err, key }, 'deadline firing failed; will retry');
    return false;
  }
}

async function merchantStage(at: Date) {
  let reminded = 0;
  let escalated = 0;
  // A reminder is due no earlier than 3 calendar days after the stage began.
  const rows = (await ComplaintModel.find({ status: 'awaiting_merchant', 'deadlines.current.startedAt': { $lte: new Date(at.getTime() - 3 * DAY) } })
    .limit(BATCH)
    .lean()) as ComplaintRecord[];
  for (const c of rows) {
    const id = String(c._id);
    const started = new Date(c.deadlines!.current!.startedAt!);
    if (at >= new Date(c.deadlines!.current!.dueAt!)) {
      if (await fire(`complaint:${id}:escalate`, c, 'escalate')) escalated++;
      continue;
    }
    const reached = LIMITS.merchantReminders.filter((n) => at >= addWorkingDays(started, n));
    for (const n of reached) {
      // After downtime only the latest reminder is sent; the earlier one is claimed silently.
      if (!(await claim(`complaint:${id}:remind${n}`, FIRING))) continue;
      if (n !== reached[reached.length - 1]) continue;
      await notifyComplaint(c, `${id}:remind${n}`, 'merchant_reminder', ['merchant'], { days: String(n) });
      reminded++;
    }
  }
  return { reminded, escalated };
}

async function due(status: string, at: Date) {
  return (await ComplaintModel.find({ status, 'deadlines.current.dueAt': { $lte: at } }).limit(BATCH).lean()) as ComplaintRecord[];
}

export async function checkComplaintDeadlines(at: Date) {
  const merchant = await merchantStage(at);
  let autoAccepted = 0;
  for (const c of await due('merchant_responded', at)) if (await fire(`complaint:${c._id}:auto_accept:${c.version}`, c, 'auto_accept')) autoAccepted++;

  let overdue = 0;
  for (const c of await due('awaiting_regulator', at)) {
    // Keyed by the stage start: a transfer restarts the receiving bureau's clock.
    const since = new Date(c.statusSince).getTime();
    if (!(await claim(`complaint:${c._id}:acceptance_overdue:${since}`, FIRING))) continue;
    await notifyComplaint(c, `${c._id}:overdue:${since}`, 'acceptance_overdue', ['regulators']);
    overdue++;
  }

  let expired = 0;
  for (const c of await due('in_mediation', at)) if (await fire(`complaint:${c._id}:mediation_expired`, c, 'mediation_expired')) expired++;

  let promiseChecks = 0;
  const promised = (await ComplaintModel.find({ promiseCheckAt: { $lte: at } }).limit(BATCH).lean()) as ComplaintRecord[];
  for (const c of promised) {
    if ((c.rating as { promiseKept?: boolean } | undefined)?.promiseKept !== undefined) continue;
    if (!(await claim(`complaint:${c._id}:promise_check`, FIRING))) continue;
    await notifyComplaint(c, `${c._id}:promise_check`, 'promise_check', ['consumer']);
    promiseChecks++;
  }
  // The scheduler's own slot claims for this job are only needed for a while.
  await JobRunModel.deleteMany({ job: COMPLAINT_DEADLINE_JOB, at: { $lt: new Date(at.getTime() - 7 * DAY) } });
  return { ...merchant, autoAccepted, overdue, expired, promiseChecks };
}

registerJob({ name: COMPLAINT_DEADLINE_JOB, everyMs: 60_000, run: checkComplaintDeadlines });
