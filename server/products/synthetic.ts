// Complaints in bulk for the demo seed, tests and the benchmark: each is built from its events
// with the complaints capability's own projection (applyEvent), so the documents have exactly the
// shape filing and transitions give them, and are inserted with insertMany instead of one command
// per complaint (5,000 filings one by one would not fit the seeding time).
import mongoose from 'mongoose';
import { isKeyCategory } from '../../shared/enums.js';
import { isoWeek, shanghaiDay } from '../../shared/calendar.js';
import { cityOf } from '../../shared/regions.js';
import { applyEvent } from '../complaints/projection.js';
import { live, type LifeStep } from '../complaints/history.js';
import { ComplaintEventModel, eventId } from '../models/ComplaintEvent.js';
import { tallyEntries } from '../complaints/storeEntries.js';
import { complaintEntry } from '../complaints/entries.js';
import { ComplaintFactModel } from '../models/ComplaintFact.js';
import { ComplaintModel } from '../models/Complaint.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import { factsWith } from './backfill.js';
import { tallyProducts } from '../analytics/weekCells.js';
import { resolveProducts } from '../commands/resolveProduct.js';
import { insertFresh } from '../db/directWrites.js';
import { writeTally, type Tally } from '../counts/ledger.js';
import { BUREAU_STATUSES, type ComplaintDoc } from './facts.js';
import { backfillPublicCounts, tallyPublic } from '../disclosure/counts.js';
import { seededPublicRecord } from '../disclosure/record.js';
import { PublicComplaintModel } from '../models/PublicComplaint.js';

const DAY = 24 * 3600 * 1000;

/** How a complaint's life went; it stops early when the next step would lie after `now`. */
export type Path = 'open' | 'resolved' | 'resolved_late' | 'mediated' | 'mediation_failed' | 'declined' | 'withdrawn' | 'escalated';

export interface SyntheticSpec {
  at: Date;
  consumerId: mongoose.Types.ObjectId | string;
  store: { _id: mongoose.Types.ObjectId; merchantId: mongoose.Types.ObjectId; merchantName: string; name: string; countyCode: string };
  product: { name: string; category: string; gtin?: string; brand?: string; model?: string; batch?: string };
  problemType: string;
  description: string;
  safetyIncident?: { kind: string; injured: boolean; description: string };
  path?: Path;
  satisfaction?: number;
  amountFen?: number;
}

function initial(s: SyntheticSpec, id: mongoose.Types.ObjectId) {
  const urgent = !!s.safetyIncident || s.problemType === 'safety' || isKeyCategory(s.product.category);
  const amountFen = s.amountFen ?? 9900;
  return {
    _id: id,
    // The id's process-random part and counter: unique across seeding runs, never a filed number's shape.
    number: `ZJ-${shanghaiDay(s.at).replace(/-/g, '')}-S${id.toHexString().slice(-10)}`,
    consumerId: new mongoose.Types.ObjectId(String(s.consumerId)),
    merchantId: s.store.merchantId,
    merchantName: s.store.merchantName,
    storeId: s.store._id,
    storeName: s.store.name,
    storeCountyCode: s.store.countyCode,
    countyCode: s.store.countyCode,
    cityCode: cityOf(s.store.countyCode),
    regulatorRegion: s.store.countyCode,
    product: s.product,
    purchase: { date: shanghaiDay(new Date(s.at.getTime() - 5 * DAY)), amountFen, channel: 'in_store' },
    problemType: s.problemType,
    description: s.description,
    demand: { type: 'refund', amountFen },
    ...(s.safetyIncident ? { safetyIncident: s.safetyIncident } : {}),
    contactAgreement: true,
    priority: urgent ? 'urgent' : 'normal',
    day: shanghaiDay(s.at),
    week: isoWeek(s.at),
  };
}

type Step = [days: number, action: LifeStep['action'], party: LifeStep['party'], data?: Record<string, unknown>];
const respond = (days: number): Step => [
  days,
  'respond',
  'merchant',
  { responseType: 'accepted', remedy: { type: 'refund', amountFen: 9900 }, messageToConsumer: '已为您办理退款。' },
];
const STEPS: Record<Path, Step[]> = {
  open: [],
  resolved: [respond(2), [2, 'accept_response', 'consumer']],
  resolved_late: [respond(16), [2, 'accept_response', 'consumer']],
  mediated: [
    respond(3),
    [2, 'reject_response', 'consumer', { reason: '退款金额不足' }],
    [3, 'accept', 'regulator'],
    [12, 'mediation_succeeded', 'regulator', { agreement: '商家全额退款并补偿。' }],
  ],
  mediation_failed: [
    respond(4),
    [2, 'reject_response', 'consumer', { reason: '不同意处理' }],
    [3, 'accept', 'regulator'],
    [20, 'mediation_failed', 'regulator', { reason: '双方未达成一致' }],
  ],
  declined: [
    [15, 'escalate', 'system'],
    [3, 'decline', 'regulator', { reasonCode: 'no_dispute' }],
  ],
  withdrawn: [[3, 'withdraw', 'consumer']],
  escalated: [[15, 'escalate', 'system']],
};

/**
 * The events of one complaint and its projection, as filing and transitions would leave them. With
 * `clock` (seeded worlds) the deadline job acts as on a running server (see `live`); without it
 * (hand-made fixtures) each step happens on its day.
 */
