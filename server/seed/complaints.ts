// Demo complaints: a few hundred over the last three months across the demo stores, in every status.
// Fast path: each complaint's events are built in memory and folded with the same `applyEvent` the
// commands use, then inserted in bulk, so the documents are the ones the commands would have made.
import mongoose from 'mongoose';
import type { Action } from '../../shared/complaintMachine.js';
import { TRANSITIONS } from '../../shared/complaintMachine.js';
import { live, type LifeStep } from '../complaints/history.js';
import type { Category } from '../../shared/enums.js';
import type { CreateComplaintInput } from '../../shared/schemas/complaint.js';
import { now } from '../clock.js';
import { routeComplaint, routeStore, type Route } from '../commands/fileComplaint.js';
import { notifyComplaint } from '../complaints/notify.js';
import { applyEvent, type ComplaintState, type EventLike } from '../complaints/projection.js';
import { insertEntries } from '../complaints/storeEntries.js';
import { AttachmentModel } from '../models/Attachment.js';
import { ComplaintModel, type ComplaintRecord } from '../models/Complaint.js';
import { storage } from '../storage/index.js';
import { seededPublicRecord } from '../disclosure/record.js';
import { backfillPublicCounts, tallyPublic } from '../disclosure/counts.js';
import { PublicComplaintModel } from '../models/PublicComplaint.js';
import { ComplaintEventModel } from '../models/ComplaintEvent.js';
import { ComplaintMessageModel } from '../models/ComplaintMessage.js';
import { ComplaintNumberModel } from '../models/ComplaintNumber.js';
import { endOf, formatNumber } from '../complaints/number.js';
import { insertNumberedAccounts } from '../accounts/numbers.js';
import type { DemoWorld, Seeder } from './registry.js';
import { shanghaiDay } from '../../shared/calendar.js';
import { insertModels } from '../db/directWrites.js';
import { tallyProducts } from '../analytics/weekCells.js';
import { writeLoadCounts, type Tally } from '../counts/ledger.js';
import { ComplaintFactModel } from '../models/ComplaintFact.js';
import { factsFor } from '../products/backfill.js';
import { BUREAU_STATUSES } from '../products/facts.js';

const COUNT = 320;
const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

/** Deterministic randomness, so every fresh demo has the same complaints. */
function rng(seed: number) {
  let a = seed;
  const next = () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (lo: number, hi: number) => lo + next() * (hi - lo),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
  };
}

const PRODUCTS: Record<string, [Category, string, string?][]> = {
  chain: [
    ['household_appliance', '电热水壶', '美家'],
    ['electronics', '蓝牙耳机', '声悦'],
    ['food', '进口牛奶', '牧场'],
    ['daily_goods', '洗衣液', '洁净'],
    ['clothing', '羽绒服', '暖冬'],
    ['cosmetics', '保湿面霜', '水润'],
    ['electric_heater', '小太阳取暖器', '暖阳'],
    ['toy', '遥控汽车', '飞驰'],
    ['fresh_food', '冷鲜猪肉'],
  ],
  shop: [
    ['toy', '毛绒玩具熊', '童趣'],
    ['toy', '磁力积木', '益智'],
    ['stationery', '荧光笔套装', '彩虹'],
  ],
  杭州电动车行: [['electric_bicycle', '电动自行车', '绿驰']],
  宁波暖居电器: [
    ['electric_heater', '油汀取暖器', '暖居'],
    ['electric_hand_warmer', '充电暖手宝', '暖宝'],
    ['household_appliance', '电饭煲', '美厨'],
  ],
  温州明光燃气器具: [
    ['gas_appliance', '燃气灶', '明光'],
    ['lpg_regulator', '液化气减压阀', '安泰'],
  ],
  金华优品百货: [
    ['daily_goods', '不锈钢保温杯', '优品'],
    ['footwear', '运动鞋', '步云'],
    ['furniture', '折叠桌', '木韵'],
    ['clothing', '衬衫'],
  ],
  嘉兴文具城: [
    ['stationery', '自动铅笔', '书香'],
    ['stationery', '修正液', '书香'],
    ['toy', '拼图'],
  ],
  台州安家消防器材: [
    ['fire_safety', '家用灭火器', '安家'],
    ['fire_safety', '烟雾报警器', '安家'],
  ],
};

