import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// A flag's place in one region's flag list (server/products/flagEntries.ts): one row per flag and region
// that has seen it, written with the flag and carrying the flag as the list shows it (a page reads no
// flag). `_id` is `<region>|<flagId>`; `aud` is `<region>|<status>`
// and `band` the flag's score band, so a page reads `{aud, band}` (and `category`) for the few highest
// bands it needs, each sorted by `sk` (score, highest first, then flag id), instead of every flag of
// the region. The ledger scope `flags:<aud>` counts the rows per band and category.
const flagEntrySchema = new Schema({
  _id: { type: String, required: true },
  aud: { type: String, required: true },
  band: { type: Number, required: true },
  category: { type: String, required: true },
  /** Highest score first: 1e9 − score×10 (10 digits), then the flag id. */
  sk: { type: String, required: true },
  flagId: { type: Schema.Types.ObjectId, required: true },
  /**
   * The flag as the list shows it (presentFlagRow: its evidence as counts, a few hundred bytes),
   * rewritten with every write of the flag that changes it.
   */
  shown: { type: Schema.Types.Mixed },
  /** Moves of the row so far; `from`, its place before the last move, until that move is counted. */
  v: { type: Number, default: 0 },
  from: { type: Schema.Types.Mixed },
});
// A list page: one region and status, one band, in order; with the category filter, of one category.
flagEntrySchema.index({ aud: 1, band: 1, sk: 1 });
flagEntrySchema.index({ aud: 1, band: 1, category: 1, sk: 1 });
// A flag's rows, rewritten with it.
flagEntrySchema.index({ flagId: 1 });

export type FlagEntryRecord = InferSchemaType<typeof flagEntrySchema>;
export const FlagEntryModel = mongoose.model('FlagEntry', flagEntrySchema);
