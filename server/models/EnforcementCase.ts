import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// An enforcement case opened from a flag (one per flag: unique flagId). Its steps are CaseEvent
// inserts; this document is their projection, carrying the log for display.
const caseSchema = new Schema(
  {
    flagId: { type: Schema.Types.ObjectId, required: true, unique: true },
    productId: { type: Schema.Types.ObjectId, required: true },
    product: { type: Schema.Types.Mixed, required: true },
    producer: { type: String },
    status: { type: String, required: true },
    version: { type: Number, required: true },
    assignedRegion: { type: String, required: true },
    bureauId: { type: Schema.Types.ObjectId },
    bureauName: { type: String },
    regionCodes: { type: [String], default: [] },
    public: { type: Boolean, default: false },
    finding: { type: String },
    measures: { type: String },
    log: { type: [Schema.Types.Mixed], default: [] },
    openedBy: { type: Schema.Types.ObjectId, required: true },
    closedAt: { type: Date },
  },
  { timestamps: true },
);
caseSchema.index({ public: 1, updatedAt: -1 });
caseSchema.index({ status: 1 });
// The case list reads one region's cases (server/products/visibility.ts).
caseSchema.index({ regionCodes: 1, status: 1 });

export type EnforcementCaseRecord = InferSchemaType<typeof caseSchema> & { _id: mongoose.Types.ObjectId };
export const EnforcementCaseModel = mongoose.model('EnforcementCase', caseSchema);
