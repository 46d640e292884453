import net from 'node:net';
import { expect } from 'chai';
import { io, type Socket } from 'socket.io-client';
import { fileVia, filing } from '../helpers/complaints.js';
import { DEMO, connected, nextEvent, signedIn, type ApiClient, type Res } from '../helpers/http.js';
import { freshWorld } from '../helpers/server.js';
import { spawnServer, type ServerProcess } from '../helpers/serverProcess.js';
import { HANG_MS, orHang, pick, report, serverTimes } from './scale.js';

// Slow clients (headers a line at a time, a body a byte at a time, a reader that never reads) and
// a flood of socket connections without a session, all at once against the real server process:
// a signed-in user's requests and socket are still served meanwhile.

const SLOW_CLIENTS = pick(60, 400);
const FLOOD_SOCKETS = pick(200, 2000);

/** A raw connection that sends `head` now and then one byte every 500 ms until closed. */
function slowSender(port: number, head: string): net.Socket {
  const s = net.connect(port, '127.0.0.1', () => {
    s.write(head);
    const t = setInterval(() => (s.writable ? s.write('x') : clearInterval(t)), 500);
    s.once('close', () => clearInterval(t));
  });
  s.on('error', () => {});
  return s;
}

/** Asks for the largest document and never reads the answer: the server's send buffer fills up. */
function slowReader(port: number): net.Socket {
  const s = net.connect(port, '127.0.0.1', () => s.write('GET /api/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
  s.pause();
  s.on('error', () => {});
  return s;
}

/** A socket.io connection with no session cookie: the server must refuse it. */
function anonymousSocket(url: string, transport: 'websocket' | 'polling'): Promise<'refused' | 'connected'> {
  const s: Socket = io(url, { path: '/socket.io', transports: [transport], reconnection: false, forceNew: true, timeout: HANG_MS });
  return new Promise((resolve) => {
    s.once('connect', () => (s.disconnect(), resolve('connected')));
    s.once('connect_error', () => (s.disconnect(), resolve('refused')));
  });
}

async function timed(send: () => Promise<Res>): Promise<{ res: Res | 'hung'; ms: number }> {
  const t = Date.now();
  const res = await orHang(send());
  return { res, ms: Date.now() - t };
}

let staleRetries = 0;
/**
 * A GET as a browser sends it: retried once when the idle keep-alive connection it went out on had
 * been closed by the server before any answer (RFC 9112 §9.3.1). The flood keeps this process busy
 * long enough for the server's 5 s keep-alive timeout to pass unnoticed.
 */
async function browserGet(client: ApiClient, path: string): Promise<Res> {
  try {
    return await client.get(path);
  } catch (e) {
    if ((e as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw e;
    staleRetries++;
    return client.get(path);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

describe('fault: slow clients and a flood of sockets without sessions', function () {
  this.timeout(pick(240_000, 600_000));
  let srv: ServerProcess;
  let consumer: ApiClient;
  let merchant: ApiClient;
  let complaintId: string;

  before(async () => {
    const world = await freshWorld();
    srv = await spawnServer();
    consumer = await signedIn(srv.url, DEMO.consumer);
    merchant = await signedIn(srv.url, DEMO.merchant);
    complaintId = (await fileVia(consumer, filing(world))).id;
  });
  after(async () => srv?.stop());

  it('a signed-in user is still served, by HTTP and by socket, while they hold the server', async () => {
    const baseline: number[] = [];
    for (let i = 0; i < 5; i++) baseline.push((await timed(() => consumer.get('/auth/me'))).ms);

    const mark = srv.lines().length;
    const slow: net.Socket[] = [];
    for (let i = 0; i < SLOW_CLIENTS; i++) {
      const kind = i % 3;
      if (kind === 0) slow.push(slowSender(srv.port, 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '));
      else if (kind === 1)
        slow.push(
          slowSender(
            srv.port,
            `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"email":"`,
          ),
        );
      else slow.push(slowReader(srv.port));
    }
    // Opened in batches, so this process stays responsive enough to measure the signed-in user.
    const flood = (async () => {
      const outcomes: Promise<'refused' | 'connected'>[] = [];
      for (let i = 0; i < FLOOD_SOCKETS; i++) {
        outcomes.push(anonymousSocket(srv.url, i % 2 ? 'websocket' : 'polling'));
        if (i % 50 === 49) await new Promise((r) => setImmediate(r));
      }
      return Promise.all(outcomes);
    })();

    try {
      // The signed-in user's turn, while the flood is under way and the slow clients hold on.
      const during: { res: Res | 'hung'; ms: number }[] = [];
      const socket = merchant.socket();
      const socketStarted = Date.now();
      const socketUp = orHang(connected(socket).then(() => 'up' as const));
      for (let i = 0; i < 5; i++) {
        during.push(await timed(() => browserGet(consumer, '/auth/me')));
        during.push(await timed(() => consumer.post(`/complaints/${complaintId}/messages`, { body: `洪水中的消息 ${i}` })));
      }
      expect(await socketUp, 'the signed-in socket connected').to.equal('up');
      const socketMs = Date.now() - socketStarted;
      const watch = await orHang(socket.timeout(HANG_MS).emitWithAck('complaint:watch', { id: complaintId }));
      expect(watch).to.deep.include({ ok: true });
      const heard = nextEvent(socket, 'complaint:message', HANG_MS);
      during.push(await timed(() => consumer.post(`/complaints/${complaintId}/messages`, { body: '洪水中的最后一条' })));
      expect((await heard).message.body).to.equal('洪水中的最后一条');
      socket.disconnect();

      expect(
        during.filter((d) => d.res === 'hung'),
        'requests that hung',
      ).to.deep.equal([]);
      expect(during.map((d) => (d.res as Res).status)).to.deep.equal(during.map((_, i) => (i % 2 === 0 && i < 10 ? 200 : 201)));

      const outcomes = await flood;
      const refused = outcomes.filter((o) => o === 'refused').length;
      expect(refused, 'anonymous sockets let in').to.equal(FLOOD_SOCKETS);
      const stillOpen = slow.filter((s) => !s.destroyed).length;

      report('slow clients and socket flood', {
        'slow clients': SLOW_CLIENTS,
        'still held open at the end': stillOpen,
        'anonymous sockets': FLOOD_SOCKETS,
        refused,
        'signed-in requests served': `${during.length} of ${during.length}`,
        'GETs resent after a stale keep-alive connection': staleRetries,
        'median GET /api/auth/me before': `${median(baseline)} ms`,
        'median request during': `${median(during.map((d) => d.ms))} ms`,
        'slowest during': `${Math.max(...during.map((d) => d.ms))} ms`,
        'slowest during in the server': `${Math.max(0, ...serverTimes(srv.lines().slice(mark), (_, url) => url === '/api/auth/me' || url.endsWith('/messages')))} ms`,
        'signed-in socket connected after': `${socketMs} ms`,
      });
    } finally {
      slow.forEach((s) => s.destroy());
      await flood;
    }
  });
});
