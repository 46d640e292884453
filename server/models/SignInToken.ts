import mongoose, { Schema } from 'mongoose';

// A mailed sign-in link: only the hash of its token is kept. Using it is claimed by a unique insert
// (jobs/claim.ts), so a link signs in once; the sweep removes expired ones.
const signInTokenSchema = new Schema({
  tokenHash: { type: String, required: true, unique: true },
  userId: { type: Schema.Types.ObjectId, required: true },
  expiresAt: { type: Date, required: true },
  createdAt: { type: Date, required: true },
});
signInTokenSchema.index({ expiresAt: 1 });

export const SignInTokenModel = mongoose.model('SignInToken', signInTokenSchema);
