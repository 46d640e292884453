import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { freePort, startFerretDb, type EngineStatus } from '../../server/db/ferretdb.js';

describe('embedded FerretDB launcher', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fangxin-fdb-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('starts, keeps data across a restart, and stops with nothing left listening', async () => {
    const first = await startFerretDb({ dataDir: dir });
    const conn = await mongoose.createConnection(first.uri).asPromise();
    await conn.collection('probe').insertOne({ kept: true });
    await conn.close();
    await first.stop();
    const port = Number(new URL(first.uri).port);
    const stillOpen = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    expect(stillOpen).to.equal(false);

    const second = await startFerretDb({ dataDir: dir });
    const conn2 = await mongoose.createConnection(second.uri).asPromise();
    expect(await conn2.collection('probe').countDocuments({ kept: true })).to.equal(1);
    await conn2.close();
    await second.stop();
  });

  for (const which of ['FerretDB', 'PostgreSQL'] as const) {
    it(`restarts ${which} when it dies, says so, keeps what was written, and says nothing when stopped`, async () => {
      const db = await startFerretDb({ dataDir: dir });
      const events: EngineStatus[] = [];
      const back = new Promise<void>((resolve) => db.onStatus((e) => (events.push(e), e.up && resolve())));
      let lost = '';
      db.onLost((reason) => (lost = reason));
      const conn = await mongoose.createConnection(db.uri).asPromise();
      await conn.collection('probe').insertOne({ acknowledged: true });
      const victim = which === 'FerretDB' ? db.pid : db.postgresPid!;
      process.kill(victim, 'SIGKILL');
      await back;
      expect(events[0]!.up).to.equal(false);
      expect(events[0]!.reason).to.match(new RegExp(`${which} exited \\(SIGKILL\\)`));
      expect(db.isUp()).to.equal(true);
      expect(which === 'FerretDB' ? db.pid : db.postgresPid).to.not.equal(victim);
      expect(await conn.collection('probe').countDocuments({ acknowledged: true })).to.equal(1);
      await conn.close();
      const before = events.length;
      await db.stop();
      await new Promise((r) => setTimeout(r, 100));
      expect(events.length, 'an event after a deliberate stop').to.equal(before);
      expect(lost).to.equal('');
    });
  }

  it('stops the engines left running by a server that was killed outright, and starts anew', async () => {
    const orphan = await startFerretDb({ dataDir: dir });
    const dead = spawnSync('true').pid!;
    fs.writeFileSync(path.join(dir, 'ferretdb', 'ferretdb.pid'), `${dead} ${orphan.pid} ${orphan.postgresPid ?? ''}`.trim());
    const fresh = await startFerretDb({ dataDir: dir });
    try {
      expect(() => process.kill(orphan.pid, 0), 'the orphan still runs').to.throw();
      if (orphan.postgresPid) expect(() => process.kill(orphan.postgresPid!, 0), 'the orphan PostgreSQL still runs').to.throw();
      const conn = await mongoose.createConnection(fresh.uri).asPromise();
      expect(await conn.collection('probe').countDocuments()).to.equal(0);
      await conn.close();
    } finally {
      await fresh.stop();
      await orphan.stop();
    }
  });

  it('says clearly when its port is taken', async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      await startFerretDb({ dataDir: dir, port }).then(
        () => expect.fail('started on a taken port'),
        (e: Error) => expect(e.message).to.match(new RegExp(`port ${port} is already taken`)),
      );
    } finally {
      blocker.close();
    }
  });

  it('refuses a data directory that another live Fangxin holds', async () => {
    fs.mkdirSync(path.join(dir, 'ferretdb'), { recursive: true });
    // The parent of this process is alive, so its pid stands for "another Fangxin".
    fs.writeFileSync(path.join(dir, 'ferretdb', 'ferretdb.pid'), String(process.ppid));
    await startFerretDb({ dataDir: dir }).then(
      () => expect.fail('started on a locked data directory'),
      (e: Error) => expect(e.message).to.match(/in use by another Fangxin/),
    );
  });
});
