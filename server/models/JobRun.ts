import mongoose, { Schema } from 'mongoose';

// A run of a job (or one firing of one deadline) is claimed by inserting its key; the unique index
// makes exactly one instance, in one process, win it, also across restarts.
const jobRunSchema = new Schema({
  key: { type: String, required: true, unique: true },
  job: { type: String, required: true },
  at: { type: Date, required: true },
  result: { type: Schema.Types.Mixed },
});
jobRunSchema.index({ job: 1, at: 1 });

export const JobRunModel = mongoose.model('JobRun', jobRunSchema);
