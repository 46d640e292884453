import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { ACCOUNT_STATUSES } from '../../shared/enums.js';

// A merchant's row in the public registry (GET /api/merchants, the /commitments page): the organization
// fields the listing shows and the credit tier, so a page is one read of these rows instead of the
// organizations and then each one's tier by _id (FerretDB does not push `$in` down). `_id` is the
// merchant's; written by server/stores/merchantRows.ts after every write of either source.
const merchantRowSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  status: { type: String, enum: ACCOUNT_STATUSES, required: true },
  name: { type: String, required: true },
  creditCode: { type: String },
  regionCode: { type: String, required: true },
  isChain: { type: Boolean, default: false },
  /** The stored credit tier (MerchantCredit), null before the first computation. */
  tier: { type: String, default: null },
  /** Writes of the row so far: each write names the version it read. */
  v: { type: Number, default: 0 },
});
// The registry page: the active merchants, newest first.
merchantRowSchema.index({ status: 1, _id: -1 });

export type MerchantRowRecord = InferSchemaType<typeof merchantRowSchema> & { _id: mongoose.Types.ObjectId };
export const MerchantRowModel = mongoose.model('MerchantRow', merchantRowSchema);
