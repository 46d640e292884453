import type { CreateComplaintInput } from '../../shared/schemas/complaint.js';
import type { DemoWorld } from '../../server/seed/registry.js';

/** A valid filing against a demo store, chosen by county. */
export function filing(world: DemoWorld, countyCode = '330106', over: Partial<CreateComplaintInput> = {}): CreateComplaintInput {
  const store = world.stores.find((s) => s.countyCode === countyCode)!;
  return {
    storeId: String(store._id),
    product: { name: '电热水壶', category: 'household_appliance', gtin: '6901234567892', brand: '美家' },
    purchase: { date: '2026-01-10', amountFen: 12900, channel: 'in_store' },
    problemType: 'quality',
    description: '使用三次后底座漏电跳闸。',
    demand: { type: 'refund', amountFen: 12900 },
    contactAgreement: false,
    ...over,
  };
}

export const consumerId = (world: DemoWorld) => String(world.users.get('consumer@demo.fangxin.cn')!._id);

import type { ApiClient } from './http.js';

/** Files through the API and returns the complaint body (asserting 201). */
export async function fileVia(client: ApiClient, data: unknown, headers: Record<string, string> = {}) {
  const r = await client.post('/complaints', data, headers);
  if (r.status !== 201) throw new Error(`filing failed: ${r.status} ${r.text}`);
  return r.body;
}

/** Takes an action on a complaint at its current version. */
export async function act(client: ApiClient, id: string, action: string, extra: Record<string, unknown> = {}) {
  const cur = await client.get(`/complaints/${id}`);
  return client.post(`/complaints/${id}/transitions`, { action, expectedVersion: cur.body.version, ...extra });
}
