// A complaint document is the fold of its events. Filing, every transition, the demo seeder and the
// rebuild command all go through `applyEvent`, so they produce identical documents.
import type { ComplaintStatus } from '../../shared/enums.js';
import { DISCLOSED_STATUSES, FULFILLED_REMEDIES, isClosed } from '../../shared/complaintMachine.js';
import { addCalendarDays, addWorkingDays, endOfShanghaiDay } from '../../shared/calendar.js';
import { pausedWorkingDays, type StoredPause } from '../../shared/deadlines.js';

export interface EventLike {
  seq: number;
  action: string;
  from?: string | null;
  to: string;
  party: string;
  actorId?: unknown;
  at: Date;
  data?: Record<string, unknown> | null;
}

/** Working days the merchant has, reminder points, and the bureau's limits (DESIGN.md lifecycle). */
export const LIMITS = {
  merchantWorkingDays: 10,
  merchantReminders: [3, 7],
  consumerReplyDays: 7,
  acceptanceWorkingDays: 7,
  mediationWorkingDays: 45,
  /** A promised remedy without a date is due this many working days after the consumer accepted it. */
  remedyWorkingDays: 7,
  /** The consumer is asked again when a recorded fulfilment is neither confirmed nor disputed this long. */
  remedyConfirmDays: 7,
  /** A closed complaint is published after this many working days, the merchant's comment window. */
  disclosureWorkingDays: 5,
} as const;

// The projection as a plain object (what the Complaint model stores).
export type ComplaintState = Record<string, any> & {
  _id: unknown;
  status: ComplaintStatus;
  version: number;
  statusSince: Date;
  priority: 'normal' | 'urgent';
};

/** A bureau's officer for a complaint (`region` is the bureau's region code). */
export interface Assignment {
  region: string;
  userId: string;
  name: string;
  at: Date | string;
}

/** The officer the bureau of `region` assigned the complaint to, if any. */
export function assignmentOf(c: { assignments?: unknown }, region: string | undefined): Assignment | undefined {
  return ((c.assignments ?? []) as Assignment[]).find((a) => a.region === region);
}

type Deadline = { kind: string; dueAt: Date; startedAt: Date } | null;

/** The limit of each deadline kind before pauses (the explanation starts from it). */
export const DEADLINE_BASE: Record<string, { unit: 'working_days' | 'calendar_days'; days: number }> = {
  merchant_response: { unit: 'working_days', days: LIMITS.merchantWorkingDays },
  consumer_reply: { unit: 'calendar_days', days: LIMITS.consumerReplyDays },
  regulator_acceptance: { unit: 'working_days', days: LIMITS.acceptanceWorkingDays },
  mediation: { unit: 'working_days', days: LIMITS.mediationWorkingDays },
};

/** A merchant's request that the bureau pause its response deadline, until the bureau decides. */
export interface PauseRequest {
  reason: StoredPause['reason'];
  note?: string;
  at: Date;
}

/** The stored current deadline: without `dueAt` while a pause lasts, so no clock query finds it. */
export type CurrentDeadline = {
  kind: string;
  startedAt: Date;
  dueAt?: Date;
  pauses?: StoredPause[];
  pausedAt?: Date;
  pauseRequest?: PauseRequest;
} | null;

/**
 * The stage's deadline after an event, with its pauses: the same stage (kind and start) keeps them, a
 * new stage starts without. Each ended pause moves the due day by its working days; while one lasts
 * the deadline has no due time at all.
 */
function currentDeadline(prev: CurrentDeadline | undefined, base: Deadline, e: EventLike, data: Record<string, any>): CurrentDeadline {
  if (!base) return null;
  const same = !!prev && prev.kind === base.kind && new Date(prev.startedAt).getTime() === new Date(base.startedAt).getTime();
  let pauses: StoredPause[] = same ? [...(prev!.pauses ?? [])] : [];
  let request = same ? prev!.pauseRequest : undefined;
  switch (e.action) {
    case 'request_pause':
      request = { reason: data.reason, ...(data.note ? { note: data.note } : {}), at: e.at };
      break;
    case 'decline_pause_request':
      request = undefined;
      break;
    case 'pause_deadline':
      pauses.push({ reason: data.reason, from: e.at, requestedBy: data.requestedBy, ...(data.note ? { note: data.note } : {}) });
      request = undefined;
      break;
    case 'resume_deadline':
      pauses = pauses.map((p) => (p.to ? p : { ...p, to: e.at, workingDays: pausedWorkingDays(p.from, e.at) }));
      break;
  }
  if (!pauses.length && !request) return base;
  const out: NonNullable<CurrentDeadline> = {
    ...base,
    ...(pauses.length ? { pauses } : {}),
    ...(request ? { pauseRequest: request } : {}),
  };
  const moved = pauses.reduce((n, p) => n + (p.workingDays ?? 0), 0);
  if (moved) out.dueAt = addWorkingDays(base.startedAt, DEADLINE_BASE[base.kind]!.days + moved);
  const open = pauses.find((p) => !p.to);
  if (open) {
    delete out.dueAt;
    out.pausedAt = new Date(open.from);
  }
  return out;
}

