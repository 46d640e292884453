// A bureau's quarterly risk-based sampling plan: read (riskiest first, with the evidence of each score
// and what the imports sampled), adjust, export as CSV for Excel (BOM, formula guard).
import { adjustPlanSchema, planExportQuery, planItemSchema, planQuery, planSchema } from '../../../shared/schemas/samplingPlan.js';
import { endpoint } from '../../http/endpoint.js';
import { csvDocument } from '../../http/csv.js';
import { adjustPlan, planExportRows, readPlan } from '../../sampling/plan.js';

const TAG = 'sampling-plan';

const HEADER = {
  'zh-CN': [
    '风险分',
    '风险等级',
    '产品',
    '生产者',
    '品类',
    '重点品类',
    '建议抽检次数',
    '计划抽检次数',
    '调整',
    '已抽检',
    '合格',
    '不合格',
    '不合格项目',
    '产品ID',
  ],
  en: [
    'Score',
    'Tier',
    'Product',
    'Producer',
    'Category',
    'Key category',
    'Suggested',
    'Planned',
    'Adjustment',
    'Sampled',
    'Passed',
    'Failed',
    'Failed items',
    'Product id',
  ],
};
const TIER_NAMES = {
  'zh-CN': { high: '高风险', elevated: '较高风险', baseline: '一般', clean: '三年无不合格' },
  en: { high: 'High', elevated: 'Elevated', baseline: 'Baseline', clean: 'No failure in 3 years' },
} as const;

export const samplingPlanRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/sampling-plan',
      summary: "The bureau's risk-based sampling plan for a quarter (default: this one), riskiest first",
      tag: TAG,
      policy: 'sampling-plan:read',
      query: planQuery,
      response: planSchema,
    },
    async ({ actor, query }) => readPlan(actor!, query),
  ),
  endpoint(
    {
      method: 'post',
      path: '/sampling-plan/adjustments',
      summary: 'Add a subject, remove it, set its samplings this quarter, or reset to the suggestion',
      tag: TAG,
      policy: 'sampling-plan:adjust',
      body: adjustPlanSchema,
      response: planItemSchema,
      status: 200,
    },
    async ({ actor, body }) => adjustPlan(actor!, body),
  ),
  endpoint(
    {
      method: 'get',
      path: '/sampling-plan/export.csv',
      summary: 'The planned subjects as CSV (UTF-8 with BOM, formula-safe)',
      tag: TAG,
      policy: 'sampling-plan:export',
      rateLimit: 'expensive',
      query: planExportQuery,
      raw: true,
    },
    async ({ actor, query, res }) => {
      const { quarter, rows } = await planExportRows(actor!, query.quarter);
      const tiers = TIER_NAMES[query.lang];
      const lines = rows.map((r) => [
        r.score,
        tiers[r.tier as keyof typeof tiers] ?? r.tier,
        r.productName,
        r.producer ?? '',
        r.category,
        r.keyCategory ? '✓' : '',
        r.suggested,
        r.planned,
        r.adjustment ?? '',
        r.sampled ?? 0,
        r.passed ?? 0,
        r.failed ?? 0,
        (r.failedItems ?? []).join('; '),
        String(r.productId),
      ]);
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="sampling-plan-${quarter}.csv"`);
      res.status(200).send(csvDocument([HEADER[query.lang], ...lines]));
    },
  ),
];
