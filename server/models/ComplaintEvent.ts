import mongoose, { Schema } from 'mongoose';

// The source of truth of a complaint: one insert per transition. The unique (complaintId, seq)
// index decides races between concurrent transitions (the loser gets E11000 → 409).
/** An event's id is "<complaintId>:<seq>": FerretDB's SQLite backend uses an index only for _id
 * equality, so a complaint's timeline is read by id, one event per seq, instead of by scanning. */
export function eventId(complaintId: unknown, seq: number): string {
  return `${String(complaintId)}:${seq}`;
}

const complaintEventSchema = new Schema({
  _id: {
    type: String,
    default(this: { complaintId: unknown; seq: number }) {
      return eventId(this.complaintId, this.seq);
    },
  },
  complaintId: { type: Schema.Types.ObjectId, ref: 'Complaint', required: true },
  seq: { type: Number, required: true },
  action: { type: String, required: true },
  from: { type: String, default: null },
  to: { type: String, required: true },
  actorId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  party: { type: String, enum: ['consumer', 'merchant', 'regulator', 'system'], required: true },
  at: { type: Date, required: true },
  data: { type: Schema.Types.Mixed, default: {} },
  // What follows the event after the answer (notifications, mail, live events, facts, flag and abuse
  // checks) is owed while `effects` is 'pending': inserted with the event, so a crash cannot lose it,
  // and removed once done (server/complaints/effectRunner.ts). `effectsTry` numbers the claims.
  effects: { type: String, enum: ['pending'] },
  effectsTry: { type: Number },
  // A clock transition long past its deadline changes state without notices.
  quiet: { type: Boolean },
});
complaintEventSchema.index({ complaintId: 1, seq: 1 }, { unique: true });
complaintEventSchema.index({ at: 1 });
complaintEventSchema.index({ effects: 1 });

export type ComplaintEventRecord = mongoose.InferSchemaType<typeof complaintEventSchema>;
export const ComplaintEventModel = mongoose.model('ComplaintEvent', complaintEventSchema);
