import mongoose, { Schema } from 'mongoose';

// One insert per counted request of a bucket (per user or per address). Counting the newest rows of a
// key decides the limit, so every instance sees the same count and no counter is updated in place.
const rateHitSchema = new Schema({
  key: { type: String, required: true },
  at: { type: Date, required: true },
});
rateHitSchema.index({ key: 1, at: -1 });

export const RateHitModel = mongoose.model('RateHit', rateHitSchema);
