import mongoose, { Schema } from 'mongoose';

// Regulator-edited flag thresholds as numbered versions: the highest version is in force, the rest
// are the history. A unique version number decides two simultaneous edits (the second gets 409).
const flagRuleSetSchema = new Schema({
  version: { type: Number, required: true, unique: true },
  rules: { type: Schema.Types.Mixed, required: true },
  actorId: { type: Schema.Types.ObjectId },
  at: { type: Date, required: true },
});

export const FlagRuleSetModel = mongoose.model('FlagRuleSet', flagRuleSetSchema);
