// What of a complaint leaves the server, per viewer: the consumer's identity only for those entitled
// to it, the merchant's note to the bureau never for the consumer.
import { actionsFor, guardsOf, INTERNAL_ACTIONS, type RemedyStatus } from '../../shared/complaintMachine.js';
import type { ComplaintStatus } from '../../shared/enums.js';
import type {
  Attachment,
  Complaint,
  ComplaintMessage,
  ComplaintOutcome,
  ComplaintResponse,
  Remedy,
  TimelineEvent,
} from '../../shared/schemas/complaint.js';
import { now } from '../clock.js';
import type { AttachmentRecord } from '../models/Attachment.js';
import type { ComplaintRecord } from '../models/Complaint.js';
import type { ComplaintEventRecord } from '../models/ComplaintEvent.js';
import type { ComplaintMessageRecord } from '../models/ComplaintMessage.js';
import { UserModel } from '../models/User.js';
import { findByIds } from '../db/byIds.js';
import type { Actor } from '../policies/index.js';
import { complaintParty, seesConsumerIdentity, seesInternal } from '../policies/complaints.js';
import { assignmentOf, DEADLINE_BASE, type CurrentDeadline } from '../complaints/projection.js';
import { deadlineActions } from '../policies/deadlines.js';
import { explainDeadline } from '../../shared/deadlines.js';
import { endOfShanghaiDay } from '../../shared/calendar.js';

const iso = (d: unknown) => (d ? new Date(d as Date).toISOString() : undefined);

/** The merchant's note is for the bureau: consumers never receive it. */
function withoutRegulatorNote<T>(v: T, actor: Actor | null): T {
  if (!v || typeof v !== 'object' || actor?.role !== 'consumer') return v;
  const { noteToRegulator: _n, ...rest } = v as Record<string, unknown>;
  return rest as T;
}

/** Optional fields the database keeps as null or absent leave the server absent. */
function present<T extends object>(v: T | null | undefined): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(v ?? {}).filter(([, x]) => x !== null && x !== undefined)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}

type Identity = { name: string; phone?: string };

/** Consumer names and phones for the complaints whose viewer may see them. */
export async function identities(list: ComplaintRecord[], actor: Actor | null): Promise<Map<string, Identity>> {
  const ids = [...new Set(list.filter((c) => seesConsumerIdentity(actor, c)).map((c) => String(c.consumerId)))];
  if (!ids.length) return new Map();
  // The viewer's own identity came with the request (a consumer's filing answer reads no user).
  const own = actor?.identity && ids.includes(actor.id) ? ([[actor.id, actor.identity]] as const) : [];
  const others = ids.filter((id) => id !== actor?.id || !actor.identity);
  // One `_id` read each (FerretDB reads the whole collection for an `$in`).
  const users = others.length ? await findByIds<{ name: string; phone?: string | null }>(UserModel, others, { name: 1, phone: 1 }) : [];
  return new Map<string, Identity>([
    ...own,
    ...users.map((u) => [String(u._id), { name: u.name, ...(u.phone ? { phone: u.phone } : {}) }] as const),
  ]);
}

type StoredRemedy = Omit<Remedy, 'dueAt' | 'remindedAt' | 'settledAt' | 'fulfilment' | 'status'> & {
  status: RemedyStatus;
  dueAt: Date;
  remindedAt?: Date;
  settledAt?: Date;
  fulfilment?: Omit<NonNullable<Remedy['fulfilment']>, 'at' | 'attachmentId'> & { at: Date; attachmentId: unknown };
};

function presentRemedy({ fulfilment, remindedAt, settledAt, ...r }: StoredRemedy): Remedy {
  return {
    ...r,
    dueAt: iso(r.dueAt)!,
    ...(remindedAt ? { remindedAt: iso(remindedAt) } : {}),
    ...(settledAt ? { settledAt: iso(settledAt) } : {}),
    ...(fulfilment ? { fulfilment: { ...fulfilment, attachmentId: String(fulfilment.attachmentId), at: iso(fulfilment.at)! } } : {}),
  };
}

type StoredDisclosure = {
  state: 'pending' | 'commented' | 'public';
  dueAt: Date;
  comment?: { text: string; at: Date };
  publishedAt?: Date;
};

function presentDisclosure(d: StoredDisclosure): NonNullable<Complaint['disclosure']> {
  return {
    state: d.state,
    dueAt: iso(d.dueAt)!,
    ...(d.comment ? { comment: { text: d.comment.text, at: iso(d.comment.at)! } } : {}),
    ...(d.publishedAt ? { publishedAt: iso(d.publishedAt) } : {}),
  };
}

/** The current deadline with its explanation; a paused one is shown due as if resumed today. */
function presentDeadline(d: CurrentDeadline | undefined): Complaint['deadlines']['current'] {
  if (!d?.kind || !d.startedAt || !(d.dueAt || d.pausedAt)) return null;
  const at = now();
  const explanation = explainDeadline(d, DEADLINE_BASE[d.kind]!, at);
  const dueAt = d.dueAt ? new Date(d.dueAt) : endOfShanghaiDay(explanation.dueDay);
  return {
    kind: d.kind as NonNullable<Complaint['deadlines']['current']>['kind'],
    dueAt: iso(dueAt)!,
    startedAt: iso(d.startedAt),
    overdue: !explanation.paused && dueAt.getTime() < at.getTime(),
    paused: explanation.paused,
    ...(d.pauseRequest
      ? {
          pauseRequest: {
            reason: d.pauseRequest.reason,
            ...(d.pauseRequest.note ? { note: d.pauseRequest.note } : {}),
            at: iso(d.pauseRequest.at)!,
          },
        }
      : {}),
    explanation,
  };
}

