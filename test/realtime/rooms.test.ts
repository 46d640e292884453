import { expect } from 'chai';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { rooms } from '../../shared/realtime.js';
import { emitTo, regionRooms } from '../../server/realtime/emit.js';
import { DEMO, connected, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { labelId } from '../helpers/ids.js';
import { drained } from '../helpers/realtime.js';

/** Collects every `case:updated` a socket hears, to compare who heard what. */
function listen(socket: Socket): string[] {
  const heard: string[] = [];
  socket.on('case:updated', (p: { id: string }) => heard.push(p.id));
  return heard;
}

describe('realtime rooms', () => {
  let srv: TestServer;
  let world: DemoWorld;
  const sockets: Record<string, Socket> = {};
  const userIds: Record<string, string> = {};
  const heard: Record<string, string[]> = {};

  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
    for (const [name, email] of Object.entries(DEMO)) {
      const c = await signedIn(srv.url, email);
      const s = c.socket();
      await connected(s);
      sockets[name] = s;
      userIds[name] = String(world.users.get(email)!._id);
      heard[name] = listen(s);
    }
  });
  after(async () => {
    for (const s of Object.values(sockets)) s.disconnect();
    await srv.stop();
  });

  it('refuses a socket without a session', async () => {
    const s = io(srv.url, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true });
    const err = await new Promise<Error | null>((resolve) => {
      s.once('connect', () => resolve(null));
      s.once('connect_error', (e) => resolve(e));
    });
    s.disconnect();
    expect(err, 'the unauthenticated socket connected').to.be.instanceOf(Error);
  });

  it('refuses a socket with a forged session cookie', async () => {
    const s = io(srv.url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { cookie: 'fangxin.sid=s%3Aforged.sig' },
    });
    const err = await new Promise<Error | null>((resolve) => {
      s.once('connect', () => resolve(null));
      s.once('connect_error', (e) => resolve(e));
    });
    s.disconnect();
    expect(err).to.be.instanceOf(Error);
  });

  it('delivers a Hangzhou county event to the Hangzhou and province bureaus and the admin, not to Yiwu', async () => {
    emitTo(regionRooms('330106'), 'case:updated', { id: labelId('hz-county'), status: 'open' });
    await drained(sockets, userIds);
    expect(heard.regulatorHz).to.include(labelId('hz-county'));
    expect(heard.regulatorZj).to.include(labelId('hz-county'));
    expect(heard.admin).to.include(labelId('hz-county'));
    for (const who of ['regulatorYw', 'consumer', 'merchant', 'shop']) expect(heard[who], who).to.not.include(labelId('hz-county'));
  });

  it('delivers a Yiwu event to Yiwu and the province, and not to Hangzhou', async () => {
    emitTo(regionRooms('330782'), 'case:updated', { id: labelId('yw-county'), status: 'open' });
    await drained(sockets, userIds);
    expect(heard.regulatorYw).to.include(labelId('yw-county'));
    expect(heard.regulatorZj).to.include(labelId('yw-county'));
    expect(heard.regulatorHz).to.not.include(labelId('yw-county'));
  });

  it('delivers an organization event to that merchant only, and a user event to that user only', async () => {
    emitTo([rooms.org(String(world.chain._id))], 'case:updated', { id: labelId('chain-org'), status: 'open' });
    emitTo([rooms.user(String(world.users.get(DEMO.consumer)!._id))], 'case:updated', { id: labelId('consumer-user'), status: 'open' });
    await drained(sockets, userIds);
    expect(heard.merchant).to.include(labelId('chain-org'));
    expect(heard.shop).to.not.include(labelId('chain-org'));
    expect(heard.consumer).to.deep.equal([labelId('consumer-user')]);
    for (const who of ['merchant', 'shop', 'admin', 'regulatorHz', 'regulatorYw', 'regulatorZj'])
      expect(heard[who], who).to.not.include(labelId('consumer-user'));
  });

  it('sends one copy to a socket that is in several of the target rooms', async () => {
    emitTo(regionRooms('330106'), 'case:updated', { id: labelId('once'), status: 'open' });
    await drained(sockets, userIds);
    expect(heard.regulatorZj!.filter((id) => id === labelId('once'))).to.have.length(1);
  });
});
