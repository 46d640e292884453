import { expect } from 'chai';
import type { DemoWorld } from '../../server/seed/registry.js';
import { DEMO, type ApiClient } from '../helpers/http.js';
import { visibilityFixture } from '../helpers/matrix.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

// A bureau's internal side (notes, assignment) by role × ownership: A is a Hangzhou complaint, B a
// Yiwu one, both by the demo consumer. Officers of bureaus that see a complaint read and write its
// notes; those that do not see it get 404; every other role 403, even on its own complaint.
const OFFICER_SEES: Record<string, { A: boolean; B: boolean } | null> = {
  consumer: null,
  other: null,
  merchant: null,
  shop: null,
  admin: null,
  regulatorHz: { A: true, B: false },
  regulatorYw: { A: false, B: true },
  regulatorZj: { A: true, B: true },
};

describe('internal notes and assignment matrix (role × ownership)', () => {
  let srv: TestServer;
  let world: DemoWorld;
  const c: Record<string, ApiClient> = {};
  const ids = { A: '', B: '' };
  const secret = { A: '内部备注：商家曾有同类问题 A', B: '内部备注：已电话联系店主 B' };

  before(async function () {
    this.timeout(60_000);
    world = await freshWorld();
    srv = await startTestServer();
    const fixture = await visibilityFixture(srv.url, world);
    Object.assign(c, fixture.c);
    Object.assign(ids, fixture.ids);
    expect((await c.regulatorHz!.post(`/complaints/${ids.A}/notes`, { body: secret.A })).status).to.equal(201);
    expect((await c.regulatorYw!.post(`/complaints/${ids.B}/notes`, { body: secret.B })).status).to.equal(201);
  });
  after(() => srv.stop());

  for (const [who, sees] of Object.entries(OFFICER_SEES)) {
    for (const k of ['A', 'B'] as const) {
      const expected = sees ? (sees[k] ? 'reads and writes' : 'gets 404 for') : 'gets 403 for';
      it(`${who} ${expected} the notes of complaint ${k}`, async () => {
        const api = c[who]!;
        const code = sees ? (sees[k] ? null : 404) : 403;
        const list = await api.get(`/complaints/${ids[k]}/notes`);
        const write = await api.post(`/complaints/${ids[k]}/notes`, { body: `${who} 的备注` });
        const self = String(world.users.get(DEMO[who as keyof typeof DEMO] ?? '')?._id ?? '000000000000000000000000');
        const assign = await api.post(`/complaints/${ids[k]}/assignment`, { assigneeId: self, expectedVersion: 1 });
        if (code) {
          expect(list.status, 'GET notes').to.equal(code);
          expect(write.status, 'POST note').to.equal(code);
          expect(assign.status, 'POST assignment').to.equal(code);
        } else {
          expect(list.status, 'GET notes').to.equal(200);
          expect(list.body.items.map((n: { body: string }) => n.body)).to.include(secret[k]);
          expect(write.status, 'POST note').to.equal(201);
          // Taking it: 200, or 409 when another bureau's officer took version 1 first.
          expect(assign.status, 'POST assignment').to.be.oneOf([200, 409]);
        }
        // Nothing internal reaches a party through the complaint itself.
        const one = await api.get(`/complaints/${ids[k]}`);
        if (!sees && one.status === 200) {
          expect(one.text).to.not.include(secret[k]);
          expect(one.body.timeline.map((e: { action: string }) => e.action)).to.not.include('assign');
        }
      });
    }
  }
});
