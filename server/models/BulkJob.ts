import mongoose, { Schema } from 'mongoose';

// A bulk action (server/complaints/bulkRunner.ts). Created by one insert, unique per (owner,
// Idempotency-Key), so a retried request finds the job it already made. `items` are fixed at creation
// (each with the version the officer saw); per-complaint results are BulkResult rows. `try` numbers
// the runner claims (`bulk-job:<id>:<try>` in JobRun), so after a crash the next runner takes over.
const bulkJobSchema = new Schema({
  ownerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  key: { type: String, required: true },
  action: { type: String, required: true },
  params: { type: Schema.Types.Mixed, default: {} },
  items: { type: Schema.Types.Mixed, required: true },
  total: { type: Number, required: true },
  status: { type: String, enum: ['running', 'done'], required: true },
  try: { type: Number, default: 0 },
  /** The export's CSV in file storage, once written. */
  exportKey: { type: String },
  createdAt: { type: Date, required: true },
  finishedAt: { type: Date },
});
bulkJobSchema.index({ ownerId: 1, key: 1 }, { unique: true });
bulkJobSchema.index({ status: 1 });

export type BulkJobRecord = mongoose.InferSchemaType<typeof bulkJobSchema> & { _id: mongoose.Types.ObjectId };
export const BulkJobModel = mongoose.model('BulkJob', bulkJobSchema);
