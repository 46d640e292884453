// Exact counts without $inc (not atomic on FerretDB) and without counting rows: every change is an
// insert-only delta row {scope, d: {key: ±n}}; a sealer folds a scope's unsealed deltas into the next
// snapshot generation, `<scope>#<gen>` (a unique insert, so one sealer wins), then marks them sealed.
//
// Why a read is exact: the sealer of generation g+1 first marks generation g's deltas sealed, and only
// then inserts g+1. So while g is the latest generation, every delta of an older generation is sealed,
// and the unsealed deltas are g's own (excluded by id) plus those no snapshot holds yet (counted). A
// reader checks that no generation g+1 appeared while it read, else it reads again.
import { onlyDuplicateKeys } from '../http/errors.js';
import { CountDeltaModel } from '../models/CountDelta.js';
import { CountSnapshotModel } from '../models/CountSnapshot.js';
import { now } from '../clock.js';
import { insertFresh, readDirect, writingDirectly } from '../db/directWrites.js';
import { bulkWriteInChunks } from '../db/bulkWrite.js';
import { groupInsert } from '../db/groupInsert.js';
import { firstWriter } from '../db/firstWriter.js';

type Counts = Record<string, number>;
interface Snapshot {
  _id: string;
  gen: number;
  n: Counts;
  ids: string[];
}

/** Deltas folded per generation; keeps a snapshot's id list small. */
const SEAL_BATCH = 2000;
/** Sealed deltas stay this long, so a late replay of a change finds its id taken and adds nothing. */
const KEEP_SEALED_MS = 6 * 3600 * 1000;

const snapId = (scope: string, gen: number) => `${scope}#${gen}`;
// The latest generation seen per scope: later reads probe forward from it by _id (indexed on every engine).
const knownGen = new Map<string, number>();

/**
 * The latest generation of a scope. `probe` false skips the look for a newer generation: a reader
 * checks for one after its deltas anyway (readCounts), and reads again if it finds one.
 */
async function latest(scope: string, probe = true): Promise<Snapshot | null> {
  let gen = knownGen.get(scope);
  let snap: Snapshot | null = null;
  if (gen !== undefined && gen > 0) {
    snap = (await CountSnapshotModel.findById(snapId(scope, gen)).lean()) as Snapshot | null;
    if (!snap) gen = undefined; // purged meanwhile: look it up again
  }
  if (gen === undefined) {
    snap = (await CountSnapshotModel.findOne({ scope }).sort({ gen: -1 }).lean()) as Snapshot | null;
    gen = snap?.gen ?? 0;
  }
  while (probe) {
    const next = (await CountSnapshotModel.findById(snapId(scope, gen + 1)).lean()) as Snapshot | null;
    if (!next) break;
    snap = next;
    gen++;
  }
  knownGen.set(scope, gen);
  return snap;
}

/** Adds delta rows (a row whose id exists already is a replay and adds nothing). */
export async function addDeltas(rows: { _id: string; scope: string; d: Counts; at?: Date }[]): Promise<void> {
  if (!rows.length) return;
  const at = now();
  await groupInsert(
    CountDeltaModel.collection as never,
    rows.map((r) => ({ ...r, sealed: false, at: r.at ?? at })),
  ).catch((e) => {
    if (!onlyDuplicateKeys(e)) throw e;
  });
}

/** Count deltas summed per scope over a bulk load, written at its end as one delta row per scope. */
export type Tally = Map<string, Counts>;

export function tallyAdd(into: Tally, scope: string, d: Counts): void {
  const t = into.get(scope) ?? {};
  for (const [k, v] of Object.entries(d)) t[k] = (t[k] ?? 0) + v;
  into.set(scope, t);
}

const TALLY_PARTS = 4;

/** Writes a bulk load's tally; `batch` names the load (a fresh id), so a replay adds nothing. */
export async function writeTally(tally: Tally, batch: string, at = now()): Promise<void> {
  // Fresh ids (the load's own), so straight into the engine's table where it can (directWrites.ts).
  const rows = [...tally].map(([scope, d]) => ({ _id: `${scope}|bulk|${batch}`, scope, d, sealed: false, at }));
  // In a few inserts at once: PostgreSQL parses a COPY's rows on one backend, and a large load's
  // tally is megabytes of JSON (about 12 MB for the demo's 5,000 dashboard complaints).
  await Promise.all(
    Array.from({ length: Math.min(TALLY_PARTS, rows.length) }, (_, k) =>
      insertFresh(
        CountDeltaModel.collection,
        rows.filter((_, i) => i % TALLY_PARTS === k),
      ),
    ),
  );
}

