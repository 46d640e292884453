import { expect } from 'chai';
import type { DemoWorld } from '../../server/seed/registry.js';
import type { ApiClient } from '../helpers/http.js';
import { visibilityFixture } from '../helpers/matrix.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

// Response templates by role × ownership: each organisation's staff keep their own (the chain, the
// Yiwu shop, the Hangzhou bureau each save one); another organisation's template is 404 to them, and
// filling one for a complaint follows the complaint's visibility (A: Hangzhou chain store, B: Yiwu
// shop). Consumers and admins have no templates: 403.
const SEES: Record<string, { A: boolean; B: boolean } | null> = {
  consumer: null,
  other: null,
  admin: null,
  merchant: { A: true, B: false },
  shop: { A: false, B: true },
  regulatorHz: { A: true, B: false },
  regulatorYw: { A: false, B: true },
  regulatorZj: { A: true, B: true },
};
const OWNERS = ['merchant', 'shop', 'regulatorHz'] as const;

describe('response templates matrix (role × ownership)', () => {
  let srv: TestServer;
  let world: DemoWorld;
  const c: Record<string, ApiClient> = {};
  const ids = { A: '', B: '' };
  const tpl: Record<string, string> = {};

  before(async function () {
    this.timeout(60_000);
    world = await freshWorld();
    srv = await startTestServer();
    const fixture = await visibilityFixture(srv.url, world);
    Object.assign(c, fixture.c);
    Object.assign(ids, fixture.ids);
    for (const who of OWNERS) {
      const r = await c[who]!.post('/response-templates', { name: `${who} 模板`, body: '投诉 {number}' });
      expect(r.status, r.text).to.equal(201);
      tpl[who] = r.body.id;
    }
  });
  after(() => srv.stop());

  for (const [who, sees] of Object.entries(SEES)) {
    it(`${who}: ${sees ? 'lists only its organisation’s templates; fills by complaint visibility' : '403 everywhere'}`, async () => {
      const api = c[who]!;
      const list = await api.get('/response-templates');
      if (!sees) {
        expect(list.status, 'GET list').to.equal(403);
        expect((await api.post('/response-templates', { name: 'x', body: 'y' })).status, 'POST').to.equal(403);
        for (const id of Object.values(tpl)) {
          expect((await api.get(`/response-templates/${id}/fill?complaintId=${ids.A}`)).status, 'fill').to.equal(403);
          expect((await api.request('PUT', `/response-templates/${id}`, { name: 'x', body: 'y' })).status, 'PUT').to.equal(403);
          expect((await api.request('DELETE', `/response-templates/${id}`)).status, 'DELETE').to.equal(403);
        }
        return;
      }
      expect(list.status).to.equal(200);
      const names: string[] = list.body.items.map((t: { name: string }) => t.name);
      expect(names).to.deep.equal(tpl[who] ? [`${who} 模板`] : []);
      for (const [owner, id] of Object.entries(tpl)) {
        if (owner === who) {
          for (const k of ['A', 'B'] as const) {
            const fill = await api.get(`/response-templates/${id}/fill?complaintId=${ids[k]}`);
            expect(fill.status, `fill for ${k}`).to.equal(sees[k] ? 200 : 404);
          }
        } else {
          expect((await api.get(`/response-templates/${id}/fill?complaintId=${ids.A}`)).status, `fill ${owner}'s`).to.equal(404);
          expect((await api.request('PUT', `/response-templates/${id}`, { name: 'x', body: 'y' })).status, `PUT ${owner}'s`).to.equal(404);
          expect((await api.request('DELETE', `/response-templates/${id}`)).status, `DELETE ${owner}'s`).to.equal(404);
        }
      }
    });
  }
});
