import mongoose, { Schema, type InferSchemaType, type HydratedDocument } from 'mongoose';
import { ACCOUNT_STATUSES, LOCALES, ROLES } from '../../shared/enums.js';
import { storedTokens } from '../search/tokens.js';

const userSchema = new Schema(
  {
    name: { type: String, required: true },
    email: { type: String, required: true, unique: true },
    passwordHash: { type: String, required: true },
    phone: { type: String },
    role: { type: String, enum: ROLES, required: true },
    status: { type: String, enum: ACCOUNT_STATUSES, required: true, default: 'active' },
    locale: { type: String, enum: LOCALES, default: 'zh-CN' },
    orgId: { type: Schema.Types.ObjectId, ref: 'Organization' },
    // The organization's name, copied at write time so account lists and search need no join.
    orgName: { type: String },
    regionCode: { type: String },
    // Merchant staff of one store; a merchant account without it is headquarters.
    storeId: { type: Schema.Types.ObjectId, ref: 'Store' },
    invitedBy: { type: Schema.Types.ObjectId, ref: 'User' },
    // The status a disabled account returns to when enabled again (pending, invited or active).
    disabledFrom: { type: String, enum: ACCOUNT_STATUSES },
    // Write-time search tokens of name, email and organization (server/search/tokens.ts).
    search: { type: [String], default: undefined },
    // Closed by its consumer (PIPL): name, email and phone replaced, password unusable (server/privacy/close.ts).
    closedAt: { type: Date },
    // How each kind of event reaches the user beyond the app (shared/schemas/notificationSettings.ts);
    // read with the recipients of a fan-out, so settings cost no read of their own.
    deliveries: { type: Schema.Types.Mixed, default: undefined },
    // A regulator's subscriptions (`category:…`, `merchant:…`, `product:…`, `region:…`): the fan-out
    // finds subscribers by one equality per key on this indexed array.
    subs: { type: [String], default: undefined },
    // Its number in the order accounts were added, and that number's band (server/accounts/numbers.ts):
    // the admin's unfiltered account list reads a band at a time.
    seq: { type: Number },
    band: { type: Number },
  },
  { timestamps: true },
);
userSchema.index({ role: 1, status: 1 });
userSchema.index({ orgId: 1 });
userSchema.index({ search: 1 });
userSchema.index({ subs: 1 });
userSchema.index({ band: 1, seq: -1 });

// Every document write recomputes the tokens (create, save, insertMany all validate first).
userSchema.pre('validate', function () {
  this.search = storedTokens([this.name, this.email, this.orgName]);
});

export type UserRecord = InferSchemaType<typeof userSchema> & { _id: mongoose.Types.ObjectId };
export type UserDoc = HydratedDocument<UserRecord>;
export const UserModel = mongoose.model('User', userSchema);
