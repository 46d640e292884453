// Problem products, sampling imports, flags, enforcement cases and abuse review: request schemas
// and the regulator-editable flag thresholds.
import { z } from 'zod';
import { CATEGORIES } from '../enums.js';
import { objectId, offsetCursor } from './common.js';
import { regionCode } from './directory.js';
import { incidentSchema } from './incidents.js';
import { productLabelSchema } from './productLabel.js';

const limit = z.coerce.number().int().min(1).max(100).default(20);
const cursor = offsetCursor;

export const FLAG_RULE_IDS = ['volume', 'spread', 'safety', 'sampling', 'spike'] as const;
export type FlagRuleId = (typeof FLAG_RULE_IDS)[number];

const on = z.boolean();
const int = (min: number, max: number) => z.number().int().min(min).max(max);

/** Thresholds of each rule (DESIGN.md "Problem products"); defaults are the issue's. */
export const flagRulesSchema = z
  .object({
    volume: z.object({ enabled: on, complaints: int(1, 10_000), windowDays: int(1, 3650) }).strict(),
    spread: z
      .object({ enabled: on, merchants: int(2, 1000), cities: int(2, 11), minComplaints: int(1, 10_000), windowDays: int(1, 3650) })
      .strict(),
    safety: z.object({ enabled: on, windowDays: int(1, 3650) }).strict(),
    sampling: z
      .object({
        enabled: on,
        failures: int(1, 100),
        windowYears: int(1, 10),
        failuresWithComplaints: int(1, 100),
        complaints: int(1, 10_000),
      })
      .strict(),
    spike: z
      .object({
        enabled: on,
        baselineWeeks: int(2, 52),
        minCount: int(1, 10_000),
        ratio: z.number().min(1).max(100),
        zScore: z.number().min(0).max(100),
      })
      .strict(),
  })
  .strict();
export type FlagRules = z.infer<typeof flagRulesSchema>;

export const DEFAULT_FLAG_RULES: FlagRules = {
  volume: { enabled: true, complaints: 5, windowDays: 30 },
  // A spread needs a few complaints first, or any two complaints in two cities would flag a product.
  spread: { enabled: true, merchants: 3, cities: 2, minComplaints: 3, windowDays: 90 },
  safety: { enabled: true, windowDays: 365 },
  sampling: { enabled: true, failures: 2, windowYears: 3, failuresWithComplaints: 1, complaints: 2 },
  // At least as many as the volume rule, so a new product's first week is judged by volume alone.
  spike: { enabled: true, baselineWeeks: 8, minCount: 5, ratio: 3, zScore: 3 },
};

export const putFlagRulesSchema = z.object({ rules: flagRulesSchema, expectedVersion: z.number().int().min(0).optional() }).strict();

export const FLAG_STATUSES = ['open', 'case_opened', 'closed', 'dismissed'] as const;

/** A flag list's nextCursor: the last row's sort key (or, from a page served before, an offset). */
export const flagCursor = z
  .string()
  .regex(/^(\d{1,9}|\d{10}\|[0-9a-f]{24})$/, 'must be the nextCursor of a previous page')
  .optional();

export const flagQuery = z.object({
  region: regionCode.optional(),
  category: z.enum(CATEGORIES).optional(),
  status: z.enum(FLAG_STATUSES).optional(),
  limit,
  cursor: flagCursor,
});

export const productQuery = z.object({
  q: z.string().trim().max(100).optional(),
  category: z.enum(CATEGORIES).optional(),
  limit,
  cursor: z.string().max(200).optional(),
});

export const mergeProductsSchema = z.object({ fromId: objectId, intoId: objectId, note: z.string().trim().max(1000).optional() }).strict();

// ---- Sampling import -------------------------------------------------------------------------

const day = z
  .string()
  .trim()
  .transform((s) => s.replace(/[./年月]/g, '-').replace(/日$/, ''))
  .pipe(z.string().regex(/^\d{4}-\d{1,2}-\d{1,2}$/, 'must be a date like 2026-05-01'))
  .transform((s) => {
    const [y, m, d] = s.split('-');
    return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  })
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'is not a real date',
  );

const PASS = ['pass', 'passed', 'qualified', 'ok', 'yes', 'true', '1', '合格', '通过', '是'];
const FAIL = ['fail', 'failed', 'unqualified', 'no', 'false', '0', '不合格', '未通过', '否'];

