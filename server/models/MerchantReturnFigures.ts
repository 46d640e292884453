import mongoose, { Schema } from 'mongoose';

// A merchant's return figures of the last 365 days, rewritten after each change of one of its returns
// and hourly (the window moves), and read by _id (= merchant id) by the public registry and profiles,
// which list many merchants at once. A rewrite replaces the whole document: no race decides anything.
const merchantReturnFiguresSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    requests: { type: Number, required: true },
    honorRate: { type: Number, default: null },
    breaches: { type: Number, required: true },
    crossStoreShare: { type: Number, default: null },
    medianRefundHours: { type: Number, default: null },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);

export type MerchantReturnFiguresRecord = mongoose.InferSchemaType<typeof merchantReturnFiguresSchema>;
export const MerchantReturnFiguresModel = mongoose.model('MerchantReturnFigures', merchantReturnFiguresSchema);
