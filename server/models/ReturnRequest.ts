import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { RETURN_STATUSES } from '../../shared/schemas/returns.js';

// A return at a desk. Coverage is decided once, at creation, and stored with its reasons. The outcome,
// the dispute and the breach are decided by unique inserts elsewhere (ReturnEvent, JobRun claim); the
// fields here are their projection. Bucket fields (day, week, city and county codes) are set at write
// time because the portable aggregation subset has no date operators.
const productSchema = new Schema(
  { name: { type: String, required: true }, category: { type: String, required: true }, gtin: { type: String } },
  { _id: false },
);

const returnRequestSchema = new Schema(
  {
    // `<userId>:<Idempotency-Key>`, or `auto:<id>` without one: always set, because a unique index
    // on a missing field would clash (partial indexes are not portable).
    idemKey: { type: String, required: true, unique: true },
    fingerprint: { type: String, required: true },
    merchantId: { type: Schema.Types.ObjectId, required: true },
    merchantName: { type: String, required: true },
    // Set only by the consumer: recording the return themselves, or claiming a desk return with the
    // receipt code. Staff never link an account (an email lookup would reveal who has one).
    consumerId: { type: Schema.Types.ObjectId },
    // The consumer's own consent to show the merchant their identity on a breach complaint.
    contactAgreement: { type: Boolean },
    // The receipt code a desk return is claimed with (desk returns only).
    claimCode: { type: String },
    recordedBy: { type: Schema.Types.ObjectId, required: true },
    purchaseStoreId: { type: Schema.Types.ObjectId, required: true },
    returnStoreId: { type: Schema.Types.ObjectId, required: true },
    purchaseStoreName: { type: String, required: true },
    returnStoreName: { type: String, required: true },
    // Jurisdiction follows the store of purchase (DESIGN.md); the return store's bureau sees it too.
    countyCode: { type: String, required: true },
    regionCodes: { type: [String], required: true },
    // List keys (server/returns/listKeys.ts): every region whose bureau sees the request (counties,
    // their cities, the province) and both stores, so each list filter is one pushed-down equality.
    regionKeys: { type: [String] },
    storeIds: { type: [Schema.Types.ObjectId] },
    purchaseCityCode: { type: String, required: true },
    returnCountyCode: { type: String, required: true },
    returnCityCode: { type: String, required: true },
    crossStore: { type: Boolean, required: true },
    crossCity: { type: Boolean, required: true },
    purchaseDate: { type: String, required: true },
    amountFen: { type: Number, required: true },
    product: { type: productSchema, required: true },
    // The product's barcode key (shared/productKey.ts), when it has a valid one: a recall of the
    // product finds the consumers and merchants of its returns by this one equality.
    productKey: { type: String },
    reason: { type: String },
    covered: { type: Boolean, required: true },
    coverage: { type: Schema.Types.Mixed, required: true },
    dueAt: { type: Date },
    status: { type: String, enum: RETURN_STATUSES, required: true },
    refundedAt: { type: Date },
    refundFen: { type: Number },
    refundHours: { type: Number },
    refusalReason: { type: String },
    decidedAt: { type: Date },
    dispute: { reason: { type: String }, at: { type: Date } },
    breach: { type: Boolean, required: true },
    breachKind: { type: String, enum: ['refused', 'overdue'] },
    breachAt: { type: Date },
    complaintId: { type: Schema.Types.ObjectId },
    day: { type: String, required: true },
    // The Shanghai month of recording: the desk list's month bucket (server/returns/list.ts).
    month: { type: String },
    week: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { timestamps: false },
);
returnRequestSchema.index({ merchantId: 1, day: 1 });
// A merchant's desk list read a month at a time (server/returns/list.ts); its days use the index above.
returnRequestSchema.index({ merchantId: 1, month: 1 });
returnRequestSchema.index({ consumerId: 1, _id: -1 });
// A consumer's list and a bureau's, a month or a day at a time, as the desk's (server/returns/list.ts).
returnRequestSchema.index({ consumerId: 1, month: 1 });
returnRequestSchema.index({ consumerId: 1, day: 1 });
returnRequestSchema.index({ regionKeys: 1, month: 1 });
returnRequestSchema.index({ regionKeys: 1, day: 1 });
returnRequestSchema.index({ merchantId: 1, _id: -1 });
returnRequestSchema.index({ claimCode: 1 });
returnRequestSchema.index({ productKey: 1 });
// An admin's list of one store, newest first.
returnRequestSchema.index({ storeIds: 1, _id: -1 });
returnRequestSchema.index({ returnCountyCode: 1, day: 1 });
returnRequestSchema.index({ covered: 1, status: 1, breach: 1, dueAt: 1 });

export type ReturnRequestRecord = InferSchemaType<typeof returnRequestSchema> & { _id: mongoose.Types.ObjectId };
export const ReturnRequestModel = mongoose.model('ReturnRequest', returnRequestSchema);
