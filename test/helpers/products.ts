// Fixtures for problem-product tests: complaints inserted in bulk through the same builder the
// demo seed uses (real documents, events and facts), spread over chosen stores and days.
import mongoose from 'mongoose';
import type { DemoWorld } from '../../server/seed/registry.js';
import { now } from '../../server/clock.js';
import { detectAll } from '../../server/commands/detectFlags.js';
import { insertSynthetic, type SyntheticSpec } from '../../server/products/synthetic.js';
import { OrganizationModel } from '../../server/models/Organization.js';
import { StoreModel } from '../../server/models/Store.js';
import { cityOf } from '../../shared/regions.js';
import { creditCodeCheckChar } from '../../shared/creditCode.js';
import { CATEGORIES } from '../../shared/enums.js';
import { specStores, type rng } from '../../server/seed/productsPlan.js';
import type { Path } from '../../server/products/synthetic.js';

export const DAY = 24 * 3600 * 1000;
export const consumerOf = (world: DemoWorld) => world.users.get('consumer@demo.fangxin.cn')!._id;

/** The figure fixtures' complaint: the demo consumer's missing toy parts at `store` (add `at` and `path`). */
export const toyComplaint = (world: DemoWorld, store: SyntheticSpec['store']) => ({
  consumerId: consumerOf(world),
  store,
  product: { name: '积木', category: 'toy' },
  problemType: 'quality',
  description: '零件缺失',
});

export type StoreRef = SyntheticSpec['store'];

/** `n` toy complaints at the first demo store of `county`, all `daysAgo`: bursts of equal size tie in the rankings. */
export const toyBurst = (world: DemoWorld, daysAgo: number, county: string, n: number): SyntheticSpec[] => {
  const store = specStores(world.stores).find((s) => s.countyCode.startsWith(county))!;
  return Array.from({ length: n }, () => ({ ...toyComplaint(world, store), at: new Date(now().getTime() - daysAgo * DAY) }));
};

/** `count` of the demo consumer's complaints at random stores, categories and paths over the last `days`. */
export const randomSpecs = (
  world: DemoWorld,
  r: ReturnType<typeof rng>,
  o: { count: number; days: number; paths: readonly Path[] },
): SyntheticSpec[] => {
  const stores = specStores(world.stores);
  return Array.from({ length: o.count }, () => ({
    at: new Date(now().getTime() - r.next() * o.days * DAY),
    consumerId: consumerOf(world),
    store: r.pick(stores),
    product: { name: '商品', category: r.pick(CATEGORIES) },
    problemType: 'quality',
    description: '随机',
    path: r.pick(o.paths),
  }));
};

/** Stores of distinct merchants, one per given county, created for the test. */
export async function merchantStores(counties: string[], tag = 'm'): Promise<StoreRef[]> {
  const out: StoreRef[] = [];
  for (const [i, county] of counties.entries()) {
    const body =
      `9133${String(Date.now() % 1e9).padStart(9, '0')}${String(i).padStart(2, '0')}${tag.slice(0, 2).toUpperCase().padEnd(2, 'X')}`.slice(
        0,
        17,
      );
    const code = body + creditCodeCheckChar(body);
    const org = await OrganizationModel.create({
      kind: 'merchant',
      key: `credit:${code}:${new mongoose.Types.ObjectId()}`,
      name: `测试商户${tag}${i}`,
      creditCode: code,
      regionCode: county,
    });
    const store = await StoreModel.create({
      merchantId: org._id,
      merchantName: org.name,
      name: `${org.name} 门店`,
      countyCode: county,
      cityCode: cityOf(county),
      address: '测试路 1 号',
    });
    out.push({ _id: store._id, merchantId: org._id, merchantName: org.name, name: store.name, countyCode: county });
  }
  return out;
}

export interface PlantOptions {
  stores: StoreRef[];
  count: number;
  product: SyntheticSpec['product'];
  endAt: Date;
  spanDays: number;
  consumerId: mongoose.Types.ObjectId | string;
  safety?: boolean;
  problemType?: string;
  description?: (i: number) => string;
  path?: SyntheticSpec['path'];
}

/** `count` complaints about one product, round-robin over the stores, evenly over `spanDays`. */
export function plantSpecs(o: PlantOptions): SyntheticSpec[] {
  return Array.from({ length: o.count }, (_, i) => ({
    at: new Date(o.endAt.getTime() - (o.count > 1 ? (o.spanDays * DAY * i) / (o.count - 1) : 0) - 60_000 * (i + 1)),
    consumerId: o.consumerId,
    store: o.stores[i % o.stores.length]!,
    product: o.product,
    problemType: o.problemType ?? (o.safety ? 'safety' : 'quality'),
    description: o.description ? o.description(i) : `第${i}次：产品使用中出现故障，要求退货。`,
    ...(o.safety && i === 0 ? { safetyIncident: { kind: 'burn', injured: true, description: '使用时发烫烫伤' } } : {}),
    path: o.path,
  }));
}

export async function plant(o: PlantOptions) {
  return insertSynthetic(plantSpecs(o), o.endAt);
}

/**
 * The flagged product of the problem-product tests: an oil heater complained of at three Hangzhou
 * merchants (Xihu, Binjiang, Gongshu) up to an hour ago, and the detection run that flags it.
 */
export async function flagHangzhouHeater(world: DemoWorld, tag: string, o: { count?: number; spanDays?: number } = {}) {
  await plant({
    stores: await merchantStores(['330106', '330108', '330105'], tag),
    count: o.count ?? 6,
    product: { name: '油汀取暖器', category: 'electric_heater', brand: '暖居', model: 'YT-9' },
    endAt: new Date(now().getTime() - 3600_000),
    spanDays: o.spanDays ?? 20,
    consumerId: consumerOf(world),
  });
  await detectAll();
}
