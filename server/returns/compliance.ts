// The regulator's review list: merchants whose covered returns are honoured below the threshold
// (with enough requests to judge), or with repeated breaches, merchant-wide or at one store; and
// merchants of credit tier D that still show a commitment badge (a badge beside a D is a
// contradiction the regulator must look at), with the credit figures behind the tier.
import { shanghaiDay } from '../../shared/calendar.js';
import type { Commitment, ComplianceReport, ComplianceSettings, ReturnRequest, REVIEW_REASONS } from '../../shared/schemas/returns.js';
import { MerchantCreditModel } from '../models/MerchantCredit.js';
import { ReturnCommitmentModel } from '../models/ReturnCommitment.js';
import { RegionModel } from '../models/Region.js';
import { groupBy, loadRows, summarise, type Figures, type FigureRow } from './figures.js';

const DAY_MS = 24 * 3600 * 1000;

export type ReviewReason = (typeof REVIEW_REASONS)[number];

function failing(f: Figures, s: ComplianceSettings): { low: boolean; breaches: boolean } {
  return { low: f.requests >= s.minRequests && f.honorRate !== null && f.honorRate < s.threshold, breaches: f.breaches >= s.breaches };
}

const evidenceRow = (r: FigureRow) => ({
  id: String(r._id),
  storeName: r.returnStoreName,
  day: r.day,
  status: r.status as ReturnRequest['status'],
  covered: r.covered,
  breachKind: r.breachKind ?? null,
  refusalReason: r.refusalReason ?? null,
  complaintId: r.complaintId ? String(r.complaintId) : null,
});

export async function complianceReport(region: string, s: ComplianceSettings, at: Date): Promise<ComplianceReport> {
  const from = shanghaiDay(new Date(at.getTime() - s.days * DAY_MS));
  const to = shanghaiDay(at);
  // Every read at once, each a pushed-down equality, a fixed number whatever the data: the period's
  // facts (one read per week), the tier D merchants, the live commitments (one read per status: they
  // are few, one or two per committed merchant) and the city names of the trend. The commitments were
  // read per merchant, one after another: a round trip for each tier D merchant and each one listed.
  const [rows, credits, active, suspended, cities] = await Promise.all([
    loadRows({ region: region.length > 2 ? region : undefined, from, to }),
    MerchantCreditModel.find({ tier: 'D' }).lean(),
    ReturnCommitmentModel.find({ status: 'active' }, 'merchantId scope status countyCodes merchantName').lean(),
    ReturnCommitmentModel.find({ status: 'suspended' }, 'merchantId scope status countyCodes merchantName').lean(),
    RegionModel.find({ level: 'city' }, 'code name nameEn').lean(),
  ]);
  // Each merchant's commitments that are not withdrawn, oldest first (the order a read by merchant gave).
  const commitments = new Map<string, typeof active>();
  for (const c of [...active, ...suspended].sort((x, y) => String(x._id).localeCompare(String(y._id))))
    commitments.set(String(c.merchantId), [...(commitments.get(String(c.merchantId)) ?? []), c]);
  const commitmentsOf = (merchantId: string) => commitments.get(merchantId) ?? [];
  // Tier D merchants whose commitments cover a store in the region.
  const tierD = new Map<string, { tier: 'D'; figures: Record<string, number | null> }>();
  const dNames = new Map<string, string>();
  for (const c of credits) {
    const shown = commitmentsOf(String(c._id)).filter((x) => region.length <= 2 || x.countyCodes.some((k) => k.startsWith(region)));
    if (!shown.length) continue;
    tierD.set(String(c._id), { tier: 'D', figures: c.figures as Record<string, number | null> });
    dNames.set(String(c._id), shown[0]!.merchantName);
  }
  const byMerchant = groupBy(rows, (r) => String(r.merchantId));
  for (const id of tierD.keys()) if (!byMerchant.has(id)) byMerchant.set(id, []);

  const merchants = [];
  for (const [merchantId, list] of byMerchant) {
    const fig = summarise(list);
    const reasons: ReviewReason[] = [];
    const m = failing(fig, s);
    if (m.low) reasons.push('low_honor_rate');
    if (m.breaches) reasons.push('repeated_breaches');
    const stores = [...groupBy(list, (r) => String(r.returnStoreId))].map(([storeId, sl]) => {
      const f = summarise(sl);
      const st = failing(f, s);
      return {
        storeId,
        storeName: sl[0]!.returnStoreName,
        cityCode: sl[0]!.returnCityCode,
        countyCode: sl[0]!.returnCountyCode,
        ...f,
        flagged: st.low || st.breaches,
        low: st.low,
        manyBreaches: st.breaches,
      };
    });
    if (stores.some((x) => x.low) && !m.low) reasons.push('store_low_honor_rate');
    if (stores.some((x) => x.manyBreaches) && !m.breaches) reasons.push('store_repeated_breaches');
    const credit = tierD.get(merchantId) ?? null;
    if (credit) reasons.push('credit_tier_d');
    if (reasons.length === 0) continue;
    const bad = list.filter((r) => r.breach || r.status === 'refused').sort((a, b) => b.day.localeCompare(a.day));
    merchants.push({
      merchantId,
      merchantName: list[0]?.merchantName ?? dNames.get(merchantId)!,
      reasons,
      credit,
      ...fig,
      stores: stores.sort((a, b) => Number(b.flagged) - Number(a.flagged) || (a.honorRate ?? 1) - (b.honorRate ?? 1)),
      evidence: {
        breaches: bad
          .filter((r) => r.breach)
          .slice(0, 25)
          .map(evidenceRow),
        refusals: bad
          .filter((r) => !r.breach)
          .slice(0, 25)
          .map(evidenceRow),
      },
      commitments: commitmentsOf(merchantId).map((c) => ({
        id: String(c._id),
        scope: c.scope as Commitment['scope'],
        status: c.status as Commitment['status'],
      })),
    });
  }
  merchants.sort((a, b) => b.breaches - a.breaches || (a.honorRate ?? 1) - (b.honorRate ?? 1));

  const names = new Map(cities.map((r) => [r.code, r]));
  const trend = [...groupBy(rows, (r) => `${r.returnCityCode}|${r.week}`)]
    .map(([k, list]) => {
      const [cityCode, week] = k.split('|') as [string, string];
      const f = summarise(list);
      return {
        cityCode,
        cityName: names.get(cityCode)?.name ?? cityCode,
        cityNameEn: names.get(cityCode)?.nameEn ?? cityCode,
        week,
        requests: f.requests,
        honorRate: f.honorRate,
        breaches: f.breaches,
      };
    })
    .sort((a, b) => a.week.localeCompare(b.week) || a.cityCode.localeCompare(b.cityCode));
  return { settings: s, period: { from, to }, region, totals: summarise(rows), merchants, trend };
}