/** A scope's latest snapshot, and those of its ids whose deltas are still unsealed (a sealer stopped before marking them). */
interface ScopeState {
  snap: Pick<Snapshot, 'gen' | 'n' | 'ids'> | null;
  held: string[];
}

/** Reads running at once through the driver (well under FerretDB's pool of connections). */
const READS = 8;

async function scopeStates(scopes: string[]): Promise<Map<string, ScopeState>> {
  const out = new Map<string, ScopeState>();
  const fold = (scope: string, snap: ScopeState['snap'], unsealed: string[]) => {
    const held = new Set(snap?.ids ?? []);
    out.set(scope, { snap, held: unsealed.filter((id) => held.has(id)) });
  };
  // With direct writes (the seeders), two reads of the tables for every scope at once.
  const snaps = await readDirect(CountSnapshotModel.collection, ['scope', 'gen', 'n', 'ids'], { scope: scopes });
  const deltas = snaps && (await readDirect(CountDeltaModel.collection, ['_id', 'scope'], { scope: scopes, sealed: [false] }));
  if (snaps && deltas) {
    const latestOf = new Map<string, ScopeState['snap']>();
    for (const r of snaps as { scope: string; gen: number; n: Counts; ids: string[] }[])
      if ((latestOf.get(r.scope)?.gen ?? 0) < r.gen) latestOf.set(r.scope, r);
    const unsealedOf = new Map<string, string[]>();
    for (const r of deltas as { _id: string; scope: string }[]) unsealedOf.set(r.scope, [...(unsealedOf.get(r.scope) ?? []), r._id]);
    for (const scope of scopes) fold(scope, latestOf.get(scope) ?? null, unsealedOf.get(scope) ?? []);
    return out;
  }
  // Through the driver: each scope's reads by its own key (pushed down), a few scopes at once.
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(READS, scopes.length) }, async () => {
      while (next < scopes.length) {
        const scope = scopes[next++]!;
        const snap = await latest(scope);
        const unsealed = (await CountDeltaModel.find({ scope, sealed: false }, { _id: 1 }).lean()) as { _id: string }[];
        fold(
          scope,
          snap,
          unsealed.map((r) => r._id),
        );
      }
    }),
  );
  return out;
}

/**
 * A bulk load's tally written sealed: for each scope the next snapshot generation, the latest one
 * plus the load's counts, holding no delta. A read then finds one snapshot instead of adding up the
 * load's delta rows (megabytes for the dashboard's weekly scopes), and the sealer has nothing of the
 * load to fold. Deltas written by others and not sealed yet stay as they are: a read adds them to the
 * new generation as to any other, and the sealer folds them into the next. The generation is a unique
 * insert, as the sealer's: a scope a sealer advanced meanwhile is read and written again.
 */
export async function writeSealed(tally: Tally, at = now()): Promise<void> {
  let todo = [...tally.keys()];
  for (let attempt = 0; todo.length; attempt++) {
    const states = await scopeStates(todo);
    // A generation's deltas are sealed before the next generation appears (see the top of this file).
    await markSealed([...states].map(([scope, s]) => [scope, s.held]));
    const docs = todo.map((scope) => {
      const { snap } = states.get(scope)!;
      const n: Counts = { ...(snap?.n ?? {}) };
      for (const [k, v] of Object.entries(tally.get(scope)!)) n[k] = (n[k] ?? 0) + v;
      for (const k of Object.keys(n)) if (!n[k]) delete n[k];
      const gen = (snap?.gen ?? 0) + 1;
      return { _id: snapId(scope, gen), scope, gen, n, ids: [] as string[], at };
    });
    // In a few inserts at once, as writeTally's rows (PostgreSQL parses a COPY's rows on one backend).
    const clashed = new Set<number>();
    const parts = Array.from({ length: Math.min(TALLY_PARTS, docs.length) }, (_, k) =>
      docs.flatMap((_, i) => (i % TALLY_PARTS === k ? [i] : [])),
    );
    await Promise.all(
      parts.map((part) =>
        insertFresh(
          CountSnapshotModel.collection,
          part.map((i) => docs[i]!),
        ).catch((e) => {
          if (attempt >= 5 || !onlyDuplicateKeys(e)) throw e;
          for (const w of (e as { writeErrors: { index: number }[] }).writeErrors) clashed.add(part[w.index]!);
        }),
      ),
    );
    // Two generations back stay, as the sealer leaves them.
    const old = docs.filter((d, i) => !clashed.has(i) && d.gen > 3).map((d) => snapId(d.scope, d.gen - 3));
    for (let i = 0; i < old.length; i += 500) await CountSnapshotModel.deleteMany({ _id: { $in: old.slice(i, i + 500) } });
    todo = docs.filter((_, i) => clashed.has(i)).map((d) => d.scope);
  }
}

