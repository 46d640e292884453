// The public record of a complaint, from the complaint document: what 投诉公示 shows and nothing else.
import { shanghaiDay } from '../../shared/calendar.js';
import { isClosed } from '../../shared/complaintMachine.js';
import type { ComplaintStatus } from '../../shared/enums.js';
import { subscription } from '../events/bus.js';
import { complaintReads } from '../complaints/eventReads.js';
import type { ComplaintRecord } from '../models/Complaint.js';
import { PublicComplaintModel } from '../models/PublicComplaint.js';
import { UserModel } from '../models/User.js';
import { scrub } from './scrub.js';
import { firstWriter } from '../db/firstWriter.js';
import { addDeltas } from '../counts/ledger.js';
import { PUBLIC_COUNTED, publicBuckets, publicCountDeltas, publicId } from './counts.js';
import { numberedId } from './numbers.js';

type Doc = Pick<
  ComplaintRecord,
  | '_id'
  | 'merchantId'
  | 'merchantName'
  | 'storeId'
  | 'storeName'
  | 'cityCode'
  | 'countyCode'
  | 'product'
  | 'problemType'
  | 'demand'
  | 'status'
  | 'createdAt'
  | 'closedAt'
  | 'description'
  | 'publishDescription'
  | 'remedy'
  | 'disclosure'
>;

/** The record's fields; `consumerName` is scrubbed from an opted-in description along with the rules' finds. */
export function publicFields(c: Doc, consumerName?: string) {
  const disclosure = c.disclosure as { publishedAt: Date; comment?: { text: string; at: Date } };
  return {
    complaintId: c._id,
    merchantId: c.merchantId,
    merchantName: c.merchantName,
    storeId: c.storeId,
    storeName: c.storeName,
    cityCode: c.cityCode,
    countyCode: c.countyCode,
    category: c.product!.category,
    problemType: c.problemType,
    demand: { type: c.demand!.type, ...(c.demand!.amountFen != null ? { amountFen: c.demand!.amountFen } : {}) },
    outcome: isClosed(c.status as ComplaintStatus) ? c.status : 'reopened',
    ...((c.remedy as { status?: string } | undefined)?.status ? { remedyStatus: (c.remedy as { status: string }).status } : {}),
    filedOn: shanghaiDay(new Date(c.createdAt)),
    ...(c.closedAt ? { closedOn: shanghaiDay(new Date(c.closedAt)) } : {}),
    publishedAt: disclosure.publishedAt,
    ...(disclosure.comment ? { merchantComment: disclosure.comment } : {}),
    ...(c.publishDescription ? { description: scrub(c.description, consumerName ? [consumerName] : []) } : {}),
  };
}

/**
 * The record of a complaint the seeds publish: its `_id` (so its place in the list and its buckets)
 * is its publication's time, as the live effect makes it then.
 */
export function seededPublicRecord(c: Doc) {
  const fields = publicFields(c);
  const _id = publicId(fields.publishedAt);
  return { _id, ...publicBuckets(_id), ...fields };
}

async function consumerName(c: ComplaintRecord) {
  if (!c.publishDescription) return undefined;
  return (await UserModel.findById(c.consumerId, { name: 1 }).lean())?.name;
}

/**
 * After a complaint's event: its publication inserts the record (once: complaintId is unique); any
 * later event of a published complaint (a disputed remedy reopening it, the bureau closing it again)
 * rewrites the record from the complaint as it now is.
 */
export async function writePublicRecord(complaintId: string, action: string, reads = complaintReads(complaintId)) {
  const c = await reads.complaint();
  if ((c?.disclosure as { state?: string } | undefined)?.state !== 'public') return;
  const fields = publicFields(c!, await consumerName(c!));
  if (action !== 'disclose') return void (await PublicComplaintModel.updateOne({ complaintId: c!._id }, { $set: fields }));
  const { _id, numbers } = await numberedId(fields);
  await firstWriter(PublicComplaintModel.create({ _id, ...numbers, ...publicBuckets(_id), ...fields }));
  // The list's counts of the record stored (a replay finds its own, or the one that won): their ids
  // name the complaint, so a replay, or a publication cut short before them, adds each once.
  const stored = await PublicComplaintModel.findOne({ complaintId: c!._id }, PUBLIC_COUNTED).lean();
  if (stored?.day) await addDeltas(publicCountDeltas(stored as never));
}

export const disclosureSubscriptions = [
  subscription('complaint.transitioned', ({ complaintId, action, reads }) => writePublicRecord(complaintId, action, reads)),
];
