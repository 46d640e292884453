// Whether a return is covered by the merchant's commitments, with every check spelled out. Pure: the
// caller loads the stores and commitments, so the rules are testable as a table.
import {
  LEGAL_EXCLUSIONS,
  type CommitmentScope,
  type CommitmentStatus,
  type Coverage,
  type CoverageReason,
} from '../../shared/schemas/returns.js';

const DAY_MS = 24 * 3600 * 1000;

export interface CoverageStore {
  id: string;
  merchantId: string;
  name: string;
  countyCode: string;
  cityCode: string;
}

export interface CoverageCommitment {
  id: string;
  scope: CommitmentScope;
  status: CommitmentStatus;
  storeIds: string[];
  windowDays: number;
  categories: string[];
  excludedCategories: string[];
  refundWithinHours: number;
  createdAt: Date;
}

export interface CoverageInput {
  purchaseStore: CoverageStore;
  returnStore: CoverageStore;
  /** Shanghai calendar days, YYYY-MM-DD. */
  purchaseDay: string;
  returnDay: string;
  category: string;
  /** Every commitment of the purchase store's merchant, whatever its status. */
  commitments: CoverageCommitment[];
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const STATUS_CODE = { active: 'commitment_active', suspended: 'commitment_suspended', withdrawn: 'commitment_withdrawn' } as const;

/** The checks of one commitment, in the order the desk reads them. */
export function checkCommitment(c: CoverageCommitment, i: CoverageInput): CoverageReason[] {
  const { purchaseStore: p, returnStore: r } = i;
  const reasons: CoverageReason[] = [{ code: STATUS_CODE[c.status], ok: c.status === 'active', params: { scope: c.scope } }];

  // The window counts whole Shanghai days from the purchase day: bought on the 1st with 7 days,
  // the 8th is the last day a return is accepted.
  const lastDay = addDays(i.purchaseDay, c.windowDays);
  const days = daysBetween(i.purchaseDay, i.returnDay);
  const inWindow = i.returnDay <= lastDay;
  reasons.push({
    code: inWindow ? 'within_window' : 'past_window',
    ok: inWindow,
    params: { purchaseDate: i.purchaseDay, lastDay, windowDays: c.windowDays, days },
  });

  if (p.id === r.id) reasons.push({ code: 'same_store', ok: true, params: { store: r.name } });
  else if (c.scope === 'store') reasons.push({ code: 'cross_store_not_allowed', ok: false, params: { store: r.name } });
  else if (!c.storeIds.includes(r.id)) reasons.push({ code: 'return_store_not_in_scope', ok: false, params: { store: r.name } });
  else reasons.push({ code: 'return_store_in_scope', ok: true, params: { store: r.name } });

  if (p.cityCode === r.cityCode) reasons.push({ code: 'same_city', ok: true, params: { city: r.cityCode } });
  else if (c.scope === 'chain_province')
    reasons.push({ code: 'cross_city_allowed', ok: true, params: { purchaseCity: p.cityCode, returnCity: r.cityCode } });
  else
    reasons.push({
      code: 'cross_city_not_allowed',
      ok: false,
      params: { purchaseCity: p.cityCode, returnCity: r.cityCode, scope: c.scope },
    });

  const cat = i.category;
  if ((LEGAL_EXCLUSIONS as readonly string[]).includes(cat))
    reasons.push({ code: 'category_legally_excluded', ok: false, params: { category: cat } });
  else if (c.excludedCategories.includes(cat)) reasons.push({ code: 'category_excluded', ok: false, params: { category: cat } });
  else if (c.categories.length > 0 && !c.categories.includes(cat))
    reasons.push({ code: 'category_not_covered', ok: false, params: { category: cat } });
  else reasons.push({ code: 'category_covered', ok: true, params: { category: cat } });
  return reasons;
}

const scopeRank: Record<CommitmentScope, number> = { chain_province: 3, chain_city: 2, store: 1 };
const statusRank: Record<CommitmentStatus, number> = { active: 3, suspended: 2, withdrawn: 1 };

/**
 * The first commitment that covers the return wins; otherwise the answer explains the closest one
 * (an active one before a suspended or withdrawn one, then the fewest failed checks, then the widest scope).
 */
export function decideCoverage(i: CoverageInput): Coverage {
  if (i.returnStore.merchantId !== i.purchaseStore.merchantId) {
    return { covered: false, reasons: [{ code: 'return_store_other_merchant', ok: false, params: { store: i.returnStore.name } }] };
  }
  if (i.commitments.length === 0) return { covered: false, reasons: [{ code: 'no_commitment', ok: false }] };
  const listing = i.commitments.filter((c) => c.storeIds.includes(i.purchaseStore.id));
  const activeListing = listing.filter((c) => c.status === 'active');
  // An old suspended or withdrawn commitment explains a refusal only when no active one applies.
  const anyActive = i.commitments.some((c) => c.status === 'active');
  const candidates = activeListing.length > 0 ? activeListing : anyActive ? [] : listing;
  if (candidates.length === 0) {
    return { covered: false, reasons: [{ code: 'purchase_store_not_in_scope', ok: false, params: { store: i.purchaseStore.name } }] };
  }
  const evaluated = candidates.map((c) => ({ c, reasons: checkCommitment(c, i) }));
  const failures = (e: (typeof evaluated)[number]) => e.reasons.filter((r) => !r.ok).length;
  evaluated.sort(
    (a, b) =>
      statusRank[b.c.status] - statusRank[a.c.status] ||
      failures(a) - failures(b) ||
      scopeRank[b.c.scope] - scopeRank[a.c.scope] ||
      b.c.createdAt.getTime() - a.c.createdAt.getTime(),
  );
  const best = evaluated.find((e) => failures(e) === 0) ?? evaluated[0]!;
  return {
    covered: failures(best) === 0,
    commitmentId: best.c.id,
    scope: best.c.scope,
    windowDays: best.c.windowDays,
    refundWithinHours: best.c.refundWithinHours,
    lastDay: addDays(i.purchaseDay, best.c.windowDays),
    reasons: best.reasons,
  };
}
