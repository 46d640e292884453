import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// The follow-up of a failed supervisory sampling (监督抽查后处理): rectification ordered to the producer
// with a deadline in working days, the producer's rectification report, and a re-sampling due date.
// One per failed sampling result (unique samplingResultId: the import event and the sweep may both
// open it). `status`: `rectifying` (waiting for the report) → `reported` (waiting for the re-sampling)
// → `closed` (a re-sampling result was recorded). `overdue` is set by the follow-up job when a due
// date passed with the step not done; the job then escalates it to an enforcement case once (`caseId`).
const samplingFollowUpSchema = new Schema({
  samplingResultId: { type: Schema.Types.ObjectId, required: true, unique: true },
  productId: { type: Schema.Types.ObjectId, required: true },
  /** The product as sampled: name, category, brand, model, gtin, producer. */
  product: { type: Schema.Types.Mixed, required: true },
  producer: { type: String, required: true },
  /** The registered merchant of the producer's name, when there is one: it reports its rectification. */
  merchantId: { type: Schema.Types.ObjectId, default: null },
  batch: { type: String },
  sampledOn: { type: String, required: true },
  failedItems: { type: [String], default: [] },
  authority: { type: String },
  /** The sampling's region: the bureaus over it see and act on the follow-up. */
  regionCode: { type: String, required: true },
  regionCodes: { type: [String], required: true },
  status: { type: String, enum: ['rectifying', 'reported', 'closed'], required: true },
  orderedAt: { type: Date, required: true },
  rectificationDueAt: { type: Date, required: true },
  resamplingDueAt: { type: Date, required: true },
  report: {
    type: new Schema(
      // The file's bytes live behind server/storage (`storageKey`), like complaint evidence.
      { text: String, storageKey: String, fileName: String, contentType: String, size: Number, at: Date, by: Schema.Types.ObjectId },
      { _id: false },
    ),
    default: null,
  },
  /** The re-sampling: a later sampling result of the product, imported or recorded by the bureau. */
  resampling: {
    type: new Schema({ passed: Boolean, sampledOn: String, resultId: Schema.Types.ObjectId, note: String, at: Date }, { _id: false }),
    default: null,
  },
  closedAt: { type: Date, default: null },
  /** Closed by its re-sampling due date. */
  closedOnTime: { type: Boolean, default: null },
  overdue: { type: Boolean, default: false },
  caseId: { type: Schema.Types.ObjectId, default: null },
  escalatedAt: { type: Date, default: null },
});
// The bureau's lists (by status, the overdue ones) and figures: one equality per region code.
samplingFollowUpSchema.index({ regionCodes: 1, status: 1 });
samplingFollowUpSchema.index({ regionCodes: 1, overdue: 1 });
// The producer's own list.
samplingFollowUpSchema.index({ merchantId: 1, orderedAt: -1 });
// The follow-up job reads the open ones of each step; the import closes a product's open ones.
samplingFollowUpSchema.index({ status: 1 });
samplingFollowUpSchema.index({ productId: 1, status: 1 });

export type SamplingFollowUpRecord = InferSchemaType<typeof samplingFollowUpSchema> & { _id: mongoose.Types.ObjectId };
export const SamplingFollowUpModel = mongoose.model('SamplingFollowUp', samplingFollowUpSchema);
