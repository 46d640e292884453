// Socket rooms follow visibility, on two instances sharing Redis: a redirected or transferred
// complaint no longer reaches its former merchant or bureau, sign-out and disabling end the sockets,
// foreign origins are refused and a socket's event rate is bounded.
import { expect } from 'chai';
import { io as connect, type Socket } from 'socket.io-client';
import { rooms } from '../../shared/realtime.js';
import { emitTo, realtime, regionRooms } from '../../server/realtime/emit.js';
import { disconnectUser } from '../../server/realtime/revoke.js';
import { UserModel } from '../../server/models/User.js';
import { effectsSettled } from '../../server/complaints/effectRunner.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { creditCodeCheckChar } from '../../shared/creditCode.js';
import { act, filing, fileVia } from '../helpers/complaints.js';
import { ApiClient, DEMO, connected, signedIn } from '../helpers/http.js';
import { testRedisUrl } from '../helpers/redis.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import { labelId } from '../helpers/ids.js';

type Heard = { event: string; id: string }[];
const EVENTS = ['complaint:created', 'complaint:updated', 'complaint:message', 'notification', 'case:updated'];

/** Everything a socket hears, by event and record id. */
function record(s: Socket): Heard {
  const heard: Heard = [];
  for (const ev of EVENTS)
    s.on(ev, (p: { id?: string; complaintId?: string }) => heard.push({ event: ev, id: p.id ?? p.complaintId ?? '' }));
  return heard;
}

/** Resolves when the socket hears this event about this id. */
function hears(s: Socket, event: string, id: string): Promise<void> {
  return new Promise((resolve) => {
    const f = (p: { id?: string; complaintId?: string }) => {
      if ((p.id ?? p.complaintId) === id) {
        s.off(event, f);
        resolve();
      }
    };
    s.on(event, f);
  });
}

const disconnected = (s: Socket) => new Promise<string>((resolve) => s.once('disconnect', (reason) => resolve(reason)));
const watch = (s: Socket, id: string) => new Promise<unknown>((resolve) => s.emit('complaint:watch', { id }, resolve));

