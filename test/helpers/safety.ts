// Fixtures of incident reports and follow-ups: a Hangzhou (西湖, 330106) incident the demo chain reported,
// and a Hangzhou follow-up of a failed sampling whose producer is the demo chain.
import mongoose from 'mongoose';
import { addWorkingDays } from '../../shared/calendar.js';
import { now } from '../../server/clock.js';
import { IncidentModel } from '../../server/models/Incident.js';
import { SamplingFollowUpModel } from '../../server/models/SamplingFollowUp.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { DEMO } from './http.js';

export const HEATER = { name: '小太阳取暖器', category: 'electric_heater', brand: '暖阳', model: 'NY-9', gtin: null };

export async function plantIncident(world: DemoWorld, productId = new mongoose.Types.ObjectId()): Promise<string> {
  const i = await IncidentModel.create({
    productId,
    product: { ...HEATER, producer: null },
    category: HEATER.category,
    keyCategory: true,
    merchantId: world.chain._id,
    merchantName: world.chain.name,
    reporterRole: 'seller',
    reportedBy: world.users.get(DEMO.merchant)!._id,
    kind: 'fire',
    injuredCount: 1,
    severity: 'minor',
    description: '取暖器倾倒后起火。',
    countyCode: '330106',
    cityCode: '3301',
    address: '西湖区文三路 1 号',
    occurredAt: now(),
    regionCodes: ['330106'],
    reportedAt: now(),
    delivered: true,
  });
  return String(i._id);
}

export async function plantFollowUp(world: DemoWorld, over: Record<string, unknown> = {}): Promise<string> {
  const at = now();
  const due = addWorkingDays(at, 20);
  const f = await SamplingFollowUpModel.create({
    samplingResultId: new mongoose.Types.ObjectId(),
    productId: new mongoose.Types.ObjectId(),
    product: HEATER,
    producer: world.chain.name,
    merchantId: world.chain._id,
    batch: 'NY2611',
    sampledOn: '2026-11-02',
    failedItems: ['倾倒断电'],
    authority: '杭州市市场监督管理局',
    regionCode: '330106',
    regionCodes: ['330106'],
    status: 'rectifying',
    orderedAt: at,
    rectificationDueAt: due,
    resamplingDueAt: addWorkingDays(due, 20),
    ...over,
  });
  return String(f._id);
}
