import { expect } from 'chai';
import { runJob } from '../../server/jobs/scheduler.js';
import { OpenDataExportModel } from '../../server/models/OpenDataExport.js';
import { OpenDataFigureModel } from '../../server/models/OpenDataFigure.js';
import { RateHitModel } from '../../server/models/RateHit.js';
import { PublicComplaintModel } from '../../server/models/PublicComplaint.js';
import { OPEN_DATA_JOB, runExport } from '../../server/openData/export.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { storage } from '../../server/storage/index.js';
import { ApiClient } from '../helpers/http.js';
import { publicRecord } from '../helpers/openData.js';
import { backfillPublicNumbers } from '../../server/disclosure/numbers.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const DAY = 24 * 3600_000;
// 03:00 in Shanghai on Monday 30 November 2026: past the export hour of that night.
const NIGHT = new Date('2026-11-29T19:00:00Z');
const INJECTION = '=HYPERLINK("http://evil.example","点我")';

async function publish(world: DemoWorld, n: number) {
  const rows = Array.from({ length: n }, (_, i) =>
    publicRecord(world, i, {
      outcome: i % 3 === 0 ? 'mediated' : 'resolved',
      ...(i % 2 === 0 ? { remedyStatus: 'confirmed' } : {}),
      ...(i === 0 ? { merchantComment: { text: INJECTION, at: new Date('2026-11-12T02:00:00Z') } } : {}),
      ...(i === 1 ? { description: '+86 的客服说 @所有人 -退款' } : {}),
    }),
  );
  await PublicComplaintModel.insertMany(rows);
  // Numbered as a start numbers records written straight into the engine.
  await backfillPublicNumbers(true);
  return rows;
}

async function bytes(url: string) {
  const r = await fetch(url);
  return { status: r.status, headers: r.headers, body: Buffer.from(await r.arrayBuffer()) };
}

