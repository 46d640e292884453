// Runs the effects of complaint events after the answer, durably. The event itself is the pending
// record (`effects: 'pending'`, inserted with it), so nothing owed lives only in memory:
//  - right after the answer the command hands the event to this process's queue (low latency),
//    having emitted its live events itself (they do not wait behind a queue of effects);
//  - on start and periodically the job below picks up every event still pending (a crash, a
//    restart, another instance that died);
//  - whoever runs an event's effects first claims `<event>:<try>` by a unique insert, so of every
//    runner on every instance one runs them; a claim older than LEASE_MS whose event is still
//    pending belonged to a runner that died, and the next try number is claimed instead;
//  - a runner takes the events queued behind each other together (a burst of filings): one insert
//    claims them all and one command marks them done, two commands per batch instead of per event.
// Each effect adds nothing when repeated (see effects.ts), so a run cut short is simply run again.
import { now } from '../clock.js';
import { bulkWriteInChunks, WRITES_PER_COMMAND } from '../db/bulkWrite.js';
import { onlyDuplicateKeys } from '../http/errors.js';
import { claim } from '../jobs/claim.js';
import type { Job } from '../jobs/scheduler.js';
import { logger } from '../logger.js';
import { ComplaintEventModel } from '../models/ComplaintEvent.js';
import { JobRunModel } from '../models/JobRun.js';
import { emitLive, runEffects, type EffectEvent } from './effects.js';
import type { ComplaintRecord } from '../models/Complaint.js';
import type { ComplaintState } from './projection.js';
import { stateAfter } from './repair.js';
import { groupInsert } from '../db/groupInsert.js';

export const EFFECTS_JOB = 'complaint-effects';
export const EFFECT_CLAIM_JOB = 'complaint-effect';
const LEASE_MS = 20_000;
/** Effects in flight at once: enough to keep up, few enough to leave the database to requests. */
const CONCURRENCY = 2;
/** Events one runner takes at once: the statements of one done-marking command (server/db/bulkWrite.ts). */
const BATCH = WRITES_PER_COMMAND;
const SCAN_LIMIT = 500;

interface Item {
  event: EffectEvent;
  /** The complaint right after the event, when the command that stored it hands it over. */
  state?: ComplaintState;
  /** The complaint's document as that command stored it (a filing's), which the effects need not read again. */
  stored?: ComplaintRecord | null;
}

const queue: Item[] = [];
const owned = new Set<string>();
let running = 0;
const waiters: (() => void)[] = [];

function pump(): void {
  while (running < CONCURRENCY && queue.length) {
    const items = queue.splice(0, BATCH);
    running++;
    void runBatch(items).finally(() => {
      running--;
      for (const item of items) owned.delete(item.event._id);
      pump();
      if (!running && !queue.length) for (const w of waiters.splice(0)) w();
    });
  }
}

function enqueue(item: Item): void {
  if (owned.has(item.event._id)) return;
  owned.add(item.event._id);
  queue.push(item);
  pump();
}

/** Called by a command once its event and projection are stored, just before it answers. */
export function afterAnswer(event: EffectEvent, state: ComplaintState, stored?: ComplaintRecord | null): void {
  emitLive(event, state);
  enqueue({ event, state, stored });
}

/** Resolves when this process has no effects queued or running (tests, shutdown). */
export function effectsSettled(): Promise<void> {
  if (!running && !queue.length) return Promise.resolve();
  return new Promise((resolve) => waiters.push(resolve));
}

const claimKey = (e: EffectEvent, attempt: number) => `${EFFECT_CLAIM_JOB}:${e._id}:${attempt}`;

/** Claims the event's current try, or the next one when the holder of the current one is gone. */
async function claimEvent(e: EffectEvent): Promise<string | null> {
  const attempt = e.effectsTry ?? 0;
  if (await claim(claimKey(e, attempt), EFFECT_CLAIM_JOB)) return claimKey(e, attempt);
  const held = await JobRunModel.findOne({ key: claimKey(e, attempt) }, { at: 1 }).lean();
  if (held && now().getTime() - new Date(held.at).getTime() < LEASE_MS) return null;
  // Recorded first, so a scan elsewhere claims the same next try (and one of us wins it).
  await ComplaintEventModel.updateOne({ _id: e._id, effects: 'pending' }, { $set: { effectsTry: attempt + 1 } });
  return (await claim(claimKey(e, attempt + 1), EFFECT_CLAIM_JOB)) ? claimKey(e, attempt + 1) : null;
}

