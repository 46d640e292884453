import mongoose, { Schema } from 'mongoose';
import { FIGURE_COUNTS } from '../../shared/schemas/openData.js';

// The per-merchant and per-region figures of one nightly export, one row per merchant, city or
// county. `scope` is `<exportId>:<level>`, so the public API reads one export's rows of one level by
// one equality, paged by _id.
const openDataFigureSchema = new Schema({
  scope: { type: String, required: true },
  level: { type: String, required: true },
  key: { type: String, required: true },
  name: { type: String, required: true },
  nameEn: { type: String, required: true },
  ...Object.fromEntries(FIGURE_COUNTS.map((k) => [k, { type: Number, required: true }])),
});
openDataFigureSchema.index({ scope: 1, _id: -1 });

export type OpenDataFigureRecord = mongoose.InferSchemaType<typeof openDataFigureSchema> & { _id: mongoose.Types.ObjectId } & Record<
    (typeof FIGURE_COUNTS)[number],
    number
  >;
export const OpenDataFigureModel = mongoose.model('OpenDataFigure', openDataFigureSchema);
