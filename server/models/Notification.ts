import mongoose, { Schema } from 'mongoose';

// An in-app notice. `key` names the event it is about; (userId, key) is unique so a retried command
// or a job firing twice can never notify the same person twice.
const notificationSchema = new Schema({
  userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  key: { type: String, required: true },
  kind: { type: String, required: true },
  title: { type: String, required: true },
  titleEn: { type: String },
  body: { type: String, default: '' },
  link: { type: String, required: true },
  complaintId: { type: Schema.Types.ObjectId, ref: 'Complaint', default: null },
  readAt: { type: Date, default: null },
  at: { type: Date, required: true },
  // Its number among its user's notifications, and that number's band (server/notifications/numbers.ts).
  seq: { type: Number },
  band: { type: Number },
});
notificationSchema.index({ userId: 1, key: 1 }, { unique: true });
notificationSchema.index({ userId: 1, readAt: 1 });
// A user's notifications newest first: the unread and read filters, the data download.
notificationSchema.index({ userId: 1, _id: -1 });
// The bell's page: a band of the user's numbers (FerretDB pushes down both equalities).
notificationSchema.index({ userId: 1, band: 1, seq: -1 });

export type NotificationRecord = mongoose.InferSchemaType<typeof notificationSchema> & { _id: mongoose.Types.ObjectId };
export const NotificationModel = mongoose.model('Notification', notificationSchema);
