import { expect } from 'chai';
import type { DemoWorld } from '../../server/seed/registry.js';
import { filing, fileVia } from './complaints.js';
import { ApiClient, DEMO, signedIn } from './http.js';

/**
 * The fixture of the role × ownership matrices: a signed-in client per demo account plus `other` (a
 * second consumer), and two complaints by the demo consumer: A at a Hangzhou chain store, B at the
 * Yiwu shop.
 */
export async function visibilityFixture(
  url: string,
  world: DemoWorld,
): Promise<{ c: Record<string, ApiClient>; ids: { A: string; B: string } }> {
  const c: Record<string, ApiClient> = {};
  for (const [k, email] of Object.entries(DEMO)) c[k] = await signedIn(url, email);
  const other = new ApiClient(url);
  await other.fetchCsrf();
  expect((await other.post('/auth/register', { name: '路人', email: 'other@example.com', password: 'long-enough-pw' })).status).to.equal(
    201,
  );
  c.other = other;
  const A = (await fileVia(c.consumer!, filing(world, '330106'))).id;
  const yiwuShop = world.stores.find((s) => String(s.merchantId) === String(world.shop._id))!;
  const B = (await fileVia(c.consumer!, { ...filing(world), storeId: String(yiwuShop._id) })).id;
  return { c, ids: { A, B } };
}

/** The columns of the capability matrices: signed out, the demo consumer, chain, shop, two bureaus and the admin. */
export const MATRIX_WHO = ['anonymous', 'consumer', 'merchantHq', 'shop', 'regulatorHz', 'regulatorYw', 'admin'] as const;
export type MatrixWho = (typeof MATRIX_WHO)[number];

/** A client per matrix column, each signed in as its demo account (the anonymous one holds a CSRF token). */
export async function matrixClients(url: string): Promise<Record<MatrixWho, ApiClient>> {
  const anonymous = new ApiClient(url);
  await anonymous.fetchCsrf();
  const emails = {
    consumer: DEMO.consumer,
    merchantHq: DEMO.merchant,
    shop: DEMO.shop,
    regulatorHz: DEMO.regulatorHz,
    regulatorYw: DEMO.regulatorYw,
    admin: DEMO.admin,
  };
  const c = { anonymous } as Record<MatrixWho, ApiClient>;
  for (const [who, email] of Object.entries(emails)) c[who as MatrixWho] = await signedIn(url, email);
  return c;
}
