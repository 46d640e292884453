// Fields added after a database was first written: filled once at start, so an existing ./data keeps
// working (a store written before stores could close is open; one written before listing existed is
// listed exactly when its merchant is approved). Each step finds nothing the second time.
import { OrganizationModel } from '../models/Organization.js';
import { StoreModel } from '../models/Store.js';

export async function backfillFields(): Promise<void> {
  await StoreModel.updateMany({ status: { $exists: false } }, { $set: { status: 'open' } });
  if (await StoreModel.exists({ listed: { $exists: false } })) {
    const unapproved = await OrganizationModel.find({ kind: 'merchant', status: { $ne: 'active' } }, { _id: 1 }).lean();
    await StoreModel.updateMany({ listed: { $exists: false }, merchantId: { $in: unapproved.map((o) => o._id) } }, { $set: { listed: false } });
    await StoreModel.updateMany({ listed: { $exists: false } }, { $set: { listed: true } });
  }
}
