import mongoose, { Schema, type InferSchemaType } from 'mongoose';
import { AUDIT_ACTIONS } from '../../shared/schemas/accounts.js';

// The account audit trail: one entry per change (invite, resend, accept, disable, enable), inserted
// and never changed or removed — the model refuses updates and deletes. `orgId` is the organization
// whose accounts changed (a bureau, a merchant), so its managers read their trail by equality.
const auditEntrySchema = new Schema({
  at: { type: Date, required: true },
  action: { type: String, enum: AUDIT_ACTIONS, required: true },
  actorId: { type: Schema.Types.ObjectId, required: true },
  actorName: { type: String, required: true },
  actorRole: { type: String, required: true },
  targetId: { type: Schema.Types.ObjectId, required: true },
  targetName: { type: String, required: true },
  targetEmail: { type: String, required: true },
  targetRole: { type: String, required: true },
  orgId: { type: Schema.Types.ObjectId },
  orgName: { type: String },
  storeName: { type: String },
});
auditEntrySchema.index({ orgId: 1 });
auditEntrySchema.index({ targetId: 1 });

const insertOnly = function () {
  throw new Error('audit entries are insert-only');
};
auditEntrySchema.pre(
  ['updateOne', 'updateMany', 'replaceOne', 'findOneAndUpdate', 'findOneAndDelete', 'deleteOne', 'deleteMany'],
  insertOnly,
);

export type AuditEntryRecord = InferSchemaType<typeof auditEntrySchema> & { _id: mongoose.Types.ObjectId };
export const AuditEntryModel = mongoose.model('AuditEntry', auditEntrySchema);
