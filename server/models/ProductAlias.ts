import mongoose, { Schema } from 'mongoose';

// Every identity key of a product (its GTIN key and its brand + model key) points at it. The key
// is the _id: FerretDB reads a document by _id without scanning the collection, and the _id's
// uniqueness makes the first description carrying a new key decide which product it names.
const productAliasSchema = new Schema({
  _id: { type: String, required: true },
  productId: { type: Schema.Types.ObjectId, required: true },
});

// A recall finds every key of its product (returns name it by barcode only).
productAliasSchema.index({ productId: 1 });

export const ProductAliasModel = mongoose.model('ProductAlias', productAliasSchema);
