// The risk-based sampling plan (issue #12 item 4) on a Hangzhou fixture whose scores are computed by hand
// (points: complaint 2, safety complaint +3, open flag 15, failed sampling 20, incident 10 (+10 serious),
// credit tier A 0 / B 5 / C 10 / D 20; tiers: high ≥ 40 → 2 samplings, elevated ≥ 15 → 1, baseline 1,
// clean (producer sampled, no failure in three years) 0; a key category at least 1):
//   电热毯 H  3 complaints (1 safety) 6+3, open flag 15, 1 failed sampling 20, 1 incident 10, tier C 10 = 64 → high, 2
//   衬衫 C    1 complaint 2, producer with 2 passed samplings and no failure                   =  2 → clean, 0
//   办公椅 B  1 complaint 2, never sampled                                                      =  2 → baseline, 1
//   积木 K    toy (a key category), producer with 1 passed sampling                             =  0 → clean, but 1
import { expect } from 'chai';
import mongoose from 'mongoose';
import { testClock } from '../../server/clock.js';
import { ComplaintFactModel } from '../../server/models/ComplaintFact.js';
import { IncidentModel } from '../../server/models/Incident.js';
import { MerchantCreditModel } from '../../server/models/MerchantCredit.js';
import { ProductModel } from '../../server/models/Product.js';
import { ProductFlagModel } from '../../server/models/ProductFlag.js';
import { SamplingPlanAdjustmentModel } from '../../server/models/SamplingPlanAdjustment.js';
import { SamplingPlanItemModel } from '../../server/models/SamplingPlanItem.js';
import { computeSamplingPlans, planItemId, planSortKey, scoreProduct } from '../../server/sampling/riskPlan.js';
import { BAND } from '../../server/sampling/bands.js';
import { backfillFields } from '../../server/db/backfill.js';
import { effectsSettled } from '../../server/complaints/effectRunner.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const AT = new Date('2026-11-30T04:00:00Z'); // 2026-Q4
const HEADER = '产品名称,类别,品牌,型号,生产企业,批次,抽样日期,检验结果,不合格项目,抽查机关';
const HISTORY = [
  '电热毯,household_appliance,险牌,RX-1,风险电器厂,H1,2025-06-10,不合格,绝缘电阻,杭州市市场监督管理局',
  '衬衫,clothing,清白,QB-1,清白服饰厂,C1,2024-05-01,合格,,杭州市市场监督管理局',
  '衬衫,clothing,清白,QB-1,清白服饰厂,C2,2025-05-01,合格,,杭州市市场监督管理局',
  '积木,toy,清白,JM-1,清白玩具厂,K1,2025-03-01,合格,,杭州市市场监督管理局',
];

