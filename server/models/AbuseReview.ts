import mongoose, { Schema } from 'mongoose';

// A consumer account queued for regulator review (mass templated claims, 恶意索赔). Nothing is
// blocked; a regulator decides. `openKey` ("open:<consumerId>" while pending) keeps one pending
// review per account, whichever filing noticed it first.
const abuseReviewSchema = new Schema(
  {
    consumerId: { type: Schema.Types.ObjectId, required: true },
    consumerName: { type: String },
    openKey: { type: String, required: true, unique: true },
    status: { type: String, enum: ['pending', 'cleared', 'confirmed'], required: true },
    evidence: { type: Schema.Types.Mixed, required: true },
    regionCodes: { type: [String], default: [] },
    decidedBy: { type: Schema.Types.ObjectId },
    decidedAt: { type: Date },
    note: { type: String },
  },
  { timestamps: true },
);
abuseReviewSchema.index({ status: 1, createdAt: -1 });
// The review queue reads one region's reviews of one status (server/products/visibility.ts).
abuseReviewSchema.index({ regionCodes: 1, status: 1 });

export const AbuseReviewModel = mongoose.model('AbuseReview', abuseReviewSchema);
