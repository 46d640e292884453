// No-reason return commitments, return requests, their analytics and the compliance view (API.md "Returns").
import { z } from 'zod';
import { CATEGORIES } from '../enums.js';
import { isValidGtin } from '../gtin.js';
import { objectId, page } from './common.js';
import { regionCode } from './directory.js';

export const COMMITMENT_SCOPES = ['store', 'chain_city', 'chain_province'] as const;
export type CommitmentScope = (typeof COMMITMENT_SCOPES)[number];

export const COMMITMENT_STATUSES = ['active', 'suspended', 'withdrawn'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const COMMITMENT_ACTIONS = ['suspend', 'reinstate', 'withdraw'] as const;

/**
 * Goods the 7-day no-reason rule never covers (Consumer Rights Protection Law art. 25): made to order,
 * fresh or perishable, unsealed digital goods, newspapers and periodicals. Applied to every commitment.
 */
export const LEGAL_EXCLUSIONS = ['made_to_order', 'fresh_food', 'digital_content', 'newspaper'] as const;

export const RETURN_STATUSES = ['pending', 'honored', 'refused'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

const category = z.enum(CATEGORIES);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s),
    'must be a real calendar date',
  );
/** A date (YYYY-MM-DD, a Shanghai calendar day) or an ISO instant. */
const dayOrInstant = z.union([day, z.iso.datetime({ offset: true })]);

export const createCommitmentSchema = z
  .object({
    scope: z.enum(COMMITMENT_SCOPES),
    storeIds: z.array(objectId).min(1).max(500).optional(),
    windowDays: z.number().int().min(7, 'must be at least 7 days (the legal minimum)').max(365),
    categories: z.array(category).max(CATEGORIES.length).optional(),
    excludedCategories: z.array(category).max(CATEGORIES.length).optional(),
    conditions: z.string().trim().min(1).max(2000),
    refundWithinHours: z
      .number()
      .int()
      .min(1)
      .max(30 * 24),
  })
  .strict()
  .refine((v) => v.scope !== 'store' || (v.storeIds && v.storeIds.length > 0), {
    message: 'a store commitment lists its stores',
    path: ['storeIds'],
  });
export type CreateCommitmentInput = z.infer<typeof createCommitmentSchema>;

