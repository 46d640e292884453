import mongoose, { Schema } from 'mongoose';

// The thread of a complaint between consumer, merchant and bureau. Messages are not events: they do
// not change the complaint's state or version, so writing one never conflicts with a transition.
const complaintMessageSchema = new Schema({
  complaintId: { type: Schema.Types.ObjectId, ref: 'Complaint', required: true },
  authorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  party: { type: String, enum: ['consumer', 'merchant', 'regulator', 'admin'], required: true },
  authorName: { type: String, required: true },
  body: { type: String, required: true },
  attachmentId: { type: Schema.Types.ObjectId, ref: 'Attachment', default: null },
  at: { type: Date, required: true },
});
complaintMessageSchema.index({ complaintId: 1, at: 1 });

export type ComplaintMessageRecord = mongoose.InferSchemaType<typeof complaintMessageSchema> & { _id: mongoose.Types.ObjectId };
export const ComplaintMessageModel = mongoose.model('ComplaintMessage', complaintMessageSchema);
