// The return requests' counts in the count ledger (server/counts/ledger.ts), written with each change:
// the desk list's (below) and the review's rollup (reviewRollup.ts).
//
// The desk list: FerretDB reads every row a list's equalities select and sorts them in memory, so the
// desk's page and its total each read all of a merchant's requests (at 5k the count took 4.8 s of
// 5.3 s under load). So each merchant has one scope counting its requests per view — the whole merchant
// (`*`), each return store (`r:<id>`, the store staff's view) and each store of purchase or return
// (`s:<id>`, the store filter) — by state (`*`, each status `s:<status>`, breach or not `b:1`/`b:0`),
// and per Shanghai month of recording (`tm:<month>|<view>`; per day `td:<day>|*` for the whole
// merchant only), so a page reads the buckets that hold it (list.ts) and the total is one key of the scope.
// A consumer's list and a bureau's (each region of `regionKeys`) read the same way from their own
// scopes, which count the whole view (`*`) only: the store filter there counts its rows.
//
// A request's status and breach each change once (the outcome and the breach are decided by unique
// inserts), so each change adds its own deltas under ids naming the request and the change: a replay
// adds nothing, and the live path, the demo seed and the start-up backfill add the same rows.
import { addDeltas } from '../counts/ledger.js';
import { claim } from '../jobs/claim.js';
import { JobRunModel } from '../models/JobRun.js';
import { ReturnFactModel } from '../models/ReturnFact.js';
import { ReturnRequestModel } from '../models/ReturnRequest.js';
import { reviewDeltas, type ReviewedReturn } from './reviewRollup.js';

type Counts = Record<string, number>;

/** What the counts of a request depend on. */
export interface CountedReturn extends ReviewedReturn {
  _id: unknown;
  purchaseStoreId: unknown;
  consumerId?: unknown;
  recordedBy?: unknown;
  regionKeys?: string[] | null;
}

/** `claim`: a consumer claims a desk return, which enters their list as it then is. */
export type ReturnChange = 'created' | 'outcome' | 'breach' | 'claim';

export const returnListScope = (merchantId: unknown) => `returns:${String(merchantId)}`;
/** A consumer's list: the requests they recorded or claimed. */
export const consumerReturnScope = (consumerId: unknown) => `returns:consumer:${String(consumerId)}`;
/** A bureau's list: the requests of its region (a county, a city or the province). */
export const bureauReturnScope = (region: string) => `returns:bureau:${region}`;

/** The views a request is listed in within its merchant's scope. */
function views(r: CountedReturn): string[] {
  return ['*', `r:${String(r.returnStoreId)}`, ...new Set([String(r.purchaseStoreId), String(r.returnStoreId)].map((id) => `s:${id}`))];
}

/** The counts of a request as it now is, in a scope counting the whole view only. */
function currentCounts(r: CountedReturn): Counts {
  return {
    '*|*': 1,
    [`*|s:${r.status}`]: 1,
    [`*|b:${r.breach ? 1 : 0}`]: 1,
    [`tm:${r.day.slice(0, 7)}|*`]: 1,
    [`td:${r.day}|*`]: 1,
  };
}

/** What one change adds: recording counts the request as pending and not a breach, in its buckets. */
function changeCounts(r: CountedReturn, change: ReturnChange, listed: string[]): Counts {
  const d: Counts = {};
  if (change === 'claim') return currentCounts(r);
  for (const v of listed) {
    if (change === 'created') {
      for (const k of [`${v}|*`, `${v}|s:pending`, `${v}|b:0`, `tm:${r.day.slice(0, 7)}|${v}`]) d[k] = 1;
      // Days for the whole merchant only: a store's month is read whole (listBuckets reads a month
      // without day counts in one read), and day keys per store were most of the scope's bytes.
      if (v === '*') d[`td:${r.day}|*`] = 1;
    }
    if (change === 'outcome') Object.assign(d, { [`${v}|s:pending`]: -1, [`${v}|s:${r.status}`]: 1 });
    if (change === 'breach') Object.assign(d, { [`${v}|b:0`]: -1, [`${v}|b:1`]: 1 });
  }
  return d;
}

/**
 * The delta rows of one change, from the request before it to the request after it (`null` before
 * its creation): the desk list's, the consumer's and the bureaus' lists', moved by the kind of change,
 * and the review rollups' difference. A claim moves the consumer's list alone.
 */
