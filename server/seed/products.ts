// Demo data for problem products and the dashboard, in two seeders: merchants and stores across all
// 90 counties, a few hundred consumers and 5,000 complaints over six months with the planted signals
// of productsPlan.ts (order 10); then, after complaints and returns (order 30), a sampling import
// with two failures, the resulting flags, and one public enforcement case. Bulk inserts keep it within seconds.
import mongoose from 'mongoose';
import { creditCodeCheckChar } from '../../shared/creditCode.js';
import { cityOf } from '../../shared/regions.js';
import { now } from '../clock.js';
import { detectAll } from '../commands/detectFlags.js';
import { openCase, transitionCase } from '../commands/enforcementCase.js';
import { runSamplingImport } from '../commands/importSampling.js';
import { reviewConsumer } from '../commands/reviewAbuse.js';
import { logger } from '../logger.js';
import { ImportJobModel } from '../models/ImportJob.js';
import { OrganizationModel } from '../models/Organization.js';
import { ProductFlagModel } from '../models/ProductFlag.js';
import { StoreModel } from '../models/Store.js';
import { insertNumberedAccounts } from '../accounts/numbers.js';
import { toActor } from '../policies/actor.js';
import { refreshAllCredit } from '../products/credit.js';
import { insertSynthetic, type SyntheticSpec } from '../products/synthetic.js';
import { writeLoadCounts, type Tally } from '../counts/ledger.js';
import { withoutCompanions } from '../db/directWrites.js';
import { ComplaintModel } from '../models/Complaint.js';
import { ComplaintEventModel } from '../models/ComplaintEvent.js';
import { ComplaintFactModel } from '../models/ComplaintFact.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import { timed, type DemoWorld, type Seeder } from './registry.js';
import { backgroundSpecs, plantedSpecs, PLANTED, rng, samplingCsv, specStores } from './productsPlan.js';

type Store = SyntheticSpec['store'];
const SHOP_WORDS = ['百货', '家电', '超市', '电器', '商行', '母婴', '五金', '数码'];

/** One or two stores of a local merchant in every county, so the map has no blank county. */
async function localMerchants(world: DemoWorld): Promise<Store[]> {
  const r = rng(33);
  const counties = world.regions.filter((x) => x.level === 'county');
  const orgs = counties.map((c, i) => {
    const body = `92${c.code}MA${String(i).padStart(4, '0')}X${r.int(10, 99)}`;
    const code = body + creditCodeCheckChar(body);
    return {
      _id: new mongoose.Types.ObjectId(),
      kind: 'merchant',
      key: `credit:${code}`,
      name: `${c.name}${r.pick(SHOP_WORDS)}${['商店', '有限公司'][i % 2]}`,
      creditCode: code,
      regionCode: c.code,
      status: 'active',
    };
  });
  await OrganizationModel.insertMany(orgs, { ordered: false });
  const stores = orgs.flatMap((o, i) =>
    Array.from({ length: 1 + (i % 2) }, (_, k) => ({
      _id: new mongoose.Types.ObjectId(),
      merchantId: o._id,
      merchantName: o.name,
      name: `${o.name} ${k ? '二' : '一'}号店`,
      countyCode: o.regionCode,
      cityCode: cityOf(o.regionCode),
      address: `${counties[i]!.name}人民路 ${10 + k} 号`,
    })),
  );
  await StoreModel.insertMany(stores, { ordered: false });
  return stores.map((s) => ({
    _id: s._id,
    merchantId: s.merchantId,
    merchantName: s.merchantName,
    name: s.name,
    countyCode: s.countyCode,
  }));
}

async function consumers(world: DemoWorld, n: number): Promise<mongoose.Types.ObjectId[]> {
  const passwordHash = world.users.get('consumer@demo.fangxin.cn')!.passwordHash;
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
  const docs = Array.from({ length: n }, (_, i) => ({
    _id: new mongoose.Types.ObjectId(),
    email: `c${String(i).padStart(4, '0')}@consumers.demo.fangxin.cn`,
    name: `${surnames[i % surnames.length]}先生${i}`,
    role: 'consumer',
    status: 'active',
    passwordHash,
    locale: 'zh-CN',
  }));
  await insertNumberedAccounts(docs);
  return docs.map((d) => d._id);
}

/**
 * The dashboard's complaints (order 10): local merchants, consumers and the complaints with their
 * facts, entries and figures. They need nothing of the other seeders, so they are stored beside the
 * demo complaints, the longest step of the seed started first.
 */
