import mongoose, { Schema } from 'mongoose';

// A saved queue view (shared/schemas/savedViews.ts). `aud` names who lists it: `user:<owner>`, and
// `org:<bureau>` when shared, so each list is one equality read. A name is unique per owner.
const savedViewSchema = new Schema({
  ownerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  ownerName: { type: String, required: true },
  orgId: { type: Schema.Types.ObjectId, ref: 'Organization' },
  name: { type: String, required: true },
  shared: { type: Boolean, required: true },
  aud: { type: [String], required: true },
  filters: { type: Schema.Types.Mixed, required: true },
  createdAt: { type: Date, required: true },
});
savedViewSchema.index({ ownerId: 1, name: 1 }, { unique: true });
savedViewSchema.index({ aud: 1 });

export type SavedViewRecord = mongoose.InferSchemaType<typeof savedViewSchema> & { _id: mongoose.Types.ObjectId };
export const SavedViewModel = mongoose.model('SavedView', savedViewSchema);
