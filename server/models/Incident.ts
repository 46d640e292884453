import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// A product-safety incident a merchant reported (事故强制报告), as the seller or as the producer of
// the product. It is evidence of its product (the flag rules' safety rule counts it, whatever the
// category: a reported incident is not a consumer's claim) and a risk input of the sampling plan.
// `regionCodes` is the county where it happened: the bureaus over it see it and hear of it at once
// (`delivered` is set once the fan-out has gone through, so a sweep finishes one a crash cut short).
const incidentSchema = new Schema({
  productId: { type: Schema.Types.ObjectId, required: true },
  /** The product as it was when reported: name, category, brand, model, gtin, producer. */
  product: { type: Schema.Types.Mixed, required: true },
  category: { type: String, required: true },
  keyCategory: { type: Boolean, required: true },
  merchantId: { type: Schema.Types.ObjectId, required: true },
  merchantName: { type: String },
  /** Whether the merchant reports as the seller or as the producer of the product. */
  reporterRole: { type: String, enum: ['seller', 'producer'], required: true },
  reportedBy: { type: Schema.Types.ObjectId, required: true },
  kind: { type: String, required: true },
  injuredCount: { type: Number, required: true },
  /** The worst injury: none, minor, serious, fatal. */
  severity: { type: String, enum: ['none', 'minor', 'serious', 'fatal'], required: true },
  description: { type: String, required: true },
  countyCode: { type: String, required: true },
  cityCode: { type: String, required: true },
  address: { type: String, required: true },
  occurredAt: { type: Date, required: true },
  regionCodes: { type: [String], required: true },
  reportedAt: { type: Date, required: true },
  notifiedAt: { type: Date, default: null },
  /** False until the bureaus heard of it and the flag check ran: a boolean, so the sweep's read is a pushed-down equality. */
  delivered: { type: Boolean, default: false },
});
// The bureau's list: one equality per county under its region (server/products/visibility.ts).
incidentSchema.index({ regionCodes: 1, reportedAt: -1 });
// A product's evidence (product page, flag rules, the sampling plan's risk inputs).
incidentSchema.index({ productId: 1, occurredAt: -1 });
// The reporting merchant's own list.
incidentSchema.index({ merchantId: 1, reportedAt: -1 });
// The sweep that finishes a fan-out a crash cut short.
incidentSchema.index({ delivered: 1 });

export type IncidentRecord = InferSchemaType<typeof incidentSchema> & { _id: mongoose.Types.ObjectId };
export const IncidentModel = mongoose.model('Incident', incidentSchema);