describe('socket rooms follow visibility (two instances, Redis adapter)', () => {
  let a: TestServer;
  let b: TestServer;
  let world: DemoWorld;
  const open: Socket[] = [];

  before(async () => {
    world = await freshWorld();
    const REDIS_URL = await testRedisUrl();
    a = await startTestServer({ config: { REDIS_URL } });
    b = await startTestServer({ config: { REDIS_URL } });
  });
  after(async () => {
    for (const s of open) s.disconnect();
    await b?.stop();
    await a?.stop();
  });

  async function socketOf(c: ApiClient, on: TestServer): Promise<Socket> {
    const onServer = new ApiClient(on.url);
    onServer.cookies = c.cookies;
    const s = onServer.socket();
    open.push(s);
    await connected(s);
    return s;
  }

  /** Sent after an event under test, through the same emitter: once it arrives, the other would have. */
  async function sentinel(s: Socket, to: string[], id: string) {
    const got = hears(s, 'case:updated', id);
    emitTo(to, 'case:updated', { id, status: 'open' });
    await got;
  }

  it('a redirected complaint’s messages reach the new merchant, and no longer the first one’s watching socket', async () => {
    const consumer = await signedIn(a.url, DEMO.consumer);
    const chain = await signedIn(a.url, DEMO.merchant);
    const shop = await signedIn(b.url, DEMO.shop);
    const c = await fileVia(consumer, filing(world, '330106'));
    const chainSock = await socketOf(chain, a);
    const shopSock = await socketOf(shop, b);
    const consumerSock = await socketOf(consumer, b);
    expect(await watch(chainSock, c.id)).to.deep.equal({ ok: true });
    expect((await act(chain, c.id, 'respond', { responseType: 'not_concerned', messageToConsumer: '非本店售出' })).status).to.equal(200);
    // The answer's own live event follows it (effects run after the answer): let it arrive first.
    await effectsSettled();
    await sentinel(chainSock, [rooms.org(String(world.chain._id))], labelId('after-respond'));

    const chainHeard = record(chainSock);
    const shopStore = world.stores.find((s) => String(s.merchantId) === String(world.shop._id))!;
    const moved = await act(consumer, c.id, 'redirect', { storeId: String(shopStore._id) });
    expect(moved.status, moved.text).to.equal(200);
    const toShop = hears(shopSock, 'complaint:message', c.id);
    const toConsumer = hears(consumerSock, 'complaint:message', c.id);
    expect((await consumer.post(`/complaints/${c.id}/messages`, { body: '请义乌店处理' })).status).to.equal(201);
    await Promise.all([toShop, toConsumer]);
    await sentinel(chainSock, [rooms.org(String(world.chain._id))], labelId('after-redirect'));

    expect(
      chainHeard.filter((h) => h.id === c.id),
      'the first merchant heard of the redirected complaint',
    ).to.deep.equal([]);
    const watchers = await realtime()!.in(rooms.complaint(c.id)).fetchSockets();
    expect(watchers.map((s) => s.id)).to.not.include(chainSock.id);
    expect(await watch(chainSock, c.id)).to.have.nested.property('error.code', 'not_found');
  });

  it('a complaint transferred on to a third region no longer reaches the bureau it left', async () => {
    const consumer = await signedIn(b.url, DEMO.consumer);
    const chain = await signedIn(b.url, DEMO.merchant);
    const hz = await signedIn(a.url, DEMO.regulatorHz);
    const yw = await signedIn(a.url, DEMO.regulatorYw);
    const c = await fileVia(consumer, filing(world, '330106'));
    expect((await act(chain, c.id, 'respond', { responseType: 'rejected', messageToConsumer: '不同意' })).status).to.equal(200);
    expect((await act(consumer, c.id, 'reject_response', { reason: '请监管部门处理' })).status).to.equal(200);
    expect((await act(hz, c.id, 'transfer', { toRegion: '330782' })).status).to.equal(200);
    // Yiwu may hear of the first transfer (it then had the complaint): its live events go out first.
    await effectsSettled();
    const ywSock = await socketOf(yw, b);
    const consumerSock = await socketOf(consumer, a);
    expect(await watch(ywSock, c.id)).to.deep.equal({ ok: true });

    const ywHeard = record(ywSock);
    const onward = await act(yw, c.id, 'transfer', { toRegion: '330302' });
    expect(onward.status, onward.text).to.equal(200);
    const toConsumer = hears(consumerSock, 'complaint:message', c.id);
    expect((await consumer.post(`/complaints/${c.id}/messages`, { body: '补充材料' })).status).to.equal(201);
    await toConsumer;
    await sentinel(ywSock, regionRooms('330782'), labelId('after-transfer'));

    expect(
      ywHeard.filter((h) => h.id === c.id),
      'the Yiwu bureau heard of the complaint it transferred away',
    ).to.deep.equal([]);
    expect((await yw.get(`/complaints/${c.id}`)).status).to.equal(404);
  });

  it('sign-out ends that session’s sockets on every instance, and only that session’s', async () => {
    const first = await signedIn(a.url, DEMO.consumer);
    const second = await signedIn(b.url, DEMO.consumer);
    const s1 = await socketOf(first, a);
    const s2 = await socketOf(second, b);
    const ended = disconnected(s1);
    const out = new ApiClient(b.url);
    out.cookies = first.cookies;
    out.csrf = first.csrf;
    expect((await out.post('/auth/logout')).status).to.equal(200);
    expect(await ended).to.equal('io server disconnect');
    const userRoom = rooms.user(String(world.users.get(DEMO.consumer)!._id));
    await sentinel(s2, [userRoom], labelId('still-signed-in'));
    expect(s2.connected).to.equal(true);
    // The signed-out session cannot open a new one.
    const again = new ApiClient(a.url);
    again.cookies = first.cookies;
    const retry = again.socket();
    open.push(retry);
    const refused = await new Promise<Error | null>((resolve) => {
      retry.once('connect', () => resolve(null));
      retry.once('connect_error', (e) => resolve(e));
    });
    expect(refused).to.be.instanceOf(Error);
  });

  it('disabling or rejecting an account ends its sockets on every instance', async () => {
    const shop = await signedIn(a.url, DEMO.shop);
    const s = await socketOf(shop, a);
    const ended = disconnected(s);
    disconnectUser(String(world.users.get(DEMO.shop)!._id));
    expect(await ended).to.equal('io server disconnect');

    const pending = new ApiClient(a.url);
    await pending.fetchCsrf();
    const body = '91330106MA2W00001';
    const email = 'socket-pending@example.com';
    expect(
      (
        await pending.post('/auth/register', {
          name: '待审',
          email,
          password: 'long-enough-pw',
          role: 'merchant',
          merchant: { name: '待审商家', creditCode: body + creditCodeCheckChar(body), countyCode: '330106' },
        })
      ).status,
    ).to.equal(201);
    const ps = await socketOf(pending, a);
    const rejected = disconnected(ps);
    const admin = await signedIn(b.url, DEMO.admin);
    const id = String((await UserModel.findOne({ email }).lean())!._id);
    expect((await admin.post(`/approvals/${id}`, { decision: 'reject' })).status).to.equal(200);
    expect(await rejected).to.equal('io server disconnect');
  });

  it('refuses a socket from another site’s page, and accepts one from our own origin', async () => {
    const c = await signedIn(a.url, DEMO.consumer);
    const attempt = (origin: string) => {
      const s = connect(a.url, {
        path: '/socket.io',
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: { cookie: c.cookieHeader(), origin },
      });
      open.push(s);
      return new Promise<Error | null>((resolve) => {
        s.once('connect', () => resolve(null));
        s.once('connect_error', (e) => resolve(e));
      });
    };
    expect(await attempt('https://evil.example')).to.be.instanceOf(Error);
    expect(await attempt('null')).to.be.instanceOf(Error);
    expect(await attempt(a.url)).to.equal(null);
  });

  it('limits the events one socket may send, answering the excess with rate_limited', async () => {
    const c = await signedIn(a.url, DEMO.consumer);
    const s = await socketOf(c, a);
    const id = '0123456789abcdef01234567';
    const answers = await Promise.all(
      Array.from(
        { length: 120 },
        () => new Promise<{ ok?: boolean; error?: { code: string } }>((resolve) => s.emit('complaint:unwatch', { id }, resolve)),
      ),
    );
    const limited = answers.filter((x) => x.error?.code === 'rate_limited').length;
    expect(answers.filter((x) => x.ok).length).to.be.greaterThan(0);
    expect(limited).to.be.greaterThan(0);
    expect(s.connected).to.equal(true);
  });
});
