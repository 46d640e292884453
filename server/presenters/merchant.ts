import type { OrganizationRecord } from '../models/Organization.js';
import { StoreModel } from '../models/Store.js';
import { presentStore } from './store.js';

type Figures = Record<string, number | null>;
type FigureSource = (merchantId: string) => Promise<{ figures: Figures; creditTier?: 'A' | 'B' | 'C' | 'D' | null }>;

const sources: FigureSource[] = [];

/** Capabilities that know a merchant's figures (complaints, returns, credit) contribute them here. */
export function addMerchantFigures(source: FigureSource): void {
  sources.push(source);
}

/** The public profile: no personal data, only the organization, its stores and its figures. */
export async function presentMerchant(m: OrganizationRecord, opts: { withStores: boolean }) {
  const id = String(m._id);
  const parts = await Promise.all(sources.map((s) => s(id)));
  const figures = Object.assign({}, ...parts.map((p) => p.figures)) as Figures;
  const creditTier = parts.find((p) => p.creditTier !== undefined)?.creditTier ?? null;
  const stores = opts.withStores ? (await StoreModel.find({ merchantId: m._id, status: 'open' }).sort({ cityCode: 1 }).lean()).map(presentStore) : undefined;
  return {
    id,
    name: m.name,
    creditCode: m.creditCode ?? '',
    countyCode: m.regionCode,
    isChain: !!m.isChain,
    status: m.status,
    creditTier,
    figures,
    ...(stores ? { stores } : {}),
  };
}
