import mongoose, { Schema } from 'mongoose';

// Block k of a named sequence (server/db/sequence.ts): the numbers start … start+size-1, taken by one
// writer with this insert. Read by _id only.
const sequenceBlockSchema = new Schema(
  {
    _id: { type: String, required: true },
    start: { type: Number, required: true },
    size: { type: Number, required: true },
  },
  { versionKey: false },
);

export const SequenceBlockModel = mongoose.model('SequenceBlock', sequenceBlockSchema);
