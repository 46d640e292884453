import mongoose, { Schema } from 'mongoose';

// A user's upload in progress holds one of a few numbered slots; the unique index decides who gets a
// slot, so the cap holds across instances. The slot is removed when the request ends.
const uploadSlotSchema = new Schema({
  userId: { type: String, required: true },
  slot: { type: Number, required: true },
  at: { type: Date, required: true },
});
uploadSlotSchema.index({ userId: 1, slot: 1 }, { unique: true });

export const UploadSlotModel = mongoose.model('UploadSlot', uploadSlotSchema);
