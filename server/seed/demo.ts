import { creditCodeCheckChar } from '../../shared/creditCode.js';
import { cityOf } from '../../shared/regions.js';
import type { Config } from '../config.js';
import { claim } from '../jobs/claim.js';
import { OrganizationModel } from '../models/Organization.js';
import { StoreModel } from '../models/Store.js';
import { UserModel } from '../models/User.js';
import { insertNumberedAccounts } from '../accounts/numbers.js';
import { logger } from '../logger.js';
import { seedRegions } from './regions.js';
import { runSeeders, type DemoWorld } from './registry.js';
import { syncMerchantRows } from '../stores/merchantRows.js';
import { entriesHoldMonthTerms, entriesHoldPhraseTerms } from '../complaints/backfillTerms.js';
import { entriesHoldHours, entriesHoldTenDays } from '../complaints/tenDays.js';
import { factsFollowRedirects, factsHoldShownFields } from '../products/backfill.js';
import { factsNumbered, numberFactsHolding } from '../products/factNumbers.js';
import { flagsHoldListRows } from '../products/flagEntries.js';
import { notificationsHoldNumbers } from '../notifications/numbers.js';
import { hashPassword } from '../auth/passwords.js';

export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.fangxin.cn', role: 'admin', name: '平台管理员' },
  { email: 'consumer@demo.fangxin.cn', role: 'consumer', name: '张晓明' },
  { email: 'merchant@demo.fangxin.cn', role: 'merchant', name: '万家福连锁 客服主管', org: 'chain' },
  { email: 'shop@demo.fangxin.cn', role: 'merchant', name: '义乌童趣玩具店 店主', org: 'shop' },
  { email: 'regulator.hz@demo.fangxin.cn', role: 'regulator', name: '杭州市市场监管局 投诉科', region: '3301' },
  { email: 'regulator.yw@demo.fangxin.cn', role: 'regulator', name: '义乌市市场监管局 消保科', region: '330782' },
  { email: 'regulator.zj@demo.fangxin.cn', role: 'regulator', name: '浙江省市场监管局 消保处', region: '33' },
] as const;

function creditCode(body17: string): string {
  return body17 + creditCodeCheckChar(body17);
}

const CHAIN_STORES = [
  { name: '万家福超市 杭州西湖店', countyCode: '330106', address: '杭州市西湖区文三路 398 号' },
  { name: '万家福超市 杭州滨江店', countyCode: '330108', address: '杭州市滨江区江南大道 1088 号' },
  { name: '万家福超市 宁波海曙店', countyCode: '330203', address: '宁波市海曙区中山西路 138 号' },
  { name: '万家福超市 宁波鄞州店', countyCode: '330212', address: '宁波市鄞州区天童南路 588 号' },
  { name: '万家福超市 温州鹿城店', countyCode: '330302', address: '温州市鹿城区人民中路 200 号' },
  { name: '万家福超市 义乌稠城店', countyCode: '330782', address: '义乌市稠城街道工人北路 66 号' },
  { name: '万家福超市 绍兴越城店', countyCode: '330602', address: '绍兴市越城区解放北路 12 号' },
];

const OTHER_MERCHANTS = [
  {
    name: '杭州电动车行',
    code: '91330105MA2H3K4L5',
    stores: [{ name: '杭州电动车行 拱墅店', countyCode: '330105', address: '杭州市拱墅区莫干山路 520 号' }],
  },
  {
    name: '宁波暖居电器',
    code: '91330203MA2N7P8Q9',
    stores: [{ name: '宁波暖居电器 海曙店', countyCode: '330203', address: '宁波市海曙区药行街 77 号' }],
  },
  {
    name: '温州明光燃气器具',
    code: '91330302MA2W1X2Y3',
    stores: [{ name: '温州明光燃气器具 鹿城店', countyCode: '330302', address: '温州市鹿城区车站大道 15 号' }],
  },
  {
    name: '金华优品百货',
    code: '91330702MA2J4K5L6',
    stores: [
      { name: '金华优品百货 婺城店', countyCode: '330702', address: '金华市婺城区八一南街 300 号' },
      { name: '金华优品百货 东阳店', countyCode: '330783', address: '东阳市吴宁街道人民路 9 号' },
    ],
  },
  {
    name: '嘉兴文具城',
    code: '91330402MA2K8L9M1',
    stores: [{ name: '嘉兴文具城 南湖店', countyCode: '330402', address: '嘉兴市南湖区中山东路 66 号' }],
  },
  {
    name: '台州安家消防器材',
    code: '91331002MA2T3U4V5',
    stores: [{ name: '台州安家消防器材 椒江店', countyCode: '331002', address: '台州市椒江区市府大道 18 号' }],
  },
];

