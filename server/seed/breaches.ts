// The demo's breaches (covered returns refused), opened with the returns in bulk: what openBreach
// (returns/breach.ts) leaves behind once its claim is done, its complaint filed (fileComplaint) and
// the filing's effects run, made in memory from the same pieces (the filing's documents and event,
// list entries and counts, fact and product figures, notices) and stored one insert per collection.
// Through the commands each breach was some 25 round trips of its own, and the filings' effects ran
// on after the seeder, beside the next ones.
import mongoose from 'mongoose';
import { fileEvent, fingerprint, routeComplaint, routeStore, type Route } from '../commands/fileComplaint.js';
import { reviewConsumer } from '../commands/reviewAbuse.js';
import { filedNotices } from '../complaints/effects.js';
import { fanOutOf } from '../complaints/notify.js';
import { takeComplaintNumber } from '../complaints/number.js';
import { applyEvent, type ComplaintState } from '../complaints/projection.js';
import { insertEntries } from '../complaints/storeEntries.js';
import { insertModels } from '../db/directWrites.js';
import { recordProducts } from '../analytics/weekCells.js';
import { ComplaintModel } from '../models/Complaint.js';
import { ComplaintEventModel } from '../models/ComplaintEvent.js';
import { ComplaintFactModel } from '../models/ComplaintFact.js';
import { IdempotencyKeyModel } from '../models/IdempotencyKey.js';
import { JobRunModel } from '../models/JobRun.js';
import type { ReturnRequestRecord } from '../models/ReturnRequest.js';
import { fanOutAll, type FanOut } from '../notifications/fanout.js';
import { factsFor } from '../products/backfill.js';
import type { ComplaintDoc } from '../products/facts.js';
import { BREACH_JOB, breachDone, breachFiling, breachKey } from '../returns/breach.js';
import { breachFanOut } from '../returns/notifyBreach.js';

const KIND = 'refused' as const;

/**
 * Marks these refused requests (not yet stored) as breaches opened at `at` and files the complaint of
 * each that has a consumer; returns the writes to make once the requests are stored. Without a
 * consumer a breach files nothing and only tells the merchant and the bureau, as openBreach does.
 */
export async function openBreaches(requests: Record<string, unknown>[], at: Date): Promise<() => Promise<void>> {
  const routes = new Map<string, Promise<Route>>();
  const states: ComplaintState[] = [];
  const events: ReturnType<typeof fileEvent>[] = [];
  const keys: Record<string, unknown>[] = [];
  for (const doc of requests) {
    Object.assign(doc, { breach: true, breachKind: KIND, breachAt: at, updatedAt: at });
    const r = doc as unknown as ReturnRequestRecord;
    if (!r.consumerId) continue;
    const input = breachFiling(r, KIND);
    const id = new mongoose.Types.ObjectId();
    // A breach files even at a store closed since (fileComplaint's closedToo for linked returns).
    const storeId = input.data.storeId;
    if (!routes.has(storeId)) routes.set(storeId, routeStore(storeId, input.data.purchase.channel, { closedToo: true }));
    const initial = await routeComplaint(input, id, await takeComplaintNumber(at), at, await routes.get(storeId)!);
    const event = fileEvent(initial, at);
    events.push(event);
    states.push(applyEvent(null, event));
    keys.push({
      userId: input.consumerId,
      scope: 'complaint',
      key: input.idempotencyKey,
      fingerprint: fingerprint(input),
      resourceId: id,
      at,
    });
    doc.complaintId = id;
  }
  return async () => {
    // A new complaint's fact has not been to the bureau yet.
    const facts = await factsFor(states as unknown as ComplaintDoc[], new Set());
    const notices: FanOut[] = [
      ...states.map((c) => filedNotices(c).map((n) => fanOutOf(c as never, `${String(c._id)}:1`, n))).flat(),
      ...requests.map((r) => breachFanOut(r as unknown as ReturnRequestRecord, KIND)),
    ];
    await Promise.all([
      insertModels(ComplaintEventModel, events),
      insertModels(ComplaintModel, states),
      insertEntries(states as never[], at),
      insertModels(ComplaintFactModel, facts).then(() => recordProducts(facts)),
      insertModels(IdempotencyKeyModel, keys),
      insertModels(
        JobRunModel,
        requests.map((r) => ({ key: breachKey(r._id), job: BREACH_JOB, at, result: breachDone(KIND, r.complaintId) })),
      ),
      fanOutAll(notices, { fresh: true }),
    ]);
    // The filings' abuse check, once per consumer (the product checks are the products seeder's detectAll).
    await Promise.all([...new Set(states.map((c) => String(c.consumerId)))].map((id) => reviewConsumer(id, at)));
  };
}
