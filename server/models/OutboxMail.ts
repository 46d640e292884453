import mongoose, { Schema } from 'mongoose';

// One mail per (event key, recipient), unique: the outbox job sends each once, retrying with
// backoff while SMTP is down. Without SMTP_URL it is written as an .eml file instead.
const outboxMailSchema = new Schema({
  key: { type: String, required: true },
  userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  to: { type: String, required: true },
  subject: { type: String, required: true },
  text: { type: String, required: true },
  status: { type: String, enum: ['pending', 'sent', 'failed'], required: true, default: 'pending' },
  attempts: { type: Number, default: 0 },
  nextAttemptAt: { type: Date, required: true },
  lastError: { type: String, default: null },
  sentAt: { type: Date, default: null },
  transport: { type: String, default: null },
  messageId: { type: String, default: null },
  createdAt: { type: Date, required: true },
  /** Its number in the order mails were enqueued, and that number's band (server/db/sequence.ts): the admin's list reads a band at a time. */
  seq: { type: Number },
  band: { type: Number },
});
outboxMailSchema.index({ key: 1, userId: 1 }, { unique: true });
outboxMailSchema.index({ status: 1, nextAttemptAt: 1 });
// A consumer's own mails, for the download of their data (PIPL, server/privacy/download.ts).
outboxMailSchema.index({ userId: 1, _id: -1 });
// The admin's outbox, newest first: one band (at most 50 mails) per read, of every status or of one.
outboxMailSchema.index({ band: 1, seq: -1 });
outboxMailSchema.index({ status: 1, band: 1, seq: -1 });
// Its undelivered mails (pending, failed), a few, read whole and sorted by _id.
outboxMailSchema.index({ status: 1, _id: -1 });

export type OutboxMailRecord = mongoose.InferSchemaType<typeof outboxMailSchema> & { _id: mongoose.Types.ObjectId };
export const OutboxMailModel = mongoose.model('OutboxMail', outboxMailSchema);
