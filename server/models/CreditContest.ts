import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// A merchant's contest of one complaint among its credit inputs (docs/indices.md "Contesting an
// input"), decided by the bureau handling the complaint. `slot` is the complaint's id while the
// contest is open or accepted, and unique: a second contest of the same complaint fails its insert
// (409) whoever filed first, and an accepted one keeps the complaint out for good. A rejection gives
// the slot up (`<complaintId>:<contestId>`), so the merchant may contest again with new evidence.
const creditContestSchema = new Schema({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  merchantName: { type: String, required: true },
  complaintId: { type: Schema.Types.ObjectId, required: true },
  complaintNumber: { type: String, required: true },
  storeName: { type: String, required: true },
  productName: { type: String, required: true },
  slot: { type: String, required: true, unique: true },
  /** The bureau with jurisdiction: the complaint's handling region when filed. */
  regionCode: { type: String, required: true },
  regionCodes: { type: [String], required: true },
  reason: { type: String, required: true },
  // The file's bytes live behind server/storage, like complaint evidence.
  evidence: {
    type: new Schema({ storageKey: String, fileName: String, contentType: String, size: Number }, { _id: false }),
    required: true,
  },
  state: { type: String, enum: ['open', 'accepted', 'rejected'], required: true },
  filedAt: { type: Date, required: true },
  filedBy: { type: Schema.Types.ObjectId, required: true },
  filedByName: { type: String, required: true },
  decision: {
    type: new Schema({ reason: String, at: Date, by: Schema.Types.ObjectId, byName: String }, { _id: false }),
    default: null,
  },
});
// The bureau's list: one equality per region code under its jurisdiction, per state.
creditContestSchema.index({ regionCodes: 1, state: 1 });
// The merchant's own contests (newest first) and the accepted ones its credit leaves out.
creditContestSchema.index({ merchantId: 1, filedAt: -1 });
creditContestSchema.index({ merchantId: 1, state: 1 });
// The contests of one complaint (a contested row of the merchant's credit inputs page).
creditContestSchema.index({ complaintId: 1, filedAt: -1 });
// Every merchant's accepted contests (the hourly credit job).
creditContestSchema.index({ state: 1 });

export type CreditContestRecord = InferSchemaType<typeof creditContestSchema> & { _id: mongoose.Types.ObjectId };
export const CreditContestModel = mongoose.model('CreditContest', creditContestSchema);