/** One CSV row after its headers were mapped to these names (Chinese or English headers). */
export const samplingRowSchema = z.object({
  product: z.string().trim().min(1, 'product is required').max(200),
  category: z.enum(CATEGORIES, { message: 'category must be one of the category codes' }).default('other'),
  gtin: z.string().trim().max(32).optional(),
  brand: z.string().trim().max(100).optional(),
  model: z.string().trim().max(100).optional(),
  producer: z.string().trim().min(1, 'producer is required').max(200),
  batch: z.string().trim().min(1, 'batch is required').max(100),
  date: day,
  result: z
    .string()
    .trim()
    .transform((s) => s.toLowerCase())
    .refine((s) => PASS.includes(s) || FAIL.includes(s), 'result must be pass/fail (合格/不合格)')
    .transform((s) => PASS.includes(s)),
  failedItems: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .transform((s) =>
      s
        ? s
            .split(/[;；、,，|]/)
            .map((x) => x.trim())
            .filter(Boolean)
        : [],
    ),
  authority: z.string().trim().min(1, 'authority is required').max(200),
  region: regionCode.optional(),
});
export type SamplingRow = z.infer<typeof samplingRowSchema>;

/** Header aliases: what a bureau's spreadsheet calls each column. */
export const SAMPLING_HEADERS: Record<keyof z.input<typeof samplingRowSchema>, string[]> = {
  product: ['product', 'product name', 'name', '产品名称', '产品', '样品名称', '商品名称'],
  category: ['category', '类别', '产品类别', '品类'],
  gtin: ['gtin', 'barcode', 'ean', '条码', '商品条码', '条形码'],
  brand: ['brand', '品牌', '商标'],
  model: ['model', '型号', '规格型号', '型号规格'],
  producer: ['producer', 'manufacturer', '生产者', '生产企业', '生产单位', '标称生产企业'],
  batch: ['batch', 'lot', '批次', '批号', '生产日期/批号', '生产批次'],
  date: ['date', 'sampled on', 'sampling date', '抽样日期', '抽查日期', '日期'],
  result: ['result', 'pass/fail', 'outcome', '结果', '检验结果', '抽查结果', '结论'],
  failedItems: ['failed items', 'failed_items', 'failures', '不合格项目', '不合格项'],
  authority: ['authority', 'agency', '抽查机关', '组织抽查单位', '抽查单位', '检验机构'],
  region: ['region', 'region code', '地区代码', '区域代码'],
};

/** Why a line of an import was not taken: `code` (and `field`, `value`) for the reader's language, `message` in English for logs. */
export const IMPORT_ERROR_CODES = [
  'required',
  'too_long',
  'invalid',
  'outside_jurisdiction',
  'not_stored',
  'unreadable',
  'missing_columns',
  'stopped',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];
export const importLineError = z.object({
  line: z.number(),
  code: z.enum(IMPORT_ERROR_CODES),
  /** The row field (a key of SAMPLING_HEADERS) the error is about. */
  field: z.string().nullable(),
  /** The offending value (a region code, the missing columns), shown to the reader. */
  value: z.string().nullable(),
  message: z.string(),
});
export type ImportLineError = z.infer<typeof importLineError>;

export const importJobSchema = z.object({
  id: objectId,
  status: z.enum(['queued', 'running', 'done', 'failed']),
  done: z.number(),
  total: z.number(),
  inserted: z.number(),
  duplicates: z.number(),
  /** The file's detected encoding and name, once read. */
  encoding: z.string().nullable(),
  fileName: z.string().nullable(),
  errors: z.array(importLineError),
});
export type ImportJob = z.infer<typeof importJobSchema>;

// ---- Enforcement cases -----------------------------------------------------------------------

