import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// The totals of one bureau's plan for a quarter, counted after every write that changes them (the plan
// job per region, an adjustment, an import's results: server/sampling/totals.ts), so the plan page reads
// them by `_id` instead of counting hundreds of rows on each visit. `_id` is `<region>|<quarter>`.
const samplingPlanTotalsSchema = new Schema({
  _id: { type: String, required: true },
  subjects: { type: Number, required: true },
  planned: { type: Number, required: true },
  sampled: { type: Number, required: true },
  computedAt: { type: Date, default: null },
  countedAt: { type: Date, required: true },
});

export type SamplingPlanTotalsRecord = InferSchemaType<typeof samplingPlanTotalsSchema>;
export const SamplingPlanTotalsModel = mongoose.model('SamplingPlanTotals', samplingPlanTotalsSchema);