async function importCsv(c: ApiClient, lines: string[]) {
  const form = new FormData();
  form.append('file', new Blob([[HEADER, ...lines].join('\n')]), 'results.csv');
  const r = await c.post('/sampling-results/import', form);
  expect(r.status, r.text).to.equal(202);
  for (let i = 0; i < 100; i++) {
    const j = await c.get(`/import-jobs/${r.body.jobId}`);
    if (j.body.status === 'done') return j.body;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error('import did not finish');
}

describe('risk-based sampling plan', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let hz: ApiClient, yw: ApiClient, zj: ApiClient;
  const ids: Record<'H' | 'C' | 'B' | 'K', string> = { H: '', C: '', B: '', K: '' };

  before(async function () {
    this.timeout(60_000);
    world = await freshWorld();
    srv = await startTestServer();
    hz = await signedIn(srv.url, DEMO.regulatorHz);
    yw = await signedIn(srv.url, DEMO.regulatorYw);
    zj = await signedIn(srv.url, DEMO.regulatorZj);
    testClock.set(AT);
    await importCsv(hz, HISTORY);
    for (const [k, name] of [
      ['H', '电热毯'],
      ['C', '衬衫'],
      ['K', '积木'],
    ] as const)
      ids[k] = String((await ProductModel.findOne({ name }).lean())!._id);
    // A product never sampled; its name would be a formula in Excel.
    ids.B = String((await ProductModel.create({ key: 'test:chair', name: '=1+1 办公椅', category: 'furniture' }))._id);
    const merchantId = world.chain._id;
    let n = 0;
    // H is sold by the chain (credit tier C); C and B by the shop, which has no credit record yet.
    const fact = (productId: string, safety = false, seller = world.shop._id) => ({
      complaintId: new mongoose.Types.ObjectId(),
      merchantId: seller,
      productId,
      provinceCode: '33',
      cityCode: '3301',
      countyCode: '330106',
      category: 'household_appliance',
      problemType: safety ? 'safety' : 'quality',
      safety,
      createdAt: new Date(AT.getTime() - ++n * 86_400_000),
      day: '2026-11-01',
      week: '2026-W44',
      status: 'awaiting_merchant',
    });
    await ComplaintFactModel.insertMany([
      fact(ids.H, true, merchantId),
      fact(ids.H, false, merchantId),
      fact(ids.H, false, merchantId),
      fact(ids.C),
      fact(ids.B),
    ]);
    await MerchantCreditModel.create({ _id: merchantId, tier: 'C', figures: {}, at: AT });
    await ProductFlagModel.create({
      productId: ids.H,
      openKey: `open:${ids.H}`,
      status: 'open',
      product: { name: '电热毯' },
      category: 'household_appliance',
      score: 50,
      evidence: {},
      regionCodes: ['330106'],
      raisedAt: AT,
    });
    await IncidentModel.create({
      productId: ids.H,
      product: { name: '电热毯' },
      category: 'household_appliance',
      keyCategory: false,
      merchantId,
      reporterRole: 'seller',
      reportedBy: world.users.get(DEMO.merchant)!._id,
      kind: 'burn',
      injuredCount: 1,
      severity: 'minor',
      description: '使用中过热烫伤',
      countyCode: '330106',
      cityCode: '3301',
      address: '杭州市西湖区',
      occurredAt: new Date(AT.getTime() - 10 * 86_400_000),
      regionCodes: ['330106'],
      reportedAt: AT,
    });
    await computeSamplingPlans(AT);
  });
  after(async () => {
    testClock.reset();
    await srv.stop();
  });

  const plan = async (c: ApiClient, show = 'all') => {
    const r = await c.get(`/sampling-plan?quarter=2026-Q4&show=${show}`);
    expect(r.status, r.text).to.equal(200);
    return r.body;
  };
  const item = (p: { items: { productId: string }[] }, k: keyof typeof ids) => p.items.find((i) => i.productId === ids[k]) as any;

  it('scores each subject from its evidence and raises the high-risk one, lowers the three-years-clean one', async () => {
    const p = await plan(hz);
    expect(p.quarter).to.equal('2026-Q4');
    expect(p.items.map((i: { productId: string }) => i.productId)[0]).to.equal(ids.H);
    const h = item(p, 'H');
    expect(h).to.include({ score: 64, tier: 'high', suggested: 2, planned: 2, producer: '风险电器厂' });
    expect(h.evidence).to.deep.include({
      complaints: 3,
      safetyComplaints: 1,
      openFlag: true,
      failedSamplings: 1,
      incidents: 1,
      creditTier: 'C',
    });
    expect(h.evidence.points).to.deep.equal({
      complaints: 6,
      safetyComplaints: 3,
      openFlag: 15,
      failedSamplings: 20,
      incidents: 10,
      credit: 10,
    });
    expect(item(p, 'C')).to.include({ score: 2, tier: 'clean', suggested: 0, planned: 0 });
    expect(item(p, 'C').evidence).to.include({ producerClean: true, passedSamplings: 2 });
    expect(item(p, 'B')).to.include({ score: 2, tier: 'baseline', suggested: 1 });
    // A key category of the plans is always covered, however clean.
    expect(item(p, 'K')).to.include({ score: 0, tier: 'clean', suggested: 1, keyCategory: true });
    expect(p.totals).to.deep.equal({ subjects: 4, planned: 3, sampled: 0, notSampled: 3 });
    const planned = await plan(hz, 'planned');
    expect(planned.items.map((i: { productId: string }) => i.productId).sort()).to.deep.equal([ids.H, ids.B, ids.K].sort());
  });

  it("each bureau sees its own region's plan: Yiwu none of Hangzhou's subjects, the province all", async () => {
    expect((await plan(yw)).items).to.deep.equal([]);
    expect((await plan(zj)).items).to.have.length(4);
  });

  it('the bureau adjusts (remove, add, frequency, reset); a recomputation keeps its adjustments', async () => {
    const adjust = (body: object) => hz.post('/sampling-plan/adjustments', { quarter: '2026-Q4', ...body });
    expect((await adjust({ productId: ids.C, action: 'add' })).body).to.include({ adjustment: 'added', planned: 1 });
    expect((await adjust({ productId: ids.B, action: 'frequency', count: 3 })).body).to.include({ adjustment: 'frequency', planned: 3 });
    expect((await adjust({ productId: ids.K, action: 'remove' })).body).to.include({ adjustment: 'removed', planned: 0 });
    expect((await adjust({ productId: ids.B, action: 'frequency' })).status).to.equal(400);
    // Not a subject of Yiwu's plan.
    expect((await yw.post('/sampling-plan/adjustments', { quarter: '2026-Q4', productId: ids.H, action: 'remove' })).status).to.equal(404);
    await computeSamplingPlans(AT);
    const p = await plan(hz);
    expect(item(p, 'C')).to.include({ planned: 1, adjustment: 'added' });
    expect(item(p, 'B')).to.include({ planned: 3 });
    expect(item(p, 'K')).to.include({ planned: 0, adjustment: 'removed' });
    expect((await adjust({ productId: ids.K, action: 'reset' })).body).to.include({ adjustment: null, planned: 1 });
  });

  it('after an import the plan shows what was sampled, what was not, and the results', async () => {
    await importCsv(hz, [
      '电热毯,household_appliance,险牌,RX-1,风险电器厂,H9,2026-11-20,不合格,绝缘电阻；温升,杭州市市场监督管理局',
      '衬衫,clothing,清白,QB-1,清白服饰厂,C9,2026-11-21,合格,,杭州市市场监督管理局',
    ]);
    await effectsSettled();
    const p = await plan(hz);
    expect(item(p, 'H')).to.deep.include({ sampled: 1, failed: 1, passed: 0, failedItems: ['绝缘电阻', '温升'] });
    expect(item(p, 'C')).to.include({ sampled: 1, passed: 1 });
    expect(item(p, 'B')).to.include({ sampled: 0 });
    // Planned: H, C (added), B, K: two sampled, two not.
    expect(p.totals).to.deep.equal({ subjects: 4, planned: 4, sampled: 2, notSampled: 2 });
  });

  it('exports the plan as Excel-safe CSV: BOM, and a cell that would be a formula is quoted as text', async () => {
    const r = await fetch(`${srv.url}/api/sampling-plan/export.csv?quarter=2026-Q4`, { headers: { cookie: hz.cookieHeader() } });
    expect(r.status).to.equal(200);
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).to.contain('风险分,风险等级,产品');
    expect(text).to.contain(`"'=1+1 办公椅"`);
    expect(text).to.contain('64,高风险,电热毯,风险电器厂');
  });

  // The job's race with the bureau (docs/sampling-plan.md, the ordering): the job pauses between reading
  // Hangzhou's rows and writing them, and the bureau saves through the API in that gap.
  describe('an adjustment saved while the job rewrites the region', () => {
    const adjust = (body: object) => hz.post('/sampling-plan/adjustments', { quarter: '2026-Q4', ...body });
    const during = (save: () => Promise<unknown>) =>
      computeSamplingPlans(AT, async (region) => {
        if (region === '3301') await save();
      });

    it('is on the row after the job, and a reset in the same gap is too', async () => {
      await during(async () => expect((await adjust({ productId: ids.H, action: 'frequency', count: 5 })).status).to.equal(200));
      expect(item(await plan(hz), 'H')).to.include({ adjustment: 'frequency', planned: 5 });
      await during(async () => expect((await adjust({ productId: ids.H, action: 'reset' })).status).to.equal(200));
      expect(item(await plan(hz), 'H')).to.include({ adjustment: null, planned: 2 });
      expect(await SamplingPlanAdjustmentModel.exists({ _id: planItemId('3301', '2026-Q4', ids.H) })).to.equal(null);
    });

    it('keeps a subject whose inputs aged out when the bureau adjusts it meanwhile; a reset lets it leave', async () => {
      await ComplaintFactModel.deleteMany({ productId: ids.B });
      await adjust({ productId: ids.B, action: 'reset' });
      await during(async () => expect((await adjust({ productId: ids.B, action: 'add', count: 2 })).status).to.equal(200));
      expect(item(await plan(hz), 'B')).to.include({ adjustment: 'added', planned: 2 });
      await adjust({ productId: ids.B, action: 'reset' });
      await computeSamplingPlans(AT);
      expect(item(await plan(hz), 'B')).to.equal(undefined);
    });

    it('keeps an adjustment stored only on a row from before adjustments had their own documents', async () => {
      const _id = planItemId('3301', '2026-Q4', ids.K);
      await SamplingPlanAdjustmentModel.deleteOne({ _id });
      await SamplingPlanItemModel.updateOne({ _id }, { $set: { override: 4, adjustment: 'frequency' }, $unset: { adjustmentApart: 1 } });
      await computeSamplingPlans(AT);
      expect(item(await plan(hz), 'K')).to.include({ adjustment: 'frequency', planned: 4 });
      expect(await SamplingPlanAdjustmentModel.findById(_id).lean()).to.include({ override: 4, adjustment: 'frequency' });
      // The backfill happens once: after a reset the next run does not bring it back.
      await adjust({ productId: ids.K, action: 'reset' });
      await computeSamplingPlans(AT);
      expect(item(await plan(hz), 'K')).to.include({ adjustment: null, planned: 1 });
    });
  });

  // The page reads a band of BAND rows at a time (server/sampling/bands.ts); rows written before bands
  // get theirs on start. Yiwu's 2026-Q3: 47 rows from before, ties of score among them, every third not planned.
  it('pages a plan of several bands riskiest first, its rows from before bands banded on start', async () => {
    const none = { complaints: 0, safetyComplaints: 0, openFlag: false, failed: 0, passed: 0, incidents: 0, serious: 0, creditTier: null };
    const { evidence } = scoreProduct({ ...none, producerClean: false }, true);
    const rows = Array.from({ length: 47 }, (_, i) => {
      const productId = new mongoose.Types.ObjectId();
      const score = (i * 7) % 30;
      return {
        _id: planItemId('330782', '2026-Q3', String(productId)),
        region: '330782',
        quarter: '2026-Q3',
        productId,
        productName: `积木 ${i}`,
        category: 'toy',
        keyCategory: true,
        score,
        tier: 'baseline',
        evidence,
        suggested: 1,
        planned: i % 3 ? 1 : 0,
        inPlan: i % 3 !== 0,
        sk: planSortKey(score, String(productId)),
        computedAt: AT,
      };
    });
    // As an older server wrote them: no band (the model's default would give one).
    await SamplingPlanItemModel.collection.insertMany(rows as never[]);
    await backfillFields();
    const bands = (await SamplingPlanItemModel.find({ region: '330782', quarter: '2026-Q3' }, { band: 1 }).lean()).map((r) => r.band);
    expect(Math.max(...bands)).to.equal(Math.ceil(47 / BAND) - 1);
    const riskiest = [...rows].sort((a, b) => (a.sk < b.sk ? 1 : -1)).map((r) => String(r.productId));
    for (const [show, expected] of [
      ['all', riskiest],
      ['planned', riskiest.filter((id) => rows.find((r) => String(r.productId) === id)!.inPlan)],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const r = await yw.get(
          `/sampling-plan?quarter=2026-Q3&show=${show}&limit=9${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(r.status, r.text).to.equal(200);
        const page = r.body as { items: { productId: string }[]; nextCursor: string | null };
        seen.push(...page.items.map((i) => i.productId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, show).to.deep.equal(expected);
    }
  });
});
