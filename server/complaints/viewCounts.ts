// The live counts of saved queue views, for the viewer: from the count ledger when the view's filters
// are ledger keys (status, priority, category within an audience), else by an equality read of the
// list model (the queue's own pushed-down shape) that stops after COUNT_CAP rows, so a broad view
// with a date range or search costs at most that many rows and shows "COUNT_CAP+".
import type { SavedViewFilters } from '../../shared/schemas/savedViews.js';
import { readCounts } from '../counts/ledger.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import type { Actor } from '../policies/index.js';
import { filterOf, plan, planRows } from './query.js';

export const COUNT_CAP = 999;

export interface ViewCount {
  count: number;
  capped: boolean;
}

/** Counts each view's filters for `actor`; views reading one audience share its ledger read. */
export async function viewCounts(actor: Actor, views: SavedViewFilters[]): Promise<ViewCount[]> {
  const ledgers = new Map<string, Promise<Record<string, number>>>();
  const ledger = (scope: string) => {
    if (!ledgers.has(scope)) ledgers.set(scope, readCounts(scope));
    return ledgers.get(scope)!;
  };
  return Promise.all(
    views.map(async (filters) => {
      const p = plan(actor, filters);
      if (!p) return { count: 0, capped: false };
      if (p.countKey !== null) return { count: (await ledger(p.audience))[p.countKey] ?? 0, capped: false };
      const rows = await planRows(
        p,
        (m) =>
          ComplaintEntryModel.find(filterOf(p, m), { _id: 1 })
            .limit(COUNT_CAP + 1)
            .lean(),
        COUNT_CAP,
      );
      return { count: Math.min(rows.length, COUNT_CAP), capped: rows.length > COUNT_CAP };
    }),
  );
}
