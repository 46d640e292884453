import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { expect } from 'chai';
import { registerUser } from '../../server/commands/registerUser.js';
import { recipients } from '../../server/complaints/notify.js';
import { ComplaintModel, type ComplaintRecord } from '../../server/models/Complaint.js';
import { ComplaintEventModel } from '../../server/models/ComplaintEvent.js';
import { ComplaintFactModel } from '../../server/models/ComplaintFact.js';
import { IdempotencyKeyModel } from '../../server/models/IdempotencyKey.js';
import { NotificationModel } from '../../server/models/Notification.js';
import { OutboxMailModel } from '../../server/models/OutboxMail.js';
import { ProductFlagModel } from '../../server/models/ProductFlag.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { filing } from '../helpers/complaints.js';
import { testDatabaseUri } from '../helpers/database.js';
import { ApiClient } from '../helpers/http.js';
import { freshWorld } from '../helpers/server.js';
import { spawnServer, type ServerProcess } from '../helpers/serverProcess.js';
import { pick, report } from './scale.js';

// Twenty consumers file with Idempotency-Keys while the server process is SIGKILLed and restarted;
// each retries every unacknowledged filing with its key until it is answered. Afterwards: nothing
// acknowledged is missing, nothing is stored twice, rebuild-projections finds nothing to repair,
// every effect owed after the answer (notification, unread count, mail, fact, flag check) is done
// once, and every key answers with its complaint (none is left "in progress").

const CONSUMERS = 20;
const PER_CONSUMER = pick(3, 10);
const KILLS = pick(2, 5);
const PASSWORD = 'fault-test-pw-1';
/** Every complaint of the run is about this product, so one flag must hold them all. */
const PRODUCT = { name: '电热毯', category: 'household_appliance' as const, brand: '暖眠', model: 'DR-9' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The server is down or restarting: the request never reached it ("fetch failed"), or it died while
 * sending the answer's body (undici's "terminated").
 */
const unreachable = (e: unknown) => e instanceof TypeError && /fetch failed|terminated/.test(e.message);

/** `npm run rebuild-projections -- --dry-run` against the suite's database: its report lines. */
function rebuildDryRun(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/rebuildProjections.ts', '--dry-run'], {
      env: { ...process.env, MONGODB_URI: testDatabaseUri(), LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`rebuild-projections exited ${code}: ${out}`))));
  });
}