/**
 * A seeder's tally: sealed (writeSealed) where the ledger's tables are read directly (the embedded
 * engine), two scans for every scope at once; through the driver (MongoDB, the tests) those reads are
 * three round trips per scope, thousands for a load, so there it goes in as delta rows (writeTally).
 */
export async function writeLoadCounts(tally: Tally, batch: string, at = now()): Promise<void> {
  await (writingDirectly() ? writeSealed(tally, at) : writeTally(tally, batch, at));
}

/** A scope as a read found it: its latest generation, that snapshot's delta ids, the deltas it counted (in the engine's order) and their sum, zeros kept. */
interface ScopeRead {
  gen: number;
  held: Set<string>;
  counted: string[];
  sum: Counts;
}

function addInto(sum: Counts, d: Counts): void {
  for (const [k, v] of Object.entries(d)) sum[k] = (sum[k] ?? 0) + v;
}

function nonZero(sum: Counts): Counts {
  const out: Counts = {};
  for (const [k, v] of Object.entries(sum)) if (v) out[k] = v;
  return out;
}

async function readScope(scope: string): Promise<ScopeRead> {
  for (let attempt = 0; ; attempt++) {
    // Two round trips when nothing was sealed since the last read: a generation seen before existed
    // before these reads began, and a snapshot never changes once written, so it is read beside the
    // deltas; the check for a newer generation after the deltas is the probe. A generation not known
    // yet is looked up first (three).
    const known = attempt === 0 ? knownGen.get(scope) : undefined;
    const deltaRead = () => CountDeltaModel.find({ scope, sealed: false }, { d: 1 }).lean() as Promise<{ _id: string; d: Counts }[]>;
    const [snap, deltas] = known
      ? await Promise.all([CountSnapshotModel.findById(snapId(scope, known)).lean() as Promise<Snapshot | null>, deltaRead()])
      : [await latest(scope, attempt > 0), await deltaRead()];
    // Purged meanwhile (three newer generations): look it up again.
    if (known && !snap) continue;
    const gen = snap?.gen ?? 0;
    if (attempt < 5 && (await CountSnapshotModel.exists({ _id: snapId(scope, gen + 1) }))) continue;
    const held = new Set(snap?.ids ?? []);
    const sum: Counts = { ...(snap?.n ?? {}) };
    const counted = deltas.filter((r) => !held.has(r._id));
    for (const r of counted) addInto(sum, r.d);
    return { gen, held, counted: counted.map((r) => r._id), sum };
  }
}

/** The exact counts of a scope, every key (absent keys are 0). */
export async function readCounts(scope: string): Promise<Counts> {
  return nonZero((await readScope(scope)).sum);
}

/**
 * Large scopes read often (the hotspot grids, the dashboard's week scopes: thousands to tens of
 * thousands of keys at 200k complaints, which the engine takes seconds to hand over) kept in this
 * process as a read found them, the least recently used forgotten past a number of keys in all.
 */
const kept = new Map<string, ScopeRead & { stamp: number; keys: number }>();
/** About 100 bytes a key (a 30-character key and its count in a plain object): some 25 MB at most. */
const KEPT_KEYS = 250_000;
let keptKeys = 0;
let stamps = 0;

function keep(scope: string, k: ScopeRead & { stamp: number; keys: number }): void {
  forget(scope);
  kept.set(scope, k);
  keptKeys += k.keys;
  while (keptKeys > KEPT_KEYS && kept.size > 1) forget(kept.keys().next().value!);
}

function forget(scope: string): void {
  keptKeys -= kept.get(scope)?.keys ?? 0;
  kept.delete(scope);
}

