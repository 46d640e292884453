// Demo returns: the chain's province-wide commitment and the shop's store commitment, three months of
// return requests (mostly honoured, some across cities), and one store — Wenzhou — that keeps refusing
// covered returns, so the compliance view has a case to show. Deterministic (a fixed pseudo-random seed).
import { now } from '../clock.js';
import mongoose from 'mongoose';
import { shanghaiDay } from '../../shared/calendar.js';
import { createReturnRequest, returnDoc } from '../commands/createReturnRequest.js';
import { publishCommitment } from '../commands/publishCommitment.js';
import { transitionCommitment } from '../commands/transitionCommitment.js';
import { logger } from '../logger.js';
import { ReturnEventModel } from '../models/ReturnEvent.js';
import { ReturnFactModel } from '../models/ReturnFact.js';
import { ReturnRequestModel } from '../models/ReturnRequest.js';
import { factOf } from '../returns/facts.js';
import { refreshAllReturnFigures } from '../returns/merchantFigures.js';
import { backfillReturnCounts, countReturns } from '../returns/counts.js';
import { decideCoverage, type CoverageCommitment } from '../returns/coverage.js';
import { merchantCommitments, toCoverageStore } from '../returns/load.js';
import type { Actor } from '../policies/index.js';
import { timed, type DemoWorld, type Seeder } from './registry.js';
import { insertModels } from '../db/directWrites.js';
import { openBreaches } from './breaches.js';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

