import mongoose, { Schema } from 'mongoose';

// Generation `gen` of one scope's counts (`_id` = `<scope>#<gen>`, so the unique _id decides which
// sealer makes it): the previous generation's counts plus the deltas named in `ids`.
const countSnapshotSchema = new Schema(
  {
    _id: { type: String, required: true },
    scope: { type: String, required: true },
    gen: { type: Number, required: true },
    n: { type: Schema.Types.Mixed, required: true },
    ids: { type: [String], required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
countSnapshotSchema.index({ scope: 1, gen: -1 });

export const CountSnapshotModel = mongoose.model('CountSnapshot', countSnapshotSchema);
