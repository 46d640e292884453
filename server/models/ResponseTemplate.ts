import mongoose, { Schema } from 'mongoose';

// A response template of one organisation (shared/schemas/templates.ts). A name is unique per
// organisation (two saves of one name at once: one template and a 409); the list is one equality read
// on orgId sorted by name, on the same index.
const responseTemplateSchema = new Schema({
  orgId: { type: Schema.Types.ObjectId, ref: 'Organization', required: true },
  name: { type: String, required: true },
  body: { type: String, required: true },
  updatedById: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  updatedByName: { type: String, required: true },
  updatedAt: { type: Date, required: true },
});
responseTemplateSchema.index({ orgId: 1, name: 1 }, { unique: true });

export type ResponseTemplateRecord = mongoose.InferSchemaType<typeof responseTemplateSchema> & { _id: mongoose.Types.ObjectId };
export const ResponseTemplateModel = mongoose.model('ResponseTemplate', responseTemplateSchema);
