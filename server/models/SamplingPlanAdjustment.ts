import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// A bureau's adjustment of one subject of its sampling plan (server/sampling/plan.ts `adjustPlan`). It
// lives apart from the plan row because the hourly plan job rewrites the rows and FerretDB v1 updates are
// read-then-write (DESIGN.md, the portable subset): only `adjustPlan` writes this document, so the job can
// never overwrite it, and the job copies it onto the rows it writes (docs/sampling-plan.md, the ordering).
// `_id` is the plan row's: `<region>|<quarter>|<productId>`.
const samplingPlanAdjustmentSchema = new Schema({
  _id: { type: String, required: true },
  region: { type: String, required: true },
  quarter: { type: String, required: true },
  productId: { type: Schema.Types.ObjectId, required: true },
  override: { type: Number, required: true },
  adjustment: { type: String, enum: ['added', 'removed', 'frequency'], required: true },
  by: { type: Schema.Types.ObjectId, default: null },
  at: { type: Date, required: true },
});
// The plan job reads a bureau's adjustments of the quarter before and after it writes the rows.
samplingPlanAdjustmentSchema.index({ region: 1, quarter: 1 });

export type SamplingPlanAdjustmentRecord = InferSchemaType<typeof samplingPlanAdjustmentSchema>;
export const SamplingPlanAdjustmentModel = mongoose.model('SamplingPlanAdjustment', samplingPlanAdjustmentSchema);
