// Who hears of something, as named rules: each returns clauses of one user query, so a fan-out asks
// for the active accounts of all its rules in a single read. A capability picks rules; it does not
// write queries of its own.
import { regionChain } from '../../shared/regions.js';
import { merchantSideAccounts } from '../policies/index.js';

export type RecipientRule = Record<string, unknown>[];

/** One account (a consumer, an assignee). */
export const person = (userId: unknown): RecipientRule => [{ _id: userId }];

/** The merchant's headquarters accounts and the staff of these stores. */
export const merchantStaff = (merchantId: unknown, storeIds: unknown[]): RecipientRule => merchantSideAccounts(merchantId, storeIds);

/**
 * The bureaus over these regions: each county's and its city's, and the province's only when asked
 * (it sees everything in its province and hears only of what needs it: urgent complaints, flags).
 */
export function bureaus(regionCodes: string[], { province }: { province: boolean }): RecipientRule {
  const codes = [...new Set(regionCodes.flatMap(regionChain))].filter((c) => province || c.length > 2);
  return codes.length ? [{ role: 'regulator', regionCode: { $in: codes } }] : [];
}

/** Regulators subscribed to any of these keys (`category:…`, `merchant:…`, `product:…`, `region:…`): one equality each on `subs`. */
export function subscribers(keys: string[]): RecipientRule {
  return keys.length ? [{ role: 'regulator', subs: { $in: [...new Set(keys)] } }] : [];
}