/**
 * What readCounts answers, keys in the same order (`counts()`, taken when needed), and a version that
 * changes whenever the counts may have. A scope read before is checked instead of read again: no
 * newer generation (absent, so the engine hands over no snapshot), and the deltas it counted still
 * the first unsealed ones outside that snapshot, in the engine's order; then only the deltas after
 * them are added. Anything else reads the scope whole again. Every process checks against the ledger,
 * so a second server's writes and seals count here as in readCounts. Only for scopes never deleted
 * while served (the hotspot grids, the week scopes: the migrations add to them, nothing removes them): one removed and
 * written again up to the same generation would go unseen.
 */
export async function readCountsKept(scope: string): Promise<{ counts: () => Counts; version: string }> {
  const k = kept.get(scope);
  if (k) {
    const deltas = (await CountDeltaModel.find({ scope, sealed: false }, { d: 1 }).lean()) as { _id: string; d: Counts }[];
    const newer = await CountSnapshotModel.exists({ _id: snapId(scope, k.gen + 1) });
    const counted = deltas.filter((r) => !k.held.has(r._id));
    if (!newer && k.counted.every((id, i) => counted[i]?._id === id)) {
      const more = counted.slice(k.counted.length);
      // A new sum, not the old one changed: a caller that has not taken its counts yet gets those of its version.
      let keys = k.keys;
      if (more.length) {
        k.sum = { ...k.sum };
        for (const r of more) {
          addInto(k.sum, r.d);
          k.counted.push(r._id);
        }
        keys = Object.keys(k.sum).length;
      }
      keep(scope, { ...k, keys });
      return answer(k);
    }
  }
  const read = await readScope(scope);
  const fresh = { ...read, stamp: ++stamps, keys: Object.keys(read.sum).length };
  keep(scope, fresh);
  return answer(fresh);
}

/** Forgets the scopes kept (the database they came from was emptied: tests). */
export function forgetKeptCounts(): void {
  kept.clear();
  keptKeys = 0;
}

function answer(k: ScopeRead & { stamp: number }) {
  const sum = k.sum;
  return { counts: () => nonZero(sum), version: `${k.stamp}.${k.counted.length}` };
}

/**
 * Marks deltas sealed, one update per scope (ten to a command): its `scope` and `sealed: false` pick
 * that scope's unsealed rows by index on every engine, and the `$in` of their ids is filtered among
 * those few. An `$in` alone would read every unsealed row of every scope on FerretDB; one update per
 * delta by `_id` (as before) cost a command per ten deltas.
 */
async function markSealed(byScope: [string, string[]][], atOnce = 1): Promise<void> {
  await bulkWriteInChunks(
    CountDeltaModel,
    byScope
      .filter(([, ids]) => ids.length)
      .map(([scope, ids]) => ({ updateMany: { filter: { scope, sealed: false, _id: { $in: ids } }, update: { $set: { sealed: true } } } })),
    atOnce,
  );
}

/** Folds one scope's unsealed deltas into new generations; returns how many deltas it sealed. */
export async function sealScope(scope: string): Promise<number> {
  let sealed = 0;
  for (;;) {
    const snap = await latest(scope);
    const gen = snap?.gen ?? 0;
    if (snap) await markSealed([[scope, snap.ids]]);
    const rows = (await CountDeltaModel.find({ scope, sealed: false }, { d: 1 }).limit(SEAL_BATCH).lean()) as { _id: string; d: Counts }[];
    if (!rows.length) return sealed;
    const n: Counts = { ...(snap?.n ?? {}) };
    for (const r of rows) for (const [k, v] of Object.entries(r.d)) n[k] = (n[k] ?? 0) + v;
    for (const k of Object.keys(n)) if (!n[k]) delete n[k];
    const snapshot = { _id: snapId(scope, gen + 1), scope, gen: gen + 1, n, ids: rows.map((r) => r._id), at: now() };
    if (!(await firstWriter(CountSnapshotModel.create(snapshot)))) return sealed; // another sealer made this generation
    await markSealed([[scope, rows.map((r) => r._id)]]);
    // Readers need only the latest generation; two back stay for processes that cached them.
    if (gen >= 2) await CountSnapshotModel.deleteOne({ _id: snapId(scope, gen - 2) });
    sealed += rows.length;
    if (rows.length < SEAL_BATCH) return sealed;
  }
}

