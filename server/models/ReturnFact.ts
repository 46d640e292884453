import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// A slim copy of each return request holding only what the figures read. Requests carry their
// coverage reasons and are costly to scan on the embedded database; the figures (registry honour rates,
// profiles, analytics, compliance) scan these instead. Rebuilt from the request by `syncFact` after
// every change, so a fact is never more than one write behind and repairs itself on the next one.
const returnFactSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    merchantId: { type: Schema.Types.ObjectId, required: true },
    merchantName: { type: String, required: true },
    returnStoreId: { type: Schema.Types.ObjectId, required: true },
    returnStoreName: { type: String, required: true },
    returnCountyCode: { type: String, required: true },
    returnCityCode: { type: String, required: true },
    covered: { type: Boolean, required: true },
    status: { type: String, required: true },
    breach: { type: Boolean, required: true },
    breachKind: { type: String },
    crossStore: { type: Boolean, required: true },
    crossCity: { type: Boolean, required: true },
    refundHours: { type: Number },
    refusalReason: { type: String },
    complaintId: { type: Schema.Types.ObjectId },
    day: { type: String, required: true },
    // The month of recording and whether the review shows it as evidence (a breach or a refusal):
    // the review reads a month's evidence by these equalities (server/returns/compliance.ts).
    month: { type: String },
    review: { type: Boolean },
    week: { type: String, required: true },
  },
  { versionKey: false },
);
// Figures over a period read it week by week (server/returns/figures.ts).
returnFactSchema.index({ merchantId: 1, week: 1 });
returnFactSchema.index({ returnCountyCode: 1, week: 1 });
returnFactSchema.index({ returnCityCode: 1, week: 1 });
returnFactSchema.index({ week: 1 });
// The review's evidence of a month, in a county, a city or the province.
returnFactSchema.index({ returnCountyCode: 1, month: 1, review: 1 });
returnFactSchema.index({ returnCityCode: 1, month: 1, review: 1 });
returnFactSchema.index({ month: 1, review: 1 });

export type ReturnFactRecord = InferSchemaType<typeof returnFactSchema>;
export const ReturnFactModel = mongoose.model('ReturnFact', returnFactSchema);
