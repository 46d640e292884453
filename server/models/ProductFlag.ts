import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// A flagged product with the rules that fired and their evidence. `openKey` is "open:<productId>"
// while the flag is live and "closed:<flagId>" after: its unique index makes one open flag per
// product, whichever detection run (complaint, import, schedule) inserts first.
const productFlagSchema = new Schema(
  {
    productId: { type: Schema.Types.ObjectId, required: true },
    openKey: { type: String, required: true, unique: true },
    status: { type: String, enum: ['open', 'case_opened', 'closed', 'dismissed'], required: true },
    product: { type: Schema.Types.Mixed, required: true },
    category: { type: String, required: true },
    rules: { type: [String], default: [] },
    score: { type: Number, required: true },
    evidence: { type: Schema.Types.Mixed, required: true },
    /** Counties of the complaints and regions of the sampling authorities: who may see the flag. */
    regionCodes: { type: [String], default: [] },
    caseId: { type: Schema.Types.ObjectId },
    /** Score and rules last announced (flag:raised): a flag is re-announced only when it escalates. */
    notified: { type: Schema.Types.Mixed },
    raisedAt: { type: Date, required: true },
    /** 4 once the flag's list rows carry it as the list shows it (server/products/flagEntries.ts ENTRIES); less or absent on flags written before. */
    entries: { type: Number },
    closedAt: { type: Date },
  },
  { timestamps: true },
);
productFlagSchema.index({ status: 1, score: -1 });
productFlagSchema.index({ productId: 1 });
// The flag list while the start-up backfill writes the list rows of older flags: one region's flags of
// one status (server/products/visibility.ts); afterwards it reads FlagEntry.
productFlagSchema.index({ regionCodes: 1, status: 1 });

export type ProductFlagRecord = InferSchemaType<typeof productFlagSchema> & { _id: mongoose.Types.ObjectId };
export const ProductFlagModel = mongoose.model('ProductFlag', productFlagSchema);
