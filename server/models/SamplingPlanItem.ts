import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// One subject (a product and its producer) of a bureau's quarterly sampling plan, with the risk score
// the plan job computed and its evidence (server/sampling/riskPlan.ts). `_id` is
// `<region>|<quarter>|<productId>`: the job rewrites the suggestion of an existing row; the bureau's
// adjustment (`override`, `adjustment`) is a copy of its SamplingPlanAdjustment document, which only the
// bureau writes; `planned` (override ?? suggested) and `inPlan` are stored so the list reads them by equality.
const samplingPlanItemSchema = new Schema({
  _id: { type: String, required: true },
  region: { type: String, required: true },
  quarter: { type: String, required: true },
  productId: { type: Schema.Types.ObjectId, required: true },
  productName: { type: String, required: true },
  producer: { type: String, default: null },
  category: { type: String, required: true },
  keyCategory: { type: Boolean, required: true },
  score: { type: Number, required: true },
  tier: { type: String, required: true },
  evidence: { type: Schema.Types.Mixed, required: true },
  suggested: { type: Number, required: true },
  override: { type: Number, default: null },
  adjustment: { type: String, enum: ['added', 'removed', 'frequency', null], default: null },
  /** The override/adjustment above are a copy of the row's SamplingPlanAdjustment (absent on older rows). */
  adjustmentApart: { type: Boolean },
  planned: { type: Number, required: true },
  inPlan: { type: Boolean, required: true },
  /** Sort key, highest risk first: score (×10, 8 digits) and product id. */
  sk: { type: String, required: true },
  /** Rank by `sk` divided by server/sampling/bands.ts BAND, written by the plan job: the page reads a band at a time. */
  band: { type: Number, default: 0 },
  computedAt: { type: Date, required: true },
  // This quarter's imported samplings of the product in the bureau's region (refreshed after each import).
  sampled: { type: Number, default: 0 },
  passed: { type: Number, default: 0 },
  failed: { type: Number, default: 0 },
  failedItems: { type: [String], default: [] },
  wasSampled: { type: Boolean, default: false },
});
// The plan page: a bureau's quarter, planned subjects or all, one band at a time, riskiest first.
samplingPlanItemSchema.index({ region: 1, quarter: 1, inPlan: 1, band: 1, sk: -1 });
samplingPlanItemSchema.index({ region: 1, quarter: 1, band: 1, sk: -1 });
// The export (the planned rows, riskiest first) and the totals' latest computation.
samplingPlanItemSchema.index({ region: 1, quarter: 1, inPlan: 1, sk: -1 });
samplingPlanItemSchema.index({ region: 1, quarter: 1, sk: -1 });

export type SamplingPlanItemRecord = InferSchemaType<typeof samplingPlanItemSchema>;
export const SamplingPlanItemModel = mongoose.model('SamplingPlanItem', samplingPlanItemSchema);
