import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// Who a recall reached: one row per consumer (`user:<id>`) or merchant (`org:<id>`) and recall. The
// unique (recallId, recipient) insert decides that each is noticed once, whichever instance or
// retry of the reach job gets there first. A consumer's row is read when they open the recall; a
// merchant's is acknowledged when it has taken the product off sale.
const recallNoticeSchema = new Schema({
  recallId: { type: Schema.Types.ObjectId, required: true },
  recipient: { type: String, required: true },
  audience: { type: String, enum: ['consumer', 'merchant'], required: true },
  userId: { type: Schema.Types.ObjectId },
  merchantId: { type: Schema.Types.ObjectId },
  merchantName: { type: String },
  productName: { type: String, required: true },
  riskLevel: { type: String, required: true },
  notifiedAt: { type: Date, required: true },
  readAt: { type: Date, default: null },
  acknowledgedAt: { type: Date, default: null },
  acknowledgedBy: { type: Schema.Types.ObjectId },
});
recallNoticeSchema.index({ recallId: 1, recipient: 1 }, { unique: true });
// A consumer's and a merchant's own notices (GET /recall-notices).
recallNoticeSchema.index({ recipient: 1 });

export type RecallNoticeRecord = InferSchemaType<typeof recallNoticeSchema> & { _id: mongoose.Types.ObjectId };
export const RecallNoticeModel = mongoose.model('RecallNotice', recallNoticeSchema);
