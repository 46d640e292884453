// The demo's complaint population: six months of background complaints across Zhejiang, and the
// planted signals the dashboard should tell (a recurring problem product sold by several
// merchants in several cities, a county × category hotspot in the last full week, an abusive
// filer). Pure and seeded, so tests can rebuild the same world with fewer complaints.
import type mongoose from 'mongoose';
import { CATEGORIES, KEY_CATEGORIES } from '../../shared/enums.js';
import { gtinCheckDigit } from '../../shared/gtin.js';
import { isoWeek, shanghaiDay } from '../../shared/calendar.js';
import { weekMonday, addWeeks } from '../../shared/weeks.js';
import type { Path, SyntheticSpec } from '../products/synthetic.js';

const DAY = 24 * 3600 * 1000;
type Store = SyntheticSpec['store'];
type Id = mongoose.Types.ObjectId;

/** Stores as a synthetic complaint names them (a world's stores carry more than a spec keeps). */
export const specStores = (stores: readonly Store[]): Store[] =>
  stores.map(({ _id, merchantId, merchantName, name, countyCode }) => ({ _id, merchantId, merchantName, name, countyCode }));

export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
  };
}

const gtin13 = (body12: string) => body12 + gtinCheckDigit(body12);

export const PLANTED = {
  recurring: {
    name: '充电暖手宝',
    category: 'electric_hand_warmer',
    brand: '暖芯',
    model: 'NX-2000',
    gtin: gtin13('690123400201'),
    producer: '义乌暖芯电器有限公司',
  },
  sampled: {
    name: '嵌入式燃气灶',
    category: 'gas_appliance',
    brand: '明火',
    model: 'JZT-2B',
    gtin: gtin13('690765400033'),
    producer: '宁波明火厨具有限公司',
  },
  hotspot: { countyCode: '330782', category: 'toy' },
} as const;

/** How the recurring product is written by different consumers: one product after normalization. */
const SPELLINGS = [
  { brand: '暖芯', model: 'NX-2000' },
  { brand: '暖芯', model: 'ＮＸ－２０００' },
  { brand: '暖芯 ', model: 'nx 2000' },
  { brand: '暖芯', model: 'NX2000', gtin: PLANTED.recurring.gtin },
];

const NAMES: Record<string, string[]> = {
  electric_bicycle: ['电动自行车', '电动车电池', '电动车充电器'],
  gas_appliance: ['燃气灶', '燃气热水器'],
  lpg_regulator: ['液化气减压阀'],
  electric_heater: ['电暖器', '油汀取暖器'],
  electric_hand_warmer: ['电暖宝', '暖手宝'],
  toy: ['毛绒玩具', '电动玩具车', '积木套装'],
  stationery: ['中性笔', '文具盒', '修正带'],
  fire_safety: ['灭火器', '烟雾报警器'],
  household_appliance: ['电水壶', '电饭煲', '吸尘器', '洗衣机'],
  electronics: ['蓝牙耳机', '手机', '充电宝'],
  clothing: ['羽绒服', '衬衫', '运动裤'],
  footwear: ['运动鞋', '皮鞋'],
  furniture: ['沙发', '书桌', '床垫'],
  cosmetics: ['面霜', '洗发水'],
  food: ['月饼', '坚果礼盒', '奶粉'],
  fresh_food: ['海鲜', '水果'],
  daily_goods: ['保温杯', '雨伞'],
  jewelry: ['金项链', '银手镯'],
  digital_content: ['会员卡', '游戏点卡'],
  made_to_order: ['定制西装'],
  newspaper: ['杂志订阅'],
  other: ['其他商品'],
};
const BRANDS = ['美家', '惠达', '雅居', '新元', '嘉禾', '和风', '大舜', '天成', '朗悦', '佳友'];
const PROBLEMS = ['quality', 'quality', 'quality', 'false_advertising', 'service', 'contract', 'price', 'other', 'return_refused'];
const TEXTS = [
  '使用不久出现故障，要求退货。',
  '实物与宣传不符。',
  '商家拒绝履行承诺。',
  '质量问题，多次维修未果。',
  '收费与标价不一致。',
  '售后服务态度差，要求处理。',
];

