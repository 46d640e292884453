// Publishing a recall notice: the bureau assigned to a case in `recall` (or one above it) publishes
// it once (unique caseId: a second publication answers 409). The sellers are named at once; the
// consumers and merchants are reached after the answer (server/recalls/reach.ts).
import type { PublishRecallInput } from '../../shared/schemas/recalls.js';
import { now } from '../clock.js';
import { conflict, forbidden } from '../http/errors.js';
import { EnforcementCaseModel } from '../models/EnforcementCase.js';
import { RecallModel, type RecallRecord } from '../models/Recall.js';
import { authorizeVisible, type Actor } from '../policies/index.js';
import { movesCase } from '../policies/products.js';
import { affectedBy, namedMerchants } from '../recalls/affected.js';
import { startReach } from '../recalls/reach.js';
import { firstWriter } from '../db/firstWriter.js';

/** The published recall, and its reach under way (awaited by the seed, not by the request). */
export async function publishRecall(
  actor: Actor,
  caseId: string,
  input: PublishRecallInput,
): Promise<{ recall: RecallRecord; reached: Promise<void> }> {
  const c = authorizeVisible(actor, await EnforcementCaseModel.findById(caseId).lean(), 'Case');
  if (!movesCase(actor, c)) throw forbidden('Only the assigned bureau may publish its recall');
  if (c.status !== 'recall') throw conflict('invalid_transition', `A recall notice needs a case in recall; this one is ${c.status}`);
  if (await RecallModel.exists({ caseId: c._id })) throw conflict('recall_exists', 'This case has its recall notice');
  const p = c.product as { name: string; category: string; brand?: string | null; model?: string | null; gtin?: string | null };
  const { merchantIds } = await affectedBy(c.productId);
  const r = new RecallModel({
    caseId: c._id,
    productId: c.productId,
    product: {
      name: p.name,
      category: p.category,
      brand: input.brand || p.brand || null,
      model: input.model || p.model || null,
      gtin: input.gtin || p.gtin || null,
    },
    batches: input.batches,
    productionDates: input.productionDates,
    photos: input.photos,
    hazard: input.hazard,
    riskLevel: input.riskLevel,
    consumerActions: input.consumerActions,
    remedy: input.remedy,
    producer: c.producer,
    sellers: await namedMerchants(merchantIds),
    bureauName: c.bureauName,
    assignedRegion: c.assignedRegion,
    regionCodes: c.regionCodes,
    publishedBy: actor.id,
    publishedAt: now(),
  });
  if (!(await firstWriter(r.save()))) throw conflict('recall_exists', 'This case has its recall notice');
  return { recall: r.toObject() as RecallRecord, reached: startReach(r._id) };
}
