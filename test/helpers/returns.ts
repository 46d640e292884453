// Shared set-up of the return tests: the demo chain's stores by city, and a clock fixed at noon in Shanghai.
import { testClock } from '../../server/clock.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { DEMO, signedIn } from './http.js';
import { freshWorld, startTestServer } from './server.js';

export const storeIdOf = (world: DemoWorld, nameIncludes: string): string => {
  const s = world.stores.find((x) => x.name.includes(nameIncludes));
  if (!s) throw new Error(`no store ${nameIncludes}`);
  return String(s._id);
};

export function chainStores(world: DemoWorld) {
  return {
    hzXihu: storeIdOf(world, '杭州西湖'),
    hzBinjiang: storeIdOf(world, '杭州滨江'),
    nbHaishu: storeIdOf(world, '宁波海曙'),
    nbYinzhou: storeIdOf(world, '宁波鄞州'),
    wenzhou: storeIdOf(world, '温州鹿城'),
    shop: storeIdOf(world, '国际商贸城'),
  };
}

/** Noon in Shanghai (UTC+8) on a day. */
export const shanghaiNoon = (day: string) => new Date(`${day}T04:00:00Z`);

export const product = (category = 'clothing', name = '羊毛衫') => ({ name, category });

/** A fresh demo world on a test server, the clock at noon in Shanghai on `day`, the chain, the shop and the consumer signed in. */
export async function returnsWorld(day: string) {
  const world = await freshWorld();
  const srv = await startTestServer();
  testClock.set(shanghaiNoon(day));
  const [chain, shop, consumer] = await Promise.all([
    signedIn(srv.url, DEMO.merchant),
    signedIn(srv.url, DEMO.shop),
    signedIn(srv.url, DEMO.consumer),
  ]);
  return { world, srv, s: chainStores(world), chain, shop, consumer };
}
