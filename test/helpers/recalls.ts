// A published recall as the fixture of the recall matrix and browser tests: a Hangzhou (西湖) case in
// recall, its notice, and the notices of its reach to the demo consumer and the demo chain.
import mongoose from 'mongoose';
import { now } from '../../server/clock.js';
import { EnforcementCaseModel } from '../../server/models/EnforcementCase.js';
import { RecallModel } from '../../server/models/Recall.js';
import { RecallNoticeModel } from '../../server/models/RecallNotice.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { DEMO } from './http.js';

export const RECALLED = { name: '充电暖手宝', category: 'electric_hand_warmer', brand: '暖芯', model: 'NX-2000', gtin: '6901234567892' };

export async function plantRecall(world: DemoWorld): Promise<{ caseId: string; recallId: string }> {
  const caseId = new mongoose.Types.ObjectId();
  const recallId = new mongoose.Types.ObjectId();
  const productId = new mongoose.Types.ObjectId();
  const producer = '义乌暖芯电器有限公司';
  const common = { productId, regionCodes: ['330106'], assignedRegion: '3301', producer, bureauName: '杭州市市场监督管理局' };
  const hz = world.users.get(DEMO.regulatorHz)!._id;
  // The case keeps the product record's snapshot; the recall, its public description.
  await EnforcementCaseModel.create({
    _id: caseId,
    flagId: new mongoose.Types.ObjectId(),
    status: 'recall',
    version: 3,
    openedBy: hz,
    product: { id: String(productId), ...RECALLED, producer },
    ...common,
  });
  await RecallModel.create({
    _id: recallId,
    caseId,
    ...common,
    product: RECALLED,
    batches: ['NX2026-01'],
    hazard: '电池过热，可能起火、烫伤。',
    riskLevel: 'serious',
    consumerActions: ['stop_using', 'refund'],
    remedy: '到任一销售门店全额退款。',
    sellers: [{ id: String(world.chain._id), name: world.chain.name }],
    publishedBy: hz,
    publishedAt: now(),
    reachDone: true,
  });
  const notice = { recallId, productName: RECALLED.name, riskLevel: 'serious', notifiedAt: now() };
  const consumerId = world.users.get(DEMO.consumer)!._id;
  await RecallNoticeModel.create([
    { ...notice, recipient: `user:${consumerId}`, audience: 'consumer', userId: consumerId },
    { ...notice, recipient: `org:${world.chain._id}`, audience: 'merchant', merchantId: world.chain._id, merchantName: world.chain.name },
  ]);
  return { caseId: String(caseId), recallId: String(recallId) };
}
