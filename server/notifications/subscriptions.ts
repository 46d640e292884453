// Regulators' subscriptions beyond their jurisdiction (shared/schemas/notificationSettings.ts): a filed
// complaint whose category, merchant, product or region (county or city) a regulator subscribed to
// tells that regulator, through the fan-out like any notice. It runs after the products capability's
// handler of the same event, so the complaint's product is resolved (its ComplaintFact).
import { cityOf, regionContains } from '../../shared/regions.js';
import { subscriptionKey } from '../../shared/schemas/notificationSettings.js';
import { subscription } from '../events/bus.js';
import { notice } from '../mail/templates.js';
import crypto from 'node:crypto';
import { now } from '../clock.js';
import { complaintReads } from '../complaints/eventReads.js';
import { SubscriptionStampModel } from '../models/SubscriptionStamp.js';
import { UserModel } from '../models/User.js';
import { fanOut } from './fanout.js';
import { subscribers } from './recipients.js';
import { firstWriter } from '../db/firstWriter.js';
import { sharedRead } from '../db/sharedRead.js';

/** The subscription keys a complaint matches. */
export function complaintKeys(
  c: { product?: { category: string } | null; merchantId: unknown; countyCode: string },
  productId?: unknown,
): string[] {
  return [
    ...(c.product ? [subscriptionKey({ target: 'category', value: c.product.category })] : []),
    subscriptionKey({ target: 'merchant', value: String(c.merchantId) }),
    subscriptionKey({ target: 'region', value: c.countyCode }),
    subscriptionKey({ target: 'region', value: cityOf(c.countyCode) }),
    ...(productId ? [subscriptionKey({ target: 'product', value: String(productId) })] : []),
  ];
}

const STAMP = 'subscriptions';
let known: { token: string; keys: Set<string> } | null = null;
// The filings of a burst ask at once: one read of the stamp serves those that asked before it left.
const stampToken = sharedRead(async () => (await SubscriptionStampModel.findById(STAMP, { token: 1 }).lean())?.token ?? '');

/**
 * The keys some regulator subscribes to: one read of the stamp while it holds the token this process
 * saw last, else every regulator's keys are read again. The stamp is renewed before a subscription's
 * request answers, so every filing whose effects run after that answer sees the change.
 */
export async function subscribedKeys(): Promise<Set<string>> {
  const token = await stampToken();
  if (known?.token === token) return known.keys;
  const regulators = await UserModel.find({ role: 'regulator' }, { subs: 1 }).lean();
  known = { token, keys: new Set(regulators.flatMap((r) => r.subs ?? [])) };
  return known.keys;
}

/** Renews the stamp after a regulator's subscriptions were stored. */
export async function renewSubscriptionStamp(): Promise<void> {
  // Losing means another change created the stamp at the same moment: its token is just as new.
  await firstWriter(SubscriptionStampModel.replaceOne({ _id: STAMP }, { token: crypto.randomUUID(), at: now() }, { upsert: true }));
}

/** `reads`: the filing's reads shared with its other handlers (the products one records the fact first). */
export async function notifySubscribers(complaintId: string, reads = complaintReads(complaintId)): Promise<number> {
  const c = await reads.complaint();
  if (!c) return 0;
  const fact = await reads.fact();
  const held = await subscribedKeys();
  const keys = complaintKeys(c, fact?.productId).filter((k) => held.has(k));
  if (!keys.length) return 0;
  const id = String(c._id);
  return fanOut({
    // The filing's own cause: a bureau that heard of it already (an urgent complaint) hears once.
    cause: `${id}:1`,
    kind: 'subscribed_filed',
    to: [subscribers(keys)],
    notice: notice('subscribed_filed', { number: c.number, productName: c.product?.name, merchantName: c.merchantName }),
    // The complaint's page where the subscriber may see it; elsewhere the merchant's public profile
    // (a subscription tells, it does not open the complaint outside one's jurisdiction).
    link: (r) =>
      r.regionCode && [c.countyCode, c.regulatorRegion].some((code) => regionContains(r.regionCode!, code))
        ? `/complaints/${id}`
        : `/merchants/${String(c.merchantId)}`,
    complaintId: c._id,
  });
}

export const notificationSubscriptions = [
  subscription('complaint.filed', ({ complaintId, reads }) => notifySubscribers(complaintId, reads).then(() => undefined)),
];
