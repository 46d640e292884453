import mongoose, { Schema } from 'mongoose';

// A notification waiting for its recipient's daily digest mail (server/notifications/digest.ts): one
// per (user, cause), so a retried fan-out adds it once. `day` is the Asia/Shanghai day it happened;
// the digest of a day goes out after the day ends, and its items stop being `pending` then.
const digestItemSchema = new Schema({
  userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  key: { type: String, required: true },
  day: { type: String, required: true },
  pending: { type: Boolean, required: true },
  kind: { type: String, required: true },
  title: { type: String, required: true },
  titleEn: { type: String, required: true },
  body: { type: String, required: true },
  link: { type: String, required: true },
  at: { type: Date, required: true },
});
digestItemSchema.index({ userId: 1, key: 1 }, { unique: true });
// The digest job's read: a day's pending items (equality on both).
digestItemSchema.index({ day: 1, pending: 1 });

export type DigestItemRecord = mongoose.InferSchemaType<typeof digestItemSchema> & { _id: mongoose.Types.ObjectId };
export const DigestItemModel = mongoose.model('DigestItem', digestItemSchema);
