import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { COMMITMENT_SCOPES, COMMITMENT_STATUSES } from '../../shared/schemas/returns.js';

// The projection of a commitment's events (CommitmentEvent): `status` and `version` follow the last event.
// Covered stores are resolved to ids at publication, with their regions denormalized for the registry filters.
const returnCommitmentSchema = new Schema(
  {
    merchantId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
    merchantName: { type: String, required: true },
    merchantCountyCode: { type: String, required: true },
    scope: { type: String, enum: COMMITMENT_SCOPES, required: true },
    storeIds: { type: [Schema.Types.ObjectId], required: true },
    countyCodes: { type: [String], required: true },
    cityCodes: { type: [String], required: true },
    windowDays: { type: Number, required: true },
    categories: { type: [String], default: [] },
    excludedCategories: { type: [String], default: [] },
    conditions: { type: String, required: true },
    refundWithinHours: { type: Number, required: true },
    status: { type: String, enum: COMMITMENT_STATUSES, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { timestamps: false },
);
returnCommitmentSchema.index({ merchantId: 1, status: 1 });
returnCommitmentSchema.index({ storeIds: 1 });
returnCommitmentSchema.index({ status: 1, countyCodes: 1 });

export type ReturnCommitmentRecord = InferSchemaType<typeof returnCommitmentSchema> & { _id: mongoose.Types.ObjectId };
export const ReturnCommitmentModel = mongoose.model('ReturnCommitment', returnCommitmentSchema);
