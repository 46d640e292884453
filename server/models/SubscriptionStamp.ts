import mongoose, { Schema } from 'mongoose';

// One document (`_id: 'subscriptions'`) whose token is replaced by a fresh one after every change of
// a regulator's subscriptions. A filing's subscription check reads it by _id: while the token is the
// one a process saw last, the keys anyone subscribes to are those that process read then
// (server/notifications/subscriptions.ts). Two changes at once may each write a token, and either
// one left is new to every reader, which is all a reader asks of it.
const subscriptionStampSchema = new Schema({
  _id: { type: String, required: true },
  token: { type: String, required: true },
  at: { type: Date, required: true },
});

export const SubscriptionStampModel = mongoose.model('SubscriptionStamp', subscriptionStampSchema);
