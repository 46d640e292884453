import mongoose, { Schema } from 'mongoose';

// A user's unread count as of a seal: `n` plus the deltas it absorbed (listed until they are deleted,
// so a reader never counts one twice). Generations are inserted (`<userId>:<gen>`, unique), never
// updated: of two sealers one wins. See server/notifications/unread.ts.
const unreadSnapshotSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    gen: { type: Number, required: true },
    n: { type: Number, required: true },
    absorbed: { type: [String], default: [] },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
unreadSnapshotSchema.index({ userId: 1 });

export type UnreadSnapshotRecord = mongoose.InferSchemaType<typeof unreadSnapshotSchema>;
export const UnreadSnapshotModel = mongoose.model('UnreadSnapshot', unreadSnapshotSchema);
