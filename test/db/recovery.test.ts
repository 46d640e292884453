import { expect } from 'chai';
import { DEMO, signedIn, type ApiClient, type Res } from '../helpers/http.js';
import { testEmbeddedDb } from '../helpers/database.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

describe('the embedded engine killed under load', function () {
  this.timeout(120_000);
  let srv: TestServer;
  let consumer: ApiClient;
  before(async function () {
    if (!testEmbeddedDb()) this.skip();
    await freshWorld();
    srv = await startTestServer();
    consumer = await signedIn(srv.url, DEMO.consumer);
  });
  after(async () => srv?.stop());

  for (const which of ['PostgreSQL', 'FerretDB'] as const) {
    it(`${which}: requests answer 503 with Retry-After, health says down, and the server recovers with nothing acknowledged lost`, async () => {
      const db = testEmbeddedDb()!;
      const name = `恢复 ${which}`;
      expect((await consumer.patch('/auth/me', { name })).status, 'the acknowledged write').to.equal(200);
      const back = new Promise<void>((resolve) => db.onStatus((e) => e.up && resolve()));

      const answers: Res[] = [];
      let loading = true;
      const load = Promise.all(
        Array.from({ length: 4 }, async () => {
          while (loading) answers.push(await consumer.get('/auth/me'));
        }),
      );
      while (answers.length < 8) await new Promise((r) => setTimeout(r, 20));
      process.kill(which === 'FerretDB' ? db.pid : db.postgresPid!, 'SIGKILL');
      const health = await fetch(`${srv.url}/api/health`);
      expect(health.status).to.equal(503);
      expect((await health.json()).db).to.equal('down');
      await back;
      loading = false;
      await load;

      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s !== 200 && s !== 503), 'neither 200 nor 503').to.deep.equal([]);
      const unavailable = answers.filter((a) => a.status === 503);
      expect(unavailable.length, 'no request saw the outage').to.be.greaterThan(0);
      for (const a of unavailable) {
        expect(a.headers.get('retry-after')).to.match(/^\d+$/);
        expect(a.body.error.code).to.equal('db_unavailable');
      }

      let me = await consumer.get('/auth/me');
      for (let i = 0; i < 40 && me.status === 503; i++) me = (await new Promise((r) => setTimeout(r, 250)), await consumer.get('/auth/me'));
      expect(me.status).to.equal(200);
      expect(me.body.user.name).to.equal(name);
      expect((await fetch(`${srv.url}/api/health`)).status).to.equal(200);
    });
  }
});
