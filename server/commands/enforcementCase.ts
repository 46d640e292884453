// Enforcement cases: opened from a flag (one case per flag, unique flagId), moved through
// open → investigating → rectification_ordered → recall → closed, or dismissed. Each step is a
// CaseEvent insert at seq = version + 1, so of two steps from the same version one wins and the
// other answers 409; the case document is then brought up to that event.
import mongoose from 'mongoose';
import { CASE_TRANSITIONS, type CaseAction, type CaseStatus } from '../../shared/schemas/products.js';
import { now } from '../clock.js';
import { conflict, forbidden, notFound, unprocessable } from '../http/errors.js';
import { CaseEventModel } from '../models/CaseEvent.js';
import { EnforcementCaseModel, type EnforcementCaseRecord } from '../models/EnforcementCase.js';
import { OrganizationModel } from '../models/Organization.js';
import { ProductFlagModel } from '../models/ProductFlag.js';
import { ProductModel } from '../models/Product.js';
import { UserModel } from '../models/User.js';
import { authorizeVisible, type Actor } from '../policies/index.js';
import { assignsCaseTo, movesCase } from '../policies/products.js';
import { emitTo, regionRooms } from '../realtime/emit.js';
import { syncFlagEntries } from '../products/flagEntries.js';
import { firstWriter } from '../db/firstWriter.js';

async function bureauOf(region: string) {
  return OrganizationModel.findOne({ kind: 'regulator', regionCode: region }, { name: 1 }).lean();
}

function announce(c: { _id: unknown; status: string; regionCodes: string[] }) {
  emitTo([...new Set(c.regionCodes.flatMap(regionRooms))], 'case:updated', { id: String(c._id), status: c.status as CaseStatus });
}

async function actorName(actor: Actor) {
  return (await UserModel.findById(actor.id, { name: 1 }).lean())?.name ?? '';
}

export async function openCase(actor: Actor, input: { flagId: string; assignedRegion?: string; note?: string }) {
  const flag = authorizeVisible(actor, await ProductFlagModel.findById(input.flagId).lean(), 'Flag');
  const assignedRegion = input.assignedRegion ?? actor.regionCode ?? '33';
  if (!assignsCaseTo(actor, assignedRegion)) throw forbidden('You can assign a case only to a bureau in your region');
  if (flag.status === 'closed' || flag.status === 'dismissed') throw unprocessable('flag_closed', 'This flag is closed');
  const bureau = await bureauOf(assignedRegion);
  const product = await ProductModel.findById(flag.productId).lean();
  const at = now();
  const id = new mongoose.Types.ObjectId();
  const entry = {
    seq: 1,
    action: 'open',
    from: null,
    to: 'open',
    note: input.note ?? '',
    actorId: actor.id,
    actorName: await actorName(actor),
    at,
    assignedRegion,
  };
  await CaseEventModel.create({ caseId: id, seq: 1, action: 'open', to: 'open', note: input.note, actorId: actor.id, at });
  const c = new EnforcementCaseModel({
    _id: id,
    flagId: flag._id,
    productId: flag.productId,
    product: flag.product,
    producer: product?.producer,
    status: 'open',
    version: 1,
    assignedRegion,
    bureauId: bureau?._id,
    bureauName: bureau?.name,
    regionCodes: [...new Set([...flag.regionCodes, assignedRegion])].sort(),
    log: [entry],
    openedBy: actor.id,
  });
  // The unique flagId decides between two officers opening a case for one flag. Only this insert: once
  // the case is stored it is the answer, whatever the flag's update after it meets.
  if (!(await firstWriter(c.save()))) {
    await CaseEventModel.deleteOne({ caseId: id });
    throw conflict('case_exists', 'A case is already open for this flag');
  }
  await ProductFlagModel.updateOne({ _id: flag._id }, { $set: { status: 'case_opened', caseId: id } });
  await syncFlagEntries(flag._id);
  announce(c);
  return c.toObject() as EnforcementCaseRecord;
}

export interface CaseStep {
  action: CaseAction;
  note: string;
  expectedVersion?: number;
  public?: boolean;
  finding?: string;
  measures?: string;
  assignedRegion?: string;
}

export async function transitionCase(actor: Actor, caseId: string, step: CaseStep) {
  const c = authorizeVisible(actor, await EnforcementCaseModel.findById(caseId).lean(), 'Case');
  if (!movesCase(actor, c)) throw forbidden('Only the assigned bureau may act on this case');
  if (step.expectedVersion !== undefined && step.expectedVersion !== c.version)
    throw conflict('version_conflict', 'The case changed meanwhile; reload it');
  const rule = CASE_TRANSITIONS[step.action];
  if (!rule.from.includes(c.status as never)) throw conflict('invalid_transition', `Cannot ${step.action} a case that is ${c.status}`);
  if (step.assignedRegion && !assignsCaseTo(actor, step.assignedRegion)) {
    throw forbidden('You can reassign a case only within your region');
  }
  // A public case is read by consumers: it goes out only with what was found and what was done.
  if (step.public ?? c.public) {
    const missing = [!(step.finding ?? c.finding)?.trim() && 'finding', !(step.measures ?? c.measures)?.trim() && 'measures'].filter(
      Boolean,
    );
    if (missing.length) throw unprocessable('public_needs_finding', `A public case needs its public ${missing.join(' and ')}`, { missing });
  }
  const at = now();
  const seq = c.version + 1;
  // The event decides the race; the case's log shows the same step with the actor's name.
  const event = { seq, action: step.action, from: c.status, to: rule.to, note: step.note, actorId: actor.id, at };
  if (!(await firstWriter(CaseEventModel.create({ caseId: c._id, ...event }))))
    throw conflict('version_conflict', 'The case changed meanwhile; reload it');
  const assignedRegion = step.assignedRegion ?? c.assignedRegion;
  const bureau = step.assignedRegion ? await bureauOf(assignedRegion) : null;
  const entry = { ...event, actorName: await actorName(actor), assignedRegion };
  const set: Record<string, unknown> = {
    status: rule.to,
    version: seq,
    log: [...(c.log ?? []), entry],
    ...(step.public !== undefined ? { public: step.public } : {}),
    ...(step.finding !== undefined ? { finding: step.finding } : {}),
    ...(step.measures !== undefined ? { measures: step.measures } : {}),
    ...(bureau
      ? {
          assignedRegion,
          bureauId: bureau._id,
          bureauName: bureau.name,
          regionCodes: [...new Set([...c.regionCodes, assignedRegion])].sort(),
        }
      : {}),
    ...(rule.to === 'closed' || rule.to === 'dismissed' ? { closedAt: at } : {}),
  };
  await EnforcementCaseModel.updateOne({ _id: c._id }, { $set: set });
  if (rule.to === 'closed' || rule.to === 'dismissed') await closeFlag(c.flagId, rule.to, at);
  const updated = (await EnforcementCaseModel.findById(c._id).lean())!;
  announce(updated);
  return updated;
}

/** A finished case releases its flag's open slot; newer evidence may raise a new flag. */
async function closeFlag(flagId: mongoose.Types.ObjectId, status: 'closed' | 'dismissed', at: Date) {
  const flag = await ProductFlagModel.findById(flagId).lean();
  if (!flag) return notFound('Flag');
  await ProductFlagModel.updateOne({ _id: flagId }, { $set: { status, openKey: `closed:${flagId}`, closedAt: at } });
  await syncFlagEntries(flagId);
  await ProductModel.updateOne({ _id: flag.productId }, { $set: { flagClearedAt: at } });
}