const DESCRIPTIONS = [
  '使用不到一周就出现故障，无法正常使用。',
  '商品与宣传描述不符，要求退货被拒绝。',
  '包装破损，配件缺失，联系门店无人处理。',
  '价格标签与结算价不一致，多收了钱。',
  '产品有明显质量问题，存在安全隐患。',
  '承诺的七天无理由退货未兑现。',
];
const PROBLEMS = ['quality', 'quality', 'quality', 'false_advertising', 'price', 'service', 'contract', 'safety'] as const;

type Step = [Exclude<Action, 'file'>, number, number, Record<string, unknown>?];
// Each path: action, min and max days after the previous step. Gaps stay inside the deadlines, so a
// complaint stopped by "now" is not overdue unless its path says so.
const PATHS: { weight: number; steps: Step[] }[] = [
  {
    weight: 30,
    steps: [
      ['respond', 0.2, 7, { responseType: 'accepted', remedy: { type: 'refund' }, messageToConsumer: '非常抱歉，同意全额退款。' }],
      ['accept_response', 0.1, 5],
      ['record_fulfilment', 0.5, 4],
      ['confirm_remedy', 0.3, 5],
      ['rate', 0.5, 4, { satisfaction: 5 }],
    ],
  },
  {
    // The consumer never confirms the repair: the clock asks again after 7 days.
    weight: 8,
    steps: [
      ['respond', 0.5, 6, { responseType: 'accepted', remedy: { type: 'repair' }, messageToConsumer: '可免费维修。' }],
      ['auto_accept', 7.05, 7.05],
      ['record_fulfilment', 1, 6],
    ],
  },
  {
    weight: 3,
    steps: [
      ['respond', 0.5, 5, { responseType: 'accepted', remedy: { type: 'refund' }, messageToConsumer: '同意退款。' }],
      ['accept_response', 0.2, 3],
      ['record_fulfilment', 1, 5],
      ['dispute_remedy', 0.5, 4, { reason: '只退了一半的钱，凭证金额与到账不符。' }],
      ['accept', 0.5, 5],
    ],
  },
  {
    // Compensation promised and never recorded: past its date the bureau takes over.
    weight: 2,
    steps: [
      ['respond', 0.5, 5, { responseType: 'accepted', remedy: { type: 'compensation' }, messageToConsumer: '同意补偿。' }],
      ['accept_response', 0.2, 3],
      ['remedy_overdue', 0, 0],
    ],
  },
  {
    weight: 14,
    steps: [
      ['respond', 1, 8, { responseType: 'rejected', messageToConsumer: '经检查商品无质量问题。', noteToRegulator: '已留存检验记录。' }],
      ['reject_response', 0.2, 5, { reason: '商品确有问题，不接受答复。' }],
      ['accept', 0.5, 6],
      ['mediation_succeeded', 3, 30, { agreement: '商家退款并补偿 50 元。' }],
      ['rate', 0.5, 4, { satisfaction: 4 }],
    ],
  },
  {
    weight: 7,
    steps: [
      ['respond', 1, 8, { responseType: 'rejected', messageToConsumer: '不符合退换条件。' }],
      ['reject_response', 0.2, 5, { reason: '不同意。' }],
      ['accept', 0.5, 6],
      ['mediation_failed', 5, 35, { reason: '双方分歧较大，调解未达成一致。' }],
    ],
  },
  {
    weight: 7,
    steps: [
      ['escalate', 0, 0],
      ['accept', 0.5, 6],
      ['mediation_succeeded', 3, 30, { agreement: '商家同意换货。' }],
    ],
  },
  {
    weight: 5,
    steps: [
      ['respond', 0.5, 5, { responseType: 'not_concerned', messageToConsumer: '该商品非本店售出。' }],
      ['reject_response', 0.2, 3, { reason: '有购物小票为证。' }],
      ['decline', 1, 6, { reasonCode: 'missing_details', note: '缺少购买凭证。' }],
    ],
  },
  { weight: 5, steps: [['withdraw', 0.5, 5, { reason: '已与商家私下协商解决。' }]] },
  {
    weight: 4,
    steps: [
      ['respond', 1, 6, { responseType: 'rejected', messageToConsumer: '不同意。' }],
      ['reject_response', 0.5, 3, { reason: '不接受。' }],
      ['accept', 8, 12],
    ],
  },
  {
    weight: 20,
    steps: [
      ['respond', 0.5, 8, { responseType: 'accepted', remedy: { type: 'exchange' }, messageToConsumer: '可到店换新。' }],
      ['accept_response', 0.2, 6],
      ['record_fulfilment', 0.5, 5],
      ['confirm_remedy', 0.5, 6],
    ],
  },
];

