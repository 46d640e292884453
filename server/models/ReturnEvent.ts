import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// What happens to a return request, at most once per kind: the unique (requestId, kind) index lets
// exactly one outcome, one dispute and one claim (of a desk return by a consumer) be recorded,
// however many staff, tabs or accounts submit at once.
const returnEventSchema = new Schema({
  requestId: { type: Schema.Types.ObjectId, required: true },
  kind: { type: String, enum: ['outcome', 'dispute', 'claim'], required: true },
  data: { type: Schema.Types.Mixed, required: true },
  actorId: { type: Schema.Types.ObjectId, required: true },
  at: { type: Date, required: true },
});
returnEventSchema.index({ requestId: 1, kind: 1 }, { unique: true });

export type ReturnEventRecord = InferSchemaType<typeof returnEventSchema> & { _id: mongoose.Types.ObjectId };
export const ReturnEventModel = mongoose.model('ReturnEvent', returnEventSchema);
