import type { Merchant, MerchantListing } from '../../shared/schemas/directory.js';
import type { OrganizationRecord } from '../models/Organization.js';
import { StoreModel } from '../models/Store.js';
import { presentStore } from './store.js';

type Figures = Record<string, number | null>;
export type FigureSource = (merchantId: string) => Promise<{ figures: Figures; creditTier?: Tier | null }>;

const sources: FigureSource[] = [];

/** Capabilities that know a merchant's figures (complaints, returns, credit) contribute them here. */
export function addMerchantFigures(source: FigureSource): void {
  if (!sources.includes(source)) sources.push(source);
}

type Tier = 'A' | 'B' | 'C' | 'D';

/** An organization, or the public registry's row of one (server/stores/merchantRows.ts). */
type Listed = Pick<OrganizationRecord, '_id' | 'name' | 'regionCode' | 'status'> & { creditCode?: string | null; isChain?: boolean | null };

/** A merchant in a list (search, the registry's filter): who it is and its stored credit tier. */
export function presentMerchantListing(m: Listed, creditTier: Tier | null): MerchantListing {
  return {
    id: String(m._id),
    name: m.name,
    creditCode: m.creditCode ?? '',
    countyCode: m.regionCode,
    isChain: !!m.isChain,
    status: m.status as MerchantListing['status'],
    creditTier,
  };
}

/**
 * The public profile: no personal data, only the organization, its stores and its figures. The
 * figures are computed per merchant, so only the profile shows them; lists use the listing above
 * (a list of 100 merchants computing figures each took 16–23 s on a loaded machine).
 */
export async function presentMerchant(m: OrganizationRecord): Promise<Merchant> {
  const id = String(m._id);
  const [parts, stores] = await Promise.all([
    Promise.all(sources.map((s) => s(id))),
    StoreModel.find({ merchantId: m._id, status: 'open' }).lean(),
  ]);
  const figures = Object.assign({}, ...parts.map((p) => p.figures)) as Figures;
  const creditTier = parts.find((p) => p.creditTier !== undefined)?.creditTier ?? null;
  // Sorted here: the engine sorts in memory anyway, and a merchant has tens of stores.
  stores.sort((a, b) => a.cityCode.localeCompare(b.cityCode));
  return { ...presentMerchantListing(m, creditTier), figures, stores: stores.map(presentStore) };
}
