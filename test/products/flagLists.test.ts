import { expect } from 'chai';
import mongoose from 'mongoose';
import { FlagEntryModel } from '../../server/models/FlagEntry.js';
import { ProductFlagModel } from '../../server/models/ProductFlag.js';
import { toActor, type Actor } from '../../server/policies/actor.js';
import { forgetHeldClaims } from '../../server/jobs/claim.js';
import { JobRunModel } from '../../server/models/JobRun.js';
import { presentFlag, presentFlagRow } from '../../server/presenters/products.js';
import {
  backfillFlagEntries,
  BANDS,
  FLAG_LIST_ROWS_CLAIM,
  flagListRowsHeld,
  flagPage,
  syncFlagEntries,
  syncFlagRows,
} from '../../server/products/flagEntries.js';
import { visibleCountedPage } from '../../server/products/visibility.js';
import { LIST_COMPLAINT_IDS, type FlagListItem } from '../../shared/schemas/products.js';
import { DEMO } from '../helpers/http.js';
import { freshWorld } from '../helpers/server.js';

// The flag lists read list rows and ledger counts (server/products/flagEntries.ts); the rows must give
// every region the flags (every field the list shows), order and totals the read of the region's flags sorted in
// memory gave, after every change of a flag.
const REGIONS = [['330106'], ['330106', '330108'], ['330782'], ['3301'], ['33'], [], ['330106', '330782'], ['339999']];
const CATS = ['household_appliance', 'electronics', 'electric_bicycle'];
const STATUSES = ['open', 'case_opened', 'closed', 'dismissed'] as const;
// Scores on band edges, inside bands and shared by several flags (the id breaks the tie).
const SCORES = [10, 10, 12.5, 16, 20, 20, 20, 33.3, 40, 55, 90, 150, 1000, 1500, 4, 0];

let n = 0;
async function flag(i: number) {
  const productId = new mongoose.Types.ObjectId();
  const f = await ProductFlagModel.create({
    productId,
    openKey: `open:${productId}`,
    status: STATUSES[i % 3 === 0 ? 1 : i % 7 === 0 ? 2 : i % 11 === 0 ? 3 : 0],
    product: { name: `产品${++n}` },
    category: CATS[i % CATS.length],
    score: SCORES[i % SCORES.length]!,
    evidence: { complaintIds: [], regionCodes: [] },
    regionCodes: REGIONS[i % REGIONS.length],
    raisedAt: new Date('2026-11-01T00:00:00Z'),
  });
  await syncFlagEntries(f._id);
  return f;
}

