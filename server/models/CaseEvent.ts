import mongoose, { Schema } from 'mongoose';

// Each step of an enforcement case; the unique (caseId, seq) makes the second of two concurrent
// steps from the same version fail with E11000 → 409.
const caseEventSchema = new Schema({
  caseId: { type: Schema.Types.ObjectId, required: true },
  seq: { type: Number, required: true },
  action: { type: String, required: true },
  from: { type: String },
  to: { type: String, required: true },
  note: { type: String },
  actorId: { type: Schema.Types.ObjectId, required: true },
  at: { type: Date, required: true },
});
caseEventSchema.index({ caseId: 1, seq: 1 }, { unique: true });

export const CaseEventModel = mongoose.model('CaseEvent', caseEventSchema);