function categoryOf(r: ReturnType<typeof rng>): string {
  // Everyday goods dominate; key categories are a steady minority.
  return r.next() < 0.25 ? r.pick(KEY_CATEGORIES) : r.pick(CATEGORIES.slice(8, 19));
}

// Merchants answer in time (the deadline job escalates a silent one, so a late answer cannot
// happen); a complaint left with the merchant or the bureau is a recent one.
function pathOf(r: ReturnType<typeof rng>, ageDays: number): { path: Path; satisfaction?: number } {
  if (ageDays < 3) return { path: 'open' };
  const x = r.next();
  const recent = ageDays < 30;
  const path: Path =
    x < 0.62
      ? 'resolved'
      : x < 0.74
        ? 'mediated'
        : x < 0.79
          ? 'mediation_failed'
          : x < 0.84 || (x >= 0.89 && !recent)
            ? 'declined'
            : x < 0.89
              ? 'withdrawn'
              : x < 0.94
                ? 'escalated'
                : 'open';
  const satisfaction = path !== 'open' && path !== 'escalated' && r.next() < 0.7 ? r.pick([2, 3, 4, 4, 5, 5, 5]) : undefined;
  return { path, satisfaction };
}

export interface PlanInput {
  now: Date;
  stores: Store[];
  consumers: Id[];
  background: number;
  days?: number;
  planted?: boolean;
  seed?: number;
}

/** Background complaints: 20% name a brand + model from a pool sized so no product repeats within the flag windows. */
export function backgroundSpecs(p: PlanInput): SyntheticSpec[] {
  const r = rng(p.seed ?? 20260522);
  const days = p.days ?? 182;
  const identifiable = Math.round(p.background * 0.2);
  const pool = Math.max(1, Math.ceil(identifiable / 1.5));
  const times = Array.from({ length: p.background }, () => {
    // A gentle upward trend: later days slightly busier.
    const u = Math.sqrt(r.next());
    return p.now.getTime() - 3600_000 - (1 - u) * days * DAY;
  }).sort((a, b) => a - b);
  let nth = 0;
  return times.map((t) => {
    const at = new Date(t);
    const named = r.next() < 0.2;
    let product: SyntheticSpec['product'];
    if (named) {
      const k = nth++ % pool;
      const category = CATEGORIES[8 + (k % 11)]!;
      product = { name: r.pick(NAMES[category]!), category, brand: BRANDS[k % BRANDS.length]!, model: `BG-${String(k).padStart(4, '0')}` };
    } else {
      const category = categoryOf(r);
      product = { name: r.pick(NAMES[category]!), category };
    }
    const safety = !named && r.next() < 0.02;
    return {
      at,
      consumerId: r.pick(p.consumers),
      store: r.pick(p.stores),
      product,
      problemType: safety ? 'safety' : r.pick(PROBLEMS),
      description: `${r.pick(TEXTS)}订单${r.int(1000, 9999)}`,
      ...(safety
        ? {
            safetyIncident: {
              kind: r.pick(['fire', 'burn', 'electric_shock', 'injury']),
              injured: r.next() < 0.3,
              description: '使用中发生意外。',
            },
          }
        : {}),
      ...pathOf(r, (p.now.getTime() - t) / DAY),
    };
  });
}

