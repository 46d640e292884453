import mongoose, { Schema } from 'mongoose';

// Metadata of an evidence file; the bytes live behind server/storage (key = storage key).
const attachmentSchema = new Schema({
  complaintId: { type: Schema.Types.ObjectId, ref: 'Complaint', required: true },
  uploaderId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  name: { type: String, required: true },
  size: { type: Number, required: true },
  contentType: { type: String, required: true },
  storageKey: { type: String, required: true, unique: true },
  at: { type: Date, required: true },
});
attachmentSchema.index({ complaintId: 1 });

export type AttachmentRecord = mongoose.InferSchemaType<typeof attachmentSchema> & { _id: mongoose.Types.ObjectId };
export const AttachmentModel = mongoose.model('Attachment', attachmentSchema);
