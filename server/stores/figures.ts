// The figures on the 门店 page: complaints about each store and returns at its desk in the last 90 days.
// Complaint counts come from the merchant's own per-quarter store counts (rollup.ts, storeScope: one or
// two small snapshots by _id), never from a scan of the complaints or the province's top lists, so a
// page of stores costs the same at 200k complaints as at 200.
import { shanghaiDay } from '../../shared/calendar.js';
import { addDays } from '../../shared/weeks.js';
import type { ManagedStore } from '../../shared/schemas/stores.js';
import { storeCounts } from '../analytics/weekCells.js';
import { now } from '../clock.js';
import { ReturnCommitmentModel } from '../models/ReturnCommitment.js';
import { groupBy, loadRows, summarise } from '../returns/figures.js';

const DAYS = 90;

export async function storeFigures(merchantId: string): Promise<(storeId: string) => ManagedStore['figures']> {
  const to = shanghaiDay(now());
  const from = addDays(to, -(DAYS - 1));
  const [complaints, rows] = await Promise.all([storeCounts(merchantId, from, to), loadRows({ merchantId, from, to })]);
  const returns = groupBy(rows, (r) => String(r.returnStoreId));
  return (storeId) => {
    const r = summarise(returns.get(storeId) ?? []);
    return { complaints90d: complaints.get(storeId) ?? 0, returns90d: r.requests, honorRate: r.honorRate, breaches90d: r.breaches };
  };
}

/** The scopes of the active commitments covering each store: a store with any shows the 放心消费承诺 badge. */
export async function storeCommitments(merchantId: string): Promise<(storeId: string) => ManagedStore['commitmentScopes']> {
  const active = await ReturnCommitmentModel.find({ merchantId, status: 'active' }, { storeIds: 1, scope: 1 }).lean();
  return (storeId) => [...new Set(active.filter((c) => c.storeIds.some((id) => String(id) === storeId)).map((c) => c.scope))];
}