// A 1×1 PNG standing for the photo of a receipt: the demo's proofs of fulfilment are real stored files.
const PROOF_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function pickPath(r: ReturnType<typeof rng>) {
  const total = PATHS.reduce((n, p) => n + p.weight, 0);
  let x = r.next() * total;
  for (const p of PATHS) if ((x -= p.weight) < 0) return p;
  return PATHS[0]!;
}

async function demoConsumers(world: DemoWorld) {
  const demo = world.users.get('consumer@demo.fangxin.cn')!;
  const names = ['李娜', '王伟', '刘洋', '陈静', '杨帆', '赵敏', '黄磊', '周婷', '吴军', '徐丽', '孙浩', '马芳'];
  const more = await insertNumberedAccounts(
    names.map((name, i) => ({
      name,
      email: `consumer${String(i + 1).padStart(2, '0')}.complaints@demo.fangxin.cn`,
      passwordHash: demo.passwordHash,
      role: 'consumer',
      status: 'active',
      phone: `1380571${String(1000 + i)}`,
    })),
  );
  return [demo, demo, demo, ...more];
}

function merchantKey(world: DemoWorld, merchantId: string): string {
  if (merchantId === String(world.chain._id)) return 'chain';
  if (merchantId === String(world.shop._id)) return 'shop';
  return world.otherMerchants.find((m) => String(m._id) === merchantId)?.name ?? 'chain';
}

/**
 * The demo complaints; their list and product counts go into `counts` when given (the caller writes
 * them with other loads'), else are written here.
 */
