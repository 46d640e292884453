// Return figures (API.md GET /api/analytics/returns) and the regulators' compliance view.
import {
  DEFAULT_COMPLIANCE,
  analyticsQuery,
  complianceQuery,
  complianceReportSchema,
  complianceSettingsSchema,
  returnAnalyticsSchema,
} from '../../../shared/schemas/returns.js';
import { now } from '../../clock.js';
import { endpoint } from '../../http/endpoint.js';
import { ComplianceSettingModel } from '../../models/ComplianceSetting.js';
import { regionFor } from '../../policies/index.js';
import { returnFigureScope } from '../../policies/returns.js';
import { complianceReport } from '../../returns/compliance.js';
import { breakdown, loadRows } from '../../returns/figures.js';

async function settingsFor(region: string) {
  const s = await ComplianceSettingModel.findOne({ regionCode: region }).lean();
  return s ? { threshold: s.threshold, days: s.days, minRequests: s.minRequests, breaches: s.breaches } : DEFAULT_COMPLIANCE;
}

export const returnAnalyticsRoutes = () => [
  endpoint(
    {
      method: 'get',
      path: '/analytics/returns',
      summary: 'Return figures with breakdowns',
      tag: 'returns',
      policy: 'analytics:returns',
      query: analyticsQuery,
      response: returnAnalyticsSchema,
    },
    async ({ actor, query }) => {
      const { merchantId, storeId, region } = returnFigureScope(actor!, query);
      const rows = await loadRows({ merchantId, storeId, region, from: query.from, to: query.to });
      return {
        filter: {
          merchantId: merchantId ?? null,
          storeId: storeId ?? null,
          region: region ?? null,
          from: query.from ?? null,
          to: query.to ?? null,
        },
        ...breakdown(rows),
      };
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/compliance/returns',
      summary: 'Merchants to review for return compliance',
      tag: 'returns',
      policy: 'compliance:returns',
      query: complianceQuery,
      response: complianceReportSchema,
    },
    async ({ actor, query }) => {
      const region = regionFor(actor!, query.region);
      const saved = await settingsFor(actor!.regionCode ?? '33');
      const s = {
        threshold: query.threshold ?? saved.threshold,
        days: query.days ?? saved.days,
        minRequests: query.minRequests ?? saved.minRequests,
        breaches: query.breaches ?? saved.breaches,
      };
      return complianceReport(region, s, now());
    },
  ),
  endpoint(
    {
      method: 'get',
      path: '/compliance/returns/settings',
      summary: 'Review thresholds of my region',
      tag: 'returns',
      policy: 'compliance:returns',
      response: complianceSettingsSchema,
    },
    async ({ actor }) => settingsFor(actor!.regionCode ?? '33'),
  ),
  endpoint(
    {
      method: 'put',
      path: '/compliance/returns/settings',
      summary: 'Set the review thresholds of my region',
      tag: 'returns',
      policy: 'compliance:settings',
      body: complianceSettingsSchema,
      response: complianceSettingsSchema,
    },
    async ({ actor, body }) => {
      // A setting: the last save wins, so a plain replace is enough (no race to decide).
      await ComplianceSettingModel.replaceOne(
        { regionCode: actor!.regionCode },
        { regionCode: actor!.regionCode, ...body, updatedBy: actor!.id, updatedAt: now() },
        { upsert: true },
      );
      return settingsFor(actor!.regionCode!);
    },
  ),
];
