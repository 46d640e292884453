// A regulator merges two product records that are the same thing. The merge record (unique
// fromId) decides races and is the history; the merged record keeps its key and points at the
// survivor, and its complaint links and sampling results move over.
import mongoose from 'mongoose';
import { now } from '../clock.js';
import { conflict, notFound, unprocessable } from '../http/errors.js';
import { ComplaintFactModel } from '../models/ComplaintFact.js';
import { ProductFlagModel } from '../models/ProductFlag.js';
import { ProductMergeModel } from '../models/ProductMerge.js';
import { ProductModel } from '../models/Product.js';
import { SamplingResultModel } from '../models/SamplingResult.js';
import { IncidentModel } from '../models/Incident.js';
import { SamplingFollowUpModel } from '../models/SamplingFollowUp.js';
import type { Actor } from '../policies/index.js';
import { checkProduct } from './detectFlags.js';
import { survivor } from './resolveProduct.js';
import { syncFlagEntries } from '../products/flagEntries.js';
import { firstWriter } from '../db/firstWriter.js';

export async function mergeProducts(actor: Actor, input: { fromId: string; intoId: string; note?: string }) {
  if (input.fromId === input.intoId) throw unprocessable('same_product', 'A product cannot be merged into itself');
  const from = await ProductModel.findById(input.fromId).lean();
  const intoRaw = await ProductModel.findById(input.intoId).lean();
  if (!from || !intoRaw) throw notFound('Product');
  if (from.mergedInto) throw conflict('already_merged', 'This product was already merged');
  const into = await survivor(intoRaw);
  if (String(into._id) === String(from._id)) throw unprocessable('merge_cycle', 'The target was merged into this product');
  const merge = {
    fromId: from._id,
    intoId: into._id,
    fromKey: from.key,
    fromName: from.name,
    actorId: actor.id,
    note: input.note,
    at: now(),
  };
  if (!(await firstWriter(ProductMergeModel.create(merge)))) throw conflict('already_merged', 'This product was already merged');
  await ProductModel.updateOne({ _id: from._id }, { $set: { mergedInto: into._id } });
  // Products merged into `from` earlier now point at the survivor directly.
  await ProductModel.updateMany({ mergedInto: from._id }, { $set: { mergedInto: into._id } });
  const complaints = await ComplaintFactModel.updateMany(
    { productId: from._id },
    { $set: { productId: into._id, productName: into.name } },
  );
  const samplings = await SamplingResultModel.updateMany({ productId: from._id }, { $set: { productId: into._id } });
  // Reported incidents and sampling follow-ups are the product's evidence too.
  await IncidentModel.updateMany({ productId: from._id }, { $set: { productId: into._id } });
  await SamplingFollowUpModel.updateMany({ productId: from._id }, { $set: { productId: into._id } });
  await ProductMergeModel.updateOne(
    { fromId: from._id },
    { $set: { moved: { complaints: complaints.modifiedCount, samplings: samplings.modifiedCount } } },
  );
  // The merged record's open flag (if no case took it) gives way to the survivor's.
  const merged = await ProductFlagModel.findOne({ openKey: `open:${from._id}` }, { _id: 1 }).lean();
  await ProductFlagModel.updateOne(
    { openKey: `open:${from._id}`, status: 'open' },
    { $set: { status: 'closed', openKey: `merged:${from._id}`, closedAt: now() } },
  );
  if (merged) await syncFlagEntries(merged._id);
  await checkProduct(String(into._id));
  return { into: into._id as mongoose.Types.ObjectId, moved: { complaints: complaints.modifiedCount, samplings: samplings.modifiedCount } };
}