export function returnCountDeltas(change: ReturnChange, before: CountedReturn | null, after: CountedReturn) {
  const id = `ret:${String(after._id)}|${change}`;
  const consumer = after.consumerId ? [{ scope: consumerReturnScope(after.consumerId), d: changeCounts(after, change, ['*']) }] : [];
  const rows =
    change === 'claim'
      ? consumer
      : [
          { scope: returnListScope(after.merchantId), d: changeCounts(after, change, views(after)) },
          ...consumer,
          ...(after.regionKeys ?? []).map((region) => ({ scope: bureauReturnScope(region), d: changeCounts(after, change, ['*']) })),
          ...reviewDeltas(before, after),
        ];
  return rows.map((r) => ({ _id: `${r.scope}|${id}`, ...r }));
}

/** Every change a stored request has been through, as the live path writes them: the seed, the backfill and the rebuild. */
export function returnHistoryDeltas(r: CountedReturn) {
  // A desk return the consumer claimed entered their list as it was then, and its later changes moved
  // it there: summed, the request as it now is, which its claim's row counts here.
  const claimed = !!r.consumerId && String(r.recordedBy) !== String(r.consumerId);
  const desk = claimed ? { ...r, consumerId: undefined } : r;
  const recorded = { ...desk, status: 'pending', breach: false, refundHours: null };
  const decided = { ...desk, breach: false };
  return [
    ...returnCountDeltas('created', null, recorded),
    ...(r.status !== 'pending' ? returnCountDeltas('outcome', recorded, decided) : []),
    ...(r.breach ? returnCountDeltas('breach', r.status !== 'pending' ? decided : recorded, desk) : []),
    ...(claimed ? returnCountDeltas('claim', r, r) : []),
  ];
}

/** Adds the counts of requests written straight to the database (the demo seed), of the scopes `which` names. */
export async function countReturns(rows: CountedReturn[], which: (scope: string) => boolean = () => true): Promise<void> {
  const deltas = rows.flatMap(returnHistoryDeltas).filter((r) => which(r.scope));
  for (let i = 0; i < deltas.length; i += 1000) await addDeltas(deltas.slice(i, i + 1000));
}

/** The fields the counts read (a projection). */
export const COUNTED = Object.fromEntries(
  [
    'merchantId',
    'consumerId',
    'recordedBy',
    'regionKeys',
    'purchaseStoreId',
    'returnStoreId',
    'returnCountyCode',
    'day',
    'status',
    'breach',
    'covered',
    'crossStore',
    'crossCity',
    'refundHours',
  ].map((f) => [f, 1 as const]),
);

const BACKFILL = 'backfill:return-counts-v1';
const BACKFILL_LISTS = 'backfill:return-counts-v2';
const listScope = (scope: string) => scope.startsWith('returns:consumer:') || scope.startsWith('returns:bureau:');

/** Every stored request, a batch at a time by _id, with the fields the counts read. */
async function eachBatch(batch: number, f: (rows: CountedReturn[]) => Promise<void>): Promise<void> {
  let after: unknown = null;
  for (;;) {
    const rows = await ReturnRequestModel.find(after ? { _id: { $gt: after } } : {}, COUNTED)
      .sort({ _id: 1 })
      .limit(batch)
      .lean();
    if (!rows.length) break;
    await f(rows as CountedReturn[]);
    after = rows[rows.length - 1]!._id;
  }
}

/**
 * Requests stored before these counts existed get them once per database, at start, with their month
 * (the list's month bucket); their facts get their month and review mark (the review's evidence).
 * Their delta ids are the live path's, so a request changing meanwhile, or two processes starting at
 * once, count nothing twice. The demo seed runs it first on its empty database, so the requests it
 * then counts itself are not counted again at a later start. Requests counted before the consumer's
 * and the bureaus' lists had counts get those alone (v2).
 */
export async function backfillReturnCounts(batch = 500): Promise<void> {
  if (!(await JobRunModel.exists({ key: BACKFILL }))) {
    for (const model of [ReturnRequestModel, ReturnFactModel] as unknown as (typeof ReturnFactModel)[])
      for (;;) {
        const rows = await model
          .find({ month: { $exists: false } }, { day: 1 })
          .limit(batch)
          .lean();
        if (!rows.length) break;
        for (const day of new Set(rows.map((r) => r.day)))
          await model.updateMany({ day, month: { $exists: false } }, { $set: { month: day.slice(0, 7) } });
      }
    await ReturnFactModel.updateMany({ review: { $exists: false }, breach: true }, { $set: { review: true } });
    await ReturnFactModel.updateMany({ review: { $exists: false }, status: 'refused' }, { $set: { review: true } });
    await eachBatch(batch, (rows) => countReturns(rows));
    await claim(BACKFILL, 'backfill');
  }
  if (await JobRunModel.exists({ key: BACKFILL_LISTS })) return;
  await eachBatch(batch, (rows) => countReturns(rows, listScope));
  await claim(BACKFILL_LISTS, 'backfill');
}
