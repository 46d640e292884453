import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { parse as parseCsv } from 'csv-parse/sync';
import { RegionModel } from '../../server/models/Region.js';
import { setStorage } from '../../server/storage/index.js';
import { FsStorage } from '../../server/storage/fs.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { ApiClient } from '../helpers/http.js';
import { visibilityFixture } from '../helpers/matrix.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function pngForm(name = 'photo.png') {
  const f = new FormData();
  f.append('file', new Blob([PNG], { type: 'image/png' }), name);
  return f;
}

// Who sees what (API.md "Visibility"): A is a Hangzhou chain-store complaint, B a Yiwu shop complaint,
// both by the demo consumer; `other` is a second consumer.
const SEES: Record<string, { A: boolean; B: boolean }> = {
  consumer: { A: true, B: true },
  other: { A: false, B: false },
  merchant: { A: true, B: false },
  shop: { A: false, B: true },
  regulatorHz: { A: true, B: false },
  regulatorYw: { A: false, B: true },
  regulatorZj: { A: true, B: true },
  admin: { A: true, B: true },
};
// Parties may post messages and evidence; an admin sees all but takes no part.
const PARTY = (who: string, visible: boolean) => visible && who !== 'admin';

describe('complaint visibility matrix (role × ownership × endpoint)', () => {
  let srv: TestServer;
  let world: DemoWorld;
  const c: Record<string, ApiClient> = {};
  const ids: { A: string; B: string } = { A: '', B: '' };
  const attachments: { A: string; B: string } = { A: '', B: '' };
  let dir: string;

  before(async function () {
    this.timeout(60_000);
    world = await freshWorld();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fangxin-uploads-'));
    setStorage(new FsStorage(dir));
    srv = await startTestServer();
    const fixture = await visibilityFixture(srv.url, world);
    Object.assign(c, fixture.c);
    Object.assign(ids, fixture.ids);
    attachments.A = (await c.consumer!.post(`/complaints/${ids.A}/attachments`, pngForm())).body.id;
    attachments.B = (await c.consumer!.post(`/complaints/${ids.B}/attachments`, pngForm())).body.id;
  });
  after(async () => {
    await srv.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const who of Object.keys(SEES)) {
    for (const k of ['A', 'B'] as const) {
      const visible = SEES[who]![k];
      it(`${who} ${visible ? 'sees' : 'does not see'} complaint ${k} on every endpoint`, async () => {
        const api = c[who]!;
        const id = ids[k];
        const one = await api.get(`/complaints/${id}`);
        expect(one.status, 'GET one').to.equal(visible ? 200 : 404);
        const list = await api.get('/complaints?limit=100');
        expect(list.status).to.equal(200);
        expect(
          list.body.items.some((i: { id: string }) => i.id === id),
          'in list',
        ).to.equal(visible);
        // Merchants get no stable consumer identifier: it would tie every complaint of one consumer together.
        const merchantSide = who === 'merchant' || who === 'shop';
        if (visible) expect(one.body.consumerId, 'consumerId in GET one').to.be.a(merchantSide ? 'undefined' : 'string');
        for (const item of list.body.items) expect(Object.hasOwn(item, 'consumerId'), 'consumerId in list').to.equal(!merchantSide);
        expect((await api.get(`/attachments/${attachments[k]}`)).status, 'attachment').to.equal(visible ? 200 : 404);
        expect((await api.get(`/complaints/${id}/record.pdf`)).status, 'record PDF').to.equal(visible ? 200 : 404);
        expect((await api.get(`/complaints/${id}/evidence.zip`)).status, 'evidence ZIP').to.equal(visible ? 200 : 404);
        const msg = await api.post(`/complaints/${id}/messages`, { body: 'hello' });
        expect(msg.status, 'message').to.equal(who === 'admin' ? 403 : PARTY(who, visible) ? 201 : 404);
        const up = await api.post(`/complaints/${id}/attachments`, pngForm());
        expect(up.status, 'upload').to.equal(who === 'admin' ? 403 : PARTY(who, visible) ? 201 : 404);
        // A transition nobody but the consumer may take: others get 404 outside visibility, 403 inside.
        const t = await api.post(`/complaints/${id}/transitions`, { action: 'rate', expectedVersion: 1, satisfaction: 3 });
        const expected = who === 'admin' ? 403 : !visible ? 404 : who === 'consumer' ? 409 : 403;
        expect(t.status, 'transition').to.equal(expected);
      });
    }
  }

  it('exports CSV only for regulators and admins, each within its region', async () => {
    for (const who of ['consumer', 'merchant', 'shop', 'other'])
      expect((await c[who]!.get('/complaints/export.csv')).status, who).to.equal(403);
    const hz = await c.regulatorHz!.get('/complaints/export.csv');
    expect(hz.status).to.equal(200);
    expect(hz.headers.get('content-type')).to.match(/text\/csv; charset=utf-8/);
    const raw = new Uint8Array(
      await (await fetch(srv.url + '/api/complaints/export.csv', { headers: { cookie: c.regulatorHz!.cookieHeader() } })).arrayBuffer(),
    );
    expect([...raw.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const numbers = async (who: string) => (await c[who]!.get('/complaints/export.csv')).text.split('\r\n').length - 2;
    expect(await numbers('regulatorHz')).to.equal(1);
    expect(await numbers('regulatorYw')).to.equal(1);
    expect(await numbers('regulatorZj')).to.equal(2);
    expect(await numbers('admin')).to.equal(2);
    // Regions by name in the reader's language, their codes in the last columns.
    for (const [lang, field] of [
      ['zh-CN', 'name'],
      ['en', 'nameEn'],
    ] as const) {
      const rows: string[][] = parseCsv((await c.regulatorHz!.get(`/complaints/export.csv?lang=${lang}`)).text, { bom: true });
      const [head, row] = [rows[0]!, rows[1]!];
      const code = row[head.indexOf('区划代码 County code')]!;
      expect(code).to.match(/^3301\d\d$/);
      const region = await RegionModel.findOne({ code }).lean();
      expect(row[head.indexOf('管辖区划 County')]).to.equal(region![field]);
    }
  });

  it('answers 401 to signed-out callers on every complaint endpoint', async () => {
    const anon = new ApiClient(srv.url);
    await anon.fetchCsrf();
    for (const [m, p] of [
      ['GET', '/complaints'],
      ['GET', `/complaints/${ids.A}`],
      ['GET', '/complaints/export.csv'],
      ['GET', `/attachments/${attachments.A}`],
      ['GET', `/complaints/${ids.A}/record.pdf`],
      ['GET', `/complaints/${ids.A}/evidence.zip`],
      ['GET', '/notifications'],
      ['POST', '/complaints'],
      ['POST', `/complaints/${ids.A}/transitions`],
      ['POST', `/complaints/${ids.A}/messages`],
      ['POST', '/notifications/read-all'],
    ] as const) {
      expect((await anon.request(m, p, m === 'POST' ? {} : undefined)).status, `${m} ${p}`).to.equal(401);
    }
  });

  it('hides the consumer identity from the merchant unless agreed, and the note to the bureau from the consumer', async () => {
    const m = await c.merchant!.get(`/complaints/${ids.A}`);
    expect(m.body).to.not.have.property('consumer');
    expect(m.body.messages.find((x: { party: string }) => x.party === 'consumer').authorName).to.equal(null);
    expect((await c.regulatorHz!.get(`/complaints/${ids.A}`)).body.consumer.name).to.equal('张晓明');
    const agreed = await fileVia(c.consumer!, { ...filing(world, '330106'), contactAgreement: true });
    const withConsent = await c.merchant!.get(`/complaints/${agreed.id}`);
    expect(withConsent.body.consumer.name).to.equal('张晓明');
    expect(withConsent.body, 'consent names this complaint only').to.not.have.property('consumerId');
    const r = await c.merchant!.post(`/complaints/${agreed.id}/transitions`, {
      action: 'respond',
      expectedVersion: 1,
      responseType: 'rejected',
      messageToConsumer: '不同意',
      noteToRegulator: '内部',
    });
    expect(r.status).to.equal(200);
    const seen = await c.consumer!.get(`/complaints/${agreed.id}`);
    expect(seen.body.response).to.not.have.property('noteToRegulator');
    expect(JSON.stringify(seen.body.timeline)).to.not.include('内部');
    expect((await c.regulatorHz!.get(`/complaints/${agreed.id}`)).body.response.noteToRegulator).to.equal('内部');
  });
});
