import mongoose, { Schema } from 'mongoose';

// The counts of one finished ISO week, `counts["<county>|<category>|<day>"] = n`, keyed by the
// week (`_id`): hotspot, trend and map figures read a dozen of these by _id (FerretDB reads by _id
// without a scan) instead of scanning every complaint fact. Sealed once by an insert (the unique
// _id decides between instances); a fact added to a sealed week later removes it to be resealed.
const weekRollupSchema = new Schema({
  _id: { type: String, required: true },
  // `<week>`: "<county>|<category>|<day>" → n. `<week>|merchants` (and stores, products):
  // "<county>|<category>|<day>|<id>" → n, for the top lists.
  counts: { type: Schema.Types.Mixed, required: true },
  total: { type: Number, required: true },
  sealedAt: { type: Date, required: true },
});

export const WeekRollupModel = mongoose.model('WeekRollup', weekRollupSchema);
