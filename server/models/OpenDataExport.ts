import mongoose, { Schema } from 'mongoose';

// One nightly open-data export. `day` (the Shanghai day of the night it ran) is unique: the insert
// that creates the row is the claim, so of every instance and restart one export is made per night.
// `attempt` counts takeovers of a run whose instance died (see server/openData/export.ts).
const fileSchema = new Schema(
  { name: { type: String, required: true }, storageKey: { type: String, required: true }, bytes: Number, rows: Number },
  { _id: false },
);
const openDataExportSchema = new Schema({
  day: { type: String, required: true, unique: true },
  state: { type: String, enum: ['running', 'done'], required: true },
  attempt: { type: Number, required: true, default: 0 },
  claimedAt: { type: Date, required: true },
  finishedAt: { type: Date },
  files: { type: [fileSchema], default: [] },
});
// The public list of exports and "the latest finished export": one equality, one sort, a small limit.
openDataExportSchema.index({ state: 1, day: -1 });

export type OpenDataExportRecord = mongoose.InferSchemaType<typeof openDataExportSchema> & { _id: mongoose.Types.ObjectId };
export const OpenDataExportModel = mongoose.model('OpenDataExport', openDataExportSchema);
