// The consumer disputes a refusal. A covered refusal is already a breach with its complaint; a refusal
// the platform judged not covered becomes a `return_refused` complaint, so the bureau can review the
// coverage decision itself.
import { rooms } from '../../shared/realtime.js';
import { now } from '../clock.js';
import { conflict } from '../http/errors.js';
import { fileComplaint } from './fileComplaint.js';
import { ReturnEventModel } from '../models/ReturnEvent.js';
import { ReturnRequestModel } from '../models/ReturnRequest.js';
import { authorizeVisible, type Actor } from '../policies/index.js';
import { returnScope } from '../policies/returns.js';
import { emitTo, merchantRooms } from '../realtime/emit.js';
import { complaintInput, openBreach } from '../returns/breach.js';
import { syncFact } from '../returns/facts.js';
import { firstWriter } from '../db/firstWriter.js';

export async function disputeReturn(actor: Actor, id: string, reason: string) {
  const found = await ReturnRequestModel.findById(id).lean();
  authorizeVisible(actor, found ? returnScope(found) : null, 'Return request');
  const r = found!;
  if (r.status !== 'refused') throw conflict('invalid_transition', 'Only a refused return can be disputed');
  const at = now();
  if (!(await firstWriter(ReturnEventModel.create({ requestId: r._id, kind: 'dispute', data: { reason }, actorId: actor.id, at })))) {
    // A dispute whose complaint was never filed (a failure half-way) is completed by a retry.
    const finished = r.covered || !!r.complaintId;
    if (finished) throw conflict('already_disputed', 'This refusal is already disputed');
  }
  await ReturnRequestModel.updateOne({ _id: r._id }, { $set: { dispute: { reason, at }, updatedAt: at } });
  if (r.covered) {
    await openBreach(r._id);
  } else if (!r.complaintId) {
    const { complaint } = await fileComplaint({
      consumerId: actor.id,
      data: complaintInput(
        r,
        `退货被拒，消费者提出异议：${reason}（平台判定：不在承诺范围内，原因代码 ${r.coverage.reasons
          .filter((x: { ok: boolean }) => !x.ok)
          .map((x: { code: string }) => x.code)
          .join(', ')}）`,
      ),
      idempotencyKey: `return-dispute:${r._id}`,
      links: { returnRequestId: String(r._id) },
    });
    await ReturnRequestModel.updateOne({ _id: r._id }, { $set: { complaintId: complaint._id } });
    await syncFact(r._id);
  }
  emitTo([...merchantRooms(r.merchantId, [r.purchaseStoreId, r.returnStoreId]), rooms.user(actor.id)], 'return:updated', {
    id: String(r._id),
    status: r.status,
    breach: r.breach,
  });
  return (await ReturnRequestModel.findById(r._id).lean())!;
}
