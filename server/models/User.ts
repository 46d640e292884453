import mongoose, { Schema, type InferSchemaType, type HydratedDocument } from 'mongoose';
import { ACCOUNT_STATUSES, LOCALES, ROLES } from '../../shared/enums.js';

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
    regionCode: { type: String },
  },
  { timestamps: true },
);
userSchema.index({ role: 1, status: 1 });
userSchema.index({ orgId: 1 });

export type UserRecord = InferSchemaType<typeof userSchema> & { _id: mongoose.Types.ObjectId };
export type UserDoc = HydratedDocument<UserRecord>;
export const UserModel = mongoose.model('User', userSchema);
