// A merchant's own stores: headquarters manages them; store staff see their own store only.
import { definePolicies, hqMerchant, merchantSide, role, type Actor } from './index.js';

definePolicies({
  'store:mine': role('merchant'),
  'store:update': hqMerchant,
  'store:close': hqMerchant,
});

/** The store is the actor's: headquarters of its merchant, or staff of this very store. */
export function seesOwnStore(a: Actor | null, s: { _id: unknown; merchantId: unknown }): boolean {
  return merchantSide(a, s.merchantId, [s._id]);
}
