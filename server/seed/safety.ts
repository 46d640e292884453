// Demo data of incident reports and post-sampling follow-ups (order 45, after the problem products and
// recalls). The demo chain reports a burn with the recurring 暖芯 hand warmer at its Hangzhou store;
// the Hangzhou bureau hears of it. The planted gas cooker's two failed samplings
// (server/seed/productsPlan.ts) get their follow-ups as if ordered a week after each sampling: the
// old one rectified and re-sampled (passed, on time), the recent one never reported and so overdue,
// escalated to an enforcement case by the follow-up job.
import { addCalendarDays, shanghaiDay } from '../../shared/calendar.js';
import { now } from '../clock.js';
import { escalate, isOverdue } from '../followUps/escalate.js';
import { openFollowUp } from '../followUps/followUps.js';
import { deliverIncident, reportIncident } from '../incidents/report.js';
import { logger } from '../logger.js';
import { ProductAliasModel } from '../models/ProductAlias.js';
import { SamplingFollowUpModel, type SamplingFollowUpRecord } from '../models/SamplingFollowUp.js';
import { SamplingResultModel, type SamplingResultRecord } from '../models/SamplingResult.js';
import { toActor } from '../policies/actor.js';
import { PLANTED } from './productsPlan.js';
import type { DemoWorld, Seeder } from './registry.js';

const DAY = 86400_000;

async function seedIncident(world: DemoWorld) {
  const alias = await ProductAliasModel.findById(`gtin:${PLANTED.recurring.gtin}`).lean();
  const store = world.stores.find((s) => String(s.merchantId) === String(world.chain._id) && s.countyCode.startsWith('3301'));
  if (!alias || !store) return;
  const incident = await reportIncident(toActor(world.users.get('merchant@demo.fangxin.cn')!), {
    productId: String(alias.productId),
    reporterRole: 'seller',
    kind: 'burn',
    injuredCount: 1,
    severity: 'minor',
    description: '顾客在门店试用充电暖手宝时外壳过热，手掌轻度烫伤，门店已送医并封存同批次商品。',
    countyCode: store.countyCode,
    address: store.address,
    occurredAt: new Date(now().getTime() - 2 * DAY).toISOString(),
  });
  await deliverIncident(incident);
}

async function seedFollowUps() {
  const alias = await ProductAliasModel.findById(`gtin:${PLANTED.sampled.gtin}`).lean();
  if (!alias) return;
  const failed = (await SamplingResultModel.find({ productId: alias.productId, passed: false }).lean()) as SamplingResultRecord[];
  failed.sort((a, b) => a.sampledOn.localeCompare(b.sampledOn));
  const at = now();
  for (const [i, r] of failed.entries()) {
    // The import opened them today; the demo's were ordered a week after each sampling.
    await SamplingFollowUpModel.deleteOne({ samplingResultId: r._id });
    const f = await openFollowUp(r, addCalendarDays(new Date(`${r.sampledOn}T12:00:00+08:00`), 7));
    if (!f) continue;
    if (i < failed.length - 1) {
      // The older one: rectified, reported, and re-sampled (passed) before its due date.
      const reportedAt = new Date(new Date(f.rectificationDueAt).getTime() - 5 * DAY);
      const resampledAt = new Date(new Date(f.resamplingDueAt).getTime() - 5 * DAY);
      await SamplingFollowUpModel.updateOne(
        { _id: f._id },
        {
          $set: {
            status: 'closed',
            report: { text: '已更换熄火保护装置供应商，全检在库产品，召回不合格批次 20250312 共 1,200 台。', at: reportedAt },
            resampling: { passed: true, sampledOn: shanghaiDay(resampledAt), note: '复抽合格', at: resampledAt },
            closedAt: resampledAt,
            closedOnTime: true,
          },
        },
      );
    } else if (isOverdue(f, at)) await escalate(f as SamplingFollowUpRecord, at);
  }
}

async function seedSafety(world: DemoWorld): Promise<void> {
  await seedIncident(world);
  await seedFollowUps();
  logger.info('incident and follow-up demo data seeded');
}

export const safetySeeder: Seeder = { name: 'safety', order: 45, run: seedSafety };
