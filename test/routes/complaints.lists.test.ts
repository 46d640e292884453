import { expect } from 'chai';
import mongoose from 'mongoose';
import { rebuildProjections } from '../../server/commands/rebuildProjections.js';
import { complaintEntry, entryCountDeltas } from '../../server/complaints/entries.js';
import { listTuning } from '../../server/complaints/listBuckets.js';
import { insertEntries } from '../../server/complaints/storeEntries.js';
import { backfillHours, backfillTenDays, hoursHeld, tenDaysHeld } from '../../server/complaints/tenDays.js';
import { readCounts, sealCounts } from '../../server/counts/ledger.js';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { ComplaintEntryModel } from '../../server/models/ComplaintEntry.js';
import { CountDeltaModel } from '../../server/models/CountDelta.js';
import { now, testClock } from '../../server/clock.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { act, filing, fileVia } from '../helpers/complaints.js';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

/** Every id of a list, page by page (the truth a count must equal). */
async function allIds(client: ApiClient, query: string, limit = 3): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const r: { status: number; text: string; body: any } = await client.get(
      `/complaints?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(r.status, r.text).to.equal(200);
    ids.push(...r.body.items.map((c: { id: string }) => c.id));
    cursor = r.body.nextCursor;
    if (!cursor) break;
  }
  return ids;
}

/**
 * Every id of each list in pages of 7, each list read in one read (at most 150 entries): the reference
 * a list read by bucket must equal (by default a list of more than two pages is read by bucket).
 */
async function wholeIds(lists: [ApiClient, string][]): Promise<string[][]> {
  const { wholePages } = listTuning;
  listTuning.wholePages = Infinity;
  try {
    const whole: string[][] = [];
    for (const [client, q] of lists) whole.push(await allIds(client, q, 7));
    return whole;
  } finally {
    listTuning.wholePages = wholePages;
  }
}

describe('complaint lists, counts and search from the list read model', () => {
  let srv: TestServer;
  let world: DemoWorld;
  let consumer: ApiClient, merchant: ApiClient, shop: ApiClient, hz: ApiClient, yw: ApiClient, zj: ApiClient, admin: ApiClient;

  before(async () => {
    world = await freshWorld();
    testClock.set(new Date('2026-03-02T02:00:00Z'));
    srv = await startTestServer();
    [consumer, merchant, shop, hz, yw, zj, admin] = (await Promise.all(
      [DEMO.consumer, DEMO.merchant, DEMO.shop, DEMO.regulatorHz, DEMO.regulatorYw, DEMO.regulatorZj, DEMO.admin].map((e) =>
        signedIn(srv.url, e),
      ),
    )) as [ApiClient, ApiClient, ApiClient, ApiClient, ApiClient, ApiClient, ApiClient];
  });
  after(async () => {
    testClock.reset();
    await srv.stop();
  });

  it('gives every role its list with exact counts per tab that follow each transition, redirect and transfer', async () => {
    const a = await fileVia(consumer, filing(world, '330106'));
    const b = await fileVia(
      consumer,
      filing(world, '330106', { product: { name: '小太阳取暖器', category: 'electric_heater', brand: '暖阳' } }),
    );
    const c = await fileVia(consumer, filing(world, '330782'));
    const counts = async (client: ApiClient, q = '') => (await client.get(`/complaints/counts?${q}`)).body;

    expect(await counts(merchant)).to.deep.equal({ count: 3, tabs: { todo: 3, responded: 0, bureau: 0, closed: 0 } });
    expect((await counts(hz)).count).to.equal(2);
    expect((await counts(yw)).count).to.equal(1);
    expect((await counts(zj, 'priority=urgent')).count).to.equal(1);
    expect((await counts(admin, 'countyCode=330106')).count).to.equal(2);
    expect(await allIds(hz, 'status=open&sort=deadline')).to.have.members([a.id, b.id]);
    expect(await allIds(merchant, 'tab=todo&sort=deadline', 2)).to.have.members([a.id, b.id, c.id]);

    expect((await act(merchant, a.id, 'respond', { responseType: 'rejected', messageToConsumer: '不属实' })).status).to.equal(200);
    expect((await counts(merchant)).tabs).to.deep.equal({ todo: 2, responded: 1, bureau: 0, closed: 0 });
    expect((await counts(merchant, 'tab=responded')).count).to.equal(1);
    expect((await counts(merchant, 'status=merchant_responded')).count).to.equal(1);
    expect(await allIds(merchant, 'tab=responded')).to.deep.equal([a.id]);
    expect((await act(consumer, a.id, 'reject_response', { reason: '仍未解决' })).status).to.equal(200);
    expect((await counts(merchant)).tabs).to.deep.equal({ todo: 2, responded: 0, bureau: 1, closed: 0 });
    expect((await counts(hz, 'status=awaiting_regulator')).count).to.equal(1);

    // A transfer adds the receiving bureau's audience and keeps the first one's.
    expect((await act(hz, a.id, 'transfer', { toRegion: '330782' })).status).to.equal(200);
    expect(await allIds(yw, 'status=awaiting_regulator')).to.deep.equal([a.id]);
    expect((await counts(yw)).count).to.equal(2);
    expect((await counts(hz)).count).to.equal(2);

    // A redirect moves the complaint to another merchant: out of the first one's list and counts.
    expect((await act(merchant, c.id, 'respond', { responseType: 'not_concerned', messageToConsumer: '非本店' })).status).to.equal(200);
    const shopStore = world.stores.find((s) => String(s.merchantId) === String(world.shop._id))!;
    expect((await act(consumer, c.id, 'redirect', { storeId: String(shopStore._id) })).status).to.equal(200);
    expect(await allIds(merchant, 'status=open')).to.not.include(c.id);
    expect((await counts(merchant)).count).to.equal(2);
    expect(await counts(shop)).to.deep.equal({ count: 1, tabs: { todo: 1, responded: 0, bureau: 0, closed: 0 } });
    expect(await allIds(shop, 'tab=todo')).to.deep.equal([c.id]);

    expect((await act(consumer, b.id, 'withdraw')).status).to.equal(200);
    expect((await counts(merchant)).tabs).to.deep.equal({ todo: 0, responded: 0, bureau: 1, closed: 1 });
    expect((await counts(consumer)).count).to.equal(3);
    expect((await counts(consumer, 'status=closed')).count).to.equal(1);
    expect((await counts(consumer, 'category=electric_heater&status=closed')).count).to.equal(1);

    // Sealing folds the deltas into snapshots and changes no count.
    const before = await counts(merchant);
    const sealed = await sealCounts();
    expect(sealed.sealed).to.be.greaterThan(0);
    expect(await CountDeltaModel.countDocuments({ sealed: false })).to.equal(0);
    expect(await counts(merchant)).to.deep.equal(before);
    expect((await counts(zj)).count).to.equal(3);
  });

  it('searches by stored terms (Chinese bigrams, whole numbers), filters overdue and dates, and pages with cursors', async () => {
    const kettle = await fileVia(
      consumer,
      filing(world, '330108', { product: { name: '蓝牙耳机', category: 'electronics', brand: 'SoundJoy' } }),
    );
    expect(await allIds(merchant, 'q=' + encodeURIComponent('耳机'))).to.deep.equal([kettle.id]);
    expect(await allIds(merchant, 'q=soundjoy')).to.deep.equal([kettle.id]);
    expect(await allIds(merchant, 'q=' + encodeURIComponent(kettle.number))).to.deep.equal([kettle.id]);
    expect(await allIds(merchant, 'q=' + encodeURIComponent('耳机 万家福'))).to.deep.equal([kettle.id]);
    expect(await allIds(merchant, 'q=' + encodeURIComponent('手机'))).to.deep.equal([]);
    expect((await merchant.get('/complaints/counts?q=' + encodeURIComponent('耳机'))).body.count).to.equal(1);

    testClock.advance(30 * 24 * 3600_000);
    const late = await allIds(hz, 'overdue=true&status=open&sort=deadline');
    expect(late).to.include(kettle.id);
    expect(await allIds(hz, 'overdue=false&status=open')).to.not.include(kettle.id);
    const fresh = await fileVia(consumer, filing(world, '330108'));
    expect(await allIds(hz, 'overdue=false&status=open')).to.deep.equal([fresh.id]);
    expect(await allIds(hz, `from=${encodeURIComponent(new Date(now().getTime() - 3600_000).toISOString())}`)).to.deep.equal([fresh.id]);
    expect(
      (await hz.get(`/complaints/counts?from=${encodeURIComponent(new Date(now().getTime() - 3600_000).toISOString())}`)).body.count,
    ).to.equal(1);

    const every = await allIds(zj, 'sort=newest', 2);
    expect(new Set(every).size).to.equal(every.length);
    expect(every.length).to.equal((await zj.get('/complaints/counts')).body.count);
    expect((await zj.get('/complaints?cursor=zzz')).status).to.equal(400);
  });

  it('derives rows and count deltas purely, and the rebuild repairs lost rows and wrong counts', async () => {
    const doc = (await ComplaintModel.findOne().lean())!;
    const row = complaintEntry(doc as never);
    expect(row.aud).to.include.members([
      `consumer:${doc.consumerId}`,
      `merchant:${doc.merchantId}`,
      `store:${doc.storeId}`,
      `region:${doc.countyCode}`,
      `region:${doc.cityCode}`,
      'region:33',
    ]);
    const deltas = entryCountDeltas(null, doc as never, new Date());
    expect(deltas.find((d) => d.scope === 'region:33')!.d['*']).to.equal(1);
    expect(entryCountDeltas(doc as never, doc as never, new Date())).to.deep.equal([]);

    const truth = await readCounts('region:33');
    await ComplaintEntryModel.deleteOne({ _id: row._id });
    await CountDeltaModel.create({ _id: 'region:33|bogus', scope: 'region:33', d: { '*': 5 }, sealed: false, at: new Date() });
    expect((await readCounts('region:33'))['*']).to.equal(truth['*']! + 5);
    const r = await rebuildProjections();
    expect(r.entriesDiffering).to.equal(1);
    expect(r.countsDiffering).to.equal(1);
    expect(await ComplaintEntryModel.exists({ _id: row._id })).to.not.equal(null);
    expect(await readCounts('region:33')).to.deep.equal(truth);
    const again = await rebuildProjections({ write: false });
    expect([again.entriesDiffering, again.countsDiffering]).to.deep.equal([0, 0]);
  });

  it('pages a large list a month, a third of a month or a day at a time exactly as it pages it whole', async function () {
    // Some 300 pages over HTTP.
    this.timeout(400_000);
    const lists: [ApiClient, string][] = [
      [zj, 'sort=newest'],
      [zj, 'status=closed&sort=newest'],
      [consumer, 'sort=newest'],
      [zj, 'status=open&sort=deadline&priority=normal'],
      [hz, 'status=open&sort=deadline&priority=urgent'],
      [merchant, 'tab=todo&sort=deadline'],
      [merchant, 'tab=closed&sort=newest'],
      [admin, 'sort=deadline'],
      [admin, 'category=electric_heater&sort=newest'],
    ];
    // Many more entries of the chain, filed over three months, some on the same day, some due on the same day.
    const base = (await ComplaintModel.findOne({ merchantId: world.chain._id }).lean())!;
    const statuses = ['awaiting_merchant', 'merchant_responded', 'awaiting_regulator', 'in_mediation', 'resolved', 'mediated'];
    await insertEntries(
      Array.from({ length: 60 }, (_, k) => {
        const createdAt = new Date(Date.UTC(2025, 11, 20) + k * 31 * 3600_000);
        const status = statuses[k % statuses.length]!;
        const open = !['resolved', 'mediated'].includes(status);
        return {
          ...base,
          _id: new mongoose.Types.ObjectId(),
          number: `${base.number}-${k}`,
          status,
          priority: k % 4 ? 'normal' : 'urgent',
          createdAt,
          deadlines: open ? { current: { kind: 'merchant_response', dueAt: new Date(createdAt.getTime() + (k % 5) * 86_400_000) } } : {},
        } as never;
      }),
    );
    const whole = await wholeIds(lists);
    const { wholeUpTo } = listTuning;
    expect(whole[0]!.length).to.be.greaterThan(20);
    for (const [i, [client, q]] of lists.entries()) expect(await allIds(client, q, 7), q).to.deep.equal(whole[i]);
    // Every list is now read by bucket, and every month holding more than two entries by day; the first
    // pages read ahead the day scopes of the months the runs before read by day (query.ts pageRows), now stale.
    listTuning.wholeUpTo = 2;
    try {
      for (const [i, [client, q]] of lists.entries()) expect(await allIds(client, q, 7), q).to.deep.equal(whole[i]);
    } finally {
      listTuning.wholeUpTo = wholeUpTo;
    }
    // Entries written before the thirds of a month: their months are read day by day until the
    // backfill gives them `tx`, then a third of a month holding at most twice what a page lacks in one read.
    await ComplaintEntryModel.collection.updateMany({}, { $unset: { tx: '' } });
    const thirds: string[] = [];
    mongoose.set('debug', (coll: string, _method: string, filter: Record<string, unknown>) => {
      if (coll === 'complaintentries' && typeof filter?.tx === 'string') thirds.push(filter.tx);
    });
    listTuning.wholeUpTo = 6;
    // Only lists newest first read thirds of months (of filing).
    const newest = [...lists.entries()].filter(([, [, q]]) => q.includes('newest'));
    try {
      for (const [i, [client, q]] of newest) expect(await allIds(client, q, 7), q).to.deep.equal(whole[i]);
      expect(thirds).to.deep.equal([]);
      expect(await backfillTenDays()).to.be.greaterThan(60);
      expect(await tenDaysHeld()).to.equal(true);
      expect(await ComplaintEntryModel.countDocuments({ tx: { $exists: false } })).to.equal(0);
      for (const [i, [client, q]] of newest) expect(await allIds(client, q, 7), q).to.deep.equal(whole[i]);
      expect(thirds).to.not.deep.equal([]);
      expect(await backfillTenDays()).to.equal(0);
    } finally {
      listTuning.wholeUpTo = wholeUpTo;
      mongoose.set('debug', false);
    }
  });

  it('reads a day holding more than twice what a page lacks an hour at a time, exactly as it pages it whole', async function () {
    this.timeout(400_000);
    // 48 of the chain's complaints filed on one Shanghai day (2026-01-15), several in one hour, half of them
    // closed and half responded to and due on one day (2026-02-04), several due in one hour.
    const base = (await ComplaintModel.findById((await fileVia(consumer, filing(world, '330106'))).id).lean())!;
    const day = Date.UTC(2026, 0, 14, 16);
    await insertEntries(
      Array.from({ length: 48 }, (_, k) => {
        const responded = k % 2 === 0;
        return {
          ...base,
          _id: new mongoose.Types.ObjectId(),
          number: `${base.number}-h${k}`,
          status: responded ? 'merchant_responded' : 'resolved',
          createdAt: new Date(day + (k % 17) * 3600_000 + k * 60_000),
          deadlines: responded
            ? { current: { kind: 'consumer_reply', dueAt: new Date(day + 20 * 86_400_000 + (k % 13) * 3600_000 + k * 60_000) } }
            : {},
        } as never;
      }),
    );
    // The chain's closed tab (newest first) and responded tab (by deadline), the province's closed list.
    const closed: [ApiClient, string] = [merchant, 'tab=closed&sort=newest'];
    const lists: [ApiClient, string][] = [closed, [merchant, 'tab=responded&sort=deadline'], [zj, 'status=closed&sort=newest']];
    const whole = await wholeIds(lists);
    expect(whole[1]!.length).to.be.at.least(24);
    // Entries written before the hours: a large day is read whole until the backfill gives them `th` and `dh`.
    await ComplaintEntryModel.collection.updateMany({}, { $unset: { th: '', dh: '' } });
    const hours: string[] = [];
    mongoose.set('debug', (coll: string, _method: string, filter: Record<string, unknown>) => {
      if (coll === 'complaintentries' && typeof (filter?.th ?? filter?.dh) === 'string') hours.push(String(filter.th ?? filter.dh));
    });
    try {
      for (const [i, [client, q]] of lists.entries()) expect(await allIds(client, q, 7), q).to.deep.equal(whole[i]);
      expect(hours).to.deep.equal([]);
      expect(await backfillHours()).to.be.greaterThan(48);
      expect(await hoursHeld()).to.equal(true);
      expect(await ComplaintEntryModel.countDocuments({ th: { $exists: false } })).to.equal(0);
      expect(await ComplaintEntryModel.countDocuments({ dk: { $exists: true }, dh: { $exists: false } })).to.equal(0);
      for (const [i, [client, q]] of lists.entries()) expect(await allIds(client, q, 7), q).to.deep.equal(whole[i]);
      // Both the day of filing (newest first) and the day of due times (by deadline) were read by the hour.
      expect(hours.some((h) => h.startsWith('2026-01-15T'))).to.equal(true);
      expect(hours.some((h) => h.startsWith('2026-02-04T'))).to.equal(true);
      expect(await backfillHours()).to.equal(0);
    } finally {
      mongoose.set('debug', false);
    }
  });
});
