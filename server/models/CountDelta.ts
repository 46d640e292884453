import mongoose, { Schema } from 'mongoose';

// Insert-only count changes (server/counts/ledger.ts): `d` maps count keys of one scope to +n/−n.
// Never updated except `sealed`, which only ever turns true once a snapshot holds the row.
const countDeltaSchema = new Schema(
  {
    _id: { type: String, required: true },
    scope: { type: String, required: true },
    d: { type: Schema.Types.Mixed, required: true },
    sealed: { type: Boolean, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
countDeltaSchema.index({ scope: 1, sealed: 1 });
countDeltaSchema.index({ sealed: 1, at: 1 });

export const CountDeltaModel = mongoose.model('CountDelta', countDeltaSchema);
