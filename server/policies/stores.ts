// A merchant's own stores: headquarters manages them; store staff see their own store only.
import { hqMerchant, merchantSide, role, type Actor, type Rule } from './rules.js';

export const storeRules = {
  'store:mine': role('merchant'),
  'store:update': hqMerchant,
  'store:close': hqMerchant,
} satisfies Record<string, Rule>;

/** The store is the actor's: headquarters of its merchant, or staff of this very store. */
export function seesOwnStore(a: Actor | null, s: { _id: unknown; merchantId: unknown }): boolean {
  return merchantSide(a, s.merchantId, [s._id]);
}
