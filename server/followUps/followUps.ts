// Post-sampling follow-up (监督抽查后处理). Each failed sampling result opens one follow-up (unique
// samplingResultId: the import event and the job's sweep may both try): the producer is ordered to
// rectify within RECTIFICATION_WORKING_DAYS Chinese working days, sends its rectification report,
// and the bureau re-samples within RESAMPLING_WORKING_DAYS working days after the rectification
// deadline. A later sampling result of the same product (imported, or recorded by the bureau) closes
// it. The follow-up job marks the ones past a due date overdue and escalates each to an enforcement
// case once (server/followUps/escalate.ts).
import mongoose from 'mongoose';
import { addWorkingDays } from '../../shared/calendar.js';
import { RECTIFICATION_WORKING_DAYS, RESAMPLING_WORKING_DAYS, type ResamplingInput } from '../../shared/schemas/followUps.js';
import { now } from '../clock.js';
import { storeEvidence } from '../commands/addAttachment.js';
import { conflict, forbidden, invalidField } from '../http/errors.js';
import { logger } from '../logger.js';
import { OrganizationModel } from '../models/Organization.js';
import { SamplingFollowUpModel, type SamplingFollowUpRecord } from '../models/SamplingFollowUp.js';
import { SamplingResultModel, type SamplingResultRecord } from '../models/SamplingResult.js';
import { fanOut } from '../notifications/fanout.js';
import { bureaus, merchantStaff } from '../notifications/recipients.js';
import { authorizeVisible, governs, merchantSide, type Actor } from '../policies/index.js';
import { firstWriter } from '../db/firstWriter.js';

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Opens the follow-up of a failed result; a second call (event and sweep) finds it and adds nothing. */
export async function openFollowUp(r: SamplingResultRecord, at = now()): Promise<SamplingFollowUpRecord | null> {
  if (r.passed) return null;
  const producer = await OrganizationModel.findOne({ kind: 'merchant', name: r.producer }, { _id: 1 }).lean();
  const rectificationDueAt = addWorkingDays(at, RECTIFICATION_WORKING_DAYS);
  const doc = new SamplingFollowUpModel({
    samplingResultId: r._id,
    productId: r.productId,
    product: { name: r.productName, category: r.category, brand: r.brand ?? null, model: r.model ?? null, gtin: r.gtin ?? null },
    producer: r.producer,
    merchantId: producer?._id ?? null,
    batch: r.batch,
    sampledOn: r.sampledOn,
    failedItems: r.failedItems ?? [],
    authority: r.authority,
    regionCode: r.regionCode,
    regionCodes: [r.regionCode],
    status: 'rectifying',
    orderedAt: at,
    rectificationDueAt,
    resamplingDueAt: addWorkingDays(rectificationDueAt, RESAMPLING_WORKING_DAYS),
  });
  if (!(await firstWriter(doc.save()))) return null;
  const f = doc.toObject() as SamplingFollowUpRecord;
  if (f.merchantId)
    await fanOut({
      cause: `follow-up:${String(f._id)}`,
      kind: 'follow_up_ordered',
      to: [merchantStaff(f.merchantId, [])],
      notice: {
        title: `责令整改：${r.productName}（监督抽查不合格）`,
        titleEn: `Rectification ordered: ${r.productName} (failed sampling)`,
        body: `您的产品“${r.productName}”（批次 ${r.batch}）监督抽查不合格。请于${day(rectificationDueAt)}前完成整改并提交整改报告。`,
        bodyEn: `Your product "${r.productName}" (batch ${r.batch}) failed supervisory sampling. Rectify it and send your rectification report by ${day(rectificationDueAt)}.`,
      },
      link: `/follow-ups/${String(f._id)}`,
    });
  return f;
}

/**
 * After an import: each failed result opens its follow-up, and each result of a product sampled after
 * an open follow-up's failed sampling is that follow-up's re-sampling, which closes it.
 */