function random(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const PRODUCTS: [string, string, number][] = [
  ['纯棉T恤', 'clothing', 7900],
  ['羊毛衫', 'clothing', 29900],
  ['运动鞋', 'footwear', 39900],
  ['蓝牙耳机', 'electronics', 19900],
  ['电热水壶', 'household_appliance', 12900],
  ['不粘锅', 'daily_goods', 8900],
  ['保湿面霜', 'cosmetics', 15900],
  ['积木玩具', 'toy', 9900],
  ['儿童书包', 'stationery', 12900],
  ['新鲜草莓', 'fresh_food', 3900],
  ['金手链', 'jewelry', 189900],
];

const actorOf = (world: DemoWorld, email: string): Actor => {
  const u = world.users.get(email)!;
  return {
    id: String(u._id),
    role: u.role,
    status: 'active',
    orgId: u.orgId ? String(u.orgId) : undefined,
    regionCode: u.regionCode ?? undefined,
  };
};

export async function seedReturns(world: DemoWorld): Promise<void> {
  const rnd = random(20260301);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const staff = actorOf(world, 'merchant@demo.fangxin.cn');
  const shopStaff = actorOf(world, 'shop@demo.fangxin.cn');
  const consumer = actorOf(world, 'consumer@demo.fangxin.cn');
  const province = actorOf(world, 'regulator.zj@demo.fangxin.cn');

  await publishCommitment(staff, {
    scope: 'chain_province',
    windowDays: 7,
    excludedCategories: ['jewelry'],
    conditions: '商品完好：不影响二次销售，配件、赠品、包装齐全；凭购物小票或电子凭证可在全省任一门店办理。',
    refundWithinHours: 24,
  });
  const shopStore = world.stores.find((s) => String(s.merchantId) === String(world.shop._id))!;
  await publishCommitment(shopStaff, {
    scope: 'store',
    storeIds: [String(shopStore._id)],
    windowDays: 7,
    conditions: '玩具包装完好、配件齐全，未经拼装使用。',
    refundWithinHours: 48,
  });
  // Two more merchants make the registry read like a real one: a city-wide chain, and a suspension with its history.
  for (const m of world.otherMerchants) {
    const orgStores = world.stores.filter((s) => String(s.merchantId) === String(m._id));
    const fake: Actor = {
      id: String(world.users.get('merchant@demo.fangxin.cn')!._id),
      role: 'merchant',
      status: 'active',
      orgId: String(m._id),
    };
    if (m.name === '金华优品百货')
      await publishCommitment(fake, { scope: 'chain_city', windowDays: 15, conditions: '商品完好，凭小票办理。', refundWithinHours: 72 });
    if (m.name === '宁波暖居电器') {
      const c = await publishCommitment(fake, {
        scope: 'store',
        storeIds: orgStores.map((s) => String(s._id)),
        windowDays: 7,
        conditions: '包装完好。',
        refundWithinHours: 24,
      });
      await transitionCommitment(province, String(c._id), {
        action: 'suspend',
        reason: '核查发现多次拒绝承诺范围内的退货，暂停承诺待整改。',
      });
    }
  }

  const chainStores = world.stores.filter((s) => String(s.merchantId) === String(world.chain._id));
  const wenzhou = chainStores.find((s) => s.name.includes('温州'))!;
  const today = now().getTime();
  const requests: { at: Date; returnStore: (typeof chainStores)[number]; shop: boolean }[] = [];
  for (let i = 0; i < 320; i++) {
    const at = new Date(today - (1 + rnd() * 89) * DAY);
    requests.push({ at, returnStore: pick(chainStores), shop: false });
  }
  for (let i = 0; i < 36; i++) requests.push({ at: new Date(today - (1 + rnd() * 89) * DAY), returnStore: shopStore, shop: true });
  requests.sort((a, b) => a.at.getTime() - b.at.getTime());

  // Built in memory and inserted at once: the same coverage rules and documents as the desk, without
  // thousands of single round trips to the embedded database at first start.
  const commitments = new Map<string, CoverageCommitment[]>();
  const docs: ReturnType<typeof returnDoc>[] = [];
  const events: Record<string, unknown>[] = [];
  const breaches: Record<string, unknown>[] = [];
  for (const r of requests) {
    const ret = r.returnStore;
    const isWenzhou = String(ret._id) === String(wenzhou._id);
    let purchase = ret;
    const roll = rnd();
    if (!r.shop && roll < 0.12) purchase = pick(chainStores.filter((s) => s.cityCode !== ret.cityCode));
    else if (!r.shop && roll < 0.25) purchase = pick(chainStores.filter((s) => s.cityCode === ret.cityCode));
    // Goods the commitment does not cover (fresh food, jewelry) come up now and then, not as often as the rest.
    const pool = r.shop
      ? PRODUCTS.filter((p) => p[1] === 'toy' || p[1] === 'stationery')
      : rnd() < 0.06
        ? PRODUCTS.slice(-2)
        : PRODUCTS.slice(0, -2);
    const [name, category, price] = pick(pool);
    const daysBefore = rnd() < 0.05 ? 8 + Math.floor(rnd() * 8) : Math.floor(rnd() * 7);
    const purchaseDay = shanghaiDay(new Date(r.at.getTime() - daysBefore * DAY));
    const byConsumer = rnd() < (isWenzhou ? 0.4 : 0.15);
    const decider = r.shop ? shopStaff : staff;
    const merchantKey = String(purchase.merchantId);
    if (!commitments.has(merchantKey)) commitments.set(merchantKey, await merchantCommitments(purchase.merchantId));
    const input = {
      purchaseStoreId: String(purchase._id),
      returnStoreId: String(ret._id),
      purchaseDate: purchaseDay,
      amountFen: price,
      product: { name, category: category as never },
      reason: '不想要了',
    };
    const coverage = decideCoverage({
      purchaseStore: toCoverageStore(purchase),
      returnStore: toCoverageStore(ret),
      purchaseDay,
      returnDay: shanghaiDay(r.at),
      category,
      commitments: commitments.get(merchantKey)!,
    });
    const id = new mongoose.Types.ObjectId();
    const doc = returnDoc({
      id,
      idemKey: `auto:${id}`,
      recordedBy: byConsumer ? consumer.id : decider.id,
      consumerId: byConsumer ? consumer.id : undefined,
      p: purchase,
      r: ret,
      input,
      purchaseDay,
      coverage,
      at: r.at,
    });
    const refuseRate = coverage.covered ? (isWenzhou ? 0.4 : 0.012) : 0.8;
    let data: Record<string, unknown>;
    let decidedAt: Date;
    if (rnd() < refuseRate) {
      data = { outcome: 'refused', reason: coverage.covered ? pick(['商品已拆封', '无购物小票', '非本店购买']) : '不符合无理由退货条件' };
      decidedAt = new Date(r.at.getTime() + 2 * HOUR);
      Object.assign(doc, { status: 'refused', refusalReason: data.reason, decidedAt });
      if (coverage.covered) breaches.push(doc);
    } else {
      const hours = Math.round((0.5 + rnd() * (isWenzhou ? 23 : 18)) * 100) / 100;
      const refundedAt = new Date(r.at.getTime() + hours * HOUR);
      data = { outcome: 'honored', refundedAt: refundedAt.toISOString(), amountFen: price };
      decidedAt = refundedAt;
      Object.assign(doc, { status: 'honored', refundedAt, refundFen: price, refundHours: hours, decidedAt });
    }
    docs.push(doc);
    events.push({ requestId: id, kind: 'outcome', data, actorId: decider.id, at: decidedAt });
  }
  // The desk's list counts (server/returns/counts.ts): any requests already stored are counted
  // first, once, so the next start's backfill does not count the seeded ones again.
  await backfillReturnCounts();
  // Covered refusals are breaches, opened as the desk opens them (complaints for linked consumers),
  // before the requests, their facts and counts are stored, so all carry it from the start.
  const storeBreaches = await timed('returns: breaches', () => openBreaches(breaches, now()));
  await Promise.all([
    insertModels(ReturnRequestModel, docs),
    countReturns(docs as never[]),
    insertModels(ReturnEventModel, events),
    insertModels(
      ReturnFactModel,
      docs.map((d) => factOf(d as never)),
    ),
  ]);
  await timed('returns: breach writes', storeBreaches);
  // Today's desk: a few returns still waiting for a decision, through the command; then every
  // merchant's figures once (each request would recompute its merchant's, a read per week of the year).
  // Oldest first, one after another: the lists order a day's requests by _id, and the first hours of a
  // Shanghai day put the older ones in yesterday's bucket, so _id order must be time order.
  for (const i of [3, 2, 1, 0]) {
    const ret = chainStores[i]!;
    const [name, category, price] = PRODUCTS[i]!;
    await createReturnRequest(
      staff,
      {
        purchaseStoreId: String(chainStores[(i + 2) % chainStores.length]!._id),
        returnStoreId: String(ret._id),
        purchaseDate: new Date(today - DAY).toISOString(),
        amountFen: price,
        product: { name, category: category as never },
      },
      { at: new Date(today - (i + 1) * HOUR), refreshFigures: false },
    );
  }
  await timed('returns: figures', () => refreshAllReturnFigures());
  logger.info({ requests: docs.length + 4 }, 'demo returns seeded');
}

export const returnSeeder: Seeder = { name: 'returns', order: 20, run: seedReturns };