describe('flag lists from list rows and ledger counts', () => {
  const actors: Record<string, Actor> = {};
  before(async () => {
    const world = await freshWorld();
    for (const who of ['admin', 'regulatorZj', 'regulatorHz', 'regulatorYw'] as const)
      actors[who] = toActor(world.users.get(DEMO[who])! as never);
    actors.county = { ...actors.regulatorHz!, regionCode: '330106' };
    for (let i = 0; i < 70; i++) await flag(i);
  });

  type Q = { statuses: string[]; category?: string; asked?: string };
  async function pages(actor: Actor, q: Q, limit: number) {
    const out = { flags: [] as unknown[], totals: [] as number[] };
    let cursor: string | undefined;
    do {
      const p = await flagPage(actor, { ...q, cursor, limit });
      out.flags.push(...p.items);
      out.totals.push(p.total);
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }
  async function before_(actor: Actor, q: Q) {
    const alternatives = q.statuses.map((status) => ({ status, ...(q.category ? { category: q.category } : {}) }));
    const all = await visibleCountedPage(ProductFlagModel, {
      actor,
      asked: q.asked,
      alternatives,
      sort: ['score', -1],
      limit: 1000,
      present: presentFlagRow,
    });
    return { flags: all.items, total: all.total };
  }
  const QUERIES: Q[] = [
    { statuses: ['open', 'case_opened'] },
    { statuses: ['open'] },
    { statuses: ['closed'] },
    { statuses: ['open', 'case_opened'], category: 'electronics' },
    { statuses: ['open'], asked: '330106' },
  ];

  it('gives each role and region the flags, order and totals of the in-memory read, page by page', async function () {
    this.timeout(300_000);
    for (const [who, actor] of Object.entries(actors))
      for (const q of QUERIES) {
        if (q.asked && who === 'regulatorYw') continue;
        const want = await before_(actor, q);
        for (const limit of [6, 100, 4]) {
          const got = await pages(actor, q, limit);
          expect(got.flags, `${who} ${JSON.stringify(q)} limit ${limit}`).to.deep.equal(want.flags);
          expect(new Set(got.totals), `${who} ${JSON.stringify(q)} totals`).to.deep.equal(new Set([want.total]));
        }
      }
    expect((await before_(actors.regulatorZj!, QUERIES[0]!)).total).to.be.above(20);
  });

  it('answers a region outside the jurisdiction 403, as before', async () => {
    const err = await flagPage(actors.regulatorYw!, { statuses: ['open'], asked: '3301', limit: 6 }).catch((e: unknown) => e);
    expect(err).to.have.property('status', 403);
  });

  it('keeps an offset cursor of a page served before the list rows working', async () => {
    const q = { statuses: ['open', 'case_opened'] };
    const want = (await before_(actors.admin!, q)).flags;
    const p = await flagPage(actors.admin!, { ...q, cursor: '7', limit: 5 });
    expect(p.items).to.deep.equal(want.slice(7, 12));
  });

  it("moves a flag's rows and counts with its status, score and regions", async function () {
    this.timeout(300_000);
    const f = await flag(1);
    const updates = [
      { status: 'case_opened', score: 1200 },
      { score: 11, regionCodes: ['330782', '3301'] },
      { regionCodes: [] },
      { status: 'closed', regionCodes: ['330106'], category: 'electronics' },
    ];
    for (const u of updates) {
      await ProductFlagModel.updateOne({ _id: f._id }, { $set: u });
      await syncFlagEntries(f._id);
      for (const who of ['admin', 'regulatorHz', 'county'])
        for (const q of [QUERIES[0]!, QUERIES[2]!]) {
          const want = await before_(actors[who]!, q);
          const got = await pages(actors[who]!, q, 50);
          expect(got.flags, `${who} ${JSON.stringify(q)} after ${JSON.stringify(u)}`).to.deep.equal(want.flags);
          expect(got.totals[0]).to.equal(want.total);
        }
    }
    // A region that no longer sees the flag keeps its row out of every list.
    const rows = await FlagEntryModel.find({ flagId: f._id }).lean();
    expect(
      rows
        .filter((r) => r.aud !== '-')
        .map((r) => r._id)
        .sort(),
    ).to.deep.equal([`330106|${f._id}`, `3301|${f._id}`, `33|${f._id}`]);
    expect(BANDS.at(-1)).to.equal(0);
  });

  it('keeps rows and totals right when several instances sync one flag at once', async function () {
    this.timeout(300_000);
    const f = await flag(2);
    const states = [
      { status: 'case_opened', score: 300 },
      { score: 12, regionCodes: ['330782'] },
      { status: 'open', score: 12.5, regionCodes: ['330106', '3301'] },
      { score: 45, category: 'electronics' },
    ];
    for (const u of [...states, ...[...states].reverse()]) {
      // syncFlagRows is what each instance's queue runs: several at once here are several instances,
      // some reading the flag before the change and some after.
      const racing = [syncFlagRows(String(f._id)), syncFlagRows(String(f._id))];
      await new Promise((r) => setImmediate(r));
      await ProductFlagModel.updateOne({ _id: f._id }, { $set: u });
      await Promise.all([...racing, syncFlagRows(String(f._id)), syncFlagRows(String(f._id))]);
    }
    for (const who of ['admin', 'regulatorHz', 'regulatorYw', 'county'])
      for (const q of [QUERIES[0]!, QUERIES[1]!, QUERIES[3]!]) {
        const want = await before_(actors[who]!, q);
        const got = await pages(actors[who]!, q, 50);
        expect(got.flags, `${who} ${JSON.stringify(q)}`).to.deep.equal(want.flags);
        expect(got.totals[0], `${who} ${JSON.stringify(q)} total`).to.equal(want.total);
      }
  });

  it('shows a flag as it is after a write that moves none of its rows (evidence, notice)', async () => {
    const f = await flag(4);
    await ProductFlagModel.updateOne({ _id: f._id }, { $set: { evidence: { complaintIds: ['x'], complaintCount: 1 }, rules: ['volume'] } });
    await syncFlagEntries(f._id);
    const q = { statuses: [f.status] };
    for (const who of ['admin', 'regulatorHz'])
      expect((await pages(actors[who]!, q, 100)).flags).to.deep.equal((await before_(actors[who]!, q)).flags);
  });

  /** A database written before the rows carried what the list shows: its backfill is not recorded. */
  async function unrecorded() {
    await JobRunModel.deleteOne({ key: FLAG_LIST_ROWS_CLAIM });
    forgetHeldClaims();
  }

  it('backfills flags written before the list rows, once', async () => {
    expect(await flagListRowsHeld(), 'a database seeded from empty holds every flag’s rows').to.equal(true);
    await unrecorded();
    const productId = new mongoose.Types.ObjectId();
    const { _id } = await ProductFlagModel.create({
      productId,
      openKey: `open:${productId}`,
      status: 'open',
      product: { name: '旧标记' },
      category: 'electronics',
      score: 5000,
      evidence: {},
      regionCodes: ['330106'],
      raisedAt: new Date('2026-10-01T00:00:00Z'),
    });
    expect((await flagPage(actors.county!, { statuses: ['open'], limit: 1 })).items[0]?.id).to.not.equal(String(_id));
    expect(await flagListRowsHeld()).to.equal(false);
    expect(await backfillFlagEntries()).to.equal(1);
    expect(await flagListRowsHeld()).to.equal(true);
    expect((await flagPage(actors.county!, { statuses: ['open'], limit: 1 })).items[0]?.id).to.equal(String(_id));
    expect(await backfillFlagEntries()).to.equal(0);
  });

  it('backfills the rows written before they carried the flag as shown', async () => {
    await unrecorded();
    await FlagEntryModel.updateMany({}, { $unset: { shown: 1 } });
    await ProductFlagModel.updateMany({}, { $set: { entries: 1 } }, { timestamps: false });
    expect(await backfillFlagEntries()).to.equal(await ProductFlagModel.countDocuments({}));
    for (const who of ['admin', 'county'])
      expect((await pages(actors[who]!, QUERIES[0]!, 100)).flags).to.deep.equal((await before_(actors[who]!, QUERIES[0]!)).flags);
  });

  it('backfills rows that carried the whole flag, going on after a stop halfway', async () => {
    await unrecorded();
    // Rows as written before: the whole flag, its evidence's complaint ids included.
    const flags = await ProductFlagModel.find({}).lean();
    for (const f of flags) await FlagEntryModel.updateMany({ flagId: f._id }, { $set: { shown: presentFlag(f) } });
    await ProductFlagModel.updateMany({}, { $set: { entries: 2 } }, { timestamps: false });
    // A start that stopped after a third of the flags: they are done, the claim is not recorded.
    const done = flags.filter((_, i) => i % 3 === 0);
    for (const f of done) await syncFlagEntries(f._id);
    expect(await flagListRowsHeld()).to.equal(false);
    expect(await backfillFlagEntries()).to.equal(flags.length - done.length);
    expect(await flagListRowsHeld()).to.equal(true);
    const shown = await FlagEntryModel.find({ aud: { $ne: '-' } }, { shown: 1 }).lean();
    expect(shown.filter((r) => 'merchantIds' in ((r.shown as { evidence?: object } | undefined)?.evidence ?? {}))).to.deep.equal([]);
    for (const who of ['admin', 'regulatorHz', 'county'])
      for (const q of [QUERIES[0]!, QUERIES[2]!])
        expect((await pages(actors[who]!, q, 100)).flags).to.deep.equal((await before_(actors[who]!, q)).flags);
  });

  it("rewrites a flag's rows when what the list shows changes (a count, the newest ids), not when only older ids do", async () => {
    const f = await flag(5);
    const ids = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i}`);
    const evidence = { complaintIds: ids(25, 'a'), complaintCount: 25, merchantCount: 1, regionCodes: ['330106'], samplingFailures: 0 };
    await ProductFlagModel.updateOne({ _id: f._id }, { $set: { evidence } });
    await syncFlagEntries(f._id);
    const versions = async () => (await FlagEntryModel.find({ flagId: f._id }, { v: 1 }).sort({ _id: 1 }).lean()).map((r) => r.v);
    const after = await versions();
    // Only ids past the newest LIST_COMPLAINT_IDS change: the rows stay as they are.
    await ProductFlagModel.updateOne({ _id: f._id }, { $set: { 'evidence.complaintIds': [...ids(20, 'a'), ...ids(5, 'b')] } });
    await syncFlagEntries(f._id);
    expect(await versions()).to.deep.equal(after);
    // A newer complaint: the first id changes, and the count.
    const newest = ['c0', ...ids(20, 'a'), ...ids(5, 'b')];
    await ProductFlagModel.updateOne({ _id: f._id }, { $set: { 'evidence.complaintIds': newest, 'evidence.complaintCount': 26 } });
    await syncFlagEntries(f._id);
    expect((await versions()).every((v, i) => v === after[i]! + 1)).to.equal(true);
    const q = { statuses: [f.status] };
    for (const who of ['admin', 'regulatorHz'])
      expect((await pages(actors[who]!, q, 100)).flags).to.deep.equal((await before_(actors[who]!, q)).flags);
    const listed = (await pages(actors.admin!, q, 100)).flags as FlagListItem[];
    expect(listed.find((x) => x.id === String(f._id))?.evidence.complaintIds).to.deep.equal(newest.slice(0, LIST_COMPLAINT_IDS));
  });
});
