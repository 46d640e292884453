// The complaint contract (API.md "Complaints"): what a consumer files, what each actor may send,
// and what a complaint looks like when it leaves the server.
import { z } from 'zod';
import { CATEGORIES, COMPLAINT_STATUSES, DEMAND_TYPES, LOCALES, PROBLEM_TYPES, SAFETY_KINDS } from '../enums.js';
import { isValidGtin } from '../gtin.js';
import { REMEDY_STATUSES } from '../complaintMachine.js';
import { objectId } from './common.js';
import { deadlineExplanationSchema, PAUSE_REASONS } from '../deadlines.js';
import { DEADLINE_ACTIONS } from './deadlinePauses.js';

/** Integer fen, up to 100 million yuan: anything larger is a typo, not a purchase. */
export const fen = z.number().int('must be whole fen').min(0).max(10_000_000_000);

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

// A purchase date: YYYY-MM-DD or an ISO instant, not in the future. One day of slack absorbs the
// offset between the browser's and the server's calendar day (UTC+8).
const purchaseDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be a date (YYYY-MM-DD)')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a real date')
  .refine((s) => Date.parse(s) <= Date.now() + 24 * 3600 * 1000, 'must not be in the future')
  .refine((s) => Date.parse(s) >= Date.parse('2000-01-01'), 'is too long ago');

export const complaintProductSchema = z
  .object({
    name: text(120),
    category: z.enum(CATEGORIES),
    gtin: z.string().trim().refine(isValidGtin, 'must be a GTIN-13 or GTIN-8 barcode with a valid check digit').optional(),
    brand: optionalText(80),
    model: optionalText(80),
    batch: optionalText(80),
  })
  .strict();

export const purchaseSchema = z
  .object({
    date: purchaseDate,
    amountFen: fen,
    channel: z.enum(['in_store', 'online']),
    orderRef: optionalText(80),
  })
  .strict();

export const demandSchema = z.object({ type: z.enum(DEMAND_TYPES), amountFen: fen.optional() }).strict();

export const safetyIncidentSchema = z.object({ kind: z.enum(SAFETY_KINDS), injured: z.boolean(), description: text(2000) }).strict();

export const createComplaintSchema = z
  .object({
    storeId: objectId,
    product: complaintProductSchema,
    purchase: purchaseSchema,
    problemType: z.enum(PROBLEM_TYPES),
    description: text(5000),
    demand: demandSchema,
    safetyIncident: safetyIncidentSchema.optional(),
    contactAgreement: z.boolean(),
    /** The consumer agrees that the public record shows the description, scrubbed of personal data. */
    publishDescription: z.boolean().optional(),
  })
  .strict();
export type CreateComplaintInput = z.infer<typeof createComplaintSchema>;

export const REMEDY_TYPES = ['refund', 'exchange', 'repair', 'compensation', 'explanation'] as const;
export const RESPONSE_TYPES = ['accepted', 'rejected', 'not_concerned'] as const;
/** Interim Measures art. 15: the grounds on which a bureau may decline a complaint. */
export const DECLINE_REASONS = [
  'not_market_regulation',
  'handled_elsewhere',
  'no_consumer_dispute',
  'over_three_years',
  'missing_details',
  'other_legal_ground',
] as const;

const expectedVersion = z.number().int().min(1);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a real date');

export const transitionSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('respond'),
      expectedVersion,
      responseType: z.enum(RESPONSE_TYPES),
      remedy: z
        .object({
          type: z.enum(REMEDY_TYPES),
          amountFen: fen.optional(),
          /** The day (Shanghai) by which a refund, exchange, repair or compensation will be done. */
          promisedBy: day.optional(),
        })
        .strict()
        .optional(),
      messageToConsumer: text(5000),
      noteToRegulator: optionalText(5000),
    })
    .strict()
    .refine((v) => v.responseType !== 'accepted' || v.remedy, { message: 'an accepted response names its remedy', path: ['remedy'] }),
  z.object({ action: z.literal('accept_response'), expectedVersion }).strict(),
  z.object({ action: z.literal('reject_response'), expectedVersion, reason: text(2000) }).strict(),
  z.object({ action: z.literal('accept'), expectedVersion, note: optionalText(2000) }).strict(),
  z.object({ action: z.literal('decline'), expectedVersion, reasonCode: z.enum(DECLINE_REASONS), note: optionalText(2000) }).strict(),
  z
    .object({
      action: z.literal('transfer'),
      expectedVersion,
      toRegion: z.string().regex(/^33\d{4}$/, 'must be a Zhejiang county code'),
      note: optionalText(2000),
    })
    .strict(),
  z.object({ action: z.literal('mediation_succeeded'), expectedVersion, agreement: text(5000) }).strict(),
  z.object({ action: z.literal('mediation_failed'), expectedVersion, reason: text(2000) }).strict(),
  z.object({ action: z.literal('withdraw'), expectedVersion, reason: optionalText(2000) }).strict(),
  z.object({ action: z.literal('redirect'), expectedVersion, storeId: objectId }).strict(),
  // The proof is an attachment uploaded to the complaint first (receipt, transfer record, photo).
  z
    .object({
      action: z.literal('record_fulfilment'),
      expectedVersion,
      amountFen: fen,
      fulfilledOn: day,
      attachmentId: objectId,
      note: optionalText(2000),
    })
    .strict(),
  z.object({ action: z.literal('confirm_remedy'), expectedVersion }).strict(),
  z.object({ action: z.literal('comment_publicly'), expectedVersion, text: text(1000) }).strict(),
  z.object({ action: z.literal('dispute_remedy'), expectedVersion, reason: text(2000) }).strict(),
  z
    .object({
      action: z.literal('rate'),
      expectedVersion,
      satisfaction: z.number().int().min(1).max(5),
      promiseKept: z.boolean().optional(),
    })
    .strict(),
]);
export type TransitionInput = z.infer<typeof transitionSchema>;
export type UserAction = TransitionInput['action'];

