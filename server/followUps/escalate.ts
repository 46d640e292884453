// The follow-up job: opens any follow-up an import event missed, marks the follow-ups past a due date
// overdue (the report not in by the rectification deadline, or no re-sampling by its due date), and
// escalates each overdue one to an enforcement case exactly once. The claim is the insert of the
// follow-up's own flag (unique openKey `follow-up:<id>`); the case is unique per flag, so a run that
// died between the two, a second instance or a second run finds them and opens nothing more.
import mongoose from 'mongoose';
import { now } from '../clock.js';
import type { Job } from '../jobs/scheduler.js';
import { CaseEventModel } from '../models/CaseEvent.js';
import { EnforcementCaseModel } from '../models/EnforcementCase.js';
import { OrganizationModel } from '../models/Organization.js';
import { ProductFlagModel } from '../models/ProductFlag.js';
import { SamplingFollowUpModel, type SamplingFollowUpRecord } from '../models/SamplingFollowUp.js';
import { SamplingResultModel, type SamplingResultRecord } from '../models/SamplingResult.js';
import { fanOut } from '../notifications/fanout.js';
import { bureaus } from '../notifications/recipients.js';
import { emitTo, regionRooms } from '../realtime/emit.js';
import { openFollowUp } from './followUps.js';
import { syncFlagEntries } from '../products/flagEntries.js';
import { firstWriter } from '../db/firstWriter.js';

const NOTE = '抽查后处理逾期，自动立案 / Post-sampling follow-up overdue: case opened automatically';

/** The follow-up's flag, inserted once; whoever inserts it first has claimed the escalation. */
async function flagOf(f: SamplingFollowUpRecord, at: Date) {
  const openKey = `follow-up:${String(f._id)}`;
  const p = f.product as { name: string; category: string; brand?: string | null; model?: string | null; gtin?: string | null };
  await firstWriter(
    ProductFlagModel.create({
      productId: f.productId,
      openKey,
      status: 'open',
      product: {
        id: String(f.productId),
        name: p.name,
        category: p.category,
        gtin: p.gtin ?? null,
        brand: p.brand ?? null,
        model: p.model ?? null,
        producer: f.producer,
      },
      category: p.category,
      rules: ['sampling'],
      score: 20,
      evidence: {
        complaintIds: [],
        complaintCount: 0,
        merchantCount: 0,
        regionCodes: [f.regionCode],
        samplingFailures: 1,
        samplingResults: [
          {
            id: String(f.samplingResultId),
            batch: f.batch ?? '',
            sampledOn: f.sampledOn,
            authority: f.authority ?? '',
            failedItems: f.failedItems,
            regionCode: f.regionCode,
          },
        ],
        followUpId: String(f._id),
      },
      regionCodes: [f.regionCode],
      raisedAt: at,
    }),
  );
  const flag = (await ProductFlagModel.findOne({ openKey }).lean())!;
  await syncFlagEntries(flag._id);
  return flag;
}

/** Opens the follow-up's case (once: unique flagId) and links it; returns the case id. */
export async function escalate(f: SamplingFollowUpRecord, at = now()): Promise<mongoose.Types.ObjectId> {
  const flag = await flagOf(f, at);
  let caseId = flag.caseId as mongoose.Types.ObjectId | undefined;
  if (!caseId) {
    const bureau = await OrganizationModel.findOne({ kind: 'regulator', regionCode: f.regionCode }, { name: 1 }).lean();
    const id = new mongoose.Types.ObjectId();
    // The follow-up stands for the actor: no person opened this case.
    const entry = { seq: 1, action: 'open', from: null, to: 'open', note: NOTE, actorId: f._id, at, assignedRegion: f.regionCode };
    await CaseEventModel.create({ caseId: id, seq: 1, action: 'open', to: 'open', note: NOTE, actorId: f._id, at });
    const opened = await firstWriter(
      EnforcementCaseModel.create({
        _id: id,
        flagId: flag._id,
        productId: f.productId,
        product: flag.product,
        producer: f.producer,
        status: 'open',
        version: 1,
        assignedRegion: f.regionCode,
        bureauId: bureau?._id,
        bureauName: bureau?.name,
        regionCodes: [f.regionCode],
        log: [entry],
        openedBy: f._id,
      }),
    );
    if (opened) {
      caseId = id;
      emitTo(regionRooms(f.regionCode), 'case:updated', { id: String(id), status: 'open' });
    } else {
      await CaseEventModel.deleteOne({ caseId: id });
      caseId = (await EnforcementCaseModel.findOne({ flagId: flag._id }, { _id: 1 }).lean())!._id;
    }
    await ProductFlagModel.updateOne({ _id: flag._id }, { $set: { status: 'case_opened', caseId } });
    await syncFlagEntries(flag._id);
  }
  await SamplingFollowUpModel.updateOne({ _id: f._id }, { $set: { overdue: true, caseId, escalatedAt: f.escalatedAt ?? at } });
  await fanOut({
    cause: `follow-up-overdue:${String(f._id)}`,
    kind: 'follow_up_overdue',
    to: [bureaus([f.regionCode], { province: false })],
    notice: {
      title: `抽查后处理逾期：${(f.product as { name: string }).name}`,
      titleEn: `Follow-up overdue: ${(f.product as { name: string }).name}`,
      body: `${f.producer}的整改或复抽已逾期，已自动立案。`,
      bodyEn: `The rectification or re-sampling by ${f.producer} is overdue; an enforcement case was opened.`,
    },
    link: `/follow-ups/${String(f._id)}`,
  });
  return caseId;
}

/** The step a follow-up is waiting for is past its due date. */
export function isOverdue(f: Pick<SamplingFollowUpRecord, 'status' | 'rectificationDueAt' | 'resamplingDueAt'>, at: Date): boolean {
  if (f.status === 'rectifying') return at.getTime() > new Date(f.rectificationDueAt).getTime();
  if (f.status === 'reported') return at.getTime() > new Date(f.resamplingDueAt).getTime();
  return false;
}

export async function runFollowUps(at = now()) {
  // Failed results an import event did not reach (a crash between the insert and the event).
  const known = new Set((await SamplingFollowUpModel.find({}, { samplingResultId: 1 }).lean()).map((f) => String(f.samplingResultId)));
  let opened = 0;
  for (const r of await SamplingResultModel.find({ passed: false }).lean())
    if (!known.has(String(r._id)) && (await openFollowUp(r as SamplingResultRecord, at))) opened++;
  let escalated = 0;
  for (const status of ['rectifying', 'reported'] as const)
    for (const f of await SamplingFollowUpModel.find({ status }).lean())
      if (!f.caseId && isOverdue(f, at)) {
        await escalate(f as SamplingFollowUpRecord, at);
        escalated++;
      }
  return { opened, escalated };
}

export const followUpJob: Job = { name: 'sampling-follow-ups', everyMs: 60 * 60_000, run: runFollowUps };
