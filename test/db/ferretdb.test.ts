import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { freePort, startFerretDb } from '../../server/db/ferretdb.js';

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

  it('tells its owner when FerretDB dies under it, and not when it is stopped', async () => {
    const db = await startFerretDb({ dataDir: dir });
    const lost = new Promise<string>((resolve) => db.onUnexpectedExit(resolve));
    process.kill(db.pid, 'SIGKILL');
    expect(await lost).to.match(/FerretDB exited \(SIGKILL\)/);
    await db.stop();

    const again = await startFerretDb({ dataDir: dir });
    let told = false;
    again.onUnexpectedExit(() => (told = true));
    await again.stop();
    await new Promise((r) => setTimeout(r, 100));
    expect(told).to.equal(false);
  });

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
