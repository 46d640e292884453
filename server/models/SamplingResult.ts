import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// One supervisory sampling result. `rowKey` is a hash of what makes a result itself (product
// identity, batch, date, authority): importing the same file twice inserts nothing the second time.
const samplingResultSchema = new Schema({
  rowKey: { type: String, required: true, unique: true },
  productId: { type: Schema.Types.ObjectId, required: true },
  productName: { type: String, required: true },
  category: { type: String, required: true },
  gtin: { type: String },
  brand: { type: String },
  model: { type: String },
  producer: { type: String, required: true },
  batch: { type: String, required: true },
  sampledOn: { type: String, required: true },
  passed: { type: Boolean, required: true },
  failedItems: { type: [String], default: [] },
  authority: { type: String, required: true },
  regionCode: { type: String, required: true },
  jobId: { type: Schema.Types.ObjectId },
  line: { type: Number },
  importedAt: { type: Date, required: true },
});
samplingResultSchema.index({ productId: 1, sampledOn: 1 });

export type SamplingResultRecord = InferSchemaType<typeof samplingResultSchema> & { _id: mongoose.Types.ObjectId };
export const SamplingResultModel = mongoose.model('SamplingResult', samplingResultSchema);
