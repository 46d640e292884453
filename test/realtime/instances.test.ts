import { expect } from 'chai';
import { regionRooms, emitTo } from '../../server/realtime/emit.js';
import { ApiClient, DEMO, connected, nextEvent, signedIn } from '../helpers/http.js';
import { testRedisUrl } from '../helpers/redis.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import { labelId } from '../helpers/ids.js';

describe('two server instances (shared database, Redis adapter)', () => {
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    await freshWorld();
    const REDIS_URL = await testRedisUrl();
    a = await startTestServer({ config: { REDIS_URL } });
    b = await startTestServer({ config: { REDIS_URL } });
  });
  after(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('accepts a session made on one instance at the other', async () => {
    const c = await signedIn(a.url, DEMO.regulatorHz);
    const onB = new ApiClient(b.url);
    onB.cookies = c.cookies;
    onB.csrf = c.csrf;
    const me = await onB.get('/auth/me');
    expect(me.status).to.equal(200);
    expect(me.body.user.email).to.equal(DEMO.regulatorHz);
    expect((await onB.patch('/auth/me', { locale: 'en' })).status).to.equal(200);
  });

  it('delivers an event emitted on one instance to a socket connected to the other', async () => {
    const hz = await signedIn(a.url, DEMO.regulatorHz);
    const socket = hz.socket();
    await connected(socket);
    try {
      const got = nextEvent<{ id: string }>(socket, 'case:updated');
      // emitTo uses the instance attached last, which is b; the socket is connected to a.
      emitTo(regionRooms('330106'), 'case:updated', { id: labelId('across-instances'), status: 'open' });
      expect((await got).id).to.equal(labelId('across-instances'));
    } finally {
      socket.disconnect();
    }
  });
});
