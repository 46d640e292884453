import mongoose, { Schema } from 'mongoose';

// The counts of one finished ISO week, `counts["<county>|<category>|<day>"] = n`, keyed by the
// week (`_id`): hotspot, trend and map figures read a dozen of these by _id (FerretDB reads by _id
// without a scan) instead of scanning every complaint fact. Sealed once by an insert (the unique
// _id decides between instances); a fact added to a sealed week later removes it to be resealed.
const weekRollupSchema = new Schema({
  _id: { type: String, required: true },
  counts: { type: Schema.Types.Mixed, required: true },
  /** Per merchant, store and product: `"<county>|<category>|<day>|<id>" = n` (top lists). */
  merchants: { type: Schema.Types.Mixed, default: {} },
  stores: { type: Schema.Types.Mixed, default: {} },
  products: { type: Schema.Types.Mixed, default: {} },
  total: { type: Number, required: true },
  sealedAt: { type: Date, required: true },
});

export const WeekRollupModel = mongoose.model('WeekRollup', weekRollupSchema);
