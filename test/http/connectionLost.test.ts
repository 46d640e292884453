import net from 'node:net';
import { expect } from 'chai';
import express from 'express';
import mongoose, { type mongo } from 'mongoose';
import { errorHandler, onlyDuplicateKeys } from '../../server/http/errors.js';
import { testDatabaseUri } from '../helpers/database.js';

// The real driver against the real engine, through a loopback relay that can cut every connection:
// what a request meets when the engine dies under it (FerretDB SIGKILLed), answered as the API
// answers it. The engine's own death is slower to see (its pid still looks alive for a moment while
// its sockets close), so these errors must say "unavailable" by themselves.

/** A TCP relay to the suite's engine; `cut()` drops every connection and refuses new ones. */
async function relay(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let cut = false;
  const server = net.createServer((client) => {
    if (cut) return client.destroy();
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      cut = true;
      for (const s of sockets) s.destroy();
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('a database connection lost mid-request', () => {
  let proxy: Awaited<ReturnType<typeof relay>>;
  let client: mongo.MongoClient;
  let base: string;
  let http: import('node:http').Server;
  const errors: unknown[] = [];

  before(async () => {
    const uri = new URL(testDatabaseUri());
    proxy = await relay({ host: uri.hostname, port: Number(uri.port) });
    client = new mongoose.mongo.MongoClient(`mongodb://127.0.0.1:${proxy.port}${uri.pathname}`, {
      serverSelectionTimeoutMS: 1000,
      retryWrites: false,
    });
    const rows = client.db().collection('connection_lost_probe');
    await rows.insertOne({ probe: 1 });
    const app = express();
    const keep =
      (fn: () => Promise<unknown>): express.RequestHandler =>
      async (_req, res, next) => {
        try {
          res.json(await fn());
        } catch (e) {
          errors.push(e);
          next(e);
        }
      };
    app.post(
      '/bulk',
      keep(() => rows.insertMany([{ a: 1 }, { a: 2 }])),
    );
    app.get(
      '/one',
      keep(() => rows.findOne({ probe: 1 })),
    );
    app.use(errorHandler);
    http = app.listen(0, '127.0.0.1');
    await new Promise((r) => http.once('listening', r));
    base = `http://127.0.0.1:${(http.address() as net.AddressInfo).port}`;
    // Both work while the connection is there.
    expect((await fetch(`${base}/bulk`, { method: 'POST' })).status).to.equal(200);
    expect((await fetch(`${base}/one`)).status).to.equal(200);
    proxy.cut();
  });
  after(async () => {
    http?.close();
    await client?.close(true).catch(() => undefined);
    await proxy?.close();
  });

  for (const [method, path] of [
    ['POST', '/bulk'],
    ['GET', '/one'],
  ] as const) {
    it(`${method} ${path} (${path === '/bulk' ? 'an insertMany' : 'a read'}) answers 503 db_unavailable with Retry-After, not 500`, async () => {
      const r = await fetch(`${base}${path}`, { method });
      const body = (await r.json()) as { error: { code: string; message: string } };
      expect([r.status, body.error.code], JSON.stringify(body)).to.deep.equal([503, 'db_unavailable']);
      expect(body.error.message).to.match(/database is unavailable/);
      expect(r.headers.get('retry-after')).to.match(/^\d+$/);
    });
  }

  it('a bulk insert cut off is a failure, never taken for a repeat of keys that exist', () => {
    const bulk = errors.find((e) => (e as Error).name === 'MongoBulkWriteError');
    expect(bulk, 'the driver wraps the lost connection of an insertMany').to.not.equal(undefined);
    expect((bulk as { writeErrors: unknown[] }).writeErrors).to.deep.equal([]);
    expect(onlyDuplicateKeys(bulk)).to.equal(false);
  });
});
