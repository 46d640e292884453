// Staff record what became of a return: honoured (refund time and amount) or refused (reason). One
// outcome per request, decided by the unique (requestId, 'outcome') insert. A covered request refused,
// or refunded after the promised hours, is a breach.
import type { ReturnOutcomeInput, ReturnStatus } from '../../shared/schemas/returns.js';
import { rooms } from '../../shared/realtime.js';
import { now } from '../clock.js';
import { conflict, unprocessable } from '../http/errors.js';
import { ReturnEventModel } from '../models/ReturnEvent.js';
import { ReturnRequestModel } from '../models/ReturnRequest.js';
import { authorizeVisible, type Actor } from '../policies/index.js';
import { returnScope } from '../policies/returns.js';
import { emitTo, merchantRooms, regionRooms } from '../realtime/emit.js';
import { openBreach } from '../returns/breach.js';
import { syncFact } from '../returns/facts.js';
import { returnCountDeltas } from '../returns/counts.js';
import { addDeltas } from '../counts/ledger.js';
import { firstWriter } from '../db/firstWriter.js';

const HOUR_MS = 3600 * 1000;
/** Browser and server clocks differ a little; a refund "now" may arrive a few minutes ahead. */
const CLOCK_SLACK_MS = 10 * 60 * 1000;

export async function recordReturnOutcome(actor: Actor, id: string, input: ReturnOutcomeInput) {
  const found = await ReturnRequestModel.findById(id).lean();
  authorizeVisible(actor, found ? returnScope(found) : null, 'Return request');
  const r = found!;
  if (r.status !== 'pending') throw conflict('outcome_recorded', `This return was already ${r.status}`);
  const at = now();
  let set: Record<string, unknown>;
  if (input.outcome === 'honored') {
    const refundedAt = new Date(input.refundedAt);
    if (refundedAt.getTime() > at.getTime() + CLOCK_SLACK_MS) throw unprocessable('refund_in_future', 'The refund time is in the future');
    if (refundedAt.getTime() < r.createdAt.getTime() - CLOCK_SLACK_MS)
      throw unprocessable('refund_before_request', 'The refund time is before the return was recorded');
    if (input.amountFen > r.amountFen) throw unprocessable('refund_exceeds_amount', 'The refund is more than the purchase amount');
    const hours = Math.max(0, (refundedAt.getTime() - r.createdAt.getTime()) / HOUR_MS);
    set = { status: 'honored', refundedAt, refundFen: input.amountFen, refundHours: Math.round(hours * 100) / 100 };
  } else {
    set = { status: 'refused', refusalReason: input.reason };
  }
  if (!(await firstWriter(ReturnEventModel.create({ requestId: r._id, kind: 'outcome', data: input, actorId: actor.id, at }))))
    throw conflict('outcome_recorded', 'An outcome was recorded for this return at the same time');
  // The desk's counts and the review's rollup move with the outcome (their delta ids make a replay count nothing).
  await Promise.all([
    ReturnRequestModel.updateOne({ _id: r._id }, { $set: { ...set, decidedAt: at, updatedAt: at } }),
    addDeltas(returnCountDeltas('outcome', r, { ...r, ...(set as { status: ReturnStatus; refundHours?: number }) })),
  ]);
  await syncFact(r._id);
  const late = input.outcome === 'honored' && !!r.dueAt && (set.refundedAt as Date) > r.dueAt;
  if (r.covered && (input.outcome === 'refused' || late)) await openBreach(r._id);
  else
    emitTo(
      [
        ...merchantRooms(r.merchantId, [r.purchaseStoreId, r.returnStoreId]),
        ...regionRooms(r.countyCode),
        ...(r.consumerId ? [rooms.user(String(r.consumerId))] : []),
      ],
      'return:updated',
      { id: String(r._id), status: set.status as ReturnStatus, breach: r.breach },
    );
  return (await ReturnRequestModel.findById(r._id).lean())!;
}
