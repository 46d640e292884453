// Suspend or reinstate (a regulator of the region) or withdraw (the merchant) a commitment. Each change
// is an event with the next seq; the unique (commitmentId, seq) index makes a concurrent second change 409.
import type { z } from 'zod';
import type { commitmentTransitionSchema, CommitmentStatus } from '../../shared/schemas/returns.js';
import { now } from '../clock.js';
import { conflict, notFound } from '../http/errors.js';
import { CommitmentEventModel } from '../models/CommitmentEvent.js';
import { ReturnCommitmentModel } from '../models/ReturnCommitment.js';
import { authorize, canSee, type Actor } from '../policies/index.js';
import { firstWriter } from '../db/firstWriter.js';

type Input = z.infer<typeof commitmentTransitionSchema>;

const MOVES: Record<Input['action'], { from: CommitmentStatus[]; to: CommitmentStatus }> = {
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  withdraw: { from: ['active', 'suspended'], to: 'withdrawn' },
};

/** Brings the projection up to the last event (a crash between the event and the projection update). */
async function reproject(commitmentId: unknown) {
  const last = await CommitmentEventModel.findOne({ commitmentId }).sort({ seq: -1 }).lean();
  if (last)
    await ReturnCommitmentModel.updateOne({ _id: commitmentId }, { $set: { status: last.to, version: last.seq, updatedAt: last.at } });
}

export async function transitionCommitment(actor: Actor, id: string, input: Input) {
  const c = await ReturnCommitmentModel.findById(id).lean();
  // Regulators outside the region and other merchants do not learn that it exists.
  const visible =
    c && (c.status === 'active' || canSee(actor, { merchantId: c.merchantId, regionCodes: [c.merchantCountyCode, ...c.countyCodes] }));
  if (!c || !visible) throw notFound('Commitment');
  authorize(actor, `return-commitment:${input.action}`, c);
  const move = MOVES[input.action];
  if (!move.from.includes(c.status as CommitmentStatus)) {
    throw conflict(
      'invalid_transition',
      `A ${c.status} commitment cannot be ${input.action === 'withdraw' ? 'withdrawn' : input.action + 'ed'}`,
    );
  }
  const at = now();
  const seq = c.version + 1;
  const event = {
    commitmentId: c._id,
    seq,
    action: input.action,
    from: c.status,
    to: move.to,
    reason: input.reason,
    actorId: actor.id,
    actorRole: actor.role,
    at,
  };
  if (!(await firstWriter(CommitmentEventModel.create(event)))) {
    await reproject(c._id);
    throw conflict('version_conflict', 'The commitment was changed at the same time; reload and try again');
  }
  await ReturnCommitmentModel.updateOne({ _id: c._id }, { $set: { status: move.to, version: seq, updatedAt: at } });
  return { ...c, status: move.to, version: seq, updatedAt: at };
}