export const CASE_STATUSES = ['open', 'investigating', 'rectification_ordered', 'recall', 'closed', 'dismissed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_ACTIONS = ['investigate', 'order_rectification', 'recall', 'close', 'dismiss'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Allowed steps: action → [from states, to state]. Rectification and recall may be skipped. */
export const CASE_TRANSITIONS: Record<CaseAction, { from: CaseStatus[]; to: CaseStatus }> = {
  investigate: { from: ['open'], to: 'investigating' },
  order_rectification: { from: ['investigating'], to: 'rectification_ordered' },
  recall: { from: ['investigating', 'rectification_ordered'], to: 'recall' },
  close: { from: ['investigating', 'rectification_ordered', 'recall'], to: 'closed' },
  dismiss: { from: ['open', 'investigating'], to: 'dismissed' },
};

export const openCaseSchema = z
  .object({
    flagId: objectId,
    assignedRegion: regionCode.optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

export const caseTransitionSchema = z
  .object({
    action: z.enum(CASE_ACTIONS),
    note: z.string().trim().min(1, 'a note is required').max(4000),
    expectedVersion: z.number().int().min(1).optional(),
    public: z.boolean().optional(),
    finding: z.string().trim().max(4000).optional(),
    measures: z.string().trim().max(4000).optional(),
    assignedRegion: regionCode.optional(),
  })
  .strict();

export const caseQuery = z.object({ status: z.enum(CASE_STATUSES).optional(), region: regionCode.optional(), limit, cursor });
export const publicListQuery = z.object({ category: z.enum(CATEGORIES).optional(), limit, cursor });

// ---- Abuse review ----------------------------------------------------------------------------

export const abuseQuery = z.object({ status: z.enum(['pending', 'cleared', 'confirmed']).optional(), limit, cursor });
export const abuseDecisionSchema = z
  .object({ decision: z.enum(['cleared', 'confirmed']), note: z.string().trim().min(1).max(2000) })
  .strict();

// ---- Responses -------------------------------------------------------------------------------

const iso = z.string();

/** A product record as lists and flags show it. */
export const productSnapshotSchema = productLabelSchema.extend({ id: objectId, producer: z.string().nullable() });
export type ProductSnapshot = z.infer<typeof productSnapshotSchema>;

export const samplingResultSchema = z.object({
  id: objectId,
  productId: objectId,
  productName: z.string(),
  category: z.enum(CATEGORIES),
  gtin: z.string().nullable(),
  brand: z.string().nullable(),
  model: z.string().nullable(),
  producer: z.string(),
  batch: z.string(),
  sampledOn: z.string(),
  passed: z.boolean(),
  failedItems: z.array(z.string()),
  authority: z.string(),
  regionCode: z.string(),
});
export type SamplingResult = z.infer<typeof samplingResultSchema>;

/** A failed sampling as a flag's evidence keeps it. */
export const flagSamplingSchema = z.object({
  id: z.string(),
  batch: z.string(),
  sampledOn: z.string(),
  authority: z.string(),
  failedItems: z.array(z.string()),
  regionCode: z.string(),
});

export const flagSchema = z.object({
  id: objectId,
  productId: objectId,
  product: productSnapshotSchema,
  category: z.enum(CATEGORIES),
  rules: z.array(z.enum(FLAG_RULE_IDS)),
  score: z.number(),
  status: z.enum(FLAG_STATUSES),
  evidence: z.object({
    complaintIds: z.array(z.string()),
    complaintCount: z.number().int(),
    merchantCount: z.number().int(),
    regionCodes: z.array(z.string()),
    samplingFailures: z.number().int(),
    cityCodes: z.array(z.string()),
    merchantIds: z.array(z.string()),
    complaintsInVolumeWindow: z.number().int(),
    safetyIncidents: z.number().int(),
    safetyComplaintIds: z.array(z.string()),
    /** Incidents merchants reported (GET /api/incidents/:id), counted in safetyIncidents. */
    incidentIds: z.array(z.string()),
    samplingResults: z.array(flagSamplingSchema),
    /** The week that spiked over its own baseline, when the spike rule fired. */
    spike: z.object({ week: z.string(), observed: z.number(), expected: z.number(), z: z.number() }).nullable(),
  }),
  regionCodes: z.array(z.string()),
  caseId: objectId.nullable(),
  raisedAt: iso.nullable(),
  updatedAt: iso.nullable(),
  closedAt: iso.nullable(),
});
export type Flag = z.infer<typeof flagSchema>;

/** How many of a flag's complaint ids (newest first) its list rows carry; the detail has them all. */
export const LIST_COMPLAINT_IDS = 20;

/**
 * A flag as its lists show it (the flags page, the dashboard's open flags): the evidence as counts, the
 * counties it came from and its newest LIST_COMPLAINT_IDS complaint ids (the evidence holds up to 500,
 * newest first). The rest of the complaints, the merchants, incidents and samplings behind it are the
 * detail's (GET /api/product-flags/:id): a list row holding them grew with the complaints, and a page of
 * 100 flags with it.
 */
export const flagListItemSchema = flagSchema
  .pick({ id: true, productId: true, product: true, category: true, rules: true, score: true, status: true, caseId: true, raisedAt: true })
  .extend({
    evidence: flagSchema.shape.evidence
      .pick({ complaintIds: true, complaintCount: true, merchantCount: true, regionCodes: true, samplingFailures: true })
      .extend({ complaintIds: z.array(z.string()).max(LIST_COMPLAINT_IDS) }),
  });
export type FlagListItem = z.infer<typeof flagListItemSchema>;

/** A complaint behind a flag, within the reader's region. */
export const flagComplaintSchema = z.object({
  id: objectId,
  day: z.string(),
  countyCode: z.string(),
  cityCode: z.string(),
  merchantId: objectId,
  merchantName: z.string().nullable(),
  storeId: objectId,
  storeName: z.string().nullable(),
  problemType: z.string(),
  safety: z.boolean(),
  status: z.string(),
});
export type FlagComplaint = z.infer<typeof flagComplaintSchema>;
export const flagDetailSchema = flagSchema.extend({ complaints: z.array(flagComplaintSchema) });

export const detectResponse = z.object({ products: z.number().int(), flagged: z.number().int() });
export const flagRulesResponse = z.object({ version: z.number(), rules: flagRulesSchema, updatedAt: iso.nullable() });
/** The answer to starting a sampling import: the job to follow. */
export const importStarted = z.object({ jobId: objectId });
export const mergeResponse = z.object({ intoId: objectId, moved: z.object({ complaints: z.number(), samplings: z.number() }) });

export const productDetailSchema = productSnapshotSchema.extend({
  mergedInto: objectId.nullable(),
  complaintCount: z.number().int(),
  recentComplaints: z.array(
    z.object({ id: objectId, day: z.string(), countyCode: z.string(), merchantId: objectId, status: z.string(), safety: z.boolean() }),
  ),
  samplingResults: z.array(samplingResultSchema),
  flags: z.array(flagSchema),
  /** Incidents merchants reported of it (shared/schemas/incidents.ts), in the reader's region. */
  incidents: z.array(incidentSchema),
  merges: z.array(
    z.object({
      fromId: objectId,
      intoId: objectId,
      fromName: z.string(),
      fromKey: z.string(),
      note: z.string().nullable(),
      moved: z.object({ complaints: z.number(), samplings: z.number() }).nullable(),
      actorId: objectId,
      at: iso,
    }),
  ),
});

export const caseLogEntrySchema = z.object({
  seq: z.number().int(),
  action: z.string(),
  from: z.string().nullable().optional(),
  to: z.enum(CASE_STATUSES),
  note: z.string(),
  actorId: objectId,
  actorName: z.string().optional(),
  assignedRegion: z.string().optional(),
  at: iso,
});
export type CaseLogEntry = z.infer<typeof caseLogEntrySchema>;

export const caseSchema = z.object({
  id: objectId,
  flagId: objectId,
  productId: objectId,
  product: productSnapshotSchema,
  producer: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  version: z.number().int(),
  assignedRegion: z.string(),
  bureauId: objectId.nullable(),
  bureauName: z.string().nullable(),
  public: z.boolean(),
  finding: z.string().nullable(),
  measures: z.string().nullable(),
  log: z.array(caseLogEntrySchema),
  createdAt: iso.nullable(),
  updatedAt: iso.nullable(),
  closedAt: iso.nullable(),
});
export type Case = z.infer<typeof caseSchema>;

/** A product as the public pages show it (the problem-product list, recall notices): no record id. */
export const publicProductSchema = z.object({
  name: z.string(),
  category: z.string(),
  brand: z.string().nullable(),
  model: z.string().nullable(),
  gtin: z.string().nullable(),
});

/** The public problem-product list: no people, no evidence, only what the bureau published. */
export const publicCaseSchema = z.object({
  id: objectId,
  product: publicProductSchema,
  producer: z.string().nullable(),
  finding: z.string().nullable(),
  measures: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  bureauName: z.string().nullable(),
  date: iso.nullable(),
  /** The merchants whose complaints made the case, each with a public profile. */
  merchants: z.array(z.object({ id: objectId, name: z.string() })),
});
export type PublicCase = z.infer<typeof publicCaseSchema>;

export const abuseReviewSchema = z.object({
  id: objectId,
  consumerId: objectId,
  consumerName: z.string().nullable(),
  status: z.enum(['pending', 'cleared', 'confirmed']),
  evidence: z.object({
    windowDays: z.number(),
    complaintCount: z.number().int(),
    merchantCount: z.number().int(),
    templateShare: z.number(),
    sameTemplateCount: z.number().int(),
    complaintIds: z.array(z.string()),
    /** Those of complaintIds the viewer may open (a county bureau: its county's); the others are shown unlinked. */
    openableIds: z.array(z.string()),
  }),
  regionCodes: z.array(z.string()),
  note: z.string().nullable(),
  decidedAt: iso.nullable(),
  createdAt: iso.nullable(),
});
export type AbuseReview = z.infer<typeof abuseReviewSchema>;
