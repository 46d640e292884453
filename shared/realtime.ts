// The socket.io contract (API.md "Realtime"): each event's payload as a zod schema, so the server's
// emitters and the client's handlers are typed from one declaration and tests can check real payloads.
import { z } from 'zod';
import { ACCOUNT_STATUSES, COMPLAINT_STATUSES } from './enums.js';
import { objectId } from './schemas/common.js';
import { complaintMessageSchema } from './schemas/complaint.js';
import { complaintNoteSchema } from './schemas/officers.js';
import { CASE_STATUSES } from './schemas/products.js';
import { recallReachSchema } from './schemas/recalls.js';
import { RETURN_STATUSES } from './schemas/returns.js';

const flagProduct = z
  .object({
    id: objectId,
    name: z.string(),
    category: z.string(),
    gtin: z.string().nullable(),
    brand: z.string().nullable(),
    model: z.string().nullable(),
    producer: z.string().nullable(),
  })
  .strict();

export const serverEventSchemas = {
  'complaint:created': z.object({ id: objectId, countyCode: z.string(), priority: z.enum(['normal', 'urgent']) }).strict(),
  'complaint:updated': z.object({ id: objectId, status: z.enum(COMPLAINT_STATUSES), version: z.number().int() }).strict(),
  'complaint:message': z.object({ complaintId: objectId, message: complaintMessageSchema }).strict(),
  /** An officer's internal note, to the watchers of the complaint who may see its internal side (officers only). */
  'complaint:note': z.object({ complaintId: objectId, note: complaintNoteSchema }).strict(),
  notification: z.object({ id: objectId, kind: z.string(), title: z.string(), link: z.string() }).strict(),
  'flag:raised': z.object({ id: objectId, product: flagProduct, score: z.number() }).strict(),
  'case:updated': z.object({ id: objectId, status: z.enum(CASE_STATUSES) }).strict(),
  'import:progress': z
    .object({
      jobId: objectId,
      done: z.number().int(),
      total: z.number().int(),
      status: z.enum(['queued', 'running', 'done', 'failed']).optional(),
    })
    .strict(),
  /** A bulk action's progress (to its officer's room): each complaint done or skipped, then done. */
  'bulk:progress': z
    .object({
      jobId: objectId,
      done: z.number().int(),
      skipped: z.number().int(),
      total: z.number().int(),
      status: z.enum(['running', 'done']),
    })
    .strict(),
  /** A recall's reach figures changed (to the bureaus of its regions). */
  'recall:reach': recallReachSchema.strict(),
  'return:updated': z.object({ id: objectId, status: z.enum(RETURN_STATUSES), breach: z.boolean() }).strict(),
  /** The account was approved or rejected (to the user's room). */
  'account:updated': z.object({ status: z.enum(ACCOUNT_STATUSES) }).strict(),
};

export type ServerEvent = keyof typeof serverEventSchemas;
export type ServerEventPayload<E extends ServerEvent> = z.infer<(typeof serverEventSchemas)[E]>;
export type ServerToClientEvents = { [E in ServerEvent]: (p: ServerEventPayload<E>) => void };

export type Ack = (r: { ok: true } | { error: { code: string; message: string } }) => void;

export const watchSchema = z.object({ id: objectId }).strict();

export interface ClientToServerEvents {
  'complaint:watch': (p: z.infer<typeof watchSchema>, ack: Ack) => void;
  'complaint:unwatch': (p: z.infer<typeof watchSchema>, ack: Ack) => void;
}

export const rooms = {
  user: (id: string) => `user:${id}`,
  org: (id: string) => `org:${id}`,
  store: (id: string) => `store:${id}`,
  region: (code: string) => `region:${code}`,
  complaint: (id: string) => `complaint:${id}`,
};