/** The demo world of API.md: regions, a bureau for every region, merchants with stores, demo accounts. */
export async function seedFoundation(config: Config): Promise<DemoWorld> {
  // An empty database: its facts are numbered as they are written (a seed numbers its own at its end).
  await factsNumbered();
  // Nor any flag written before the flag lists' rows.
  await flagsHoldListRows();
  // Nor any notification written before its number (the bell reads bands from the first).
  await notificationsHoldNumbers();
  const regions = await seedRegions();
  const bureaus = await OrganizationModel.insertMany(
    regions.map((r) => ({
      kind: 'regulator',
      key: `region:${r.code}`,
      name: `${r.name}市场监督管理局`,
      nameEn: `${r.nameEn} Administration for Market Regulation`,
      regionCode: r.code,
      status: 'active',
    })),
  );
  const bureauByRegion = new Map(bureaus.map((b) => [b.regionCode, b]));

  const chain = await OrganizationModel.create({
    kind: 'merchant',
    key: `credit:${creditCode('91330106MA27XK3M2')}`,
    name: '浙江万家福连锁超市有限公司',
    nameEn: 'Zhejiang Wanjiafu Supermarket Chain Co., Ltd.',
    creditCode: creditCode('91330106MA27XK3M2'),
    regionCode: '330106',
    isChain: true,
  });
  const shop = await OrganizationModel.create({
    kind: 'merchant',
    key: `credit:${creditCode('92330782MA2EQ1T4P')}`,
    name: '义乌童趣玩具店',
    nameEn: 'Yiwu Tongqu Toy Shop',
    creditCode: creditCode('92330782MA2EQ1T4P'),
    regionCode: '330782',
  });
  const stores = await StoreModel.insertMany([
    ...CHAIN_STORES.map((s) => ({ ...s, merchantId: chain._id, merchantName: chain.name, cityCode: cityOf(s.countyCode) })),
    {
      name: '义乌童趣玩具店 国际商贸城店',
      countyCode: '330782',
      cityCode: '3307',
      address: '义乌市福田街道国际商贸城一区 A 座 1203',
      merchantId: shop._id,
      merchantName: shop.name,
    },
  ]);
  const others = [];
  for (const m of OTHER_MERCHANTS) {
    const org = await OrganizationModel.create({
      kind: 'merchant',
      key: `credit:${creditCode(m.code)}`,
      name: m.name,
      creditCode: creditCode(m.code),
      regionCode: m.stores[0]!.countyCode,
      isChain: m.stores.length > 1,
    });
    others.push(org);
    stores.push(
      ...(await StoreModel.insertMany(
        m.stores.map((s) => ({ ...s, merchantId: org._id, merchantName: org.name, cityCode: cityOf(s.countyCode) })),
      )),
    );
  }

  const passwordHash = await hashPassword(config.DEMO_PASSWORD);
  const users = await insertNumberedAccounts(
    DEMO_ACCOUNTS.map((a) => ({
      email: a.email,
      name: a.name,
      role: a.role,
      status: 'active',
      passwordHash,
      locale: 'zh-CN',
      ...('org' in a ? { orgId: a.org === 'chain' ? chain._id : shop._id, orgName: a.org === 'chain' ? chain.name : shop.name } : {}),
      ...('region' in a
        ? { regionCode: a.region, orgId: bureauByRegion.get(a.region)!._id, orgName: bureauByRegion.get(a.region)!.name }
        : {}),
    })),
  );
  const byEmail = new Map(users.map((u) => [u.email, u]));
  await syncMerchantRows();
  return {
    config,
    regions,
    chain,
    shop,
    otherMerchants: others,
    stores,
    users: byEmail,
    counts: new Map(),
  };
}

/** Seeds the demo world once into an empty database; of several instances, one seeds. */
export async function seedIfEmpty(config: Config, onStart?: () => void): Promise<boolean> {
  if ((await UserModel.estimatedDocumentCount()) > 0) return false;
  if (!(await claim('seed:demo', 'seed'))) return false;
  await entriesHoldMonthTerms();
  await entriesHoldPhraseTerms();
  await entriesHoldTenDays();
  await entriesHoldHours();
  await factsHoldShownFields();
  await factsFollowRedirects();
  onStart?.();
  const started = Date.now();
  const world = await seedFoundation(config);
  await runSeeders(world);
  // The seeders' facts, written in bulk and out of order, numbered in the order of filing (factNumbers.ts).
  await numberFactsHolding();
  logger.info({ ms: Date.now() - started }, 'demo data seeded');
  return true;
}