/** Seals every scope with unsealed deltas and forgets sealed deltas old enough. */
export async function sealCounts(at = now()): Promise<{ scopes: number; sealed: number }> {
  const scopes = new Set<string>();
  for await (const r of CountDeltaModel.find({ sealed: false }, { scope: 1 }).lean().cursor()) scopes.add(r.scope);
  const sealed = await sealMany([...scopes], 1);
  // In chunks: FerretDB over SQLite refuses one delete of more rows than SQLite takes variables.
  for (;;) {
    const old = await CountDeltaModel.find({ sealed: true, at: { $lt: new Date(at.getTime() - KEEP_SEALED_MS) } }, { _id: 1 })
      .limit(5000)
      .lean();
    if (!old.length) break;
    await CountDeltaModel.deleteMany({ _id: { $in: old.map((r) => r._id) } });
  }
  return { scopes: scopes.size, sealed };
}

/** The latest snapshot of every scope (with `fields` of it). */
async function latestSnapshots(fields: Record<string, 1> = {}): Promise<Map<string, Snapshot>> {
  const latestOf = new Map<string, Snapshot>();
  const snapshots = CountSnapshotModel.find({}, { scope: 1, gen: 1, ...fields })
    .lean()
    .cursor();
  for await (const s of snapshots) {
    const cur = latestOf.get(s.scope);
    if (!cur || cur.gen < s.gen) latestOf.set(s.scope, s as unknown as Snapshot);
  }
  return latestOf;
}

/**
 * Every scope's counts at once (the rebuild, the start-up move of the day counts): latest snapshots
 * plus unsealed deltas. Both run beside a server whose sealer may fold a scope between the two reads:
 * the snapshot read would miss its new generation, the delta read its newly sealed deltas, and the
 * scope would come out short (and the rebuild would "repair" it wrong). A sealer inserts a generation
 * before it marks that generation's deltas sealed (see the top of this file), so a scope whose latest
 * generation is the same after the deltas as before was read exactly; one that got a new generation
 * meanwhile is read again alone (readCounts, which checks the same for one scope).
 */
export async function readAllCounts(): Promise<Map<string, Counts>> {
  const latestOf = await latestSnapshots({ n: 1, ids: 1 });
  const out = new Map<string, Counts>();
  for (const [scope, s] of latestOf) out.set(scope, { ...s.n });
  for await (const r of CountDeltaModel.find({ sealed: false }).lean().cursor()) {
    if (latestOf.get(r.scope)?.ids.includes(r._id as string)) continue;
    const c = out.get(r.scope) ?? {};
    for (const [k, v] of Object.entries(r.d as Counts)) c[k] = (c[k] ?? 0) + v;
    out.set(r.scope, c);
  }
  for (const [scope, s] of await latestSnapshots()) if (latestOf.get(scope)?.gen !== s.gen) out.set(scope, await readCounts(scope));
  return out;
}

/** Folds these scopes' unsealed deltas into snapshots now (a bulk load's or a migration's). */
export async function sealScopes(scopes: Iterable<string>, parallel = 4): Promise<void> {
  await sealMany([...new Set(scopes)], parallel);
}

/**
 * Fewer scopes than one per this many snapshots are sealed one by one, by their keys (sealScope): on
 * FerretDB the `$in` of sealTogether's snapshot read is filtered after reading every snapshot
 * (docs/database-engine.md), which the minute's few scopes of a large ledger should not pay.
 */
const SNAPSHOTS_PER_SCOPE_READ = 50;

/** Seals these scopes together (sealTogether), or one by one, `parallel` at a time, when they are few; returns how many deltas were sealed. */
async function sealMany(scopes: string[], parallel: number): Promise<number> {
  if (!scopes.length) return 0;
  if (scopes.length * SNAPSHOTS_PER_SCOPE_READ >= (await CountSnapshotModel.estimatedDocumentCount())) return sealTogether(scopes);
  const queue = [...scopes];
  let sealed = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let scope = queue.shift(); scope !== undefined; scope = queue.shift()) sealed += await sealScope(scope);
    }),
  );
  return sealed;
}

/** Scopes sealed in one round of sealTogether: the `$in` of their names is one command (tens of kB). */
const SCOPES_PER_ROUND = 1000;
/** Update and delete commands of sealTogether in flight at once (bulkWrite.ts: their statements stay well under FerretDB's pool). */
const COMMANDS_AT_ONCE = 2;
/** Snapshots per insert command: a generation holds up to SEAL_BATCH delta ids and every key of its scope. */
const INSERTS_PER_COMMAND = 200;

