import mongoose, { Schema } from 'mongoose';

// The bucket fields of complaints whose week is not sealed yet (in practice: this week and last),
// one per complaint (`_id` = complaint id, so a replay inserts nothing). Small by design: sealing a
// week moves its entries into a WeekRollup and deletes them here.
const recentFactSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  c: { type: String, required: true },
  k: { type: String, required: true },
  d: { type: String, required: true },
  w: { type: String, required: true },
  m: { type: String },
  s: { type: String },
  p: { type: String },
});

export const RecentFactModel = mongoose.model('RecentFact', recentFactSchema);
