import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// One decision per merchant account: the unique userId index lets exactly one approve-or-reject win
// when two reviewers (or two tabs) decide at once. The user's and organization's status are its
// projection, written after the insert and repaired from it by a later attempt.
const approvalDecisionSchema = new Schema({
  userId: { type: Schema.Types.ObjectId, required: true, unique: true },
  orgId: { type: Schema.Types.ObjectId, required: true },
  decision: { type: String, enum: ['approve', 'reject'], required: true },
  reason: { type: String },
  actorId: { type: Schema.Types.ObjectId, required: true },
  at: { type: Date, required: true },
});

export type ApprovalDecisionRecord = InferSchemaType<typeof approvalDecisionSchema> & { _id: mongoose.Types.ObjectId };
export const ApprovalDecisionModel = mongoose.model('ApprovalDecision', approvalDecisionSchema);
