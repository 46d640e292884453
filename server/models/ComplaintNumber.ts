import mongoose, { Schema } from 'mongoose';

// Readable complaint numbers ZJ-YYYYMMDD-000123, taken by inserting (never by incrementing a
// counter: $inc is not atomic on FerretDB v1). A row claims `size` numbers of a day from `n` on: a
// server claims a block of them with one insert and hands them out from memory; the seeders claim
// single numbers (size 1, the default). Every writer starts its row where the day's last row ends,
// so the rows tile the day without overlap: a writer that read a stale end collides with the row
// that starts there (E11000) and reads again.
const complaintNumberSchema = new Schema({
  day: { type: String, required: true },
  n: { type: Number, required: true },
  size: { type: Number },
  complaintId: { type: Schema.Types.ObjectId },
  at: { type: Date },
});
complaintNumberSchema.index({ day: 1, n: 1 }, { unique: true });

export const ComplaintNumberModel = mongoose.model('ComplaintNumber', complaintNumberSchema);