export async function seedComplaints(world: DemoWorld, opts: { count?: number; counts?: Tally } = {}): Promise<number> {
  const count = opts.count ?? COUNT;
  const r = rng(20261122);
  const end = now().getTime();
  const consumers = await demoConsumers(world);
  const merchantUser = world.users.get('merchant@demo.fangxin.cn')!;
  const shopUser = world.users.get('shop@demo.fangxin.cn')!;
  const regulatorFor = (region: string) =>
    world.users.get(
      region.startsWith('3301')
        ? 'regulator.hz@demo.fangxin.cn'
        : region === '330782'
          ? 'regulator.yw@demo.fangxin.cn'
          : 'regulator.zj@demo.fangxin.cn',
    )!;

  const events: EventLike[] = [];
  const docs: ComplaintState[] = [];
  // Those whose events went to the bureau (their facts say so even once the bureau is done).
  const bureau = new Set<string>();
  const numbers: { day: string; n: number; complaintId: mongoose.Types.ObjectId }[] = [];
  // Numbers already taken (complaints filed by other seeders, or through the API) are skipped, so
  // the bulk insert below never clashes with them whatever order the seeders run in.
  const perDay = new Map<string, number>();
  for (const row of await ComplaintNumberModel.find({}, { day: 1, n: 1, size: 1 }).lean())
    perDay.set(row.day, Math.max(perDay.get(row.day) ?? 0, endOf(row) - 1));
  const messages: Record<string, unknown>[] = [];
  const proofs: { _id: mongoose.Types.ObjectId; complaintId: unknown; uploaderId: unknown; at: Date; name: string }[] = [];
  const admin = world.users.get('admin@demo.fangxin.cn')!;
  // A store routes every complaint of one purchase channel alike: one read per store and channel,
  // not one per complaint (each a round trip, most of this seeder's time at first start).
  const routes = new Map<string, Promise<Route>>();
  const routeFor = (storeId: string, channel: 'in_store' | 'online') => {
    const key = `${storeId}|${channel}`;
    if (!routes.has(key)) routes.set(key, routeStore(storeId, channel));
    return routes.get(key)!;
  };

  // Filing times spread over 90 days, oldest first so numbers ascend with time.
  const times = Array.from({ length: count }, () => end - r.between(0.05, 90) * DAY).sort((a, b) => a - b);
  for (const t0 of times) {
    const store = r.pick(world.stores);
    const [category, name, brand] = r.pick(PRODUCTS[merchantKey(world, String(store.merchantId))]!);
    const problemType = r.pick(PROBLEMS);
    const amountFen = Math.round(r.between(20, 3000)) * 100;
    const safety = problemType === 'safety' || r.next() < 0.04;
    const data: CreateComplaintInput = {
      storeId: String(store._id),
      product: { name, category, ...(brand ? { brand } : {}) },
      purchase: { date: shanghaiDay(new Date(t0 - r.between(1, 20) * DAY)), amountFen, channel: r.next() < 0.2 ? 'online' : 'in_store' },
      problemType,
      description: r.pick(DESCRIPTIONS),
      demand: { type: r.pick(['refund', 'exchange', 'repair', 'compensation'] as const), amountFen },
      ...(safety
        ? {
            safetyIncident: {
              kind: r.pick(['fire', 'electric_shock', 'burn', 'injury'] as const),
              injured: r.next() < 0.3,
              description: '使用过程中发生异常，险些造成伤害。',
            },
          }
        : {}),
      contactAgreement: r.next() < 0.6,
    };
    const consumer = r.pick(consumers);
    const at = new Date(t0);
    const id = new mongoose.Types.ObjectId(Math.floor(t0 / 1000));
    const dayKey = shanghaiDay(at).replace(/-/g, '');
    const n = (perDay.get(dayKey) ?? 0) + 1;
    perDay.set(dayKey, n);
    numbers.push({ day: dayKey, n, complaintId: id });
    const route = await routeFor(data.storeId, data.purchase.channel);
    const initial = await routeComplaint({ consumerId: String(consumer._id), data }, id, formatNumber(dayKey, n), at, route);

    const first: EventLike & { complaintId: unknown } = {
      complaintId: id,
      seq: 1,
      action: 'file',
      from: null,
      to: 'awaiting_merchant',
      actorId: consumer._id,
      party: 'consumer',
      at,
      data: { complaint: initial },
    };
    const merchantActor =
      String(store.merchantId) === String(world.chain._id)
        ? merchantUser._id
        : String(store.merchantId) === String(world.shop._id)
          ? shopUser._id
          : null;
    const steps: LifeStep[] = pickPath(r).steps.map(([action, lo, hi, payload]) => {
      const party = TRANSITIONS[action].party;
      const body = { ...(payload ?? {}) };
      if (action === 'respond' && (body.remedy as { type: string } | undefined)?.type === 'refund')
        body.remedy = { type: 'refund', amountFen };
      return {
        action,
        party,
        after: r.between(lo, hi) * DAY,
        actorId:
          party === 'consumer'
            ? consumer._id
            : party === 'merchant'
              ? merchantActor
              : party === 'regulator'
                ? regulatorFor(String(initial.regulatorRegion))._id
                : null,
        data: action === 'record_fulfilment' ? (state, at) => fulfilment(state, at) : body,
      };
    });
    const proofId = new mongoose.Types.ObjectId();
    const fulfilment = (state: ComplaintState, at: Date) => ({
      amountFen: state.remedy?.amountFen ?? amountFen,
      fulfilledOn: shanghaiDay(at),
      attachmentId: String(proofId),
      note: '已办理，凭证见附件。',
    });
    const life = live(applyEvent(null, first), steps, end, { complaintId: id });
    const state = life.state;
    events.push(first, ...life.events);
    if (life.events.some((e) => BUREAU_STATUSES.has(e.to))) bureau.add(String(id));
    const recorded = life.events.find((e) => e.action === 'record_fulfilment');
    // The demo's other merchants have no staff accounts; their proofs are uploaded as by the admin.
    if (recorded)
      proofs.push({ _id: proofId, complaintId: id, uploaderId: merchantActor ?? admin._id, at: recorded.at, name: '退款凭证.png' });
    for (const e of life.events) {
      if (e.action !== 'respond' || r.next() >= 0.3) continue;
      const t = e.at.getTime();
      messages.push({
        complaintId: id,
        authorId: consumer._id,
        party: 'consumer',
        authorName: consumer.name,
        body: '请问什么时候可以办理？',
        at: new Date(t + 2 * HOUR),
      });
      if (e.actorId)
        messages.push({
          complaintId: id,
          authorId: e.actorId,
          party: 'merchant',
          authorName: store.merchantName,
          body: '您好，请携带小票到门店办理。',
          at: new Date(t + 5 * HOUR),
        });
    }
    docs.push(state);
  }
  // Published complaints get their public records here: the seeder writes documents, not effects.
  const published = docs.filter((d) => d.disclosure?.state === 'public');
  // Each proof its own stored file, as an upload makes it.
  const keys = await Promise.all(proofs.map(() => storage().put(PROOF_PNG, { contentType: 'image/png' })));
  // Their facts as filing and transitions leave them (the bureau knew those its events went to).
  const facts = await factsFor(docs as never[], bureau);
  // Their list and product counts summed per scope, written once all is stored (below, or by the
  // caller): sealed, one snapshot per scope, instead of a delta row per complaint and scope through the engine.
  const tally: Tally = opts.counts ?? new Map();
  tallyProducts(facts, tally);
  // The public list's counts too, once any record stored before is counted (so never twice).
  await backfillPublicCounts();
  const publics = published.map((d) => seededPublicRecord(d as never));
  tallyPublic(publics, tally);
  // Every collection at once, each in one insert (straight into the engine's tables where it can).
  await Promise.all([
    insertModels(ComplaintFactModel, facts),
    insertModels(ComplaintNumberModel, numbers),
    insertModels(ComplaintEventModel, events),
    insertModels(ComplaintModel, docs),
    insertEntries(docs as never[], undefined, tally),
    insertModels(PublicComplaintModel, publics),
    insertModels(
      AttachmentModel,
      proofs.map((p, i) => ({ ...p, size: PROOF_PNG.length, contentType: 'image/png', storageKey: keys[i] })),
    ),
    insertModels(
      ComplaintMessageModel,
      messages.filter((m) => (m.at as Date).getTime() < end),
    ),
  ]);
  if (docs.length && !opts.counts) await writeLoadCounts(tally, String(docs[0]!._id));

  // A few notifications for the demo accounts, so the bell has something to show.
  const recent = (await ComplaintModel.find({ status: { $in: ['awaiting_merchant', 'merchant_responded', 'awaiting_regulator'] } })
    .sort({ createdAt: -1 })
    .limit(6)
    .lean()) as ComplaintRecord[];
  await Promise.all(
    recent.map(async (c) => {
      await notifyComplaint(c, `${c._id}:1`, 'filed_merchant', ['merchant']);
      if (c.status === 'merchant_responded') await notifyComplaint(c, `${c._id}:2`, 'responded', ['consumer']);
      if (c.status === 'awaiting_regulator') await notifyComplaint(c, `${c._id}:${c.version}`, 'awaiting_regulator', ['regulators']);
    }),
  );
  return docs.length;
}

export const complaintSeeder: Seeder = {
  name: 'complaints',
  order: 10,
  run: (world) => seedComplaints(world, { counts: world.counts }).then(() => undefined),
};
