import mongoose, { Schema } from 'mongoose';

// The public record of a disclosed complaint (投诉公示): a read model written when the complaint is
// published and refreshed by its later events, holding only what may be public — never the
// consumer's identity or contact, and the description only when the consumer opted in, scrubbed.
// Its _id is made at publication, so the newest-first list pages by _id; complaintId is unique,
// so a repeated publication effect inserts nothing.
const publicComplaintSchema = new Schema({
  complaintId: { type: Schema.Types.ObjectId, required: true, unique: true },
  merchantId: { type: Schema.Types.ObjectId, required: true },
  merchantName: { type: String, required: true },
  storeId: { type: Schema.Types.ObjectId, required: true },
  storeName: { type: String, required: true },
  cityCode: { type: String, required: true },
  countyCode: { type: String, required: true },
  category: { type: String, required: true },
  problemType: { type: String, required: true },
  demand: { type: { type: String, required: true }, amountFen: Number },
  /** How it ended, or `reopened` when a disputed or overdue remedy took it back to the bureau. */
  outcome: { type: String, required: true },
  remedyStatus: { type: String },
  filedOn: { type: String, required: true },
  closedOn: { type: String },
  publishedAt: { type: Date, required: true },
  merchantComment: { type: new Schema({ text: String, at: Date }, { _id: false }), default: undefined },
  description: { type: String },
  // The Shanghai month and day of the _id's time (publication): the list's buckets (disclosure/counts.ts).
  month: { type: String },
  day: { type: String },
  // Its number in the order of publication (the `public` sequence, server/disclosure/numbers.ts) and
  // the number's band: the list without a filter, a band at a time.
  seq: { type: Number },
  band: { type: Number },
  // Its numbers among its merchant's and its city's records (a sequence each) and their bands: those
  // lists, a band at a time.
  merchantSeq: { type: Number },
  merchantBand: { type: Number },
  citySeq: { type: Number },
  cityBand: { type: Number },
});
// The public list, a month or a day of publication at a time (server/disclosure/present.ts): all of it,
// or one filter's, each an equality the engine pushes down.
publicComplaintSchema.index({ month: 1 });
publicComplaintSchema.index({ day: 1 });
// Without a filter a day is too coarse: the deadline job publishes a whole day's at 00:01.
publicComplaintSchema.index({ band: 1, seq: -1 });
// A merchant's or a city's list: their newest day held about 60 and 160 records at 200k.
publicComplaintSchema.index({ merchantId: 1, merchantBand: 1, merchantSeq: -1 });
publicComplaintSchema.index({ cityCode: 1, cityBand: 1, citySeq: -1 });
for (const field of ['merchantId', 'cityCode', 'category', 'problemType']) {
  publicComplaintSchema.index({ [field]: 1, month: 1 });
  publicComplaintSchema.index({ [field]: 1, day: 1 });
}

export type PublicComplaintRecord = mongoose.InferSchemaType<typeof publicComplaintSchema> & { _id: mongoose.Types.ObjectId };
export const PublicComplaintModel = mongoose.model('PublicComplaint', publicComplaintSchema);
