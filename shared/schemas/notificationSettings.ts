// Notification settings (issue #10, item 7): per kind of event, each user chooses in-app only, mail at
// once, or a daily digest mail; regulators subscribe to a category, merchant, product or region beyond
// what their jurisdiction already tells them.
import { z } from 'zod';
import { CATEGORIES, type Role } from '../enums.js';
import { regionCode } from './directory.js';
import { objectId } from './common.js';

/** How a user hears of one kind of event; every kind is always in the app. */
export const DELIVERIES = ['app', 'mail', 'digest'] as const;
export type Delivery = (typeof DELIVERIES)[number];
export const DEFAULT_DELIVERY: Delivery = 'mail';

/** The kinds of event a user chooses for, each grouping the notification kinds of one concern. */
export const EVENT_KINDS = [
  'new_complaints',
  'complaint_progress',
  'messages',
  'deadlines',
  'assignments',
  'products',
  'returns',
  'subscriptions',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

const KIND_OF: Record<string, EventKind> = {
  filed_consumer: 'new_complaints',
  filed_merchant: 'new_complaints',
  filed_urgent: 'new_complaints',
  message: 'messages',
  merchant_reminder: 'deadlines',
  acceptance_overdue: 'deadlines',
  remedy_reminder: 'deadlines',
  remedy_overdue: 'deadlines',
  deadline_paused: 'deadlines',
  deadline_resumed: 'deadlines',
  pause_requested: 'deadlines',
  pause_declined: 'deadlines',
  assigned: 'assignments',
  flag_raised: 'products',
  flag_escalated: 'products',
  recall: 'products',
  recall_off_sale: 'products',
  return_breach: 'returns',
  subscribed_filed: 'subscriptions',
};

/** The event kind of a notification kind; any other complaint notice is its progress. */
export const eventKindOf = (notificationKind: string): EventKind => KIND_OF[notificationKind] ?? 'complaint_progress';

/** The kinds each role can hear of (the settings page shows these). */
export const EVENT_KINDS_BY_ROLE: Record<Role, readonly EventKind[]> = {
  consumer: ['new_complaints', 'complaint_progress', 'messages', 'deadlines', 'products', 'returns'],
  merchant: ['new_complaints', 'complaint_progress', 'messages', 'deadlines', 'products', 'returns'],
  regulator: ['new_complaints', 'complaint_progress', 'messages', 'deadlines', 'assignments', 'products', 'subscriptions'],
  admin: ['complaint_progress'],
};

export const deliveriesSchema = z.partialRecord(z.enum(EVENT_KINDS), z.enum(DELIVERIES));
export type Deliveries = z.infer<typeof deliveriesSchema>;

export const SUBSCRIPTION_TARGETS = ['category', 'merchant', 'product', 'region'] as const;
export type SubscriptionTarget = (typeof SUBSCRIPTION_TARGETS)[number];
export const SUBSCRIPTION_LIMIT = 20;

export const subscriptionInput = z.discriminatedUnion('target', [
  z.object({ target: z.literal('category'), value: z.enum(CATEGORIES) }).strict(),
  z.object({ target: z.literal('merchant'), value: objectId }).strict(),
  z.object({ target: z.literal('product'), value: objectId }).strict(),
  z.object({ target: z.literal('region'), value: regionCode }).strict(),
]);
export type SubscriptionInput = z.infer<typeof subscriptionInput>;

/** The stored key of a subscription, e.g. `category:household_appliance` (one equality each on the user). */
export const subscriptionKey = (s: { target: string; value: string }) => `${s.target}:${s.value}`;

export const subscriptionSchema = z
  .object({
    key: z.string(),
    target: z.enum(SUBSCRIPTION_TARGETS),
    value: z.string(),
    /** What it names: the merchant's, product's or region's name (a category is named by the client). */
    label: z.string(),
  })
  .strict();
export type Subscription = z.infer<typeof subscriptionSchema>;

export const notificationSettingsSchema = z
  .object({
    /** Every event kind of the user's role with its delivery (the default where none was chosen). */
    deliveries: z.array(z.object({ kind: z.enum(EVENT_KINDS), delivery: z.enum(DELIVERIES) }).strict()),
    /** Regulators only (empty for others). */
    subscriptions: z.array(subscriptionSchema),
    canSubscribe: z.boolean(),
  })
  .strict();
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const settingsInput = z.object({ deliveries: deliveriesSchema }).strict();
export const subscriptionKeyParam = z.object({
  key: z.string().regex(/^(category|merchant|product|region):[\w]+$/, 'must be a subscription key'),
});
