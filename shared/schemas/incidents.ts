// Product-safety incident reports (事故强制报告, issue 12 item 3): a merchant, as the seller or the
// producer, reports an incident with a product; the bureau of the place hears of it at once.
import { z } from 'zod';
import { CATEGORIES, SAFETY_KINDS } from '../enums.js';
import { countedPage, objectId, offsetCursor } from './common.js';
import { regionCode } from './directory.js';
import { productLabelSchema } from './productLabel.js';

export const INJURY_SEVERITIES = ['none', 'minor', 'serious', 'fatal'] as const;
export type InjurySeverity = (typeof INJURY_SEVERITIES)[number];
export const REPORTER_ROLES = ['seller', 'producer'] as const;
export type ReporterRole = (typeof REPORTER_ROLES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

export const reportIncidentSchema = z
  .object({
    /** The product record (GET /api/incident-products?q= picks it), or `product` when it has none yet. */
    productId: objectId.optional(),
    product: z
      .object({
        name: text(200),
        category: z.enum(CATEGORIES),
        gtin: z.string().trim().max(14).optional(),
        brand: z.string().trim().max(100).optional(),
        model: z.string().trim().max(100).optional(),
        producer: z.string().trim().max(200).optional(),
      })
      .strict()
      .optional(),
    reporterRole: z.enum(REPORTER_ROLES),
    kind: z.enum(SAFETY_KINDS),
    injuredCount: z.number().int().min(0).max(10_000),
    severity: z.enum(INJURY_SEVERITIES),
    description: text(4000),
    countyCode: z.string().regex(/^33\d{4}$/, 'must be a Zhejiang county code'),
    address: text(300),
    /** When it happened: an ISO date-time, not in the future. */
    occurredAt: z.iso.datetime({ offset: true }),
  })
  .strict()
  .refine((b) => !!b.productId !== !!b.product, { message: 'name the product: a productId or a new product', path: ['productId'] })
  .refine((b) => (b.severity === 'none') === (b.injuredCount === 0), {
    message: 'severity "none" goes with no injured person, and injured persons need a severity',
    path: ['severity'],
  });
export type ReportIncidentInput = z.infer<typeof reportIncidentSchema>;

export const incidentProductQuery = z.object({ q: z.string().trim().min(1).max(100) });

export const incidentQuery = z.object({
  region: regionCode.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: offsetCursor,
});

export const incidentSchema = z.object({
  id: objectId,
  productId: objectId,
  product: productLabelSchema.extend({ producer: z.string().nullable() }),
  keyCategory: z.boolean(),
  merchantId: objectId,
  merchantName: z.string().nullable(),
  reporterRole: z.enum(REPORTER_ROLES),
  kind: z.enum(SAFETY_KINDS),
  injuredCount: z.number().int(),
  severity: z.enum(INJURY_SEVERITIES),
  description: z.string(),
  countyCode: z.string(),
  cityCode: z.string(),
  address: z.string(),
  occurredAt: z.string(),
  reportedAt: z.string(),
});
export type Incident = z.infer<typeof incidentSchema>;

/** The bureau's (or the reporting merchant's) list, with its result count. */
export const incidentPage = countedPage(incidentSchema);
export type IncidentPage = z.infer<typeof incidentPage>;