/** A message may point at evidence uploaded to the same complaint just before. */
export const messageSchema = z.object({ body: text(5000), attachmentId: objectId.optional() }).strict();

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date');

export const INBOX_TABS = ['todo', 'responded', 'bureau', 'closed'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

export const complaintListQuery = z
  .object({
    status: z.union([z.enum(COMPLAINT_STATUSES), z.enum(['open', 'closed'])]).optional(),
    countyCode: z
      .string()
      .regex(/^33(\d{2}(\d{2})?)?$/, 'must be a Zhejiang region code')
      .optional(),
    category: z.enum(CATEGORIES).optional(),
    merchantId: objectId.optional(),
    priority: z.enum(['normal', 'urgent']).optional(),
    /** The merchant inbox's tabs: awaiting the merchant, answered (awaiting the consumer), with the bureau, closed. */
    tab: z.enum(INBOX_TABS).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    /** A bureau's views (regulators only): `me` (我的), `none` (未分配), or one officer's id. */
    assignee: z.union([z.enum(['me', 'none']), objectId]).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    q: z.string().trim().max(100).optional(),
    /** `deadline` sorts open items by their next due time (merchant inbox, regulator queue). */
    sort: z.enum(['newest', 'deadline']).default('newest'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type ComplaintListQuery = z.infer<typeof complaintListQuery>;

/** `lang`: the language of the region names in the file (the reader's); Chinese by default. */
export const exportQuery = complaintListQuery.omit({ limit: true, cursor: true, sort: true }).extend({ lang: z.enum(LOCALES).optional() });
export const countQuery = complaintListQuery.omit({ limit: true, cursor: true, sort: true });

/** A list's result count, and the same filters' count per inbox tab (status and tab filters aside). */
export const complaintCountsSchema = z.object({
  count: z.number().int(),
  tabs: z.object({ todo: z.number().int(), responded: z.number().int(), bureau: z.number().int(), closed: z.number().int() }),
});
export type ComplaintCounts = z.infer<typeof complaintCountsSchema>;

export const DEADLINE_KINDS = ['merchant_response', 'consumer_reply', 'regulator_acceptance', 'mediation'] as const;

/** The merchant's answer as the complaint keeps it, with the consumer's reply once given. */
export const complaintResponseSchema = z.object({
  responseType: z.enum(RESPONSE_TYPES),
  remedy: z.object({ type: z.enum(REMEDY_TYPES), amountFen: z.number().optional(), promisedBy: z.string().optional() }).optional(),
  messageToConsumer: z.string(),
  /** Absent for consumers: the note is for the bureau. */
  noteToRegulator: z.string().optional(),
  at: z.string(),
  consumerReply: z
    .object({ accepted: z.boolean(), auto: z.boolean().optional(), reason: z.string().optional(), at: z.string() })
    .optional(),
});
export type ComplaintResponse = z.infer<typeof complaintResponseSchema>;

/** How a closed complaint ended: the closing action's details, stamped with when and whether the system closed it. */
export const complaintOutcomeSchema = z.object({
  kind: z.enum(['resolved', 'declined', 'mediated', 'mediation_failed', 'withdrawn']),
  reason: z.string().optional(),
  reasonCode: z.enum(DECLINE_REASONS).optional(),
  note: z.string().optional(),
  agreement: z.string().optional(),
  auto: z.boolean(),
  at: z.string(),
});
export type ComplaintOutcome = z.infer<typeof complaintOutcomeSchema>;

/** A promised remedy: what, by when, its recorded fulfilment and the consumer's verdict. */
export const remedySchema = z.object({
  type: z.enum(REMEDY_TYPES),
  amountFen: z.number().optional(),
  dueAt: z.string(),
  status: z.enum(REMEDY_STATUSES),
  fulfilment: z
    .object({ amountFen: z.number(), fulfilledOn: z.string(), attachmentId: objectId, note: z.string().optional(), at: z.string() })
    .optional(),
  /** When the consumer was asked again to confirm or dispute. */
  remindedAt: z.string().optional(),
  settledAt: z.string().optional(),
  disputeReason: z.string().optional(),
});
export type Remedy = z.infer<typeof remedySchema>;

/** The publication of a closed complaint: the comment window's end, the merchant's comment, when published. */
export const disclosureSchema = z.object({
  state: z.enum(['pending', 'commented', 'public']),
  dueAt: z.string(),
  comment: z.object({ text: z.string(), at: z.string() }).optional(),
  publishedAt: z.string().optional(),
});

export const complaintSchema = z.object({
  id: objectId,
  number: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  version: z.number().int(),
  /** Absent for merchants: they get no stable consumer identifier. */
  consumerId: z.string().optional(),
  /** Name and phone: for the consumer, the handling bureau, and the merchant only with contactAgreement. */
  consumer: z.object({ name: z.string(), phone: z.string().optional() }).optional(),
  merchantId: objectId,
  merchantName: z.string(),
  storeId: objectId,
  storeName: z.string(),
  /** The store's county (jurisdiction is the merchant's registered county for online purchases). */
  storeCountyCode: z.string(),
  countyCode: z.string(),
  cityCode: z.string(),
  regulatorRegion: z.string(),
  product: complaintProductSchema,
  purchase: z.object({ date: z.string(), amountFen: z.number(), channel: z.enum(['in_store', 'online']), orderRef: z.string().optional() }),
  problemType: z.enum(PROBLEM_TYPES),
  description: z.string(),
  demand: demandSchema,
  safetyIncident: safetyIncidentSchema.optional(),
  contactAgreement: z.boolean(),
  priority: z.enum(['normal', 'urgent']),
  deadlines: z.object({
    current: z
      .object({
        kind: z.enum(DEADLINE_KINDS),
        /** While paused: when it would be due if resumed today. */
        dueAt: z.string(),
        startedAt: z.string().optional(),
        overdue: z.boolean(),
        /** Paused for testing, inspection or appraisal: the clock does not run (shared/deadlines.ts). */
        paused: z.boolean(),
        /** The merchant's pending request that the bureau pause its response deadline. */
        pauseRequest: z.object({ reason: z.enum(PAUSE_REASONS), note: z.string().optional(), at: z.string() }).optional(),
        /** Why it is due when it is: start, working days, 调休 and holidays on the way, pauses. */
        explanation: deadlineExplanationSchema,
      })
      .nullable(),
    /** What the viewer may do with the current deadline now. */
    actions: z.array(z.enum(DEADLINE_ACTIONS)),
  }),
  response: complaintResponseSchema.optional(),
  outcome: complaintOutcomeSchema.optional(),
  /** promiseKept: the bare answer asked before remedies were followed (complaints of that time only). */
  rating: z.object({ satisfaction: z.number(), promiseKept: z.boolean().optional(), at: z.string() }).optional(),
  respondedAt: z.string().optional(),
  respondedInTime: z.boolean().optional(),
  closedAt: z.string().optional(),
  remedy: remedySchema.optional(),
  publishDescription: z.boolean().optional(),
  disclosure: disclosureSchema.optional(),
  links: z.object({ returnRequestId: z.string().optional() }).optional(),
  /** The officer of the viewer's bureau it is assigned to (regulators only). */
  assignee: z.object({ id: objectId, name: z.string() }).optional(),
  allowedActions: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Complaint = z.infer<typeof complaintSchema>;

/** A message of a complaint's thread; the author's name is hidden where the consumer's identity is. */
export const complaintMessageSchema = z
  .object({
    id: objectId,
    complaintId: objectId,
    party: z.enum(['consumer', 'merchant', 'regulator', 'admin']),
    authorName: z.string().nullable(),
    body: z.string(),
    attachmentId: objectId.optional(),
    at: z.string(),
  })
  .strict();
export type ComplaintMessage = z.infer<typeof complaintMessageSchema>;

export const attachmentSchema = z.object({
  id: objectId,
  name: z.string(),
  size: z.number(),
  contentType: z.string(),
  at: z.string().optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** One event of a complaint's history; `data` holds the action's own details (none for the filing). */
export const timelineEventSchema = z.object({
  seq: z.number().int(),
  action: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  party: z.string(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

/** GET /complaints/:id: the complaint with its timeline (oldest first), thread and evidence. */
export const complaintDetailSchema = complaintSchema.extend({
  timeline: z.array(timelineEventSchema),
  messages: z.array(complaintMessageSchema),
  attachments: z.array(attachmentSchema),
});
export type ComplaintDetail = z.infer<typeof complaintDetailSchema>;
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'application/pdf'] as const;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** GET /complaints/:id/record.pdf: the record in the reader's language (Chinese by default). */
export const recordQuery = z.object({ lang: z.enum(LOCALES).optional() }).strict();
