// Fields added after a database was first written: filled once at start, so an existing ./data keeps
// working (a store written before stores could close is open). Each step finds nothing the second time.
import { StoreModel } from '../models/Store.js';

export async function backfillFields(): Promise<void> {
  await StoreModel.updateMany({ status: { $exists: false } }, { $set: { status: 'open' } });
}
