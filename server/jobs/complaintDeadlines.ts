// The complaint clock (DESIGN.md lifecycle), in Chinese working days. Every firing — a reminder, an
// escalation, an automatic acceptance, an overdue notice, a promised remedy's date or confirmation — is claimed with a unique insert first, so it
// happens once even if this job runs twice, on two instances, or again after a restart. A paused
// deadline (shared/deadlines.ts) has no due time while the pause lasts, so none of these queries finds it.
import { addWorkingDays } from '../../shared/calendar.js';
import type { StoredPause } from '../../shared/deadlines.js';
import { systemTransition, type SystemAction } from '../commands/transitionComplaint.js';
import { notifyComplaint } from '../complaints/notify.js';
import { LIMITS } from '../complaints/projection.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { IdempotencyKeyModel } from '../models/IdempotencyKey.js';
import { JobRunModel } from '../models/JobRun.js';
import { logger } from '../logger.js';
import { claim } from './claim.js';
import type { Job } from './scheduler.js';

export const COMPLAINT_DEADLINE_JOB = 'complaint-deadlines';
const FIRING = 'complaint-deadline';
const DAY = 24 * 3600 * 1000;
// Small batches keep one run short; the next minute's run continues where this one stopped.
const BATCH = 100;
// Notices about a deadline long past (after downtime, or for imported history) are claimed silently:
// the state still changes and lists still show it overdue, but nobody gets a stale reminder.
const STALE_MS = 3 * DAY;
const ABANDONED_MS = 10 * 60_000;

/** A status change made by the clock; the claim is released if it failed, so the next run retries. */
async function fire(
  key: string,
  c: ComplaintRecord,
  action: SystemAction,
  at: Date,
  dueAt = c.deadlines!.current!.dueAt!,
): Promise<boolean> {
  if (!(await claim(key, FIRING))) {
    // Claimed long ago yet still due: its firer died before the transition. Retrying is safe, because
    // the event's unique (complaintId, seq) still lets only one transition through.
    const run = await JobRunModel.findOne({ key }).lean();
    if (!run || at.getTime() - new Date(run.at).getTime() < ABANDONED_MS) return false;
  }
  try {
    const late = at.getTime() - new Date(dueAt).getTime();
    return (await systemTransition(c._id, action, c.version, { quiet: late > STALE_MS })) !== null;
  } catch (err) {
    await JobRunModel.deleteOne({ key });
    logger.error({ err, key }, 'deadline firing failed; will retry');
    return false;
  }
}

// What a notice needs of a complaint; the candidates are read slim, because every one is scanned.
const SLIM = {
  number: 1,
  status: 1,
  version: 1,
  consumerId: 1,
  merchantId: 1,
  merchantName: 1,
  regulatorRegion: 1,
  priority: 1,
  'product.name': 1,
  deadlines: 1,
  statusSince: 1,
  remedy: 1,
  remedyCheckAt: 1,
  disclosure: 1,
  disclosureAt: 1,
};

async function merchantStage(at: Date) {
  let reminded = 0;
  // A reminder is due no earlier than 3 calendar days after the stage began.
  const rows = (await ComplaintModel.find(
    { status: 'awaiting_merchant', 'deadlines.current.startedAt': { $lte: new Date(at.getTime() - 3 * DAY) } },
    SLIM,
  ).lean()) as ComplaintRecord[];
  for (const c of rows) {
    const id = String(c._id);
    const current = c.deadlines!.current!;
    const started = new Date(current.startedAt!);
    // A paused deadline has no due time and its clock does not run: no reminder either.
    if (!current.dueAt) continue;
    if (at >= new Date(current.dueAt)) continue; // escalation, below
    // Ended pauses move the reminder points as they move the due day.
    const moved = ((current.pauses ?? []) as StoredPause[]).reduce((n, p) => n + (p.workingDays ?? 0), 0);
    const point = (k: number) => addWorkingDays(started, k + moved);
    // Only the latest reminder reached, and only while it is fresh: after downtime nobody gets two at once.
    const n = [...LIMITS.merchantReminders].reverse().find((k) => at >= point(k));
    if (!n || at.getTime() - point(n).getTime() > STALE_MS) continue;
    if (!(await claim(`complaint:${id}:remind${n}`, FIRING))) continue;
    await notifyComplaint(c, `${id}:remind${n}`, 'merchant_reminder', ['merchant'], { days: String(n) });
    reminded++;
  }
  let escalated = 0;
  for (const c of await due('awaiting_merchant', at)) if (await fire(`complaint:${c._id}:escalate`, c, 'escalate', at)) escalated++;
  return { reminded, escalated };
}

