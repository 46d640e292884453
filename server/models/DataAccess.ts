import mongoose, { Schema } from 'mongoose';

// One view of a consumer's personal data by someone else (a merchant's staff, an officer, an admin):
// the complaint page while the consumer's identity shows, the printable record, the evidence. The
// consumer reads their own entries, newest first, on 我的数据 (PIPL: who, when, which complaint).
// The _id is made when the view is answered, so a retried write stores the entry once.
const dataAccessSchema = new Schema({
  consumerId: { type: Schema.Types.ObjectId, required: true },
  complaintId: { type: Schema.Types.ObjectId, required: true },
  complaintNumber: { type: String, required: true },
  viewerId: { type: Schema.Types.ObjectId, required: true },
  viewerRole: { type: String, required: true },
  viewerName: { type: String, required: true },
  /** The viewer's merchant or bureau, as the consumer knows it. */
  viewerOrg: { type: String },
  what: { type: String, enum: ['detail', 'record_pdf', 'evidence'], required: true },
  at: { type: Date, required: true },
});
// The consumer's log, newest first: one equality, paged by _id.
dataAccessSchema.index({ consumerId: 1, _id: -1 });

export type DataAccessRecord = mongoose.InferSchemaType<typeof dataAccessSchema> & { _id: mongoose.Types.ObjectId };
export const DataAccessModel = mongoose.model('DataAccess', dataAccessSchema);