/** The planted signals, dated relative to `now`. */
export function plantedSpecs(p: PlanInput & { abuser: Id; hotspotStores: Store[]; recurringStores: Store[] }): SyntheticSpec[] {
  const r = rng((p.seed ?? 1) + 7);
  const out: SyntheticSpec[] = [];
  // 1. The recurring product: 16 complaints in 40 days, six merchants in five cities, two burns.
  for (let i = 0; i < 16; i++) {
    const at = new Date(p.now.getTime() - 2 * 3600_000 - (i * 40 * DAY) / 16);
    out.push({
      at,
      consumerId: r.pick(p.consumers),
      store: p.recurringStores[i % p.recurringStores.length]!,
      product: { name: PLANTED.recurring.name, category: PLANTED.recurring.category, ...SPELLINGS[i % SPELLINGS.length]! },
      problemType: i % 8 === 0 ? 'safety' : 'quality',
      description: i % 8 === 0 ? '充电时外壳过热，手部烫伤。' : '充电后很快不发热，电池鼓包。',
      ...(i % 8 === 0 ? { safetyIncident: { kind: 'burn', injured: true, description: '充电时外壳过热，手部烫伤。' } } : {}),
      ...pathOf(r, (p.now.getTime() - at.getTime()) / DAY),
    });
  }
  // 2. The hotspot: toys in Yiwu, 24 complaints in the last full week.
  const lastWeek = addWeeks(isoWeek(p.now), -1);
  const monday = Date.parse(`${weekMonday(lastWeek)}T01:00:00Z`);
  for (let i = 0; i < 24; i++) {
    // Monday 09:00 to Sunday 21:00 Shanghai time: inside the week whatever the hour of seeding.
    const at = new Date(monday + (i / 24) * 6.5 * DAY);
    out.push({
      at,
      consumerId: r.pick(p.consumers),
      store: p.hotspotStores[i % p.hotspotStores.length]!,
      product: { name: r.pick(['毛绒玩具', '电动玩具车', '磁力积木']), category: 'toy' },
      problemType: 'quality',
      description: r.pick(['小零件容易脱落，孩子险些误吞。', '玩具有刺鼻气味。', '电池仓螺丝松脱。']),
      ...pathOf(r, (p.now.getTime() - at.getTime()) / DAY),
    });
  }
  // 3. An abusive filer: ten copies of one text against ten merchants in three weeks.
  const merchants = new Map<string, Store>();
  for (const s of p.stores) if (!merchants.has(String(s.merchantId))) merchants.set(String(s.merchantId), s);
  const targets = [...merchants.values()].slice(0, 10);
  targets.forEach((store, i) => {
    out.push({
      at: new Date(p.now.getTime() - 3 * 3600_000 - i * 2 * DAY),
      consumerId: p.abuser,
      store,
      product: { name: '保温杯', category: 'daily_goods' },
      problemType: 'false_advertising',
      description: `本人于${i + 1}日购买的商品标签不符合国家标准，依据食品安全法要求十倍赔偿${(i + 3) * 1000}元。`,
      path: 'open',
    });
  });
  return out;
}

/** The supervisory sampling CSV of the demo (GB18030 is what bureaus' Excel writes; the demo uses UTF-8). */
export function samplingCsv(now: Date): string {
  const ago = (days: number) => shanghaiDay(new Date(now.getTime() - days * DAY));
  const rows = [
    ['产品名称', '类别', '商品条码', '品牌', '型号', '生产企业', '批次', '抽样日期', '检验结果', '不合格项目', '抽查机关'],
    [
      PLANTED.sampled.name,
      PLANTED.sampled.category,
      PLANTED.sampled.gtin,
      PLANTED.sampled.brand,
      PLANTED.sampled.model,
      PLANTED.sampled.producer,
      '20250312',
      ago(420),
      '不合格',
      '熄火保护装置；气密性',
      '浙江省市场监督管理局',
    ],
    [
      PLANTED.sampled.name,
      PLANTED.sampled.category,
      PLANTED.sampled.gtin,
      PLANTED.sampled.brand,
      PLANTED.sampled.model,
      PLANTED.sampled.producer,
      '20260108',
      ago(75),
      '不合格',
      '熄火保护装置',
      '宁波市市场监督管理局',
    ],
    ['燃气热水器', 'gas_appliance', '', '和风', 'JSQ-16', '佛山和风电器有限公司', 'H2601', ago(60), '合格', '', '浙江省市场监督管理局'],
    ['儿童电动玩具车', 'toy', '', '童乐', 'TL-8', '汕头童乐玩具厂', 'TL2511', ago(120), '合格', '', '浙江省市场监督管理局'],
    ['灭火器', 'fire_safety', '', '安家', 'MFZ-4', '台州安家消防器材有限公司', 'AJ2512', ago(30), '合格', '', '浙江省市场监督管理局'],
  ];
  return rows.map((r) => r.join(',')).join('\n') + '\n';
}
