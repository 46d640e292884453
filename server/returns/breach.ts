// A covered return refused, or not refunded within the promised hours, is a breach. The breach is
// claimed once per request with a unique insert (`claim('return-breach:<id>')`), so however many
// callers race (the outcome route, the deadline job on two instances, a rerun after a restart),
// exactly one opens it. Completing it is idempotent: the complaint is filed with the idempotency key
// `return-breach:<id>`, and notifications are unique per (key, user). A claim whose completion was cut
// short (a crash) is finished by the deadline job's repair pass.
import type { CreateComplaintInput } from '../../shared/schemas/complaint.js';
import { rooms } from '../../shared/realtime.js';
import { now } from '../clock.js';
import { fileComplaint, type FileComplaintInput } from '../commands/fileComplaint.js';
import { claim } from '../jobs/claim.js';
import { JobRunModel } from '../models/JobRun.js';
import { ReturnRequestModel, type ReturnRequestRecord } from '../models/ReturnRequest.js';
import { emitTo, merchantRooms, regionRooms } from '../realtime/emit.js';
import { addDeltas } from '../counts/ledger.js';
import { syncFact } from './facts.js';
import { returnCountDeltas } from './counts.js';
import { notifyBreach } from './notifyBreach.js';

export const BREACH_JOB = 'return-breach';
export const breachKey = (requestId: unknown) => `return-breach:${requestId}`;

export type BreachKind = 'refused' | 'overdue';

/** The complaint a breach (or a disputed refusal) files on the consumer's behalf. */
export function complaintInput(r: ReturnRequestRecord, description: string): CreateComplaintInput {
  return {
    storeId: String(r.purchaseStoreId),
    product: {
      name: r.product.name,
      category: r.product.category as CreateComplaintInput['product']['category'],
      ...(r.product.gtin ? { gtin: r.product.gtin } : {}),
    },
    purchase: { date: r.purchaseDate, amountFen: r.amountFen, channel: 'in_store' },
    problemType: 'return_refused',
    description,
    demand: { type: 'refund', amountFen: r.amountFen },
    // Only the consumer's own choice, given when they recorded or claimed the return.
    contactAgreement: r.contactAgreement === true,
  };
}

function describe(r: ReturnRequestRecord, kind: BreachKind): string {
  const yuan = (r.amountFen / 100).toFixed(2);
  const head = `${r.purchaseDate} 在${r.purchaseStoreName}购买的“${r.product.name}”（¥${yuan}）于${r.returnStoreName}申请无理由退货，平台判定属于商家承诺范围。`;
  const tail =
    kind === 'refused'
      ? `商家拒绝退货，理由：${r.refusalReason ?? '未说明'}。`
      : `商家未在承诺的时限内退款（截止 ${r.dueAt?.toISOString() ?? ''}）。`;
  return `${head}${tail}（由放心平台依据无理由退货承诺自动生成）`;
}

/** The complaint a breach files for the request's consumer, under the breach's idempotency key. */
export function breachFiling(r: ReturnRequestRecord, kind: BreachKind): FileComplaintInput {
  return {
    consumerId: String(r.consumerId),
    data: complaintInput(r, describe(r, kind)),
    idempotencyKey: breachKey(r._id),
    links: { returnRequestId: String(r._id) },
  };
}

/** What the claim of a completed breach records (a claim without it is finished by `repairBreaches`). */
export const breachDone = (kind: BreachKind, complaintId: unknown) => ({
  done: true,
  kind,
  complaintId: complaintId ? String(complaintId) : null,
});

/** Opens the breach of a request unless someone already did; true for the one caller that opened it. */
export async function openBreach(requestId: unknown): Promise<boolean> {
  if (!(await claim(breachKey(requestId), BREACH_JOB))) return false;
  await completeBreach(requestId);
  return true;
}

/** Idempotent: marks the request, files the complaint once, links both ways, notifies once. */
export async function completeBreach(requestId: unknown): Promise<void> {
  const r = await ReturnRequestModel.findById(requestId).lean();
  if (!r) return;
  const kind: BreachKind = (r.breachKind as BreachKind | undefined) ?? (r.status === 'refused' ? 'refused' : 'overdue');
  const at = now();
  if (!r.breach) {
    // The desk's counts before the mark: a completion cut short between the two adds them again when
    // repaired, and the delta's id makes that add nothing. A later run (a claim) finds the mark and adds none.
    await addDeltas(returnCountDeltas('breach', r, { ...r, breach: true }));
    await ReturnRequestModel.updateOne({ _id: r._id }, { $set: { breach: true, breachKind: kind, breachAt: at, updatedAt: at } });
  }
  let complaintId: unknown = r.complaintId ?? null;
  // A desk return nobody has claimed has nobody to file for; the bureau is still told. Claiming it
  // later (commands/claimReturn.ts) runs this again and files the complaint then.
  if (!complaintId && r.consumerId) {
    const { complaint } = await fileComplaint(breachFiling(r, kind));
    complaintId = complaint._id;
    await ReturnRequestModel.updateOne({ _id: r._id }, { $set: { complaintId } });
  }
  await syncFact(r._id);
  const current = { ...r, breach: true, breachKind: kind, complaintId } as ReturnRequestRecord;
  emitTo(
    [
      ...merchantRooms(r.merchantId, [r.purchaseStoreId, r.returnStoreId]),
      ...regionRooms(r.countyCode),
      ...(r.consumerId ? [rooms.user(String(r.consumerId))] : []),
    ],
    'return:updated',
    {
      id: String(r._id),
      status: r.status,
      breach: true,
    },
  );
  await notifyBreach(current, kind);
  await JobRunModel.updateOne({ key: breachKey(r._id) }, { $set: { result: breachDone(kind, complaintId) } });
}

/** Finishes breaches whose opener stopped half-way (a crash or restart between claim and completion). */
export async function repairBreaches(limit = 100): Promise<number> {
  const open = await JobRunModel.find({ job: BREACH_JOB, result: null }).sort({ at: 1 }).limit(limit).lean();
  for (const run of open) await completeBreach(run.key.slice('return-breach:'.length));
  return open.length;
}
