// A merchant's own stores as its 门店 page shows them: status, badge and recent figures per store.
import { z } from 'zod';
import { STORE_STATUSES } from '../enums.js';
import { objectId } from './common.js';
import { storeSchema } from './directory.js';

export const myStoresQuery = z.object({
  status: z.enum(STORE_STATUSES).default('open'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: objectId.optional(),
});

export const storeFiguresSchema = z.object({
  /** Complaints filed about purchases at the store in the last 90 days. */
  complaints90d: z.number().int(),
  /** Returns handled at the store in the last 90 days, and how they went. */
  returns90d: z.number().int(),
  honorRate: z.number().nullable(),
  breaches90d: z.number().int(),
});

export const managedStoreSchema = storeSchema.extend({
  closedAt: z.string().nullable(),
  commitmentBadge: z.boolean(),
  commitmentScopes: z.array(z.enum(['store', 'chain_city', 'chain_province'])),
  figures: storeFiguresSchema,
});
export type ManagedStore = z.infer<typeof managedStoreSchema>;

export const myStoresPage = z.object({
  items: z.array(managedStoreSchema),
  nextCursor: z.string().nullable(),
  counts: z.object({ open: z.number().int(), closed: z.number().int() }),
});