export function synthesize(s: SyntheticSpec, nowAt: Date, opts: { clock?: boolean } = {}) {
  const id = new mongoose.Types.ObjectId(Math.floor(s.at.getTime() / 1000));
  const first = initial(s, id);
  const filed = {
    complaintId: id,
    seq: 1,
    action: 'file',
    from: null,
    to: 'awaiting_merchant',
    actorId: first.consumerId,
    party: 'consumer',
    at: s.at,
    data: { complaint: first },
  };
  const steps = [...STEPS[s.path ?? 'open']];
  if (s.satisfaction && steps.length) steps.push([1, 'rate', 'consumer', { satisfaction: s.satisfaction }]);
  const life = live(
    applyEvent(null, filed),
    steps.map(([days, action, party, data]) => ({
      action,
      party,
      after: days * DAY,
      actorId: party === 'consumer' ? first.consumerId : null,
      data,
    })),
    nowAt.getTime(),
    { complaintId: id },
    { clock: !!opts.clock },
  );
  return { complaint: life.state, events: [filed, ...life.events] };
}

export interface InsertOptions {
  /** Complaints per bulk insert. */
  chunk?: number;
  /** Let the deadline job act on the made-up lives (seeded worlds); see `synthesize`. */
  clock?: boolean;
  /** Called after each chunk is stored, with the number stored so far. */
  onProgress?: (done: number) => void;
  /** The count deltas of a longer load, which its caller writes at its end (else written here, once). */
  tally?: Tally;
}

/** A product as a fact names it (its resolved record's id and name). */
export type FactProduct = { _id: unknown; name: string };

/** The products of these specs, resolved (created when new) as filing would: the one database step of a chunk. */
export async function productsOf(specs: SyntheticSpec[]): Promise<Map<string, FactProduct>> {
  return resolveProducts(specs.map((s) => s.product));
}

/**
 * The documents of a chunk of complaints, their events, facts and list entries, with their count
 * deltas added to `tally`. Pure (products resolved beforehand), so the bulk seeder runs it in
 * worker threads (seed/bulkWorker.ts).
 */
export function buildSynthetic(
  specs: SyntheticSpec[],
  nowAt: Date,
  products: Map<string, FactProduct>,
  opts: { clock?: boolean; tally: Tally },
) {
  const built = specs.map((s) => synthesize(s, nowAt, { clock: opts.clock }));
  const complaints = built.map((b) => b.complaint);
  const bureau = new Set(built.filter((b) => b.events.some((e) => BUREAU_STATUSES.has(e.to))).map((b) => String(b.complaint._id)));
  const facts = factsWith(complaints as unknown as ComplaintDoc[], products, bureau);
  const entries = complaints.map((c) => complaintEntry(c as never));
  tallyProducts(facts, opts.tally);
  tallyEntries(complaints as never[], opts.tally, entries);
  // The deadline job published those closed long enough ago: their public records, as the seeds make them.
  const publics = complaints.filter((c) => c.disclosure?.state === 'public').map((c) => seededPublicRecord(c as never));
  tallyPublic(publics, opts.tally);
  return {
    complaints,
    publics,
    events: built.flatMap((b) => b.events.map((e) => ({ _id: eventId(e.complaintId, e.seq), ...e }))),
    facts,
    entries,
  };
}

/**
 * Inserts complaints, their events and their facts in bulk; returns the complaint ids. The next
 * chunk is built while the engine stores the previous one.
 */
export async function insertSynthetic(specs: SyntheticSpec[], nowAt: Date, opts: InsertOptions = {}): Promise<mongoose.Types.ObjectId[]> {
  const chunk = opts.chunk ?? 1000;
  const tally: Tally = opts.tally ?? new Map();
  const ids: mongoose.Types.ObjectId[] = [];
  let storing: Promise<unknown> = Promise.resolve();
  // Every product of the load resolved at once: the chunks share most of them, and each resolution is
  // round trips through the engine (the bulk seeder, whose loads do not fit in memory, resolves per chunk).
  const products = await productsOf(specs);
  // Records published before are counted first, once, so this load's are counted in its tally alone.
  await backfillPublicCounts();
  for (let i = 0; i < specs.length; i += chunk) {
    const part = specs.slice(i, i + chunk);
    const b = buildSynthetic(part, nowAt, products, { clock: opts.clock, tally });
    await storing;
    const done = i + part.length;
    // Raw inserts: the documents are already in their final, typed shape (ObjectIds, Dates), and
    // skipping mongoose's per-document casting matters at thousands of complaints. Fresh ids only,
    // so nothing can clash and the engine may store each batch in any order (or, on the embedded
    // engine, straight into its tables: server/db/directWrites.ts).
    storing = Promise.all([
      insertFresh(ComplaintModel.collection, b.complaints),
      insertFresh(ComplaintEventModel.collection, b.events),
      insertFresh(ComplaintFactModel.collection, b.facts),
      insertFresh(ComplaintEntryModel.collection, b.entries, { ignoreUndefined: true }),
      insertFresh(PublicComplaintModel.collection, b.publics),
    ]).then(() => opts.onProgress?.(done));
    ids.push(...b.complaints.map((d) => d._id as mongoose.Types.ObjectId));
  }
  await storing;
  if (!opts.tally && ids.length) await writeTally(tally, String(ids[0]));
  return ids;
}
