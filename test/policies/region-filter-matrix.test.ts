import { expect } from 'chai';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

// One failure mode for a filter naming a region (server/policies/jurisdiction.ts): inside the actor's
// jurisdiction it filters; outside it answers 403 on every list and figure that takes one, never an
// empty answer that would read as "nothing happened there".
const ENDPOINTS = [
  '/analytics/summary',
  '/analytics/hotspots',
  '/analytics/timeseries',
  '/analytics/top/merchants',
  '/analytics/map',
  '/analytics/export.csv?kind=summary',
  '/product-flags',
  '/enforcement-cases',
  '/analytics/returns',
  '/compliance/returns',
  // The complaint queue names its region countyCode.
  '/complaints?countyCode=',
  '/complaints/counts?countyCode=',
  '/complaints/export.csv?countyCode=',
];

type Who = 'regulatorHz' | 'regulatorYw' | 'regulatorZj' | 'admin';
const WHO: Who[] = ['regulatorHz', 'regulatorYw', 'regulatorZj', 'admin'];

/** Expected status per actor for a filter naming Xihu (in Hangzhou) and one naming Yiwu (in Jinhua). */
const REGIONS: { region: string; expect: Record<Who, number> }[] = [
  { region: '330106', expect: { regulatorHz: 200, regulatorYw: 403, regulatorZj: 200, admin: 200 } },
  { region: '330782', expect: { regulatorHz: 403, regulatorYw: 200, regulatorZj: 200, admin: 200 } },
  { region: '3307', expect: { regulatorHz: 403, regulatorYw: 403, regulatorZj: 200, admin: 200 } },
];

describe('policy matrix: a region filter outside the jurisdiction', () => {
  let srv: TestServer;
  const clients = {} as Record<Who, ApiClient>;
  before(async () => {
    await freshWorld();
    srv = await startTestServer();
    for (const who of WHO) clients[who] = await signedIn(srv.url, DEMO[who]);
  });
  after(() => srv.stop());

  for (const path of ENDPOINTS) {
    it(`GET ${path}: filters inside the jurisdiction, 403 outside`, async () => {
      const got: string[] = [];
      const want: string[] = [];
      for (const { region, expect: e } of REGIONS) {
        for (const who of WHO) {
          const r = await clients[who].get(
            path.endsWith('=') ? `${path}${region}` : `${path}${path.includes('?') ? '&' : '?'}region=${region}`,
          );
          got.push(`${region} ${who} ${r.status}${r.status === 403 ? ` ${r.body?.error?.code}` : ''}`);
          want.push(`${region} ${who} ${e[who]}${e[who] === 403 ? ' forbidden' : ''}`);
        }
      }
      expect(got).to.deep.equal(want);
    });
  }
});
