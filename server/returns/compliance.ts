// The regulator's review list: merchants whose covered returns are honoured below the threshold
// (with enough requests to judge), or with repeated breaches, merchant-wide or at one store; and
// merchants of credit tier D that still show a commitment badge (a badge beside a D is a
// contradiction the regulator must look at), with the credit figures behind the tier.
import { shanghaiDay } from '../../shared/calendar.js';
import { cityOf } from '../../shared/regions.js';
import { weekOfDay } from '../../shared/weeks.js';
import type { Commitment, ComplianceReport, ComplianceSettings, ReturnRequest, REVIEW_REASONS } from '../../shared/schemas/returns.js';
import { findByIds } from '../db/byIds.js';
import { MerchantCreditModel } from '../models/MerchantCredit.js';
import { ReturnCommitmentModel } from '../models/ReturnCommitment.js';
import { ReturnFactModel } from '../models/ReturnFact.js';
import { RegionModel } from '../models/Region.js';
import { StoreModel, type StoreRecord } from '../models/Store.js';
import { addTally, emptyTally, groupBy, tallyFigures, type Figures, type FigureRow } from './figures.js';
import { monthsOf, reviewCells, type ReviewCell } from './reviewRollup.js';

const DAY_MS = 24 * 3600 * 1000;

export type ReviewReason = (typeof REVIEW_REASONS)[number];

function failing(f: Figures, s: ComplianceSettings): { low: boolean; breaches: boolean } {
  return { low: f.requests >= s.minRequests && f.honorRate !== null && f.honorRate < s.threshold, breaches: f.breaches >= s.breaches };
}

/** The figures of a group of the rollup's cells. */
const figuresOf = (cells: ReviewCell[]): Figures => tallyFigures(cells.reduce((t, c) => addTally(t, c.tally), emptyTally()));

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
  const regionEq = region.length === 6 ? { returnCountyCode: region } : region.length === 4 ? { returnCityCode: region } : {};
  // Every read at once, each a pushed-down equality or an _id, a fixed number whatever the returns: the
  // review's rollup (one ledger scope per month of the period, reviewRollup.ts), the period's evidence
  // (breaches and refusals, one read per month), the tier D merchants, the live commitments (one read
  // per status: they are few, one or two per committed merchant) and the city names of the trend. It
  // read every return fact of the region's period (one read per week).
  const [cells, evidence, credits, active, suspended, cities] = await Promise.all([
    reviewCells(region, from, to),
    Promise.all(monthsOf(from, to).map((month) => ReturnFactModel.find({ ...regionEq, month, review: true }).lean())),
    MerchantCreditModel.find({ tier: 'D' }).lean(),
    ReturnCommitmentModel.find({ status: 'active' }, 'merchantId scope status countyCodes merchantName').lean(),
    ReturnCommitmentModel.find({ status: 'suspended' }, 'merchantId scope status countyCodes merchantName').lean(),
    RegionModel.find({ level: 'city' }, 'code name nameEn').lean(),
  ]);
  const badOf = groupBy(
    (evidence.flat() as unknown as FigureRow[]).filter((r) => r.day >= from && r.day <= to),
    (r) => String(r.merchantId),
  );
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
  const byMerchant = groupBy(cells, (c) => c.merchantId);
  for (const id of tierD.keys()) if (!byMerchant.has(id)) byMerchant.set(id, []);

  const listed = [];
  for (const [merchantId, list] of byMerchant) {
    const fig = figuresOf(list);
    const reasons: ReviewReason[] = [];
    const m = failing(fig, s);
    if (m.low) reasons.push('low_honor_rate');
    if (m.breaches) reasons.push('repeated_breaches');
    const stores = [...groupBy(list, (c) => c.storeId)].map(([storeId, sl]) => {
      const f = figuresOf(sl);
      const st = failing(f, s);
      return { storeId, countyCode: sl[0]!.countyCode, ...f, flagged: st.low || st.breaches, low: st.low, manyBreaches: st.breaches };
    });
    if (stores.some((x) => x.low) && !m.low) reasons.push('store_low_honor_rate');
    if (stores.some((x) => x.manyBreaches) && !m.breaches) reasons.push('store_repeated_breaches');
    const credit = tierD.get(merchantId) ?? null;
    if (credit) reasons.push('credit_tier_d');
    if (reasons.length > 0) listed.push({ merchantId, reasons, credit, fig, stores });
  }
  // The names of the listed merchants' stores (and so of the merchants), by _id.
  const storeDocs = new Map(
    (
      await findByIds<StoreRecord>(
        StoreModel,
        listed.flatMap((l) => l.stores.map((x) => x.storeId)),
        { name: 1, merchantName: 1 },
      )
    ).map((d) => [String(d._id), d]),
  );
  const merchants = listed.map(({ merchantId, reasons, credit, fig, stores }) => {
    const bad = (badOf.get(merchantId) ?? []).sort((a, b) => b.day.localeCompare(a.day));
    return {
      merchantId,
      merchantName: storeDocs.get(stores[0]?.storeId ?? '')?.merchantName ?? dNames.get(merchantId)!,
      reasons,
      credit,
      ...fig,
      stores: stores
        .map((x) => ({ ...x, storeName: storeDocs.get(x.storeId)?.name ?? x.storeId, cityCode: cityOf(x.countyCode) }))
        .sort((a, b) => Number(b.flagged) - Number(a.flagged) || (a.honorRate ?? 1) - (b.honorRate ?? 1)),
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
    };
  });
  merchants.sort((a, b) => b.breaches - a.breaches || (a.honorRate ?? 1) - (b.honorRate ?? 1));

  const names = new Map(cities.map((r) => [r.code, r]));
  const trend = [...groupBy(cells, (c) => `${cityOf(c.countyCode)}|${weekOfDay(c.day)}`)]
    .map(([k, list]) => {
      const [cityCode, week] = k.split('|') as [string, string];
      const f = figuresOf(list);
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
  return { settings: s, period: { from, to }, region, totals: figuresOf(cells), merchants, trend };
}
