// A store's public page (what its QR poster links to): the store, its merchant's tier, the active
// return commitments covering it (the 放心消费承诺 badge) and its figures.
import { z } from 'zod';
import { storeSchema } from './directory.js';
import { commitmentSchema } from './returns.js';
import { storeFiguresSchema } from './stores.js';

export const publicStoreSchema = storeSchema.extend({
  creditTier: z.enum(['A', 'B', 'C', 'D']).nullable(),
  commitmentBadge: z.boolean(),
  commitments: z.array(
    commitmentSchema.pick({
      id: true,
      scope: true,
      windowDays: true,
      categories: true,
      excludedCategories: true,
      conditions: true,
      refundWithinHours: true,
    }),
  ),
  figures: storeFiguresSchema,
  /** The address the store's QR code holds. */
  url: z.string(),
});
export type PublicStore = z.infer<typeof publicStoreSchema>;

export const posterQuery = z.object({ download: z.enum(['0', '1']).optional() }).strict();
