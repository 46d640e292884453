import { expect } from 'chai';
import mongoose from 'mongoose';
import { now } from '../../server/clock.js';
import { forgetSequences } from '../../server/db/sequence.js';
import { NotificationModel } from '../../server/models/Notification.js';
import { SequenceBlockModel } from '../../server/models/SequenceBlock.js';
import { forgetHeldClaims } from '../../server/jobs/claim.js';
import { JobRunModel } from '../../server/models/JobRun.js';
import { backfillNotificationNumbers, notificationSequence } from '../../server/notifications/numbers.js';
import { addNotifications } from '../../server/notifications/unread.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { fileVia, filing } from '../helpers/complaints.js';
import { DEMO, signedIn, type ApiClient, type Res } from '../helpers/http.js';
import { spawnServer, type ServerProcess } from '../helpers/serverProcess.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

type Item = { id: string; title: string; read: boolean };
type Page = { items: Item[]; nextCursor: string | null };

/** Every page of a user's bell, newest first, following the cursors. */
async function allPages(c: ApiClient, limit: number): Promise<Item[][]> {
  const pages: Item[][] = [];
  let cursor: string | null = null;
  do {
    const r: Res<Page> = await c.get<Page>(`/notifications?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(r.status, r.text).to.equal(200);
    pages.push(r.body.items);
    cursor = r.body.nextCursor;
  } while (cursor);
  return pages;
}

/** A user's notifications in the order of their _ids, with their numbers. */
const stored = (userId: unknown) => NotificationModel.find({ userId }, { key: 1, seq: 1, band: 1 }).sort({ _id: 1 }).lean();

describe("the bell reads bands of the user's own notification numbers", () => {
  let world: DemoWorld;
  let srv: TestServer;
  const id = (email: string) => world.users.get(email)!._id;
  const notice = (userId: unknown, key: string) => ({ userId: String(userId), key, kind: 'message', title: key, link: '/', at: now() });

  beforeEach(async () => {
    world = await freshWorld();
    srv = await startTestServer();
  });
  afterEach(() => srv.stop());

  it('numbers each user densely in _id order and pages them newest first, each once', async () => {
    // Fan-outs of several users at once, as a filing's: each user's numbers are their own.
    for (let i = 0; i < 23; i++)
      await addNotifications([
        notice(id(DEMO.consumer), `c${i}a`),
        notice(id(DEMO.merchant), `m${i}`),
        notice(id(DEMO.consumer), `c${i}b`),
      ]);
    // A repeat adds and numbers nothing.
    expect(await addNotifications([notice(id(DEMO.consumer), 'c0a')])).to.deep.equal([null]);

    const mine = await stored(id(DEMO.consumer));
    expect(mine.map((n) => n.seq)).to.deep.equal(mine.map((_, i) => i));
    expect(mine.map((n) => n.band)).to.deep.equal(mine.map((_, i) => Math.floor(i / 25)));
    expect((await stored(id(DEMO.merchant))).map((n) => n.seq)).to.deep.equal([...Array(23).keys()]);

    const consumer = await signedIn(srv.url, DEMO.consumer);
    const pages = await allPages(consumer, 20);
    expect(pages.map((p) => p.length)).to.deep.equal([20, 20, 6]);
    expect(pages.flat().map((n) => n.title)).to.deep.equal(mine.map((n) => n.key).reverse());
    // Pages of other sizes cut the same order elsewhere (a page within one band, across two, across three).
    for (const limit of [1, 7, 26, 50])
      expect((await allPages(consumer, limit)).flat().map((n) => n.title)).to.deep.equal(mine.map((n) => n.key).reverse());

    // Another user's notification is no cursor of this list.
    const merchantNote = await NotificationModel.findOne({ userId: id(DEMO.merchant) }).lean();
    expect((await consumer.get(`/notifications?cursor=${merchantNote!._id}`)).status).to.equal(400);
  });

  it('numbers notifications stored before the numbers, once, below those numbered since', async () => {
    // A database from before the numbers: the claim not recorded.
    await JobRunModel.deleteOne({ key: 'backfill:notification-numbers' });
    forgetHeldClaims();
    const userId = id(DEMO.regulatorHz);
    const old = [0, 1, 2].map((i) => ({
      ...notice(userId, `old${i}`),
      userId,
      _id: new mongoose.Types.ObjectId(),
      body: '',
      readAt: null,
    }));
    await NotificationModel.collection.insertMany(old);
    expect(await backfillNotificationNumbers()).to.equal(3);
    expect(await backfillNotificationNumbers()).to.equal(0);
    await addNotifications([notice(userId, 'new')]);
    expect((await stored(userId)).map((n) => [n.key, n.seq])).to.deep.equal([
      ['old0', 0],
      ['old1', 1],
      ['old2', 2],
      ['new', 3],
    ]);
    const regulator = await signedIn(srv.url, DEMO.regulatorHz);
    expect((await allPages(regulator, 2)).flat().map((n) => n.title)).to.deep.equal(['new', 'old2', 'old1', 'old0']);
    expect(await JobRunModel.exists({ key: 'backfill:notification-numbers' })).to.not.equal(null);
  });

  it('a process that knows an old end of the sequence numbers after what others took', async () => {
    const userId = id(DEMO.consumer);
    await addNotifications([notice(userId, 'a')]);
    // Another process took the next block meanwhile (its own notifications, numbered 1 and 2).
    await SequenceBlockModel.create({ _id: `${notificationSequence(userId)}:1`, start: 1, size: 2 });
    await addNotifications([notice(userId, 'b')]);
    expect((await stored(userId)).map((n) => [n.key, n.seq])).to.deep.equal([
      ['a', 0],
      ['b', 3],
    ]);
    // The bell finds the gap's neighbours all the same (numbers lost in a crash leave such gaps).
    forgetSequences();
    const consumer = await signedIn(srv.url, DEMO.consumer);
    expect((await allPages(consumer, 1)).flat().map((n) => n.title)).to.deep.equal(['b', 'a']);
  });
});

describe('the bell on two server instances', () => {
  let world: DemoWorld;
  let srv: TestServer;
  let other: ServerProcess;
  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
    other = await spawnServer();
  });
  after(async () => {
    await other?.stop();
    await srv?.stop();
  });

  it('lists what either instance notified, newest first, and counts a read made on either', async () => {
    const here = await signedIn(srv.url, DEMO.consumer);
    const there = await signedIn(other.url, DEMO.consumer);
    const filed: string[] = [];
    for (let i = 0; i < 6; i++) filed.push(String((await fileVia(i % 2 ? there : here, filing(world))).id));
    const userId = world.users.get(DEMO.consumer)!._id;
    // The filing's notices follow its answer (complaint effects).
    while ((await NotificationModel.countDocuments({ userId, kind: 'filed_consumer' })) < filed.length)
      await new Promise((r) => setTimeout(r, 50));

    const mine = await stored(userId);
    expect(new Set(mine.map((n) => n.seq)).size).to.equal(mine.length);
    for (const c of [here, there]) {
      const r = await c.get('/notifications?limit=100');
      expect(r.body.items.map((n: Item) => n.id)).to.deep.equal([...mine].sort((a, b) => b.seq! - a.seq!).map((n) => String(n._id)));
      expect(r.body.unreadCount).to.equal(mine.length);
    }
    const first = (await here.get('/notifications?limit=1')).body.items[0] as Item;
    expect((await there.post(`/notifications/${first.id}/read`)).status).to.equal(200);
    const after = (await here.get('/notifications?limit=1')).body;
    expect(after.items[0]).to.include({ id: first.id, read: true });
    expect(after.unreadCount).to.equal(mine.length - 1);
    const all = await here.post('/notifications/read-all', {});
    expect(all.body).to.deep.equal({ updated: mine.length - 1, unreadCount: 0 });
    expect((await there.get('/notifications?limit=1')).body.unreadCount).to.equal(0);
  });
});
