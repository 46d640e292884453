import mongoose, { Schema } from 'mongoose';

// History of regulator merges. `fromId` is unique: a record is merged away once, so two regulators
// merging the same duplicate at once get one merge and one 409.
const productMergeSchema = new Schema({
  fromId: { type: Schema.Types.ObjectId, required: true, unique: true },
  intoId: { type: Schema.Types.ObjectId, required: true },
  fromKey: { type: String, required: true },
  fromName: { type: String, required: true },
  actorId: { type: Schema.Types.ObjectId, required: true },
  note: { type: String },
  moved: { complaints: Number, samplings: Number },
  at: { type: Date, required: true },
});
productMergeSchema.index({ intoId: 1 });

export const ProductMergeModel = mongoose.model('ProductMerge', productMergeSchema);