/**
 * Claims the current try of each event in one unordered insert; an event whose claim was taken
 * already goes through claimEvent (a live holder keeps it, a dead one's next try is claimed).
 */
async function claimEvents(events: EffectEvent[]): Promise<(string | null)[]> {
  const keys = events.map((e) => claimKey(e, e.effectsTry ?? 0));
  const at = now();
  let taken = new Set<number>();
  try {
    await groupInsert(
      JobRunModel.collection as never,
      keys.map((key) => ({ key, job: EFFECT_CLAIM_JOB, at })),
    );
  } catch (e) {
    if (!onlyDuplicateKeys(e)) throw e;
    const writeErrors = (e as { writeErrors?: { index: number }[] }).writeErrors;
    // Without the failed statements' indexes none counts as ours: claimEvent asks again for each.
    taken = new Set(Array.isArray(writeErrors) ? writeErrors.map((w) => w.index) : events.keys());
  }
  return Promise.all(events.map((e, i) => (taken.has(i) ? claimEvent(e) : keys[i]!)));
}

/** Runs one claimed event's effects; false when they failed (its claim is then given up). */
async function runClaimed({ event, state, stored }: Item, key: string): Promise<boolean> {
  try {
    // Handed over by its command and claimed at the first try: no run of these effects came before.
    const fresh = !!state && key === claimKey(event, 0);
    await runEffects(event, state ?? (await stateAfter(event)), { fresh, emitted: !!state, stored });
    return true;
  } catch (err) {
    logger.error({ err, event: event._id }, 'complaint effects failed; they are retried');
    // Let the next scan claim it again at once rather than after the lease.
    await JobRunModel.deleteOne({ key }).catch(() => undefined);
    return false;
  }
}

/** Claims a batch of events, runs the effects of those won (each complaint's in queue order), then marks them done at once. */
async function runBatch(items: Item[]): Promise<void> {
  let keys: (string | null)[];
  try {
    keys = await claimEvents(items.map((i) => i.event));
  } catch (err) {
    logger.error({ err, events: items.map((i) => i.event._id) }, 'complaint effects could not be claimed; they are retried');
    return;
  }
  // One complaint's events in their order; different complaints' at once, so that their inserts go
  // to the engine together (server/db/groupInsert.ts): a burst of filings' notices, mails and facts
  // in one command per collection instead of one per event.
  const byComplaint = new Map<string, number[]>();
  for (const i of items.keys()) {
    const c = String(items[i]!.event.complaintId);
    byComplaint.set(c, [...(byComplaint.get(c) ?? []), i]);
  }
  const won = new Set<number>();
  await Promise.all(
    [...byComplaint.values()].map(async (indexes) => {
      for (const i of indexes) if (keys[i] && (await runClaimed(items[i]!, keys[i]))) won.add(i);
    }),
  );
  const done = [...won].sort((a, b) => a - b).map((i) => ({ _id: items[i]!.event._id, key: keys[i]! }));
  if (!done.length) return;
  try {
    await bulkWriteInChunks(
      ComplaintEventModel,
      done.map(({ _id }) => ({ updateOne: { filter: { _id }, update: { $unset: { effects: 1, effectsTry: 1 } } } })),
    );
  } catch (err) {
    logger.error({ err, events: done.map((d) => d._id) }, 'complaint effects ran but were not marked done; they are retried');
    // Their effects add nothing when run again: let the next scan claim them at once.
    await Promise.all(done.map(({ key }) => JobRunModel.deleteOne({ key }).catch(() => undefined)));
  }
}

/** Queues every event whose effects are still owed (on start, then periodically). */
export async function resumeEffects(): Promise<number> {
  const pending = (await ComplaintEventModel.find({ effects: 'pending' }).limit(SCAN_LIMIT).lean()) as unknown as EffectEvent[];
  for (const event of pending) enqueue({ event });
  return pending.length;
}

export const effectsJob: Job = { name: EFFECTS_JOB, everyMs: 10_000, run: () => resumeEffects() };
