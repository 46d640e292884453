// Shared vocabularies. Codes are stable API values; labels live in the client's i18n files.

export const ROLES = ['consumer', 'merchant', 'regulator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** `invited`: created by an invitation, no password yet; `disabled`: switched off by an admin or its organization. */
export const ACCOUNT_STATUSES = ['active', 'pending', 'rejected', 'invited', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** A closed store keeps its history but takes no new complaints or returns. */
export const STORE_STATUSES = ['open', 'closed'] as const;
export type StoreStatus = (typeof STORE_STATUSES)[number];

/** The first eight are the key categories of the provincial consumer-goods action plan. */
export const KEY_CATEGORIES = [
  'electric_bicycle',
  'gas_appliance',
  'lpg_regulator',
  'electric_heater',
  'electric_hand_warmer',
  'toy',
  'stationery',
  'fire_safety',
] as const;

export const CATEGORIES = [
  ...KEY_CATEGORIES,
  'household_appliance',
  'electronics',
  'clothing',
  'footwear',
  'furniture',
  'cosmetics',
  'food',
  'fresh_food',
  'daily_goods',
  'jewelry',
  'digital_content',
  'made_to_order',
  'newspaper',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export function isKeyCategory(c: string): boolean {
  return (KEY_CATEGORIES as readonly string[]).includes(c);
}

export const PROBLEM_TYPES = ['quality', 'safety', 'false_advertising', 'return_refused', 'price', 'service', 'contract', 'other'] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

export const DEMAND_TYPES = ['refund', 'exchange', 'repair', 'compensation', 'apology', 'other'] as const;
export type DemandType = (typeof DEMAND_TYPES)[number];

export const SAFETY_KINDS = ['fire', 'electric_shock', 'gas_leak', 'burn', 'explosion', 'poisoning', 'injury', 'other'] as const;
export type SafetyKind = (typeof SAFETY_KINDS)[number];

export const COMPLAINT_STATUSES = [
  'awaiting_merchant',
  'merchant_responded',
  'awaiting_regulator',
  'in_mediation',
  'resolved',
  'mediated',
  'mediation_failed',
  'declined',
  'withdrawn',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const CLOSED_STATUSES: readonly ComplaintStatus[] = ['resolved', 'mediated', 'mediation_failed', 'declined', 'withdrawn'];

export const ORG_KINDS = ['merchant', 'regulator'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
