import mongoose, { Schema } from 'mongoose';

// One change of a user's unread notification count: +1 when a notification is added, -1 when it is
// read. The _id names the notification and the direction (`+<userId>:<key>`, `-<userId>:<key>`), so a
// retried notify or a double "mark read" inserts nothing. Sealed into UnreadSnapshot and deleted, so
// a user has only the deltas since the last seal. See server/notifications/unread.ts.
const unreadDeltaSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    d: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
unreadDeltaSchema.index({ userId: 1 });

export const UnreadDeltaModel = mongoose.model('UnreadDelta', unreadDeltaSchema);