/** The oldest BATCH complaints of a status past their due time; each firing moves them on. */
async function due(status: string, at: Date) {
  return (await ComplaintModel.find({ status, 'deadlines.current.dueAt': { $lte: at } }, SLIM)
    .sort({ 'deadlines.current.dueAt': 1 })
    .limit(BATCH)
    .lean()) as ComplaintRecord[];
}

export async function checkComplaintDeadlines(at: Date) {
  const merchant = await merchantStage(at);
  let autoAccepted = 0;
  for (const c of await due('merchant_responded', at))
    if (await fire(`complaint:${c._id}:auto_accept:${c.version}`, c, 'auto_accept', at)) autoAccepted++;

  let overdue = 0;
  const late = (await ComplaintModel.find(
    { status: 'awaiting_regulator', 'deadlines.current.dueAt': { $lte: at, $gt: new Date(at.getTime() - STALE_MS) } },
    SLIM,
  ).lean()) as ComplaintRecord[];
  for (const c of late) {
    // Keyed by the stage start: a transfer restarts the receiving bureau's clock.
    const since = new Date(c.statusSince).getTime();
    if (!(await claim(`complaint:${c._id}:acceptance_overdue:${since}`, FIRING))) continue;
    await notifyComplaint(c, `${c._id}:overdue:${since}`, 'acceptance_overdue', ['regulators']);
    overdue++;
  }

  let expired = 0;
  for (const c of await due('in_mediation', at))
    if (await fire(`complaint:${c._id}:mediation_expired`, c, 'mediation_expired', at)) expired++;

  const remedies = await remedyChecks(at);
  let disclosed = 0;
  // The merchant's comment window is over: the complaint is published (its public record follows the event).
  for (const c of (await ComplaintModel.find({ disclosureAt: { $lte: at } }, SLIM)
    .sort({ disclosureAt: 1 })
    .limit(BATCH)
    .lean()) as ComplaintRecord[])
    if (await fire(`complaint:${c._id}:disclose`, c, 'disclose', at, c.disclosureAt!)) disclosed++;
  // The scheduler's own slot claims for this job, and idempotency keys, are only needed for a while.
  await JobRunModel.deleteMany({ job: COMPLAINT_DEADLINE_JOB, at: { $lt: new Date(at.getTime() - 7 * DAY) } });
  await IdempotencyKeyModel.deleteMany({ at: { $lt: new Date(at.getTime() - 30 * DAY) } });
  return { ...merchant, autoAccepted, overdue, expired, ...remedies, disclosed };
}

/**
 * Promised remedies: past its date without a recorded fulfilment, the complaint goes to the bureau;
 * a fulfilment neither confirmed nor disputed after 7 days, the consumer is asked again (an event, so
 * the timeline shows it). Both keyed by the complaint's version, which each of them moves on.
 */
async function remedyChecks(at: Date) {
  let remedyOverdue = 0;
  let remedyReminders = 0;
  const rows = (await ComplaintModel.find({ remedyCheckAt: { $lte: at } }, SLIM)
    .sort({ remedyCheckAt: 1 })
    .limit(BATCH)
    .lean()) as ComplaintRecord[];
  for (const c of rows) {
    const overdue = (c.remedy as { status?: string } | undefined)?.status === 'promised';
    const action = overdue ? 'remedy_overdue' : 'remedy_reminder';
    if (!(await fire(`complaint:${c._id}:${action}:${c.version}`, c, action, at, c.remedyCheckAt!))) continue;
    if (overdue) remedyOverdue++;
    else remedyReminders++;
  }
  return { remedyOverdue, remedyReminders };
}

export const complaintDeadlineJob: Job = { name: COMPLAINT_DEADLINE_JOB, everyMs: 60_000, run: checkComplaintDeadlines };
