import mongoose, { Schema } from 'mongoose';

// The first request with a key inserts this row and wins; a repeat (or a concurrent twin) gets
// E11000 and answers with the record the winner made. `fingerprint` catches a key reused for other
// input. `resourceId` is reserved for the record and `at` starts the first request's lease: a retry
// after the lease whose record was never stored (the first request died) stores it under that id
// itself (commands/fileComplaint.ts), so a key never stays "in progress".
const idempotencyKeySchema = new Schema({
  userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  scope: { type: String, required: true },
  key: { type: String, required: true },
  fingerprint: { type: String, required: true },
  resourceId: { type: Schema.Types.ObjectId, required: true },
  at: { type: Date, required: true },
});
idempotencyKeySchema.index({ userId: 1, scope: 1, key: 1 }, { unique: true });
idempotencyKeySchema.index({ at: 1 });

export const IdempotencyKeyModel = mongoose.model('IdempotencyKey', idempotencyKeySchema);
