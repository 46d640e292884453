import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { ACCOUNT_STATUSES, ORG_KINDS } from '../../shared/enums.js';

const organizationSchema = new Schema(
  {
    kind: { type: String, enum: ORG_KINDS, required: true },
    // Unique identity per kind ("credit:<code>" for merchants, "region:<code>" for bureaus):
    // a unique index on creditCode alone would clash on the bureaus, which have none.
    key: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    nameEn: { type: String },
    creditCode: { type: String },
    // Merchants: registered county (jurisdiction of online purchases). Bureaus: the region they govern.
    regionCode: { type: String, required: true },
    status: { type: String, enum: ACCOUNT_STATUSES, default: 'active' },
    isChain: { type: Boolean, default: false },
  },
  { timestamps: true },
);
organizationSchema.index({ kind: 1, name: 1 });

export type OrganizationRecord = InferSchemaType<typeof organizationSchema> & { _id: mongoose.Types.ObjectId };
export const OrganizationModel = mongoose.model('Organization', organizationSchema);
