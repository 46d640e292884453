// Public rankings: a city's merchants in one category by complaints per open store, read from the
// city's ranking counts (server/analytics/rollup.ts, rankingCounts) written with each complaint, and
// the city's open stores by index. Merchants with fewer complaints than the configured minimum are
// counted but not ranked: a store with two complaints says little about its merchant.
import mongoose from 'mongoose';
import type { Ranking } from '../../shared/schemas/rankings.js';
import { loadConfig } from '../config.js';
import { now } from '../clock.js';
import { readCounts } from '../counts/ledger.js';
import { rankingScope } from '../analytics/rollup.js';
import { OrganizationModel } from '../models/Organization.js';
import { StoreModel } from '../models/Store.js';
import { indexFromMonth } from './merchantIndex.js';

export async function ranking(cityCode: string, category: string, at = now()): Promise<Ranking> {
  const fromMonth = indexFromMonth(at);
  const minComplaints = loadConfig().RANKING_MIN_COMPLAINTS;
  const complaints = new Map<string, number>();
  for (const [key, n] of Object.entries(await readCounts(rankingScope(cityCode)))) {
    const [month, cat, merchantId] = key.split('|') as [string, string, string];
    if (month >= fromMonth && cat === category) complaints.set(merchantId, (complaints.get(merchantId) ?? 0) + n);
  }
  const ranked = [...complaints].filter(([, n]) => n >= minComplaints);
  const ids = ranked.map(([id]) => new mongoose.Types.ObjectId(id));
  const [stores, orgs] = await Promise.all([
    StoreModel.find({ cityCode, status: 'open' }, { merchantId: 1 }).lean(),
    OrganizationModel.find({ _id: { $in: ids } }, { name: 1 }).lean(),
  ]);
  const storeCount = new Map<string, number>();
  for (const s of stores) storeCount.set(String(s.merchantId), (storeCount.get(String(s.merchantId)) ?? 0) + 1);
  const names = new Map(orgs.map((o) => [String(o._id), o.name]));
  const items = ranked
    .filter(([id]) => names.has(id))
    .map(([merchantId, n]) => {
      const stores = Math.max(1, storeCount.get(merchantId) ?? 0);
      return { merchantId, name: names.get(merchantId)!, complaints: n, stores, perStore: Math.round((n / stores) * 100) / 100 };
    })
    // Fewest complaints per store first; ties by name so the order is stable.
    .sort((a, b) => a.perStore - b.perStore || a.name.localeCompare(b.name, 'zh-CN'))
    .map((x, i) => ({ rank: i + 1, ...x }));
  return { cityCode, category, fromMonth, minComplaints, items, belowMinimum: complaints.size - ranked.length };
}
