// Public rankings of merchants per city and category: complaints per open store over the index
// period, only for merchants with at least the configured number of complaints (docs/indices.md).
import { z } from 'zod';
import { CATEGORIES } from '../enums.js';

export const rankingQuery = z
  .object({
    cityCode: z.string().regex(/^33\d{2}$/, 'must be a Zhejiang city code'),
    category: z.enum(CATEGORIES),
  })
  .strict();

export const rankingSchema = z.object({
  cityCode: z.string(),
  category: z.string(),
  /** The first month (YYYY-MM) counted; the period runs to today. */
  fromMonth: z.string(),
  minComplaints: z.number().int(),
  items: z.array(
    z.object({
      rank: z.number().int(),
      merchantId: z.string(),
      name: z.string(),
      complaints: z.number().int(),
      stores: z.number().int(),
      /** complaints / stores (open stores in the city; at least 1). */
      perStore: z.number(),
    }),
  ),
  /** Merchants with complaints here but fewer than `minComplaints`: counted, not ranked. */
  belowMinimum: z.number().int(),
});
export type Ranking = z.infer<typeof rankingSchema>;