export function presentComplaint(c: ComplaintRecord, actor: Actor | null, who?: Map<string, Identity>): Complaint {
  const current = c.deadlines?.current;
  const identity = seesConsumerIdentity(actor, c) ? who?.get(String(c.consumerId)) : undefined;
  const assigned = seesInternal(actor, c) ? assignmentOf(c, actor!.regionCode) : undefined;
  return {
    id: String(c._id),
    number: c.number,
    status: c.status as ComplaintStatus,
    version: c.version,
    // No stable consumer identifier for merchants: it would tie a consented complaint's name to all
    // the others of the same consumer.
    ...(actor?.role === 'merchant' ? {} : { consumerId: String(c.consumerId) }),
    ...(identity ? { consumer: identity } : {}),
    merchantId: String(c.merchantId),
    merchantName: c.merchantName,
    storeId: String(c.storeId),
    storeName: c.storeName,
    storeCountyCode: c.storeCountyCode,
    countyCode: c.countyCode,
    cityCode: c.cityCode,
    regulatorRegion: c.regulatorRegion,
    product: present(c.product) as Complaint['product'],
    purchase: present(c.purchase) as Complaint['purchase'],
    problemType: c.problemType,
    description: c.description,
    demand: present(c.demand) as Complaint['demand'],
    ...(c.safetyIncident ? { safetyIncident: c.safetyIncident as Complaint['safetyIncident'] } : {}),
    contactAgreement: c.contactAgreement,
    priority: c.priority as 'normal' | 'urgent',
    deadlines: { current: presentDeadline(current as CurrentDeadline | undefined), actions: deadlineActions(actor, c) },
    // Stored as the events wrote them; the response check (outside production) holds them to the schema.
    ...(c.response ? { response: withoutRegulatorNote(c.response as ComplaintResponse, actor) } : {}),
    ...(c.outcome ? { outcome: c.outcome as ComplaintOutcome } : {}),
    ...(c.rating ? { rating: c.rating as NonNullable<Complaint['rating']> } : {}),
    ...(c.respondedAt ? { respondedAt: iso(c.respondedAt), respondedInTime: !!c.respondedInTime } : {}),
    ...(c.closedAt ? { closedAt: iso(c.closedAt) } : {}),
    ...(c.remedy ? { remedy: presentRemedy(c.remedy as StoredRemedy) } : {}),
    ...(c.publishDescription ? { publishDescription: true } : {}),
    ...(c.disclosure ? { disclosure: presentDisclosure(c.disclosure as StoredDisclosure) } : {}),
    ...(c.links?.returnRequestId ? { links: { returnRequestId: c.links.returnRequestId } } : {}),
    ...(assigned ? { assignee: { id: String(assigned.userId), name: assigned.name } } : {}),
    allowedActions: actionsFor(
      complaintParty(actor, c),
      c.status as ComplaintStatus,
      c.priority as 'normal' | 'urgent',
      (c.response as { responseType?: string } | undefined)?.responseType,
      guardsOf(c),
    ),
    createdAt: iso(c.createdAt)!,
    updatedAt: iso(c.updatedAt)!,
  };
}

/** The timeline as the viewer may see it: assignments are the bureaus' internal side. */
export function presentTimeline(
  events: ComplaintEventRecord[],
  actor: Actor | null,
  c: Parameters<typeof seesInternal>[1],
): TimelineEvent[] {
  const internal = seesInternal(actor, c);
  return events.filter((e) => internal || !INTERNAL_ACTIONS.includes(e.action)).map((e) => presentEvent(e, actor));
}

export function presentEvent(e: ComplaintEventRecord, actor: Actor | null): TimelineEvent {
  // The filing event holds the whole first document; the complaint itself already shows it.
  const data = e.action === 'file' ? {} : withoutRegulatorNote((e.data ?? {}) as Record<string, unknown>, actor);
  return { seq: e.seq, action: e.action, from: e.from ?? null, to: e.to, party: e.party, at: iso(e.at)!, data };
}

export function presentMessage(m: ComplaintMessageRecord, c: { contactAgreement: boolean }, showConsumerName: boolean): ComplaintMessage {
  const hidden = m.party === 'consumer' && !showConsumerName && !c.contactAgreement;
  return {
    id: String(m._id),
    complaintId: String(m.complaintId),
    party: m.party,
    authorName: hidden ? null : m.authorName,
    body: m.body,
    ...(m.attachmentId ? { attachmentId: String(m.attachmentId) } : {}),
    at: iso(m.at)!,
  };
}

export function presentAttachment(a: AttachmentRecord): Attachment {
  return { id: String(a._id), name: a.name, size: a.size, contentType: a.contentType, ...(a.at ? { at: iso(a.at) } : {}) };
}
