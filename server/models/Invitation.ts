import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// A single-use invitation link: the token is mailed, only its SHA-256 is stored. Accepting inserts
// the invitation's id into InvitationUse (unique), so of two concurrent acceptances one wins; a resend
// deletes the account's older invitations, so only the newest link works.
const invitationSchema = new Schema({
  tokenHash: { type: String, required: true, unique: true },
  userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  invitedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  createdAt: { type: Date, required: true },
  expiresAt: { type: Date, required: true },
});
invitationSchema.index({ userId: 1 });

export type InvitationRecord = InferSchemaType<typeof invitationSchema> & { _id: mongoose.Types.ObjectId };
export const InvitationModel = mongoose.model('Invitation', invitationSchema);

const invitationUseSchema = new Schema({
  invitationId: { type: Schema.Types.ObjectId, required: true, unique: true },
  userId: { type: Schema.Types.ObjectId, required: true },
  at: { type: Date, required: true },
});
export const InvitationUseModel = mongoose.model('InvitationUse', invitationUseSchema);
