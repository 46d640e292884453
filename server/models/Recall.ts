import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// A published recall notice: one per enforcement case (unique caseId), so of two bureaus publishing
// at once one wins and the other answers 409. The sellers are decided at publication (from the
// product's complaints, returns and sampling records) so the public page names them at once; the
// consumers are found by the reach job (server/recalls/reach.ts), which sets `reachDone` when it
// has gone through everyone.
const recallSchema = new Schema({
  caseId: { type: Schema.Types.ObjectId, required: true, unique: true },
  productId: { type: Schema.Types.ObjectId, required: true },
  product: { type: Schema.Types.Mixed, required: true },
  batches: { type: [String], default: [] },
  productionDates: { type: String },
  photos: { type: [String], default: [] },
  hazard: { type: String, required: true },
  riskLevel: { type: String, required: true },
  consumerActions: { type: [String], required: true },
  remedy: { type: String, required: true },
  producer: { type: String },
  /** `{id, name}` of each merchant that sold it. */
  sellers: { type: [Schema.Types.Mixed], default: [] },
  bureauName: { type: String },
  assignedRegion: { type: String, required: true },
  /** The case's regions: the bureaus that see the reach figures (and hear them live). */
  regionCodes: { type: [String], required: true },
  publishedBy: { type: Schema.Types.ObjectId, required: true },
  publishedAt: { type: Date, required: true },
  /** Always true: the public list is one pushed-down equality with its sort. */
  listed: { type: Boolean, default: true },
  reachDone: { type: Boolean, default: false },
  /** Which claim of the reach job may run now; raised when a claimed run was abandoned. */
  reachAttempt: { type: Number, default: 0 },
});
recallSchema.index({ listed: 1, publishedAt: -1 });
recallSchema.index({ reachDone: 1 });

export type RecallRecord = Omit<InferSchemaType<typeof recallSchema>, 'sellers'> & {
  _id: mongoose.Types.ObjectId;
  sellers: { id: string; name: string }[];
};
export const RecallModel = mongoose.model('Recall', recallSchema);