describe('open data: API, nightly export, limits', () => {
  let world: DemoWorld;
  let srv: TestServer;
  let anon: ApiClient;
  let rows: Awaited<ReturnType<typeof publish>>;

  before(async function () {
    this.timeout(60_000);
    world = await freshWorld();
    rows = await publish(world, 7);
    srv = await startTestServer();
    anon = new ApiClient(srv.url);
  });
  after(() => srv.stop());

  it('pages the published complaints signed out by cursor, each record once, newest first', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r: { status: number; body: { items: { id: string }[]; nextCursor: string | null }; text: string } = await anon.get(
        `/open-data/complaints?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(r.status, r.text).to.equal(200);
      seen.push(...r.body.items.map((c) => c.id));
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).to.equal(3);
    expect(seen).to.deep.equal(rows.map((r) => String(r._id)).reverse());
    const bad = await anon.get('/open-data/complaints?cursor=zzz');
    expect(bad.status).to.equal(400);
  });

  it('makes one export per night however often and wherever the job runs, with its figures once', async function () {
    this.timeout(60_000);
    const [a, b] = await Promise.all([runExport(NIGHT), runExport(new Date(NIGHT.getTime() + 60_000))]);
    expect([a, b].filter(Boolean)).to.deep.equal(['2026-11-30']);
    // The scheduled job later that night finds it made.
    expect(await runJob(OPEN_DATA_JOB, new Date(NIGHT.getTime() + 3600_000))).to.deep.equal({ made: null, expired: 0 });
    expect(await OpenDataExportModel.countDocuments({})).to.equal(1);
    const e = (await OpenDataExportModel.findOne({ day: '2026-11-30' }).lean())!;
    expect(e.state).to.equal('done');
    expect(await OpenDataFigureModel.countDocuments({ scope: `${e._id}:merchant` })).to.equal(1);

    const list = await anon.get('/open-data/exports');
    expect(list.status, list.text).to.equal(200);
    expect(list.body.items.map((x: { day: string }) => x.day)).to.deep.equal(['2026-11-30']);
    expect(list.body.items[0].files.map((f: { name: string }) => f.name)).to.include.members(['complaints.csv', 'complaints.jsonl']);

    const merchants = await anon.get('/open-data/figures?level=merchant');
    expect(merchants.body.day).to.equal('2026-11-30');
    // 7 records: i = 0, 3, 6 mediated; 0, 2, 4, 6 with a confirmed remedy; one merchant comment.
    expect(merchants.body.items).to.deep.equal([
      {
        level: 'merchant',
        key: String(world.chain._id),
        name: world.chain.name,
        nameEn: world.chain.name,
        published: 7,
        resolved: 4,
        mediated: 3,
        mediationFailed: 0,
        reopened: 0,
        remedyPromised: 4,
        remedyConfirmed: 4,
        remedyDisputed: 0,
        remedyOverdue: 0,
        merchantComments: 1,
      },
    ]);
    const counties = new Set(rows.map((r) => r.countyCode));
    const page1 = await anon.get(`/open-data/figures?level=county&limit=${counties.size - 1}`);
    const page2 = await anon.get(`/open-data/figures?level=county&limit=${counties.size - 1}&cursor=${page1.body.nextCursor}`);
    expect([...page1.body.items, ...page2.body.items].map((f: { key: string }) => f.key).sort()).to.deep.equal([...counties].sort());
    expect(page2.body.nextCursor).to.equal(null);
  });

  it('writes Excel-safe CSV (BOM, formula guard) and JSON Lines of the same records', async () => {
    const csv = await bytes(`${srv.url}/api/open-data/exports/2026-11-30/complaints.csv`);
    expect(csv.status).to.equal(200);
    expect(csv.headers.get('content-type')).to.match(/^text\/csv/);
    expect([...csv.body.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const text = csv.body.toString('utf8');
    // The cell starts with an apostrophe inside quotes, so Excel and WPS show it as text.
    expect(text).to.include(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(text).to.include(`"'+86 的客服说 @所有人 -退款"`);
    expect(text).not.to.match(/,=HYPERLINK/);
    expect(text.split('\r\n').filter(Boolean)).to.have.length(8);

    const jsonl = await bytes(`${srv.url}/api/open-data/exports/2026-11-30/complaints.jsonl`);
    const records = jsonl.body
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; merchantComment?: { text: string } });
    expect(records.map((r) => r.id).sort()).to.deep.equal(rows.map((r) => String(r._id)).sort());
    // JSON keeps the text as it is: it is data, not a spreadsheet cell.
    expect(records.find((r) => r.merchantComment)!.merchantComment!.text).to.equal(INJECTION);
    expect((await anon.get('/open-data/exports/2026-11-29/complaints.csv')).status).to.equal(404);
    expect((await anon.get('/open-data/exports/2026-11-30/secrets.csv')).status).to.equal(400);
  });

  it('keeps an export 30 days, then deletes it with its files and figures', async function () {
    this.timeout(60_000);
    const first = (await OpenDataExportModel.findOne({ day: '2026-11-30' }).lean())!;
    const r = (await runJob(OPEN_DATA_JOB, new Date(NIGHT.getTime() + 30 * DAY))) as { made: string; expired: number };
    expect(r).to.deep.equal({ made: '2026-12-30', expired: 0 });
    const later = (await runJob(OPEN_DATA_JOB, new Date(NIGHT.getTime() + 31 * DAY))) as { made: string; expired: number };
    expect(later).to.deep.equal({ made: '2026-12-31', expired: 1 });
    expect(await OpenDataExportModel.exists({ day: '2026-11-30' })).to.equal(null);
    expect(await OpenDataFigureModel.countDocuments({ scope: `${first._id}:merchant` })).to.equal(0);
    let gone = false;
    await storage()
      .get(first.files[0]!.storageKey)
      .catch(() => (gone = true));
    expect(gone).to.equal(true);
    const list = await anon.get('/open-data/exports');
    expect(list.body.items.map((x: { day: string }) => x.day)).to.deep.equal(['2026-12-31', '2026-12-30']);
  });

  it('limits each address across two instances: 429 with Retry-After', async function () {
    this.timeout(120_000);
    // The earlier tests' requests came from this address too.
    await RateHitModel.deleteMany({});
    const a = await startTestServer({ rateLimitScale: 1 });
    const b = await startTestServer({ rateLimitScale: 1 });
    try {
      const clients = [new ApiClient(a.url), new ApiClient(b.url)];
      // 60 a minute per address, counted in the database: 30 through each instance use them up.
      for (let i = 0; i < 60; i++) {
        const r = await clients[i % 2]!.get('/open-data/complaints?limit=1');
        expect(r.status, `request ${i + 1}: ${r.text}`).to.equal(200);
      }
      for (const c of clients) {
        const r = await c.get('/open-data/complaints?limit=1');
        expect(r.status).to.equal(429);
        expect(r.body.error.code).to.equal('rate_limited');
        expect(Number(r.headers.get('retry-after'))).to.be.within(1, 60);
      }
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