export async function seedDashboardComplaints(world: DemoWorld, opts: { background?: number; counts?: Tally } = {}) {
  const started = Date.now();
  const at = now();
  const own: Store[] = specStores(world.stores);
  const stores = [...own, ...(await localMerchants(world))];
  const people = await timed('products: consumers', () => consumers(world, 400));
  const abuser = people[people.length - 1]!;
  const background = backgroundSpecs({ now: at, stores, consumers: people.slice(0, -1), background: opts.background ?? 5000 });
  // The recurring product is sold by the chain in several cities and by local shops elsewhere.
  const chainStores = own.filter((s) => String(s.merchantId) === String(world.chain._id));
  const recurringStores = [
    chainStores[0]!,
    chainStores[2]!,
    chainStores[4]!,
    ...stores
      .filter((s) => ['330782', '330402', '331002'].includes(s.countyCode) && String(s.merchantId) !== String(world.chain._id))
      .slice(0, 3),
  ];
  const hotspotStores = stores.filter((s) => s.countyCode === PLANTED.hotspot.countyCode);
  const planted = plantedSpecs({ now: at, stores, consumers: people.slice(0, -1), background: 0, abuser, hotspotStores, recurringStores });
  // The load's counts as one sealed snapshot per scope (as the bulk seeder writes them): its delta rows
  // were megabytes that every read of a dashboard scope added up until the sealer folded them. Given
  // `counts`, the caller writes them together with the demo complaints' (their scopes mostly the same).
  const tally: Tally = opts.counts ?? new Map();
  // Into tables that hold only the demo's few hundred complaints: without their GIN companions, built
  // once after the load (as the bulk seeder does), not grown row by row.
  const ids = await timed('products: load', () =>
    withoutCompanions(
      [ComplaintModel, ComplaintEventModel, ComplaintFactModel, ComplaintEntryModel].map((m) => m.collection),
      () => insertSynthetic([...background, ...planted], at, { clock: true, tally }),
    ),
  );
  if (!opts.counts) await timed('products: counts', () => writeLoadCounts(tally, String(ids[0]), at));
  await timed('products: reviewConsumer', () => reviewConsumer(String(abuser), at));
  logger.info({ ms: Date.now() - started, complaints: background.length + planted.length }, 'dashboard complaints seeded');
}

/**
 * The problem products' signals (order 30, once every seeder's complaints and their facts are
 * stored): a sampling import with two failures, the resulting flags, merchant credit, and one public
 * enforcement case.
 */
export async function seedProductSignals(world: DemoWorld) {
  const started = Date.now();
  const at = now();
  const regulator = world.users.get('regulator.zj@demo.fangxin.cn')!;
  const actor = toActor(regulator);
  const job = await ImportJobModel.create({
    userId: regulator._id,
    regionCode: '33',
    fileName: '2026年省级监督抽查结果.csv',
    status: 'queued',
  });
  await timed('products: runSamplingImport', () => runSamplingImport(String(job._id), Buffer.from(samplingCsv(at), 'utf8'), actor));
  const flags = await timed('products: detectAll', () => detectAll(at));
  await timed('products: refreshAllCredit', () => refreshAllCredit(at));

  // One finished, public case so the public problem-product list is not empty.
  const sampled = await ProductFlagModel.findOne({ 'product.model': PLANTED.sampled.model, status: 'open' }).lean();
  if (sampled) {
    const c = await openCase(actor, { flagId: String(sampled._id), assignedRegion: '3302', note: '两次监督抽查不合格，立案调查。' });
    await transitionCase(actor, String(c._id), { action: 'investigate', note: '调取生产企业检验记录与销售台账。' });
    await transitionCase(actor, String(c._id), {
      action: 'order_rectification',
      note: '责令停止销售并整改。',
      public: true,
      finding: '熄火保护装置不合格，存在燃气泄漏风险。',
      measures: '责令停止销售、召回在售批次，生产企业限期整改。',
    });
  }
  logger.info({ ms: Date.now() - started, flags }, 'problem-product demo data seeded');
}

/** Both, one after the other (a world of its own, as the tests make). */
export async function seedProblemProducts(world: DemoWorld, opts: { background?: number } = {}) {
  await seedDashboardComplaints(world, opts);
  await seedProductSignals(world);
}

export const dashboardSeeder: Seeder = {
  name: 'dashboard complaints',
  order: 10,
  run: (world) => seedDashboardComplaints(world, { counts: world.counts }),
};
export const productSeeder: Seeder = { name: 'products', order: 30, run: seedProductSignals };