/**
 * Seals many scopes in a number of commands that grows with the scopes by tens, not a few per scope:
 * per round of scopes one read of their snapshots and one of their unsealed deltas, the new
 * generations in unordered inserts, then the folded deltas marked and old generations deleted in
 * commands of ten scopes each. Each scope keeps sealScope's order, which keeps reads exact (see the
 * top of this file): its latest snapshot is read before its deltas, so every delta of an older
 * generation is sealed by then; the deltas of that snapshot still unsealed (a sealer stopped before
 * marking them) are marked before the next generation is inserted, and left out of it; the rest go
 * into it. A generation another sealer inserted first fails alone (E11000 in the unordered insert),
 * and its scope is left to that sealer, as sealScope leaves it. A scope with more unsealed deltas than
 * a generation holds goes round again.
 */
async function sealTogether(scopes: string[]): Promise<number> {
  let sealed = 0;
  for (let todo = scopes; todo.length;) {
    const again: string[] = [];
    for (let i = 0; i < todo.length; i += SCOPES_PER_ROUND) {
      const round = await sealRound(todo.slice(i, i + SCOPES_PER_ROUND));
      sealed += round.sealed;
      again.push(...round.again);
    }
    todo = again;
  }
  return sealed;
}

async function sealRound(scopes: string[]): Promise<{ sealed: number; again: string[] }> {
  const latestOf = new Map<string, Snapshot>();
  const snapshots = CountSnapshotModel.find({ scope: { $in: scopes } }, { scope: 1, gen: 1, n: 1, ids: 1 })
    .lean()
    .cursor();
  for await (const s of snapshots) if ((latestOf.get(s.scope)?.gen ?? 0) < s.gen) latestOf.set(s.scope, s as unknown as Snapshot);
  const ownIds = new Map([...latestOf].map(([scope, snap]) => [scope, new Set(snap.ids)]));
  const held = new Map<string, string[]>();
  const rows = new Map<string, { _id: string; d: Counts }[]>();
  const again = new Set<string>();
  const deltas = CountDeltaModel.find({ sealed: false, scope: { $in: scopes } }, { scope: 1, d: 1 })
    .lean()
    .cursor();
  for await (const r of deltas) {
    const [scope, id] = [r.scope as string, r._id as string];
    if (ownIds.get(scope)?.has(id)) {
      const ids = held.get(scope) ?? [];
      held.set(scope, ids);
      ids.push(id);
      continue;
    }
    const list = rows.get(scope) ?? [];
    rows.set(scope, list);
    if (list.length === SEAL_BATCH) again.add(scope);
    else list.push({ _id: id, d: r.d as Counts });
  }
  await markSealed([...held], COMMANDS_AT_ONCE);
  const docs = [...rows].map(([scope, list]) => {
    const snap = latestOf.get(scope);
    const n: Counts = { ...(snap?.n ?? {}) };
    for (const r of list) addInto(n, r.d);
    for (const k of Object.keys(n)) if (!n[k]) delete n[k];
    const gen = (snap?.gen ?? 0) + 1;
    return { _id: snapId(scope, gen), scope, gen, n, ids: list.map((r) => r._id), at: now() };
  });
  const lost = new Set<number>();
  for (let i = 0; i < docs.length; i += INSERTS_PER_COMMAND)
    await CountSnapshotModel.collection.insertMany(docs.slice(i, i + INSERTS_PER_COMMAND) as never[], { ordered: false }).catch((e) => {
      if (!onlyDuplicateKeys(e)) throw e;
      for (const w of (e as { writeErrors: { index: number }[] }).writeErrors) lost.add(i + w.index);
    });
  const made = docs.filter((_, i) => !lost.has(i));
  await markSealed(
    made.map((d) => [d.scope, d.ids]),
    COMMANDS_AT_ONCE,
  );
  // Readers need only the latest generation; two back stay for processes that cached them.
  await bulkWriteInChunks(
    CountSnapshotModel,
    made.filter((d) => d.gen > 3).map((d) => ({ deleteOne: { filter: { _id: snapId(d.scope, d.gen - 3) } } })),
    COMMANDS_AT_ONCE,
  );
  for (const d of made) knownGen.set(d.scope, d.gen);
  return { sealed: made.reduce((n, d) => n + d.ids.length, 0), again: made.filter((d) => again.has(d.scope)).map((d) => d.scope) };
}
