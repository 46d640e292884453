import mongoose from 'mongoose';

/** Builds every model's indexes; unique indexes decide races, so they must exist before traffic. */
export async function ensureIndexes(): Promise<void> {
  for (const model of Object.values(mongoose.models)) await model.init();
}
