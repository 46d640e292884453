import mongoose, { Schema } from 'mongoose';

// Officers' internal notes on a complaint, for the bureaus that see it and never its consumer or
// merchant (server/policies/complaints.ts `seesInternal`). Insert-only, and not events: a note does
// not change the complaint's state or version, so writing one never conflicts with a transition.
const complaintNoteSchema = new Schema({
  complaintId: { type: Schema.Types.ObjectId, ref: 'Complaint', required: true },
  authorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  authorName: { type: String, required: true },
  orgName: { type: String, required: true },
  body: { type: String, required: true },
  at: { type: Date, required: true },
});
// A complaint's notes: equality on complaintId, oldest first by _id.
complaintNoteSchema.index({ complaintId: 1, _id: 1 });

export type ComplaintNoteRecord = mongoose.InferSchemaType<typeof complaintNoteSchema> & { _id: mongoose.Types.ObjectId };
export const ComplaintNoteModel = mongoose.model('ComplaintNote', complaintNoteSchema);
