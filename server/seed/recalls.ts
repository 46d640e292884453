// Demo data of recalls (order 40, after the problem products): the recurring 暖芯 NX-2000 hand warmer
// of server/seed/productsPlan.ts is recalled by the provincial bureau. The demo consumer returned one
// (by its barcode) at a chain store, so both the demo consumer and the demo chain are reached; the
// chain has acknowledged, one complainant has read it, the others have not yet.
import { createReturnRequest } from '../commands/createReturnRequest.js';
import { openCase, transitionCase } from '../commands/enforcementCase.js';
import { answerRecallNotice } from '../commands/answerRecallNotice.js';
import { publishRecall } from '../commands/publishRecall.js';
import { now } from '../clock.js';
import { logger } from '../logger.js';
import { ProductAliasModel } from '../models/ProductAlias.js';
import { ProductFlagModel } from '../models/ProductFlag.js';
import { RecallNoticeModel } from '../models/RecallNotice.js';
import { UserModel } from '../models/User.js';
import { toActor } from '../policies/actor.js';
import { PLANTED } from './productsPlan.js';
import type { DemoWorld, Seeder } from './registry.js';
import { shanghaiDay } from '../../shared/calendar.js';

async function seedRecalls(world: DemoWorld): Promise<void> {
  // Its first complaints named it by brand and model; the barcode came later and points at the same record.
  const alias = await ProductAliasModel.findById(`gtin:${PLANTED.recurring.gtin}`).lean();
  const flag = alias && (await ProductFlagModel.findOne({ productId: alias.productId, status: 'open' }).lean());
  if (!flag) return;
  const user = (email: string) => toActor(world.users.get(email)!);
  const bureau = user('regulator.zj@demo.fangxin.cn');
  const consumer = user('consumer@demo.fangxin.cn');
  const store = world.stores.find((s) => String(s.merchantId) === String(world.chain._id))!;
  await createReturnRequest(consumer, {
    purchaseStoreId: String(store._id),
    returnStoreId: String(store._id),
    purchaseDate: shanghaiDay(new Date(now().getTime() - 5 * 86400_000)),
    amountFen: 8900,
    product: { name: PLANTED.recurring.name, category: PLANTED.recurring.category, gtin: PLANTED.recurring.gtin },
    reason: '使用时外壳发烫',
  });
  const c = await openCase(bureau, { flagId: String(flag._id), assignedRegion: '33', note: '多地投诉集中，含两起烫伤，立案调查。' });
  await transitionCase(bureau, String(c._id), { action: 'investigate', note: '抽取在售批次送检。' });
  await transitionCase(bureau, String(c._id), {
    action: 'recall',
    note: '检验确认电池过热缺陷，责令生产企业召回。',
    public: true,
    finding: '电池组温控失效，充电时外壳温度超过 80℃，存在烫伤和起火风险。',
    measures: '责令生产企业召回在售及已售产品，销售者停止销售。',
  });
  const { recall, reached } = await publishRecall(bureau, String(c._id), {
    batches: ['NX2026-01', 'NX2026-02'],
    productionDates: '2026年1月至3月',
    photos: [],
    hazard: '电池组温控失效，充电时外壳温度可超过 80℃，可能造成烫伤，极端情况下起火。',
    riskLevel: 'serious',
    consumerActions: ['stop_using', 'return', 'refund'],
    remedy: '立即停止使用并断开充电；凭产品（无需发票）到任一销售门店或寄回生产企业，全额退款并承担运费。',
  });
  await reached;
  await answerRecallNotice(user('merchant@demo.fangxin.cn'), String(recall._id), 'acknowledge');
  const first = await RecallNoticeModel.findOne({ recallId: recall._id, audience: 'consumer', userId: { $ne: consumer.id } }).lean();
  const reader = first && (await UserModel.findById(first.userId).lean());
  if (reader) await answerRecallNotice(toActor(reader), String(recall._id), 'read');
  logger.info({ recall: String(recall._id) }, 'recall demo data seeded');
}

export const recallSeeder: Seeder = { name: 'recalls', order: 40, run: seedRecalls };
