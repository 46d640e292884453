import { expect } from 'chai';
import type { Socket } from 'socket.io-client';
import type { DemoWorld } from '../../server/seed/registry.js';
import { act, filing, fileVia } from '../helpers/complaints.js';
import { DEMO, connected, signedIn, type ApiClient } from '../helpers/http.js';
import { drained, until } from '../helpers/realtime.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

type Heard = { event: string; id: string }[];
const EVENTS = ['complaint:created', 'complaint:updated', 'complaint:message', 'notification'];

describe('complaint realtime', () => {
  let srv: TestServer;
  let world: DemoWorld;
  const clients: Record<string, ApiClient> = {};
  const sockets: Record<string, Socket> = {};
  const heard: Record<string, Heard> = {};
  const userIds: Record<string, string> = {};

  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
    for (const [name, email] of Object.entries(DEMO)) {
      clients[name] = await signedIn(srv.url, email);
      const s = clients[name]!.socket();
      await connected(s);
      sockets[name] = s;
      heard[name] = [];
      userIds[name] = String(world.users.get(email)!._id);
      for (const ev of EVENTS)
        s.on(ev, (p: { id?: string; complaintId?: string; link?: string }) =>
          heard[name]!.push({ event: ev, id: p.id ?? p.complaintId ?? '' }),
        );
    }
  });
  after(async () => {
    for (const s of Object.values(sockets)) s.disconnect();
    await srv.stop();
  });
  beforeEach(() => {
    for (const k of Object.keys(heard)) heard[k] = [];
  });

  const who = (event: string, id: string) =>
    Object.keys(heard)
      .filter((k) => heard[k]!.some((h) => h.event === event && h.id === id))
      .sort();
  /** Waits until these sockets heard the event, then until every socket heard all that was sent before. */
  const heardBy = async (event: string, id: string, names: string[]) => {
    await until(() => names.every((n) => heard[n]!.some((h) => h.event === event && h.id === id)));
    await drained(sockets, userIds);
  };

  it('announces a Hangzhou complaint to its consumer, merchant, Hangzhou, province and admin, never to Yiwu or another merchant', async () => {
    const c = await fileVia(clients.consumer!, filing(world, '330106'));
    await heardBy('complaint:created', c.id, ['admin', 'consumer', 'merchant', 'regulatorHz', 'regulatorZj']);
    await until(() => ['consumer', 'merchant'].every((n) => heard[n]!.some((h) => h.event === 'notification')));
    await drained(sockets, userIds);
    expect(who('complaint:created', c.id)).to.deep.equal(['admin', 'consumer', 'merchant', 'regulatorHz', 'regulatorZj']);
    expect(heard.regulatorYw).to.deep.equal([]);
    expect(heard.shop).to.deep.equal([]);
    const notified = Object.keys(heard)
      .filter((k) => heard[k]!.some((h) => h.event === 'notification'))
      .sort();
    expect(notified).to.deep.equal(['consumer', 'merchant']);
  });

  it('announces a Yiwu complaint to Yiwu and not to Hangzhou, and updates go to the same rooms', async () => {
    const c = await fileVia(clients.consumer!, filing(world, '330782'));
    const r = await act(clients.merchant!, c.id, 'respond', { responseType: 'rejected', messageToConsumer: '不同意' });
    expect(r.status).to.equal(200);
    await until(() => heard.regulatorYw!.some((h) => h.event === 'complaint:created' && h.id === c.id));
    await heardBy('complaint:updated', c.id, ['admin', 'consumer', 'merchant', 'regulatorYw', 'regulatorZj']);
    expect(who('complaint:created', c.id)).to.deep.equal(['admin', 'consumer', 'merchant', 'regulatorYw', 'regulatorZj']);
    expect(who('complaint:updated', c.id)).to.deep.equal(['admin', 'consumer', 'merchant', 'regulatorYw', 'regulatorZj']);
    expect(heard.regulatorHz).to.deep.equal([]);
  });

  it('lets a socket watch only complaints its user may see, and sends messages to watchers', async () => {
    const c = await fileVia(clients.consumer!, filing(world, '330106'));
    const ack = (s: Socket, ev: string, p: unknown) => new Promise<any>((resolve) => s.emit(ev, p, resolve));
    expect(await ack(sockets.regulatorYw!, 'complaint:watch', { id: c.id })).to.have.nested.property('error.code', 'not_found');
    expect(await ack(sockets.shop!, 'complaint:watch', { id: c.id })).to.have.nested.property('error.code', 'not_found');
    expect(await ack(sockets.consumer!, 'complaint:watch', { id: 'nope' })).to.have.nested.property('error.code', 'invalid_input');
    expect(await ack(sockets.consumer!, 'complaint:watch', { id: c.id })).to.deep.equal({ ok: true });
    const m = await clients.merchant!.post(`/complaints/${c.id}/messages`, { body: '您好，我们正在核实。' });
    expect(m.status).to.equal(201);
    await until(() => heard.consumer!.some((h) => h.event === 'notification'));
    await heardBy('complaint:message', c.id, ['admin', 'consumer', 'merchant', 'regulatorHz', 'regulatorZj']);
    expect(who('complaint:message', c.id)).to.deep.equal(['admin', 'consumer', 'merchant', 'regulatorHz', 'regulatorZj']);
    expect(heard.consumer!.some((h) => h.event === 'notification')).to.equal(true);
    expect(await ack(sockets.consumer!, 'complaint:unwatch', { id: c.id })).to.deep.equal({ ok: true });
  });
});
