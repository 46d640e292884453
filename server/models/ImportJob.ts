import mongoose, { Schema, type InferSchemaType } from 'mongoose';

// A sampling CSV import. Only its own worker writes it, so plain $set updates are safe.
const importJobSchema = new Schema(
  {
    kind: { type: String, required: true, default: 'sampling' },
    userId: { type: Schema.Types.ObjectId, required: true },
    regionCode: { type: String, required: true },
    fileName: { type: String },
    status: { type: String, enum: ['queued', 'running', 'done', 'failed'], required: true },
    total: { type: Number, default: 0 },
    done: { type: Number, default: 0 },
    inserted: { type: Number, default: 0 },
    duplicates: { type: Number, default: 0 },
    // "errors" is reserved by mongoose documents; presented as `errors`.
    lineErrors: { type: [{ _id: false, line: Number, code: String, field: String, value: String, message: String }], default: [] },
    encoding: { type: String },
  },
  { timestamps: true },
);

export type ImportJobRecord = InferSchemaType<typeof importJobSchema> & { _id: mongoose.Types.ObjectId };
export const ImportJobModel = mongoose.model('ImportJob', importJobSchema);
