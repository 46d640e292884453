// Group commit of inserts: the inserts of concurrent requests into one collection go to the engine as
// one unordered insertMany, while the previous one is in flight. Filing is bound by the engine, which
// spends about as long on a command of ten documents as on a command of one, so a burst of filings
// costs a fraction of the commands it did (docs/performance.md, "Group commit"). Nothing waits for a
// timer: a lone insert leaves at once (next turn of the event loop), and only inserts arriving while
// their collection's previous command is still out wait for it, then leave together.
//
// Outcomes stay per document: each document is still inserted on its own under every unique index, so
// a race is still decided by which insert the engine took first; a caller whose document clashed gets
// E11000 for it alone (with `writeErrors` indexed within the caller's own documents, as the driver's
// unordered insertMany reports them), and the others in the same command are stored. An answer only
// follows the command's acknowledgement: nothing is acknowledged that is not stored.
import mongoose, { type mongo } from 'mongoose';
import { isDbUnavailable } from '../http/errors.js';

/** Documents per command: well within what one command of the embedded engine takes (bulkWrite.ts). */
const MAX_DOCS = 50;

interface Waiting {
  docs: Record<string, unknown>[];
  resolve(): void;
  reject(err: unknown): void;
}

interface Lane {
  collection: mongo.Collection;
  options: mongo.BulkWriteOptions;
  waiting: Waiting[];
  busy: boolean;
}

/** A collection's lanes, by the insert options they carry. */
const lanes = new WeakMap<object, Map<string, Lane>>();

interface WriteError {
  index: number;
  code?: number;
  errmsg?: string;
}

/** The write errors of an unordered insertMany with their indexes, or null when it did not say per document. */
function writeErrorsOf(err: unknown): WriteError[] | null {
  const w = (err as { writeErrors?: unknown })?.writeErrors;
  const list = Array.isArray(w) ? w : w ? [w] : [];
  if (!list.length || !list.every((e) => typeof (e as WriteError)?.index === 'number')) return null;
  return list as WriteError[];
}

/** The error one caller gets for its own documents that clashed (indexes within its own list). */
function callerError(own: WriteError[]): Error {
  const first = own[0]!;
  const e = new Error(first.errmsg ?? `write error ${first.code}`) as Error & { code?: number; writeErrors: WriteError[] };
  e.name = 'MongoBulkWriteError';
  e.code = first.code;
  e.writeErrors = own;
  return e;
}

/** One caller's documents on their own (when a grouped command failed without per-document errors). */
async function alone(lane: Lane, w: Waiting): Promise<void> {
  try {
    await lane.collection.insertMany(w.docs as never[], lane.options);
    w.resolve();
  } catch (e) {
    w.reject(e);
  }
}

async function flush(lane: Lane): Promise<void> {
  lane.busy = true;
  try {
    while (lane.waiting.length) {
      const batch: Waiting[] = [];
      let n = 0;
      while (lane.waiting.length && (n === 0 || n + lane.waiting[0]!.docs.length <= MAX_DOCS)) {
        const w = lane.waiting.shift()!;
        batch.push(w);
        n += w.docs.length;
      }
      const docs = batch.flatMap((w) => w.docs);
      try {
        await lane.collection.insertMany(docs as never[], lane.options);
        for (const w of batch) w.resolve();
      } catch (err) {
        const errors = writeErrorsOf(err);
        if (!errors) {
          // Nothing said which document failed. The engine lost or busy: each caller gets the error
          // as its own insert would have. Otherwise (a command refused for one document's sake) each
          // caller tries its own documents again, so that none is told a failure that was another's.
          if (batch.length === 1 || isDbUnavailable(err)) for (const w of batch) w.reject(err);
          else await Promise.all(batch.map((w) => alone(lane, w)));
          continue;
        }
        let start = 0;
        for (const w of batch) {
          const end = start + w.docs.length;
          const own = errors
            .filter((e) => e.index >= start && e.index < end)
            .map((e) => ({ index: e.index - start, code: e.code, errmsg: e.errmsg }));
          if (own.length) w.reject(callerError(own));
          else w.resolve();
          start = end;
        }
      }
    }
  } finally {
    lane.busy = false;
  }
}

/**
 * Inserts `docs` (already cast: stored as given) with the inserts of concurrent callers into the same
 * collection, as an unordered insertMany. Resolves once they are stored; rejects as the driver's
 * unordered insertMany of the caller's documents alone would (E11000 with `writeErrors` for those that
 * clashed, the others stored).
 */
export function groupInsert(collection: mongo.Collection, docs: object[], options: { ignoreUndefined?: boolean } = {}): Promise<void> {
  if (!docs.length) return Promise.resolve();
  const key = options.ignoreUndefined ? 'u' : '';
  let byOptions = lanes.get(collection);
  if (!byOptions) lanes.set(collection, (byOptions = new Map()));
  let lane = byOptions.get(key);
  if (!lane) byOptions.set(key, (lane = { collection, options: { ordered: false, ...options }, waiting: [], busy: false }));
  const target = lane;
  return new Promise<void>((resolve, reject) => {
    target.waiting.push({ docs: docs as Record<string, unknown>[], resolve, reject });
    if (!target.busy) {
      target.busy = true;
      // The next turn: inserts made in the same turn (a request's, or several answers') leave together.
      setImmediate(() => void flush(target));
    }
  });
}

type AnyModel = mongoose.Model<any>;

/**
 * `Model.create` of one or more documents, through groupInsert: cast and validated by the model (the
 * same document `create` would store, version key included), then inserted with concurrent callers'.
 * Returns the stored documents (plain objects).
 */
export async function groupCreate<T extends object>(model: AnyModel, objs: T[]): Promise<Record<string, unknown>[]> {
  const docs = objs.map((o) => new model(o));
  for (const d of docs) {
    const invalid = d.validateSync();
    if (invalid) throw invalid;
  }
  const versionKey = model.schema.get('versionKey');
  const raw = docs.map((d) => {
    const o = d.toObject({ depopulate: true, virtuals: false, getters: false, transform: false, flattenDecimals: false }) as Record<
      string,
      unknown
    >;
    if (typeof versionKey === 'string' && o[versionKey] === undefined) o[versionKey] = 0;
    return o;
  });
  await groupInsert(model.collection as unknown as mongo.Collection, raw);
  return raw;
}
