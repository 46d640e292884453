import mongoose, { Schema, type InferSchemaType } from 'mongoose';

const regionSchema = new Schema({
  code: { type: String, required: true, unique: true },
  name: { type: String, required: true },
  nameEn: { type: String, required: true },
  level: { type: String, enum: ['province', 'city', 'county'], required: true },
  parent: { type: String, default: null },
});
regionSchema.index({ parent: 1 });
// The compliance trend names its cities (server/returns/compliance.ts).
regionSchema.index({ level: 1 });

export type RegionRecord = InferSchemaType<typeof regionSchema>;
export const RegionModel = mongoose.model('Region', regionSchema);
