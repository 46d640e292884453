import { z } from 'zod';
import { ACCOUNT_STATUSES, STORE_STATUSES } from '../enums.js';
import { objectId } from './common.js';

export const regionCode = z.string().regex(/^33(\d{2}(\d{2})?)?$/, 'must be a Zhejiang region code (33, 33xx or 33xxxx)');

export const regionQuery = z.object({ parent: regionCode.optional() });
export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  level: z.enum(['province', 'city', 'county']),
  parent: z.string().nullable(),
});
export type Region = z.infer<typeof regionSchema>;

export const storeSchema = z.object({
  id: objectId,
  merchantId: objectId,
  merchantName: z.string(),
  name: z.string(),
  countyCode: z.string(),
  cityCode: z.string(),
  address: z.string(),
  status: z.enum(STORE_STATUSES),
});
export type Store = z.infer<typeof storeSchema>;

export const storeQuery = z.object({
  merchantId: objectId.optional(),
  region: regionCode.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export const merchantQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

/** A merchant in a list: who it is and its stored credit tier. */
export const merchantListingSchema = z.object({
  id: objectId,
  name: z.string(),
  creditCode: z.string(),
  countyCode: z.string(),
  isChain: z.boolean(),
  status: z.enum(ACCOUNT_STATUSES),
  creditTier: z.enum(['A', 'B', 'C', 'D']).nullable(),
});
export type MerchantListing = z.infer<typeof merchantListingSchema>;

/** The public profile: the organization, its open stores and its figures (no personal data). */
export const merchantSchema = merchantListingSchema.extend({
  figures: z.record(z.string(), z.number().nullable()),
  stores: z.array(storeSchema),
});
export type Merchant = z.infer<typeof merchantSchema>;

const storeFields = {
  name: z.string().trim().min(1).max(120),
  countyCode: z.string().regex(/^33\d{4}$/, 'must be a Zhejiang county code'),
  address: z.string().trim().min(1).max(300),
};

export const createStoreSchema = z.object(storeFields).strict();

/** Name, address and county can change; a store's history keeps the county it had when each complaint was filed. */
export const updateStoreSchema = z
  .object({ name: storeFields.name.optional(), countyCode: storeFields.countyCode.optional(), address: storeFields.address.optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: 'name, countyCode or address is required' });
