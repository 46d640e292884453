import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const storeSchema = new Schema(
  {
    merchantId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    merchantName: { type: String, required: true },
    name: { type: String, required: true },
    countyCode: { type: String, required: true },
    cityCode: { type: String, required: true },
    address: { type: String, required: true },
  },
  { timestamps: true },
);
storeSchema.index({ merchantId: 1 });
storeSchema.index({ countyCode: 1 });

export type StoreRecord = InferSchemaType<typeof storeSchema> & { _id: mongoose.Types.ObjectId };
export const StoreModel = mongoose.model('Store', storeSchema);
