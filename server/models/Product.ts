import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// One record per real product. `key` (shared/productKey.ts) is unique, so two complaints naming the
// same new product at once create it once: the loser of the insert reads the winner's record.
// A merged record keeps its key and points at the survivor (`mergedInto`), so later complaints
// with the old spelling still land on the survivor.
const productSchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    category: { type: String, required: true },
    gtin: { type: String },
    brand: { type: String },
    model: { type: String },
    producer: { type: String },
    mergedInto: { type: Schema.Types.ObjectId, ref: 'Product' },
    /** When its last flag was closed or dismissed: older evidence does not raise a new flag. */
    flagClearedAt: { type: Date },
    /** server/products/searchTokens.ts: what a search matches by one indexed equality. */
    searchTokens: { type: [String] },
  },
  { timestamps: true },
);
productSchema.index({ mergedInto: 1 });
productSchema.index({ searchTokens: 1 });
productSchema.index({ category: 1 });

export type ProductRecord = InferSchemaType<typeof productSchema> & { _id: mongoose.Types.ObjectId };
export const ProductModel = mongoose.model('Product', productSchema);
