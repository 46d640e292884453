import mongoose, { Schema } from 'mongoose';

// One complaint's result in a bulk job: `_id` is `<jobId>:<complaintId>`, so a complaint gets one
// result however often a resumed job reaches it.
const bulkResultSchema = new Schema({
  _id: { type: String, required: true },
  jobId: { type: Schema.Types.ObjectId, ref: 'BulkJob', required: true },
  complaintId: { type: String, required: true },
  number: { type: String, required: true },
  outcome: { type: String, enum: ['done', 'skipped'], required: true },
  reason: { type: String },
  at: { type: Date, required: true },
});
bulkResultSchema.index({ jobId: 1 });

export type BulkResultRecord = mongoose.InferSchemaType<typeof bulkResultSchema>;
export const BulkResultModel = mongoose.model('BulkResult', bulkResultSchema);