export function deadlineFor(status: ComplaintStatus, since: Date, acceptedAt?: Date): Deadline {
  switch (status) {
    case 'awaiting_merchant':
      return { kind: 'merchant_response', startedAt: since, dueAt: addWorkingDays(since, LIMITS.merchantWorkingDays) };
    case 'merchant_responded':
      return { kind: 'consumer_reply', startedAt: since, dueAt: addCalendarDays(since, LIMITS.consumerReplyDays) };
    case 'awaiting_regulator':
      return { kind: 'regulator_acceptance', startedAt: since, dueAt: addWorkingDays(since, LIMITS.acceptanceWorkingDays) };
    case 'in_mediation': {
      const start = acceptedAt ?? since;
      return { kind: 'mediation', startedAt: start, dueAt: addWorkingDays(start, LIMITS.mediationWorkingDays) };
    }
    default:
      return null;
  }
}

const OUTCOME_OF: Record<string, string> = {
  accept_response: 'resolved',
  auto_accept: 'resolved',
  decline: 'declined',
  mediation_succeeded: 'mediated',
  mediation_failed: 'mediation_failed',
  mediation_expired: 'mediation_failed',
  withdraw: 'withdrawn',
};

/** A merchant's accepted refund, exchange, repair or compensation becomes a remedy to fulfil by its date. */
function promiseRemedy(next: ComplaintState, response: Record<string, any> | undefined, at: Date) {
  const remedy = response?.remedy as { type: string; amountFen?: number; promisedBy?: string } | undefined;
  if (response?.responseType !== 'accepted' || !remedy || !(FULFILLED_REMEDIES as readonly string[]).includes(remedy.type)) return;
  const dueAt = remedy.promisedBy ? endOfShanghaiDay(remedy.promisedBy) : addWorkingDays(at, LIMITS.remedyWorkingDays);
  next.remedy = {
    type: remedy.type,
    ...(remedy.amountFen !== undefined ? { amountFen: remedy.amountFen } : {}),
    dueAt,
    status: 'promised',
  };
  next.remedyCheckAt = dueAt;
}

