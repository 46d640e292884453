// The list keys of a return request. The return desk lists filter by visibility and store; with these
// array fields each filter is a top-level equality the engine pushes down, instead of a region regex
// or an $or over the two stores that it filters after reading every request.
import { regionChain } from '../../shared/regions.js';
import { ReturnRequestModel } from '../models/ReturnRequest.js';

interface Store {
  _id: unknown;
  countyCode: string;
}

export function listKeys(purchase: Store, ret: Store) {
  return {
    regionKeys: [...new Set([...regionChain(purchase.countyCode), ...regionChain(ret.countyCode)])],
    storeIds: [...new Map([purchase, ret].map((s) => [String(s._id), s._id])).values()],
  };
}

/** Requests stored before the keys existed get them, a batch at a time (server/db/backfill.ts). */
export async function backfillListKeys(batch = 500): Promise<number> {
  const rows = await ReturnRequestModel.find(
    { regionKeys: { $exists: false } },
    { purchaseStoreId: 1, returnStoreId: 1, countyCode: 1, returnCountyCode: 1 },
  )
    .limit(batch)
    .lean();
  for (const r of rows) {
    const keys = listKeys({ _id: r.purchaseStoreId, countyCode: r.countyCode }, { _id: r.returnStoreId, countyCode: r.returnCountyCode });
    await ReturnRequestModel.updateOne({ _id: r._id }, { $set: keys });
  }
  return rows.length;
}