describe('fault: the server SIGKILLed while consumers file with Idempotency-Keys', function () {
  this.timeout(pick(600_000, 1_800_000));
  let world: DemoWorld;
  let srv: ServerProcess;

  before(async function () {
    world = await freshWorld();
    srv = await spawnServer();
  });
  after(async () => srv?.stop());

  it('loses nothing acknowledged, stores nothing twice, does every effect once and leaves no key stuck', async () => {
    const clients = await Promise.all(
      Array.from({ length: CONSUMERS }, async (_, i) => {
        const email = `fault.consumer${i}@example.cn`;
        const user = await registerUser({ name: `消费者${i}`, email, password: PASSWORD, role: 'consumer' });
        const client = new ApiClient(srv.url);
        await client.login(email, PASSWORD);
        return { client, userId: String(user._id) };
      }),
    );

    let sent = 0;
    let lastAckAt = 0;
    const acknowledged = new Map<string, string>(); // key → complaint id
    const answered = new Map<number, number>();
    const file = async (client: ApiClient, key: string, description: string) => {
      const body = filing(world, '330106', { product: PRODUCT, description });
      for (;;) {
        sent++;
        try {
          const r = await client.post('/complaints', body, { 'Idempotency-Key': key });
          answered.set(r.status, (answered.get(r.status) ?? 0) + 1);
          if (r.status === 201 || r.status === 200) {
            const before = acknowledged.get(key);
            expect(before === undefined || before === r.body.id, `key ${key} answered with two complaints`).to.equal(true);
            acknowledged.set(key, r.body.id);
            lastAckAt = Date.now();
            return;
          }
          // A restarting server may answer 503 while its database connection comes up; nothing else is expected.
          expect(r.status, r.text).to.equal(503);
        } catch (e) {
          if (!unreachable(e)) throw e;
        }
        await sleep(250);
      }
    };
    const owners = new Map<string, { client: ApiClient; description: string }>();
    const load = Promise.all(
      clients.map(async ({ client }, c) => {
        for (let i = 0; i < PER_CONSUMER; i++) {
          const key = crypto.randomUUID();
          const description = `电热毯通电后局部过热，第${c}-${i}次投诉（${key.slice(0, 8)}）。`;
          owners.set(key, { client, description });
          await file(client, key, description);
        }
      }),
    );

    // Kill at evenly spaced points of the run; each time, the time until filings are acknowledged again.
    const total = CONSUMERS * PER_CONSUMER;
    const recoveries: number[] = [];
    let loadDone = false;
    void load.finally(() => (loadDone = true));
    for (let k = 1; k <= KILLS && !loadDone; k++) {
      while (!loadDone && acknowledged.size < (total * k) / (KILLS + 1)) await sleep(50);
      if (loadDone) break;
      const killedAt = Date.now();
      await srv.kill('SIGKILL');
      await srv.restart();
      while (!loadDone && lastAckAt < killedAt) await sleep(50);
      recoveries.push(Date.now() - killedAt);
    }
    await load;
    expect(recoveries.length, 'kills during the run').to.equal(KILLS);

    // Effects owed when the server died are picked up by the restarted one (a dead runner's claim
    // after its lease): wait for none to be owed, boundedly.
    for (let i = 0; i < 600 && (await ComplaintEventModel.countDocuments({ effects: 'pending' })) > 0; i++) await sleep(200);
    expect(await ComplaintEventModel.countDocuments({ effects: 'pending' }), 'effects still owed').to.equal(0);

    const stored = (await ComplaintModel.find({ 'product.model': PRODUCT.model }).lean()) as ComplaintRecord[];
    const storedIds = new Set(stored.map((c) => String(c._id)));
    const lost = [...acknowledged.values()].filter((id) => !storedIds.has(id));
    const byDescription = new Map<string, number>();
    for (const c of stored) byDescription.set(c.description, (byDescription.get(c.description) ?? 0) + 1);
    const duplicated = [...byDescription.values()].filter((n) => n > 1).length;
    expect(lost, 'acknowledged complaints missing').to.deep.equal([]);
    expect(duplicated, 'complaints stored twice').to.equal(0);
    expect(stored.length, 'complaints stored without an acknowledged key').to.equal(acknowledged.size);
    expect(new Set(stored.map((c) => c.number)).size, 'distinct numbers').to.equal(stored.length);

    const rebuild = await rebuildDryRun();
    // The whole report on failure (chai cuts a long actual short): which complaints and scopes differed, and how.
    expect(rebuild, rebuild).to.match(/; 0 differed/);
    expect(rebuild, rebuild).to.match(/list entries: 0 differed; counts: 0 audiences differed/);

    // Every effect once: the consumer's and the merchant side's notification and mail, the fact,
    // the unread count of each consumer, and the flag check (the one flag holds every complaint once).
    for (const c of stored) {
      const users = await recipients(c, ['consumer', 'merchant']);
      expect(await NotificationModel.countDocuments({ complaintId: c._id }), `notifications of ${c.number}`).to.equal(users.length);
      expect(await OutboxMailModel.countDocuments({ key: `${c._id}:1` }), `mails of ${c.number}`).to.equal(users.length);
    }
    expect(await ComplaintFactModel.countDocuments({ _id: { $in: stored.map((c) => c._id) } }), 'facts').to.equal(stored.length);
    for (const { client, userId } of clients) {
      const unread = (await client.get('/notifications?limit=1')).body.unreadCount;
      expect(unread, `unread count of ${userId}`).to.equal(await NotificationModel.countDocuments({ userId, readAt: null }));
    }
    const flags = await ProductFlagModel.find({ 'product.model': PRODUCT.model }).lean();
    expect(flags, 'one flag for the product').to.have.length(1);
    const evidence = (flags[0]!.evidence as { complaintIds: unknown[] }).complaintIds.map(String);
    expect(evidence.length, 'complaints counted twice in the flag').to.equal(new Set(evidence).size);
    expect([...evidence].sort()).to.deep.equal([...storedIds].sort());

    // No key stuck: every key answers again, at once, with the complaint it was acknowledged with.
    const again = await Promise.all(
      [...owners].map(async ([key, { client, description }]) => ({
        key,
        r: await client.post('/complaints', filing(world, '330106', { product: PRODUCT, description }), { 'Idempotency-Key': key }),
      })),
    );
    for (const { key, r } of again) expect([r.status, r.body.id], `key ${key} answered again`).to.deep.equal([200, acknowledged.get(key)]);
    expect(await IdempotencyKeyModel.countDocuments({ key: { $in: [...owners.keys()] } }), 'key rows').to.equal(owners.size);

    report('filing while the server is SIGKILLed and restarted', {
      'filings sent (with retries)': sent,
      acknowledged: acknowledged.size,
      lost: lost.length,
      duplicated,
      kills: recoveries.length,
      'recovery time (kill to next acknowledged filing)': recoveries.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', '),
      answers: [...answered].map(([s, n]) => `${s}×${n}`).join(' '),
    });
  });
});
