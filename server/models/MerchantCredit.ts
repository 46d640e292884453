import mongoose, { Schema } from 'mongoose';

// A merchant's credit tier and the figures behind it, recomputed for every merchant by the hourly
// job (one read of the facts) and read by the public profile by _id (= merchant id), so a merchant
// list never recounts complaints per merchant. A recomputation overwrites: no race decides anything.
const merchantCreditSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  tier: { type: String, enum: ['A', 'B', 'C', 'D'], required: true },
  figures: { type: Schema.Types.Mixed, required: true },
  at: { type: Date, required: true },
});

// The review list asks for the tier D merchants.
merchantCreditSchema.index({ tier: 1 });

export const MerchantCreditModel = mongoose.model('MerchantCredit', merchantCreditSchema);