export async function followImported(resultIds: string[]): Promise<void> {
  for (const id of resultIds) {
    const r = (await SamplingResultModel.findById(id).lean()) as SamplingResultRecord | null;
    if (!r) continue;
    for (const status of ['rectifying', 'reported'] as const) {
      const open = await SamplingFollowUpModel.find({ productId: r.productId, status }).lean();
      for (const f of open)
        if (r.sampledOn > f.sampledOn)
          await closeFollowUp(f as SamplingFollowUpRecord, { passed: r.passed, sampledOn: r.sampledOn, resultId: r._id });
    }
    await openFollowUp(r);
  }
}

async function closeFollowUp(
  f: SamplingFollowUpRecord,
  re: { passed: boolean; sampledOn: string; resultId?: mongoose.Types.ObjectId; note?: string },
): Promise<SamplingFollowUpRecord> {
  const at = now();
  const set = {
    status: 'closed',
    resampling: { ...re, at },
    closedAt: at,
    closedOnTime: at.getTime() <= new Date(f.resamplingDueAt).getTime(),
  };
  await SamplingFollowUpModel.updateOne({ _id: f._id }, { $set: set });
  return { ...f, ...set } as SamplingFollowUpRecord;
}

/** The producer (its merchant) or a bureau over the follow-up's region sends the rectification report. */
export async function submitReport(
  actor: Actor,
  id: string,
  text: string,
  file?: { originalname: string; buffer: Buffer; size: number },
): Promise<SamplingFollowUpRecord> {
  const f = authorizeVisible(actor, (await SamplingFollowUpModel.findById(id).lean()) as SamplingFollowUpRecord | null, 'Follow-up');
  if (!merchantSide(actor, f.merchantId, []) && !governs(actor, f.regionCode))
    throw forbidden('Only the producer or its bureau sends the report');
  if (f.status !== 'rectifying') throw conflict('invalid_transition', `The report is in; this follow-up is ${f.status}`);
  const stored = file && file.size > 0 ? await storeEvidence(file) : null;
  const report = { text, ...stored, at: now(), by: new mongoose.Types.ObjectId(actor.id) };
  await SamplingFollowUpModel.updateOne({ _id: f._id }, { $set: { status: 'reported', report } });
  await fanOut({
    cause: `follow-up-report:${String(f._id)}`,
    kind: 'follow_up_reported',
    to: [bureaus([f.regionCode], { province: false })],
    notice: {
      title: `整改报告已提交：${(f.product as { name: string }).name}`,
      titleEn: `Rectification report sent: ${(f.product as { name: string }).name}`,
      body: `${f.producer}提交了整改报告，请于${day(new Date(f.resamplingDueAt))}前安排复抽。`,
      bodyEn: `${f.producer} sent its rectification report. Re-sample by ${day(new Date(f.resamplingDueAt))}.`,
    },
    link: `/follow-ups/${String(f._id)}`,
  }).catch((err) => logger.warn({ err }, 'follow-up report notice failed'));
  return { ...f, status: 'reported', report } as SamplingFollowUpRecord;
}

/** A bureau over the region records the re-sampling, which closes the follow-up. */
export async function recordResampling(actor: Actor, id: string, input: ResamplingInput): Promise<SamplingFollowUpRecord> {
  const f = authorizeVisible(actor, (await SamplingFollowUpModel.findById(id).lean()) as SamplingFollowUpRecord | null, 'Follow-up');
  if (!governs(actor, f.regionCode)) throw forbidden('Only a bureau over the sampling region records the re-sampling');
  if (f.status === 'closed') throw conflict('invalid_transition', 'This follow-up is closed');
  if (input.sampledOn < f.sampledOn) throw invalidField('sampledOn', 'The re-sampling cannot precede the failed sampling');
  return closeFollowUp(f, { passed: input.passed, sampledOn: input.sampledOn, note: input.note });
}
