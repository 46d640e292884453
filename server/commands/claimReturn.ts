// A consumer claims a return recorded at a desk with the code on its receipt. Claiming is the
// consumer's own act, and so is the contact consent given with it: from then on the return is in
// their list, they may dispute it, and a breach of it (past or future) files their complaint.
// One claim per return, decided by the unique (requestId, 'claim') event insert.
import { rooms } from '../../shared/realtime.js';
import { now } from '../clock.js';
import { notFound } from '../http/errors.js';
import { ReturnEventModel } from '../models/ReturnEvent.js';
import { ReturnRequestModel } from '../models/ReturnRequest.js';
import type { Actor } from '../policies/index.js';
import { emitTo } from '../realtime/emit.js';
import { completeBreach } from '../returns/breach.js';
import { firstWriter } from '../db/firstWriter.js';
import { addDeltas } from '../counts/ledger.js';
import { returnCountDeltas, type CountedReturn } from '../returns/counts.js';

export async function claimReturn(actor: Actor, code: string, contactAgreement: boolean) {
  const r = await ReturnRequestModel.findOne({ claimCode: code }).lean();
  // A wrong code and one already claimed answer alike: neither says whether the code exists.
  if (!r || r.consumerId) throw notFound('Return request');
  const at = now();
  let consent = contactAgreement;
  const claim = { requestId: r._id, kind: 'claim', data: { contactAgreement }, actorId: actor.id, at };
  if (!(await firstWriter(ReturnEventModel.create(claim)))) {
    // Someone else's claim won; our own earlier claim cut short by a failure is finished as it was made.
    const won = await ReturnEventModel.findOne({ requestId: r._id, kind: 'claim' }).lean();
    if (!won || String(won.actorId) !== actor.id) throw notFound('Return request');
    consent = (won.data as { contactAgreement: boolean }).contactAgreement;
  }
  // The consumer's list counts before the link, as the breach's before its mark: a claim finished again
  // after a failure adds them under the same id, so nothing twice.
  await addDeltas(returnCountDeltas('claim', r, { ...r, consumerId: actor.id } as CountedReturn));
  await ReturnRequestModel.updateOne({ _id: r._id }, { $set: { consumerId: actor.id, contactAgreement: consent, updatedAt: at } });
  // A breach that happened before the claim had nobody to file for; now it has.
  if (r.breach) await completeBreach(r._id);
  emitTo([rooms.user(actor.id)], 'return:updated', { id: String(r._id), status: r.status, breach: r.breach });
  return (await ReturnRequestModel.findById(r._id).lean())!;
}
