// Every endpoint of the OpenAPI document, as every role, receives each class of malformed input a
// careful attacker sends. None may answer 5xx, every 4xx is in the API's error format, and the
// database holds exactly what it held before (counts and content of every non-volatile collection).
import { expect } from 'chai';
import { ComplaintEventModel } from '../../server/models/ComplaintEvent.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { filing, fileVia } from '../helpers/complaints.js';
import type { ApiClient } from '../helpers/http.js';
import { ROLES, roleClients, routesOf, type Param, type Route, type Schema } from '../helpers/openapi.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import { snapshotDb, type DbSnapshot } from '../helpers/snapshot.js';

interface Probe {
  cls: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

const WRITES = new Set(['post', 'put', 'patch', 'delete']);
const FULL = process.env.FUZZ === 'full';
const PRE_GATE = new Set(['unsupported charset', 'malformed percent-encoding', 'deep nesting', 'lone surrogates']);

/** Fills every leaf of a body schema with one value, so each field of each endpoint receives it. */
function fill(schema: Schema | undefined, refs: Record<string, Schema>, leaf: string, depth = 0): string {
  let s = schema;
  if (s?.$ref) s = refs[s.$ref.split('/').pop()!];
  const alt = s?.anyOf ?? s?.oneOf ?? s?.allOf;
  if (alt?.length) return fill(alt[0], refs, leaf, depth);
  if (!s || depth > 4) return leaf;
  if (s.type === 'object' && s.properties) {
    return (
      '{' +
      Object.entries(s.properties)
        .map(([k, v]) => `${JSON.stringify(k)}:${fill(v, refs, leaf, depth + 1)}`)
        .join(',') +
      '}'
    );
  }
  if (s.type === 'array') return `[${fill(s.items, refs, leaf, depth + 1)}]`;
  return leaf;
}

/**
 * Whether a body has a field that text cannot satisfy (a number, an enum, a pattern): a body of free
 * text only (an internal note) takes "2026-13-45" as a valid text, so that probe would rightly write.
 */
function typedLeaf(schema: Schema | undefined, refs: Record<string, Schema>, depth = 0): boolean {
  let s = schema;
  if (s?.$ref) s = refs[s.$ref.split('/').pop()!];
  if (!s || depth > 4) return false;
  const alt = s.anyOf ?? s.oneOf ?? s.allOf;
  if (alt?.length) return typedLeaf(alt[0], refs, depth);
  if (s.type === 'object') return Object.values(s.properties ?? {}).some((v) => typedLeaf(v, refs, depth + 1));
  if (s.type === 'array') return typedLeaf(s.items, refs, depth + 1);
  return s.type !== 'string' || !!s.enum?.length || !!s.pattern;
}

/** The probes of every class for one endpoint; `id` fills well-formed path parameters. */
function probesFor(r: Route, refs: Record<string, Schema>, id: string): Probe[] {
  const pathWith = (value: (p: Param) => string) =>
    r.path.replace(/\{(\w+)\}/g, (_m, name: string) => value(r.params.find((p) => p.name === name)!));
  const good = pathWith((p) => (p.schema?.enum?.length ? String(p.schema.enum[0]) : id));
  const withQuery = (value: string) =>
    r.query.length ? `${good}?${r.query.map((q) => `${encodeURIComponent(q)}=${value}`).join('&')}` : `${good}?q=${value}`;
  const json = { 'content-type': 'application/json' };
  const bodyWith = (leaf: string) => fill(r.body, refs, leaf);
  const write = WRITES.has(r.method);
  const probes: Probe[] = [];
  const add = (cls: string, path: string, body?: string, headers: Record<string, string> = json) =>
    probes.push({ cls, path, headers, body: write ? body : undefined });

  add('unsupported charset', good, '{}', { 'content-type': 'application/json; charset=latin1' });
  if (write) {
    add('wrong content type', good, '{"a":1}', { 'content-type': 'text/plain' });
    add('wrong content type', good, 'a=1&b[c]=2&__proto__[x]=1', { 'content-type': 'application/x-www-form-urlencoded' });
    add('wrong content type', good, '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nnope', {
      'content-type': 'multipart/form-data; boundary=y',
    });
    add('deep nesting', good, '['.repeat(50_000) + ']'.repeat(50_000));
    add('deep nesting', good, bodyWith('{"a":'.repeat(20) + '1' + '}'.repeat(20)));
    add('huge body', good, JSON.stringify({ description: 'x'.repeat(2 * 1024 * 1024) }));
    add('operator objects', good, bodyWith('{"$gt":"","$where":"sleep(1000)"}'));
    add('__proto__ and constructor', good, bodyWith('{"__proto__":{"role":"admin"},"constructor":{"prototype":{"role":"admin"}}}'));
    for (const v of ['"2026-13-45"', '1e309', '-1'])
      if (v !== '"2026-13-45"' || typedLeaf(r.body, refs)) add('invalid dates and numbers', good, bodyWith(v));
    add('NUL bytes', good, bodyWith('"a\\u0000b"'));
    add('lone surrogates', good, bodyWith('"x\\ud800y"'));
  }
  add('huge query', `${good}?q=${'x'.repeat(64 * 1024)}`);
  add(
    'operator objects',
    r.query.length ? `${good}?${r.query.map((q) => `${q}[$gt]=&${q}=%7B%22%24gt%22%3A%22%22%7D`).join('&')}` : `${good}?q[$gt]=`,
  );
  add('__proto__ and constructor', `${good}?__proto__[role]=admin&constructor[prototype][x]=1&__proto__=1`);
  for (const v of ['2026-13-45', '1e309', '-1']) add('invalid dates and numbers', withQuery(v));
  add('NUL bytes', withQuery('%00'));
  add('lone surrogates', withQuery('%ED%A0%80'));
  if (r.params.length)
    for (const bad of ['%ZZ', '%', '%E0%A4%A'])
      add(
        'malformed percent-encoding',
        pathWith(() => bad),
        '{}',
      );
  if (r.query.includes('cursor'))
    for (const c of ['-1', 'Infinity', '1e309', '%7B%22%24gt%22%3A%22%22%7D', 'x'.repeat(300)]) add('bad cursors', `${good}?cursor=${c}`);
  return probes;
}

async function pool<T>(items: T[], width: number, run: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

describe('fuzz: every endpoint, every role, every class of malformed input', function () {
  this.timeout(600_000);
  let srv: TestServer;
  let world: DemoWorld;
  let complaintId: string;
  let before0: DbSnapshot;
  let clients: Map<string, ApiClient>;

  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
    clients = await roleClients(srv.url);
    complaintId = (await fileVia(clients.get('consumer')!, filing(world))).id;
    // The filing's effects run after its answer: a notification stored after the read-all below stays
    // unread, and a probe's read-all then writes its read count, which looks like a partial write.
    while (await ComplaintEventModel.exists({ effects: 'pending' })) await new Promise((r) => setTimeout(r, 50));
    // Endpoints that take no input do their work on any request: do it once now, so a second run changes nothing.
    for (const role of ROLES) await clients.get(role)!.post('/notifications/read-all');
    await clients.get('admin')!.post('/product-flags/detect');
    before0 = await snapshotDb();
  });
  after(async () => {
    await srv?.stop();
  });

  it('answers every probe with a 4xx in the error format (or a success), never a 5xx, and writes nothing', async () => {
    const doc = (await clients.get('signed out')!.get('/openapi.json')).body;
    const routes = routesOf(doc);
    expect(routes.length, 'endpoints in the OpenAPI document').to.be.greaterThan(50);
    const refs = (doc.components?.schemas ?? {}) as Record<string, Schema>;
    // Signing out is probed last, so it does not sign the other probes out.
    const ordered = [...routes.filter((r) => r.path !== '/auth/logout'), ...routes.filter((r) => r.path === '/auth/logout')];
    const failures: string[] = [];
    const byClass = new Map<string, number>();
    const byStatus = new Map<string, number>();
    let sent = 0;
    const started = Date.now();
    const send = async (role: string, r: Route, p: Probe): Promise<{ status: number; code?: string }> => {
      const c = clients.get(role)!;
      const headers: Record<string, string> = { ...p.headers, cookie: c.cookieHeader() };
      if (WRITES.has(r.method)) headers['x-csrf-token'] = c.csrf!;
      sent++;
      byClass.set(p.cls, (byClass.get(p.cls) ?? 0) + 1);
      const where = `${role} ${r.method.toUpperCase()} ${p.path.slice(0, 120)} [${p.cls}]`;
      let status: number;
      let text: string;
      try {
        const res = await fetch(srv.url + '/api' + p.path, { method: r.method.toUpperCase(), headers, body: p.body, redirect: 'manual' });
        status = res.status;
        text = await res.text();
      } catch (e) {
        failures.push(`${where}: no answer (${(e as Error).message})`);
        return { status: 0 };
      }
      byStatus.set(`${String(status)[0]}xx`, (byStatus.get(`${String(status)[0]}xx`) ?? 0) + 1);
      if (status >= 500) failures.push(`${where}: ${status} ${text.slice(0, 200)}`);
      if (status < 400 || status === 431) return { status };
      let code: unknown;
      try {
        code = JSON.parse(text).error?.code;
      } catch {
        code = undefined;
      }
      if (typeof code !== 'string') failures.push(`${where}: ${status} not in the error format: ${text.slice(0, 120)}`);
      return { status, code: code as string };
    };
    const jobs: { role: string; r: Route }[] = ordered.flatMap((r) => ROLES.map((role) => ({ role, r })));
    // Logout runs last, one role at a time, after everything else.
    const last = jobs.filter((j) => j.r.path === '/auth/logout');
    // Roles the policy lets through run the endpoint's own code. In the short form (npm test) each
    // probe goes to one of them in turn; FUZZ=full (npm run test:faults) sends every probe to each.
    const admitted = new Map<Route, string[]>();
    const gate = async ({ role, r }: { role: string; r: Route }) => {
      const path = probesFor(r, refs, complaintId)[0]!.path;
      const first = await send(role, r, {
        cls: 'empty body',
        path,
        headers: { 'content-type': 'application/json' },
        body: WRITES.has(r.method) ? '{}' : undefined,
      });
      const refused = (first.status === 401 && first.code === 'unauthenticated') || (first.status === 403 && first.code === 'forbidden');
      if (!refused) admitted.set(r, [...(admitted.get(r) ?? []), role]);
      // A role turned away never reaches the endpoint's code: only the classes handled before the
      // policy (body parsing, the input guard, routing) can matter for it, and it gets those (in
      // the short form, one in turn per role).
      else {
        const turn = ROLES.indexOf(role as (typeof ROLES)[number]);
        const pre = probesFor(r, refs, complaintId).filter((x) => PRE_GATE.has(x.cls));
        for (const p of pre.filter((_p, i) => FULL || i % ROLES.length === turn)) await send(role, r, p);
      }
    };
    const run = async ({ role, r }: { role: string; r: Route }) => {
      const roles = admitted.get(r) ?? [];
      const probes = probesFor(r, refs, complaintId).filter((_p, i) => FULL || roles[i % roles.length] === role);
      for (const p of probes) await send(role, r, p);
    };
    await pool(
      jobs.filter((j) => !last.includes(j)),
      8,
      gate,
    );
    await pool(
      jobs.filter((j) => !last.includes(j) && admitted.get(j.r)?.includes(j.role)),
      8,
      run,
    );
    for (const j of last) {
      await gate(j);
      if (admitted.get(j.r)?.includes(j.role)) await run(j);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `      fuzz (${FULL ? 'full' : 'short'}): ${routes.length} endpoints × ${ROLES.length} roles, ${sent} requests in ${seconds} s; ${[...byStatus].map(([k, v]) => `${k} ${v}`).join(', ')}`,
    );
    console.log(`      classes: ${[...byClass].map(([k, v]) => `${k} ${v}`).join(', ')}`);
    expect(failures, failures.slice(0, 30).join('\n')).to.deep.equal([]);
    const after0 = await snapshotDb();
    expect(after0.counts, 'documents per collection').to.deep.equal(before0.counts);
    expect(after0.hashes, 'content of the non-volatile collections').to.deep.equal(before0.hashes);
  });
});
