import mongoose, { Schema } from 'mongoose';

// Readable complaint numbers ZJ-YYYYMMDD-000123: each number is taken by inserting it (unique),
// never by incrementing a counter ($inc is not atomic on FerretDB v1).
const complaintNumberSchema = new Schema({
  day: { type: String, required: true },
  n: { type: Number, required: true },
  complaintId: { type: Schema.Types.ObjectId, required: true },
});
complaintNumberSchema.index({ day: 1, n: 1 }, { unique: true });

export const ComplaintNumberModel = mongoose.model('ComplaintNumber', complaintNumberSchema);
