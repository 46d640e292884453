import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { STORE_STATUSES } from '../../shared/enums.js';

const storeSchema = new Schema(
  {
    merchantId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    merchantName: { type: String, required: true },
    name: { type: String, required: true },
    countyCode: { type: String, required: true },
    cityCode: { type: String, required: true },
    address: { type: String, required: true },
    // Closed stores stay (their complaints and returns point at them) but leave every public list.
    status: { type: String, enum: STORE_STATUSES, required: true, default: 'open' },
    closedAt: { type: Date },
    // In the public lists only while its merchant is approved (written with the approval decision):
    // a flat field, so the public search stays a pushed-down equality.
    listed: { type: Boolean, required: true, default: true },
  },
  { timestamps: true },
);
// The 门店 page reads { merchantId, status } newest first: equality + one sort key, pushed down.
storeSchema.index({ merchantId: 1, status: 1 });
storeSchema.index({ countyCode: 1 });
// The public rankings count a city's open stores per merchant (server/indices/rankings.ts).
storeSchema.index({ cityCode: 1, status: 1 });

export type StoreRecord = InferSchemaType<typeof storeSchema> & { _id: mongoose.Types.ObjectId };
export const StoreModel = mongoose.model('Store', storeSchema);