export const commitmentTransitionSchema = z
  .object({ action: z.enum(COMMITMENT_ACTIONS), reason: z.string().trim().min(1).max(1000).optional() })
  .strict()
  .refine((v) => v.action === 'withdraw' || !!v.reason, { message: 'a regulator gives a reason', path: ['reason'] });

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const commitmentQuery = z
  .object({
    region: regionCode.optional(),
    category: category.optional(),
    merchantId: objectId.optional(),
    /** Only commitments under which some store accepts goods bought at another store. */
    crossStore: bool.optional(),
    /** Signed-in owners and regulators may list suspended or withdrawn ones too. */
    status: z.enum([...COMMITMENT_STATUSES, 'all']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const createReturnSchema = z
  .object({
    purchaseStoreId: objectId,
    returnStoreId: objectId,
    purchaseDate: dayOrInstant,
    amountFen: z.number().int().min(1).max(100_000_000),
    product: z
      .object({
        name: z.string().trim().min(1).max(120),
        category,
        gtin: z.string().trim().refine(isValidGtin, 'must be a GTIN-13 or GTIN-8 barcode with a valid check digit').optional(),
      })
      .strict(),
    reason: z.string().trim().max(1000).optional(),
    /**
     * The consumer's own choice (never the desk's): may the merchant see their name and phone on the
     * complaint a breach of this return opens? Absent means no.
     */
    contactAgreement: z.boolean().optional(),
  })
  .strict();
export type CreateReturnInput = z.infer<typeof createReturnSchema>;

/** The code on a desk return's receipt: 10 characters without the look-alikes 0, O, 1 and I. */
export const CLAIM_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CLAIM_CODE_LENGTH = 10;

/** A consumer claims a return recorded at a desk with its receipt code, choosing contact consent. */
export const claimReturnSchema = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(new RegExp(`^[${CLAIM_CODE_ALPHABET}]{${CLAIM_CODE_LENGTH}}$`), 'must be the 10-character code on the return receipt'),
    contactAgreement: z.boolean(),
  })
  .strict();

export const returnOutcomeSchema = z.discriminatedUnion('outcome', [
  z
    .object({
      outcome: z.literal('honored'),
      refundedAt: z.iso.datetime({ offset: true }),
      amountFen: z.number().int().min(0).max(100_000_000),
    })
    .strict(),
  z.object({ outcome: z.literal('refused'), reason: z.string().trim().min(1).max(1000) }).strict(),
]);
export type ReturnOutcomeInput = z.infer<typeof returnOutcomeSchema>;

export const disputeSchema = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();

export const returnListQuery = z
  .object({
    status: z.enum(RETURN_STATUSES).optional(),
    storeId: objectId.optional(),
    merchantId: objectId.optional(),
    breach: bool.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type ReturnListQuery = z.infer<typeof returnListQuery>;

/**
 * Why a request is or is not covered: one entry per check, each a stable code the client renders
 * in its language, with the values it needs.
 */
export const COVERAGE_CODES = [
  'no_commitment',
  'purchase_store_not_in_scope',
  'return_store_other_merchant',
  'commitment_active',
  'commitment_suspended',
  'commitment_withdrawn',
  'within_window',
  'past_window',
  'same_store',
  'return_store_in_scope',
  'return_store_not_in_scope',
  'cross_store_not_allowed',
  'same_city',
  'cross_city_allowed',
  'cross_city_not_allowed',
  'category_covered',
  'category_excluded',
  'category_legally_excluded',
  'category_not_covered',
] as const;
export type CoverageCode = (typeof COVERAGE_CODES)[number];

export const coverageReasonSchema = z.object({
  code: z.enum(COVERAGE_CODES),
  ok: z.boolean(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type CoverageReason = z.infer<typeof coverageReasonSchema>;

export const coverageSchema = z.object({
  covered: z.boolean(),
  commitmentId: z.string().optional(),
  scope: z.enum(COMMITMENT_SCOPES).optional(),
  windowDays: z.number().int().optional(),
  refundWithinHours: z.number().int().optional(),
  lastDay: z.string().optional(),
  reasons: z.array(coverageReasonSchema),
});
export type Coverage = z.infer<typeof coverageSchema>;

export const analyticsQuery = z
  .object({
    merchantId: objectId.optional(),
    storeId: objectId.optional(),
    region: regionCode.optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .strict();

export const complianceQuery = z
  .object({
    region: regionCode.optional(),
    threshold: z.coerce.number().min(0).max(1).optional(),
    days: z.coerce.number().int().min(7).max(730).optional(),
    minRequests: z.coerce.number().int().min(1).max(10_000).optional(),
    breaches: z.coerce.number().int().min(1).max(1000).optional(),
  })
  .strict();

export const complianceSettingsSchema = z
  .object({
    threshold: z.number().min(0).max(1),
    days: z.number().int().min(7).max(730),
    minRequests: z.number().int().min(1).max(10_000),
    breaches: z.number().int().min(1).max(1000),
  })
  .strict();
export type ComplianceSettings = z.infer<typeof complianceSettingsSchema>;
export const DEFAULT_COMPLIANCE: ComplianceSettings = { threshold: 0.9, days: 90, minRequests: 10, breaches: 3 };

/** Return figures of one merchant, store or region over a period (GET /api/analytics/returns). */
export const returnFiguresSchema = z.object({
  requests: z.number().int(),
  covered: z.number().int(),
  honored: z.number().int(),
  refused: z.number().int(),
  pending: z.number().int(),
  /** Covered requests honoured ÷ covered requests decided (honoured, refused, or overdue and breached). */
  honorRate: z.number().nullable(),
  crossStoreShare: z.number().nullable(),
  crossCityShare: z.number().nullable(),
  medianRefundHours: z.number().nullable(),
  breaches: z.number().int(),
});
export type ReturnFigures = z.infer<typeof returnFiguresSchema>;

// ---- Responses -------------------------------------------------------------------------------

const iso = z.string();

export const commitmentSchema = z.object({
  id: objectId,
  merchantId: objectId,
  merchantName: z.string(),
  scope: z.enum(COMMITMENT_SCOPES),
  status: z.enum(COMMITMENT_STATUSES),
  version: z.number().int(),
  windowDays: z.number().int(),
  categories: z.array(category),
  excludedCategories: z.array(category),
  legalExclusions: z.array(z.enum(LEGAL_EXCLUSIONS)),
  conditions: z.string(),
  refundWithinHours: z.number().int(),
  stores: z.array(
    z.object({
      id: objectId,
      name: z.string(),
      countyCode: z.string(),
      cityCode: z.string(),
      address: z.string(),
      acceptsOtherStores: z.boolean(),
    }),
  ),
  honorRate: z.number().nullable(),
  createdAt: iso,
  updatedAt: iso,
  /** A single commitment's transitions, oldest first (absent in lists). */
  history: z
    .array(
      z.object({
        seq: z.number().int(),
        action: z.string(),
        from: z.string().nullable(),
        to: z.string(),
        reason: z.string().nullable(),
        actorRole: z.string().nullable(),
        at: iso,
      }),
    )
    .optional(),
});

/** The public registry: its result count covers active commitments only (the others are listed per record). */
export const commitmentPage = page(commitmentSchema).extend({ total: z.number().int().nullable() });
export type CommitmentPage = z.infer<typeof commitmentPage>;
export type Commitment = z.infer<typeof commitmentSchema>;

export const storeBadgeSchema = z.object({
  storeId: objectId,
  commitmentBadge: z.boolean(),
  label: z.object({ zh: z.string(), en: z.string() }),
  commitments: z.array(
    z.object({
      id: objectId,
      scope: z.enum(COMMITMENT_SCOPES),
      windowDays: z.number().int(),
      refundWithinHours: z.number().int(),
      acceptsOtherStores: z.boolean(),
    }),
  ),
});

const storeRef = z.object({ id: objectId, name: z.string(), countyCode: z.string(), cityCode: z.string() });

/** A return request; never who its consumer is. `claimCode` only for its merchant's staff. */
export const returnRequestSchema = z.object({
  id: objectId,
  merchantId: objectId,
  merchantName: z.string(),
  purchaseStore: storeRef,
  returnStore: storeRef,
  purchaseDate: z.string(),
  amountFen: z.number().int(),
  product: z.object({ name: z.string(), category, gtin: z.string().optional() }),
  reason: z.string().nullable(),
  covered: z.boolean(),
  coverage: coverageSchema,
  status: z.enum(RETURN_STATUSES),
  dueAt: iso.nullable(),
  refundedAt: iso.nullable(),
  refundFen: z.number().int().nullable(),
  refundHours: z.number().nullable(),
  refusalReason: z.string().nullable(),
  dispute: z.object({ reason: z.string(), at: iso.nullable() }).nullable(),
  breach: z.boolean(),
  breachKind: z.enum(['refused', 'overdue']).nullable(),
  breachAt: iso.nullable(),
  complaintId: objectId.nullable(),
  crossStore: z.boolean(),
  crossCity: z.boolean(),
  /** The reader is the consumer who filed or claimed it. */
  mine: z.boolean(),
  claimCode: z.string().optional(),
  createdAt: iso,
});
export type ReturnRequest = z.infer<typeof returnRequestSchema>;

export const returnAnalyticsSchema = returnFiguresSchema.extend({
  filter: z.object({
    merchantId: z.string().nullable(),
    storeId: z.string().nullable(),
    region: z.string().nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
  }),
  byMerchant: z.array(returnFiguresSchema.extend({ merchantId: objectId, merchantName: z.string() })),
  byStore: z.array(
    returnFiguresSchema.extend({
      storeId: objectId,
      storeName: z.string(),
      merchantId: objectId,
      countyCode: z.string(),
      cityCode: z.string(),
    }),
  ),
  byCity: z.array(returnFiguresSchema.extend({ cityCode: z.string() })),
  byCounty: z.array(returnFiguresSchema.extend({ countyCode: z.string(), cityCode: z.string() })),
});
export type ReturnAnalytics = z.infer<typeof returnAnalyticsSchema>;

export const REVIEW_REASONS = [
  'low_honor_rate',
  'repeated_breaches',
  'store_low_honor_rate',
  'store_repeated_breaches',
  'credit_tier_d',
] as const;

const evidenceRow = z.object({
  id: objectId,
  storeName: z.string(),
  day: z.string(),
  status: z.enum(RETURN_STATUSES),
  covered: z.boolean(),
  breachKind: z.string().nullable(),
  refusalReason: z.string().nullable(),
  complaintId: z.string().nullable(),
});

export const complianceReportSchema = z.object({
  settings: complianceSettingsSchema,
  period: z.object({ from: z.string(), to: z.string() }),
  region: z.string(),
  totals: returnFiguresSchema,
  merchants: z.array(
    returnFiguresSchema.extend({
      merchantId: objectId,
      merchantName: z.string(),
      reasons: z.array(z.enum(REVIEW_REASONS)),
      /** A tier D merchant still showing a badge: its tier and the credit figures behind it. */
      credit: z.object({ tier: z.literal('D'), figures: z.record(z.string(), z.number().nullable()) }).nullable(),
      stores: z.array(
        returnFiguresSchema.extend({
          storeId: objectId,
          storeName: z.string(),
          cityCode: z.string(),
          countyCode: z.string(),
          flagged: z.boolean(),
          low: z.boolean(),
          manyBreaches: z.boolean(),
        }),
      ),
      evidence: z.object({ breaches: z.array(evidenceRow), refusals: z.array(evidenceRow) }),
      commitments: z.array(z.object({ id: objectId, scope: z.enum(COMMITMENT_SCOPES), status: z.enum(COMMITMENT_STATUSES) })),
    }),
  ),
  trend: z.array(
    z.object({
      cityCode: z.string(),
      cityName: z.string(),
      cityNameEn: z.string(),
      week: z.string(),
      requests: z.number().int(),
      honorRate: z.number().nullable(),
      breaches: z.number().int(),
    }),
  ),
});
export type ComplianceReport = z.infer<typeof complianceReportSchema>;
