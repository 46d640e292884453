import mongoose, { Schema } from 'mongoose';

// The source of truth of a complaint: one insert per transition. The unique (complaintId, seq)
// index decides races between concurrent transitions (the loser gets E11000 → 409).
const complaintEventSchema = new Schema({
  complaintId: { type: Schema.Types.ObjectId, ref: 'Complaint', required: true },
  seq: { type: Number, required: true },
  action: { type: String, required: true },
  from: { type: String, default: null },
  to: { type: String, required: true },
  actorId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  party: { type: String, enum: ['consumer', 'merchant', 'regulator', 'system'], required: true },
  at: { type: Date, required: true },
  data: { type: Schema.Types.Mixed, default: {} },
});
complaintEventSchema.index({ complaintId: 1, seq: 1 }, { unique: true });
complaintEventSchema.index({ at: 1 });

export type ComplaintEventRecord = mongoose.InferSchemaType<typeof complaintEventSchema> & { _id: mongoose.Types.ObjectId };
export const ComplaintEventModel = mongoose.model('ComplaintEvent', complaintEventSchema);
