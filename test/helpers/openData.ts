// Public records (投诉公示) written straight into the read model, for the open-data tests: the
// publication path that writes them has its own tests (test/routes/disclosure.test.ts).
import mongoose from 'mongoose';
import type { DemoWorld } from '../../server/seed/registry.js';

/** A published record of the demo chain at its `i`-th store, resolved, with `over` on top. */
export function publicRecord(world: DemoWorld, i: number, over: Record<string, unknown> = {}) {
  const stores = world.stores.filter((s) => String(s.merchantId) === String(world.chain._id));
  const store = stores[i % stores.length]!;
  return {
    _id: new mongoose.Types.ObjectId(),
    complaintId: new mongoose.Types.ObjectId(),
    merchantId: world.chain._id,
    merchantName: world.chain.name,
    storeId: store._id,
    storeName: store.name,
    cityCode: store.cityCode,
    countyCode: store.countyCode,
    category: 'household_appliance',
    problemType: 'quality',
    demand: { type: 'refund', amountFen: 12_345 },
    outcome: 'resolved',
    filedOn: '2026-11-01',
    closedOn: '2026-11-10',
    publishedAt: new Date('2026-11-20T02:00:00Z'),
    ...over,
  };
}