export function applyEvent(state: ComplaintState | null, e: EventLike): ComplaintState {
  const data = (e.data ?? {}) as Record<string, any>;
  if (e.action === 'file') {
    if (state) throw new Error('a complaint is filed once');
    const status = e.to as ComplaintStatus;
    return {
      ...(data.complaint as Record<string, unknown>),
      _id: data.complaint._id,
      status,
      version: e.seq,
      statusSince: e.at,
      priority: data.complaint.priority,
      deadlines: { current: deadlineFor(status, e.at) },
      createdAt: e.at,
      updatedAt: e.at,
    };
  }
  if (!state) throw new Error(`event ${e.action} before filing`);
  const next: ComplaintState = { ...state, version: e.seq, updatedAt: e.at };
  if (e.to !== state.status) {
    next.status = e.to as ComplaintStatus;
    next.statusSince = e.at;
    if (isClosed(next.status)) next.closedAt = e.at;
    // Closing opens the merchant's comment window before publication; a published complaint stays published.
    if (DISCLOSED_STATUSES.includes(next.status) && !state.disclosure) {
      next.disclosureAt = addWorkingDays(e.at, LIMITS.disclosureWorkingDays);
      next.disclosure = { state: 'pending', dueAt: next.disclosureAt };
    }
  }
  switch (e.action) {
    case 'respond':
      next.response = { ...data, at: e.at };
      next.respondedAt = e.at;
      // A merchant answering while its deadline is paused answers in time.
      next.respondedInTime =
        !!state.deadlines?.current &&
        (!state.deadlines.current.dueAt || e.at.getTime() <= new Date(state.deadlines.current.dueAt).getTime());
      break;
    case 'reject_response':
      next.response = { ...state.response, consumerReply: { accepted: false, reason: data.reason, at: e.at } };
      break;
    case 'accept_response':
    case 'auto_accept':
      next.response = { ...state.response, consumerReply: { accepted: true, auto: e.action === 'auto_accept', at: e.at } };
      promiseRemedy(next, state.response, e.at);
      break;
    case 'record_fulfilment':
      next.remedy = { ...state.remedy, status: 'fulfilled', fulfilment: { ...data, at: e.at } };
      next.remedyCheckAt = addCalendarDays(e.at, LIMITS.remedyConfirmDays);
      break;
    case 'remedy_reminder':
      next.remedy = { ...state.remedy, remindedAt: e.at };
      delete next.remedyCheckAt;
      break;
    case 'confirm_remedy':
      next.remedy = { ...state.remedy, status: 'confirmed', settledAt: e.at };
      delete next.remedyCheckAt;
      break;
    case 'dispute_remedy':
    case 'remedy_overdue':
      // The bureau takes over: the complaint is open again, its earlier close no longer its outcome.
      next.remedy = {
        ...state.remedy,
        status: e.action === 'dispute_remedy' ? 'disputed' : 'overdue',
        settledAt: e.at,
        ...(data.reason ? { disputeReason: data.reason } : {}),
      };
      delete next.remedyCheckAt;
      delete next.closedAt;
      delete next.outcome;
      // Not yet published: the window opens again when the bureau closes it.
      if (state.disclosure?.state !== 'public') {
        delete next.disclosure;
        delete next.disclosureAt;
      }
      break;
    case 'comment_publicly':
      next.disclosure = { ...state.disclosure, state: 'commented', comment: { text: data.text, at: e.at } };
      break;
    case 'disclose':
      next.disclosure = { ...state.disclosure, state: 'public', publishedAt: e.at };
      delete next.disclosureAt;
      break;
    case 'accept':
      next.acceptedAt = e.at;
      break;
    case 'transfer':
      next.regulatorRegion = data.toRegion;
      // The receiving bureau's acceptance clock starts anew.
      next.statusSince = e.at;
      break;
    case 'redirect':
      // The new store's merchant and jurisdiction; the old merchant's answer no longer applies.
      Object.assign(next, data.route);
      next.redirectedFrom = { merchantId: state.merchantId, storeId: state.storeId, response: state.response, at: e.at };
      delete next.response;
      delete next.respondedAt;
      delete next.respondedInTime;
      break;
    case 'assign':
      // One officer per bureau (keyed by the bureau's region): a reassignment replaces that bureau's.
      next.assignments = [
        ...((state.assignments ?? []) as Assignment[]).filter((a) => a.region !== data.region),
        { region: data.region, userId: data.assigneeId, name: data.assigneeName, at: e.at },
      ];
      break;
    case 'rate':
      next.rating = {
        satisfaction: data.satisfaction,
        ...(data.promiseKept !== undefined ? { promiseKept: data.promiseKept } : {}),
        at: e.at,
      };
      break;
  }
  const outcome = OUTCOME_OF[e.action];
  // The closing event's details (reason, agreement) are the outcome, stamped with who closed it and when.
  if (outcome) next.outcome = { kind: outcome, ...data, auto: e.party === 'system', at: e.at };
  next.deadlines = {
    current: currentDeadline(state.deadlines?.current, deadlineFor(next.status, next.statusSince, next.acceptedAt), e, data),
  };
  return next;
}

export function fold(events: EventLike[]): ComplaintState | null {
  let state: ComplaintState | null = null;
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) state = applyEvent(state, e);
  return state;
}

/** A comparable form of a document: ids and dates as strings, empty values dropped, keys sorted. */
export function canonical(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && v && typeof (v as { toHexString?: unknown }).toHexString === 'function') return String(v);
  if (Array.isArray(v)) return v.map(canonical);
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) {
      if (k === '__v') continue;
      const c = canonical((v as Record<string, unknown>)[k]);
      if (c !== undefined && !(typeof c === 'object' && c && !Array.isArray(c) && Object.keys(c).length === 0)) out[k] = c;
    }
    return out;
  }
  return v;
}

/** Paths whose values differ between two documents (for the rebuild report). */
export function differences(a: unknown, b: unknown, path = ''): string[] {
  const x = canonical(a);
  const y = canonical(b);
  if (JSON.stringify(x) === JSON.stringify(y)) return [];
  if (x && y && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x) && !Array.isArray(y)) {
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    return [...keys].flatMap((k) => differences((x as any)[k], (y as any)[k], path ? `${path}.${k}` : k));
  }
  return [path || '(root)'];
}
