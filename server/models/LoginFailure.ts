import mongoose, { Schema } from 'mongoose';

// One insert per failed sign-in; counting recent rows per email (lockout) and per address (rate
// limit) decides, so no counter is updated in place and every instance sees the same count.
const loginFailureSchema = new Schema({
  email: { type: String, required: true },
  address: { type: String },
  at: { type: Date, required: true },
});
loginFailureSchema.index({ email: 1, at: 1 });
loginFailureSchema.index({ address: 1, at: -1 });

export const LoginFailureModel = mongoose.model('LoginFailure', loginFailureSchema);
