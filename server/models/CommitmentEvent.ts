import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// The history of a commitment. The unique (commitmentId, seq) index decides concurrent transitions:
// the second writer of the same seq gets E11000 and answers 409.
const commitmentEventSchema = new Schema({
  commitmentId: { type: Schema.Types.ObjectId, required: true },
  seq: { type: Number, required: true },
  action: { type: String, required: true },
  from: { type: String },
  to: { type: String, required: true },
  reason: { type: String },
  actorId: { type: Schema.Types.ObjectId },
  actorRole: { type: String },
  at: { type: Date, required: true },
});
commitmentEventSchema.index({ commitmentId: 1, seq: 1 }, { unique: true });

export type CommitmentEventRecord = InferSchemaType<typeof commitmentEventSchema> & { _id: mongoose.Types.ObjectId };
export const CommitmentEventModel = mongoose.model('CommitmentEvent', commitmentEventSchema);
