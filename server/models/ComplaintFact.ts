import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// The problem-product and analytics view of one complaint: its product link and its pre-bucketed
// rollup entry. Inserted once per complaint (unique complaintId decides it, so a replayed
// complaint.filed adds nothing); hotspot, map and trend figures are $group counts over these
// entries instead of scans of the complaints. Complaint documents are never written from here;
// the status fields are refreshed from them on each transition.
const complaintFactSchema = new Schema({
  complaintId: { type: Schema.Types.ObjectId, required: true, unique: true },
  consumerId: { type: Schema.Types.ObjectId },
  merchantId: { type: Schema.Types.ObjectId },
  storeId: { type: Schema.Types.ObjectId },
  productId: { type: Schema.Types.ObjectId },
  productName: { type: String },
  // What the merchant's credit inputs show of the complaint, copied here so that a page of inputs is
  // its facts alone (server/credit/contests.ts): the number, the store (a redirect changes it) and the
  // product's name as filed (productName above is the resolved product's). Absent on facts written
  // before, until the start-up backfill (server/products/backfill.ts) gives them.
  number: { type: String },
  storeName: { type: String },
  filedProductName: { type: String },
  provinceCode: { type: String, required: true },
  cityCode: { type: String, required: true },
  countyCode: { type: String, required: true },
  category: { type: String, required: true },
  keyCategory: { type: Boolean, default: false },
  problemType: { type: String, required: true },
  safety: { type: Boolean, default: false },
  urgent: { type: Boolean, default: false },
  /** Normalized description fingerprint: equal for templated filings (abuse review). */
  template: { type: String },
  createdAt: { type: Date, required: true },
  day: { type: String, required: true },
  week: { type: String, required: true },
  status: { type: String, required: true },
  closed: { type: Boolean, default: false },
  /** The bureau took part (awaiting_regulator or later): a `resolved` close then is not source resolution. */
  regulatorInvolved: { type: Boolean, default: false },
  /** true: merchant answered within its deadline; false: deadline missed; null: not decided yet. */
  timelyResponse: { type: Boolean, default: null },
  daysToClose: { type: Number },
  satisfaction: { type: Number },
  /** A promised remedy: kept (consumer confirmed), broken (disputed or overdue), pending; absent without one. */
  promise: { type: String, enum: ['kept', 'broken', 'pending'] },
  lastSeq: { type: Number, default: 0 },
  // Its number among its merchant's facts and that number's band, in the order of filing (the credit
  // inputs page reads the bands holding its numbers: server/products/factNumbers.ts).
  creditSeq: { type: Number },
  creditBand: { type: Number },
  /** A contest of the complaint was filed: the credit inputs page reads the contests of these rows alone. */
  contested: { type: Boolean },
});
complaintFactSchema.index({ productId: 1, createdAt: 1 });
complaintFactSchema.index({ week: 1, countyCode: 1 });
complaintFactSchema.index({ day: 1 });
complaintFactSchema.index({ merchantId: 1 });
// A merchant's credit inputs page, read a day at a time, newest first (server/credit/contests.ts), until its facts are numbered.
complaintFactSchema.index({ merchantId: 1, day: 1 });
// The same a band of the merchant's numbers at a time, once its facts are numbered (the number is the sort key).
complaintFactSchema.index({ merchantId: 1, creditBand: 1, creditSeq: -1 });
complaintFactSchema.index({ consumerId: 1, createdAt: 1 });

export type ComplaintFactRecord = InferSchemaType<typeof complaintFactSchema> & { _id: mongoose.Types.ObjectId };
export const ComplaintFactModel = mongoose.model('ComplaintFact', complaintFactSchema);
