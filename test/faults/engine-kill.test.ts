import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { fileVia, filing } from '../helpers/complaints.js';
import { DEMO, signedIn, type ApiClient, type Res } from '../helpers/http.js';
import { spawnServer, type ServerProcess } from '../helpers/serverProcess.js';
import { orHang, pick, report, serverTimes } from './scale.js';

// The real server (its own process, its own embedded engine, as `npm start` runs it) under load
// while FerretDB or PostgreSQL is SIGKILLed: every answer is a 2xx or a 503 with Retry-After (no
// 500, nothing hangs), health says the database is down, the launcher restarts the engine by itself
// and says so once in the log, and every acknowledged write is there afterwards, once.

type Which = 'FerretDB' | 'PostgreSQL';
interface Answer {
  write: string | null;
  res: Res | 'hung';
  ms: number;
}

const WENT_DOWN = /the embedded database went down/;
const BACK = /the embedded database is back \(restarted after ([\d.]+) s\)/;

/** The engines' pids as the launcher's lock file names them: `server ferretdb postgres`. */
function enginePids(dataDir: string): Record<Which, number | null> {
  const [, fdb, pg] = fs
    .readFileSync(path.join(dataDir, 'ferretdb', 'ferretdb.pid'), 'utf8')
    .trim()
    .split(/\s+/)
    .map(Number);
  return { FerretDB: fdb || null, PostgreSQL: pg || null };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

describe('fault: the embedded database engine killed under load', function () {
  this.timeout(pick(300_000, 1_200_000));
  let srv: ServerProcess;
  let consumer: ApiClient;
  let complaintId: string;
  const acknowledged = new Set<string>();
  const refused = new Set<string>();

  before(async function () {
    if (process.env.MONGODB_URI) this.skip();
    srv = await spawnServer({ embedded: true, seed: true });
    consumer = await signedIn(srv.url, DEMO.consumer);
    // The world lives in the server's own database: its store comes from the public store list.
    const store = (await consumer.get('/stores?region=330106')).body.items[0];
    complaintId = (await fileVia(consumer, { ...filing({ stores: [{ _id: store.id, countyCode: '330106' }] } as never) })).id;
  });
  after(async () => srv?.stop());

  const cycles: Which[] = pick(['FerretDB', 'PostgreSQL'], ['FerretDB', 'PostgreSQL', 'FerretDB', 'PostgreSQL', 'FerretDB', 'PostgreSQL']);
  cycles.forEach((which, cycle) => {
    it(`${which} SIGKILLed (cycle ${cycle + 1} of ${cycles.length}): 503 with Retry-After meanwhile, health down, restarted once, nothing acknowledged lost`, async function () {
      const victim = enginePids(srv.dataDir)[which];
      if (!victim) this.skip(); // FANGXIN_ENGINE=sqlite has no PostgreSQL
      const mark = srv.lines().length;
      const answers: Answer[] = [];
      let loading = true;
      let n = 0;
      const worker = async (w: number) => {
        while (loading) {
          const write = (n++ & 1) === 0 ? `负载 ${which} ${cycle}-${w}-${n}` : null;
          const t = Date.now();
          const res = await orHang(
            write ? consumer.post(`/complaints/${complaintId}/messages`, { body: write }) : consumer.get('/auth/me'),
          );
          answers.push({ write, res, ms: Date.now() - t });
        }
      };
      const load = Promise.all(Array.from({ length: pick(4, 8) }, (_, w) => worker(w)));
      while (answers.length < 8) await new Promise((r) => setTimeout(r, 20));

      const killedAt = Date.now();
      process.kill(victim!, 'SIGKILL');
      // The server learns of the death when the launcher sees its child exit (PostgreSQL's backends
      // even answer a moment longer): health may say up for those milliseconds, then must say down.
      let health: Response | 'hung';
      do health = await orHang(fetch(`${srv.url}/api/health`));
      while (health !== 'hung' && health.status === 200 && Date.now() - killedAt < 10_000);
      expect(health, 'health answers').to.not.equal('hung');
      expect((health as Response).status).to.equal(503);
      expect(((await (health as Response).json()) as { db: string }).db).to.equal('down');

      const back = await srv.waitForLine(BACK, 120_000, mark);
      // Load goes on until the service answers again, so the recovery is measured by the clients too.
      let servedAgainAt = 0;
      while (!servedAgainAt) {
        const r = await orHang(consumer.get('/auth/me'));
        if (r !== 'hung' && r.status === 200) servedAgainAt = Date.now();
        else await new Promise((res) => setTimeout(res, 100));
      }
      loading = false;
      await load;

      const hung = answers.filter((a) => a.res === 'hung');
      expect(hung.length, 'requests that hung').to.equal(0);
      const res = answers.map((a) => a.res as Res);
      const odd = res.filter((r) => ![200, 201, 503].includes(r.status));
      expect(
        odd.map((r) => r.status),
        `answers neither 2xx nor 503: ${odd.map((r) => JSON.stringify(r.body)).join(' ')}; the server logged: ${srv
          .lines()
          .slice(mark)
          .filter((l) => /unhandled error/.test(l))
          .join('\n')}`,
      ).to.deep.equal([]);
      const unavailable = answers.filter((a) => (a.res as Res).status === 503);
      expect(unavailable.length, 'no request saw the outage').to.be.greaterThan(0);
      for (const a of unavailable) {
        const r = a.res as Res;
        expect(r.headers.get('retry-after')).to.match(/^\d+$/);
        expect(r.body.error.code).to.equal('db_unavailable');
      }

      const since = srv.lines().slice(mark);
      expect(
        since.filter((l) => WENT_DOWN.test(l)),
        'outage logged once',
      ).to.have.length(1);
      expect(
        since.filter((l) => BACK.test(l)),
        'recovery logged once',
      ).to.have.length(1);
      expect(
        since.filter((l) => /cannot start|is stopping|in use by another/.test(l)),
        'the server gave up',
      ).to.deep.equal([]);
      expect(alive(victim!), 'the killed process is gone').to.equal(false);
      expect((await fetch(`${srv.url}/api/health`)).status).to.equal(200);

      for (const a of answers) if (a.write) ((a.res as Res).status === 201 ? acknowledged : refused).add(a.write);
      const stored = (await consumer.get(`/complaints/${complaintId}`)).body.messages.map((m: { body: string }) => m.body) as string[];
      const lost = [...acknowledged].filter((b) => !stored.includes(b));
      const duplicated = stored.filter((b, i) => stored.indexOf(b) !== i);
      expect(lost, 'acknowledged messages missing').to.deep.equal([]);
      expect(duplicated, 'messages stored twice').to.deep.equal([]);

      report(`engine kill, ${which}`, {
        'requests sent': answers.length,
        acknowledged: res.filter((r) => r.status < 300).length,
        'answered 503': unavailable.length,
        'writes acknowledged': answers.filter((a) => a.write && (a.res as Res).status === 201).length,
        lost: lost.length,
        duplicated: duplicated.length,
        'written though answered 503': answers.filter((a) => a.write && (a.res as Res).status === 503 && stored.includes(a.write)).length,
        'slowest 503 at the client': `${Math.max(...unavailable.map((a) => a.ms))} ms`,
        'slowest 503 in the server': `${Math.max(0, ...serverTimes(since, (status) => status === 503))} ms`,
        'engine restarted after': `${back.match(BACK)![1]} s (log)`,
        'served again after': `${((servedAgainAt - killedAt) / 1000).toFixed(1)} s`,
      });
    });
  });

  it('a SIGKILLed server: its watchdog stops the engines, and the next start has every acknowledged write', async () => {
    const engines = Object.values(enginePids(srv.dataDir)).filter((p): p is number => !!p);
    await srv.kill();
    const lock = path.join(srv.dataDir, 'ferretdb', 'ferretdb.pid');
    for (let i = 0; i < 300 && (fs.existsSync(lock) || engines.some(alive)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(engines.filter(alive), 'engines left running').to.deep.equal([]);
    expect(fs.existsSync(lock), 'lock left behind').to.equal(false);
    const t = Date.now();
    await srv.restart();
    const stored = (await consumer.get(`/complaints/${complaintId}`)).body.messages.map((m: { body: string }) => m.body) as string[];
    expect(
      [...acknowledged].filter((b) => !stored.includes(b)),
      'acknowledged messages missing',
    ).to.deep.equal([]);
    report('server SIGKILLed then restarted (embedded engine)', {
      'acknowledged messages kept': `${acknowledged.size} of ${acknowledged.size}`,
      'restart took': `${((Date.now() - t) / 1000).toFixed(1)} s`,
    });
  });
});
