import mongoose, { Schema } from 'mongoose';

// One insert per failed sign-in; counting recent rows decides the lockout, so no counter is updated in place.
const loginFailureSchema = new Schema({
  email: { type: String, required: true },
  at: { type: Date, required: true },
});
loginFailureSchema.index({ email: 1, at: 1 });

export const LoginFailureModel = mongoose.model('LoginFailure', loginFailureSchema);
