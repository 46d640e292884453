// A user's notification settings: how each kind of event reaches them (app, mail, daily digest), and a
// regulator's subscriptions. Both live on the user document, which the fan-out reads anyway.
import type { Locale } from '../../shared/enums.js';
import {
  DEFAULT_DELIVERY,
  EVENT_KINDS_BY_ROLE,
  SUBSCRIPTION_LIMIT,
  SUBSCRIPTION_TARGETS,
  subscriptionKey,
  type Deliveries,
  type NotificationSettings,
  type Subscription,
  type SubscriptionInput,
  type SubscriptionTarget,
} from '../../shared/schemas/notificationSettings.js';
import { notFound, unprocessable } from '../http/errors.js';
import { OrganizationModel } from '../models/Organization.js';
import { ProductModel } from '../models/Product.js';
import { RegionModel } from '../models/Region.js';
import { UserModel } from '../models/User.js';
import { renewSubscriptionStamp } from '../notifications/subscriptions.js';
import type { Actor } from '../policies/index.js';
import { allowed } from '../policies/index.js';
import { regionName } from '../regions/names.js';

type Stored = { deliveries?: Deliveries | null; subs?: string[] | null; locale?: string | null };

async function load(actor: Actor): Promise<Stored> {
  const u = await UserModel.findById(actor.id, { deliveries: 1, subs: 1, locale: 1 }).lean();
  if (!u) throw notFound('User');
  return u as Stored;
}

/** What a subscription names, read by `_id` (merchant, product) or from the region table. */
async function label(target: SubscriptionTarget, value: string, locale: Locale): Promise<string | null> {
  switch (target) {
    case 'category':
      return value;
    case 'merchant':
      return (await OrganizationModel.findOne({ _id: value, kind: 'merchant' }, { name: 1 }).lean())?.name ?? null;
    case 'product':
      return (await ProductModel.findById(value, { name: 1 }).lean())?.name ?? null;
    case 'region':
      return (await RegionModel.exists({ code: value })) ? regionName(value, locale) : null;
  }
}

async function present(actor: Actor, u: Stored): Promise<NotificationSettings> {
  const locale = (u.locale === 'en' ? 'en' : 'zh-CN') as Locale;
  const subscriptions: Subscription[] = [];
  for (const key of u.subs ?? []) {
    const [target, value] = key.split(':') as [SubscriptionTarget, string];
    if (!SUBSCRIPTION_TARGETS.includes(target)) continue;
    subscriptions.push({ key, target, value, label: (await label(target, value, locale)) ?? value });
  }
  return {
    deliveries: EVENT_KINDS_BY_ROLE[actor.role].map((kind) => ({ kind, delivery: u.deliveries?.[kind] ?? DEFAULT_DELIVERY })),
    subscriptions,
    canSubscribe: allowed(actor, 'notify:subscribe'),
  };
}

export async function getSettings(actor: Actor): Promise<NotificationSettings> {
  return present(actor, await load(actor));
}

export async function saveDeliveries(actor: Actor, changes: Deliveries): Promise<NotificationSettings> {
  const u = await load(actor);
  const kinds = EVENT_KINDS_BY_ROLE[actor.role];
  const foreign = Object.keys(changes).filter((k) => !(kinds as readonly string[]).includes(k));
  if (foreign.length) throw unprocessable('unknown_event_kind', `Your account hears of no ${foreign.join(', ')}`);
  const deliveries = { ...(u.deliveries ?? {}), ...changes };
  await UserModel.updateOne({ _id: actor.id }, { $set: { deliveries } });
  return present(actor, { ...u, deliveries });
}

export async function subscribe(actor: Actor, input: SubscriptionInput): Promise<NotificationSettings> {
  const u = await load(actor);
  const key = subscriptionKey(input);
  const subs = u.subs ?? [];
  if (subs.includes(key)) return present(actor, u);
  if (subs.length >= SUBSCRIPTION_LIMIT) throw unprocessable('too_many_subscriptions', `At most ${SUBSCRIPTION_LIMIT} subscriptions`);
  if (input.target !== 'category' && !(await label(input.target, input.value, 'zh-CN')))
    throw notFound({ merchant: 'Merchant', product: 'Product', region: 'Region' }[input.target]);
  const next = [...subs, key];
  await UserModel.updateOne({ _id: actor.id }, { $set: { subs: next } });
  await renewSubscriptionStamp();
  return present(actor, { ...u, subs: next });
}

export async function unsubscribe(actor: Actor, key: string): Promise<NotificationSettings> {
  const u = await load(actor);
  if (!(u.subs ?? []).includes(key)) throw notFound('Subscription');
  const next = (u.subs ?? []).filter((k) => k !== key);
  await UserModel.updateOne({ _id: actor.id }, { $set: { subs: next } });
  await renewSubscriptionStamp();
  return present(actor, { ...u, subs: next });
}
