// The list filters of GET /api/complaints, its counts and the CSV export, served from the list read
// model (ComplaintEntry). Each read is one audience (the viewer's visibility, or a region inside it)
// plus top-level equalities (status or group or tab, priority, category, region fields, merchant, the
// rarest search term) and one sort key: the shape the engine pushes down. Ranges (keyset cursor, dates,
// overdue) and further search terms are checked after the pushed-down part, within that audience. A
// search reads a month of filing at a time: the entries store their terms behind it (searchTerms.ts).
import type { ComplaintListQuery } from '../../shared/schemas/complaint.js';
import { now } from '../clock.js';
import { badRequest } from '../http/errors.js';
import { readCounts } from '../counts/ledger.js';
import type { ComplaintRecord } from '../models/Complaint.js';
import { ComplaintEntryModel } from '../models/ComplaintEntry.js';
import type { Actor } from '../policies/index.js';
import { audiences, sortKey, tabOf, type EntryTab } from './entries.js';
import { byHours, byTenDays, dayOf, daysScope, hourOfKey, listBuckets, listTuning, readBuckets, type Bucket } from './listBuckets.js';
import { hoursHeld, tenDaysHeld } from './tenDays.js';
import { monthTerm, numberTerm, searchReadOrder } from './searchTerms.js';
import { PROVINCE_CODE } from '../../shared/regions.js';

export type ListFilters = Omit<ComplaintListQuery, 'limit' | 'cursor' | 'sort'>;
const CURSOR = /^\d{15}\|[0-9a-f]{24}$/;
const TABS: EntryTab[] = ['todo', 'responded', 'bureau', 'closed'];
const OPEN_STATUSES = new Set(['awaiting_merchant', 'merchant_responded', 'awaiting_regulator', 'in_mediation']);

/**
 * A bureau's view by assignee (我的 / 未分配 / one officer's): the bureau's own audience of it, with a
 * narrower region checked by the entry's region fields. Only officers have such views.
 */
function assigneeAudience(actor: Actor, region: string | undefined, assignee: string): { audience: string | null; regionDone: boolean } {
  const own = actor.regionCode ?? '';
  if (actor.role !== 'regulator' || !own || (region && !own.startsWith(region) && !region.startsWith(own)))
    return { audience: null, regionDone: true };
  const audience = assignee === 'none' ? audiences.unassigned(own) : audiences.assignee(own, assignee === 'me' ? actor.id : assignee);
  return { audience, regionDone: !region || own.startsWith(region) };
}

/** The audience a viewer reads, narrowed to a region inside its visibility; null when the filter leaves nothing visible. */
export function audienceFor(actor: Actor, region: string | undefined, assignee?: string): { audience: string | null; regionDone: boolean } {
  if (assignee) return assigneeAudience(actor, region, assignee);
  switch (actor.role) {
    case 'admin':
      return { audience: audiences.region(region ?? PROVINCE_CODE), regionDone: true };
    case 'regulator': {
      const own = actor.regionCode ?? '';
      if (!own) return { audience: null, regionDone: true };
      if (!region || own.startsWith(region)) return { audience: audiences.region(own), regionDone: true };
      return { audience: region.startsWith(own) ? audiences.region(region) : null, regionDone: true };
    }
    case 'merchant':
      // Store staff read their store's audience; headquarters the whole merchant's.
      if (actor.storeId) return { audience: audiences.store(actor.storeId), regionDone: false };
      return { audience: actor.orgId ? audiences.merchant(actor.orgId) : null, regionDone: false };
    case 'consumer':
      return { audience: audiences.consumer(actor.id), regionDone: false };
  }
}

export interface Plan {
  /** Top-level equalities (pushed down). */
  eq: Record<string, unknown>;
  /** Conditions checked after the pushed-down part (ranges, more search terms). */
  rest: Record<string, unknown>;
  /** Whether the ledger's keys answer the count (no range, search or extra field). */
  countKey: string | null;
  audience: string;
  /** A search's terms, rarest first (a whole number alone): `termsIn` puts them in a read. */
  terms?: string[];
}

/**
 * The search conditions of one month of filing's read: its rarest term pushed down, the others
 * checked on its rows. A whole number is stored without a month, so its read needs none.
 */
function termsIn(terms: string[], month = ''): Record<string, unknown> {
  const [first, ...more] = terms.map((t) => monthTerm(month, t));
  return { tt: first, ...(more.length ? { $and: more.map((t) => ({ tt: t })) } : {}) };
}

/** Whether the plan's reads are one month of filing each: a search of words (not of a whole number). */
const byMonth = (p: Plan) => !!p.terms && !numberTerm(p.terms[0]!);

/** The audience's months of filing, newest first, from its ledger counts (from the cursor's month on). */
export const filingMonths = (counts: Record<string, number>, cursorDay?: string) =>
  listBuckets(Object.fromEntries(Object.entries(counts).filter(([k]) => k.startsWith('tm:'))), 't', '*', cursorDay);

/** Months of a search read at once, at most. */
const MONTHS_AT_ONCE = 8;

/** The filter of a plan's read, or of its part in one bucket (a search's: one month of filing, which its terms hold). */
export function filterOf(p: Plan, bucket?: Bucket): Record<string, unknown> {
  if (p.terms) return { ...p.eq, ...termsIn(p.terms, bucket?.value), ...p.rest };
  return { ...p.eq, ...(bucket ? { [bucket.field]: bucket.value } : {}), ...p.rest };
}

/**
 * A plan's rows: one read, or a search's months of filing (from the cursor's on), newest first, a few
 * at once until more than `cap` rows are read (so the rows of a capped read are the newest months').
 */
export async function planRows<T>(p: Plan, read: (month?: Bucket) => Promise<T[]>, cap = Infinity, cursorDay?: string): Promise<T[]> {
  if (!byMonth(p)) return read();
  const months = filingMonths(await readCounts(p.audience), cursorDay);
  const rows: T[] = [];
  for (let i = 0; i < months.length && rows.length <= cap; i += MONTHS_AT_ONCE)
    for (const part of await Promise.all(months.slice(i, i + MONTHS_AT_ONCE).map(read))) rows.push(...part);
  return rows;
}

export function plan(actor: Actor, q: ListFilters): Plan | null {
  const { audience, regionDone } = audienceFor(actor, q.countyCode, q.assignee);
  if (!audience) return null;
  const eq: Record<string, unknown> = { aud: audience };
  const rest: Record<string, unknown> = {};
  let st = '*';
  let exact = true;
  if (q.tab) {
    eq.tab = q.tab;
    st = `t:${q.tab}`;
  }
  if (q.status === 'open' || q.status === 'closed') {
    eq.group = q.status;
    st = q.tab ? st : `g:${q.status}`;
    exact &&= !q.tab;
  } else if (q.status) {
    eq.status = q.status;
    st = q.tab ? st : `s:${q.status}`;
    exact &&= !q.tab;
  }
  if (q.countyCode && !regionDone && q.countyCode.length > 2) {
    eq[q.countyCode.length === 6 ? 'countyCode' : 'cityCode'] = q.countyCode;
    exact = false;
  }
  if (q.category) eq.category = q.category;
  if (q.priority) eq.priority = q.priority;
  if (q.merchantId) {
    eq.merchantId = q.merchantId;
    exact = false;
  }
  const ts: Record<string, string> = {};
  if (q.from) ts.$gte = sortKey(q.from, '');
  if (q.to) ts.$lt = sortKey(q.to, '');
  if (Object.keys(ts).length) rest.ts = ts;
  if (q.overdue) rest.dk = q.overdue === 'true' ? { $lt: sortKey(now(), '') } : { $gte: sortKey(now(), '') };
  const terms = q.q ? searchReadOrder(q.q) : undefined;
  // Nothing searchable (only punctuation): nothing matches.
  if (terms && !terms.length) return null;
  exact &&= !q.from && !q.to && !q.overdue && !q.q;
  const countKey = exact ? st + (q.priority ? `|p:${q.priority}` : '') + (q.category ? `|c:${q.category}` : '') : null;
  return { eq, rest, countKey, audience, ...(terms ? { terms } : {}) };
}

/** Combines two conditions on one field (`$lt` of a cursor with `$lt` of a date range: the tighter). */
function bound(cond: Record<string, string> | undefined, op: '$lt' | '$gt', v: string): Record<string, string> {
  const out = { ...(cond ?? {}) };
  const cur = out[op];
  out[op] = cur === undefined ? v : op === '$lt' ? (cur < v ? cur : v) : cur > v ? cur : v;
  return out;
}

/** The entry read of one page (built, not run), or of the part of it in one bucket: the pushdown test explains exactly this. */
export function pageQuery(actor: Actor, q: ComplaintListQuery, bucket?: Bucket) {
  if (q.cursor !== undefined && !CURSOR.test(q.cursor)) throw badRequest('cursor is not valid');
  const p = plan(actor, q);
  if (!p) return null;
  const filter = filterOf(p, bucket);
  const key = q.sort === 'deadline' ? 'dk' : 'ts';
  // Deadline order lists what has a deadline. A keyset cursor is a range that FerretDB checks on the
  // rows the equalities chose (it sorts those in memory anyway), so later pages cost what the first does.
  // Open rows always have a deadline, and so has every row of a due-time bucket; only a list that may
  // hold closed ones needs the dk condition (a search's, read by month of filing, may).
  const onlyOpen =
    bucket?.field[0] === 'd' || q.status === 'open' || (q.tab && q.tab !== 'closed') || (q.status && OPEN_STATUSES.has(q.status));
  if (q.sort === 'deadline' && (!onlyOpen || q.cursor)) filter.dk = bound(filter.dk as Record<string, string>, '$gt', q.cursor ?? '');
  else if (q.cursor) filter.ts = bound(filter.ts as Record<string, string>, '$lt', q.cursor);
  return ComplaintEntryModel.find(filter, { c: 1, ts: 1, dk: 1 })
    .sort({ [key]: q.sort === 'deadline' ? 1 : -1 })
    .limit(q.limit + 1)
    .lean();
}

/** The ledger state whose bucket counts bound a list: its tab, status group (a status: its tab), or everything; by deadline also its priority. */
function bucketState(q: ComplaintListQuery): string {
  const st = q.tab
    ? `t:${q.tab}`
    : q.status === 'open' || q.status === 'closed'
      ? `g:${q.status}`
      : q.status
        ? `t:${tabOf(q.status)}`
        : '*';
  return q.sort === 'deadline' && q.priority ? `${st}|p:${q.priority}` : st;
}

/**
 * The month a list's first page last read by its days, per audience, sort and state: the next first
 * page reads that month's day scope beside the audience's (the counts still decide what is read, so
 * a stale month costs a wasted read, never a wrong page). A few thousand short strings at most.
 */
const firstByDay = new Map<string, string>();
const HINTS = 4000;
function remember(key: string, month: string) {
  firstByDay.delete(key);
  firstByDay.set(key, month);
  if (firstByDay.size > HINTS) firstByDay.delete(firstByDay.keys().next().value!);
}

/**
 * The rows of one page plus one: the whole list in one read when the audience's count for it is
 * small, else bucket by bucket in order (listBuckets.ts), a few at once, until the page is full. The
 * audience's scope counts months; a month read by its days reads that month's day scope first
 * (`daysScope`), only when the page reaches it. Round trips, not rows, are most of a page's time on
 * this engine (a read of a few rows costs about what auth/me does), so a day scope the page will
 * need is read beside what comes before it: the cursor's month (or, for a first page, the month the
 * last first page read by day) beside the audience's scope, and the month the counts say the page
 * ends in, its day scope and then its days, beside the whole months before it.
 */
async function pageRows(actor: Actor, q: ComplaintListQuery, p: Plan) {
  const { audience } = p;
  const kind = q.sort === 'deadline' ? 'd' : 't';
  const cursorDay = q.cursor ? dayOf(Number(q.cursor.slice(0, 15))) : undefined;
  if (p.terms) {
    // A search's rows: by filing month, newest first, until the page is full; by deadline the soonest
    // of every month, merged (a due time says nothing of the month of filing).
    if (kind === 't') return planRows(p, (m) => pageQuery(actor, q, m)!, q.limit, cursorDay);
    const rows = await planRows(p, (m) => pageQuery(actor, q, m)!);
    return rows.sort((a, b) => (String(a.dk) < String(b.dk) ? -1 : 1)).slice(0, q.limit + 1);
  }
  const early = new Map<string, Promise<Record<string, number>>>();
  const daysOf = (month: string) => {
    let read = early.get(month);
    if (!read) early.set(month, (read = readCounts(daysScope(audience, month))));
    return read;
  };
  // Read ahead, perhaps for nothing: its failure is the page's only if the page awaits it.
  const ahead = (month: string) => void daysOf(month).catch(() => {});
  const hintKey = `${audience}|${kind}|${bucketState(q)}`;
  const hinted = cursorDay?.slice(0, 7) ?? firstByDay.get(hintKey);
  if (hinted) ahead(hinted);
  const counts = await readCounts(audience);
  const state = bucketState(q);
  const want = q.limit + 1;
  // Whole only when that reads at most twice the page (listBuckets' rule for a month): FerretDB reads,
  // converts and sorts every row the equalities select, each with its complaint, so a city's 114
  // urgent open entries read whole for a page of 21 cost two to three times its first months' 25.
  if ((counts[state] ?? 0) <= Math.min(listTuning.wholeUpTo, listTuning.wholePages * want)) {
    firstByDay.delete(hintKey);
    return (await pageQuery(actor, q))!;
  }
  const read = (b: Bucket) => pageQuery(actor, q, b)!;
  // The months alone (the audience's scope holds no day key once moved: see backfillCounts.ts).
  const months = listBuckets(Object.fromEntries(Object.entries(counts).filter(([k]) => k[1] === 'm')), kind, state, cursorDay);
  const whole = (m: Bucket, need: number) => m.n <= listTuning.wholeUpTo && m.n <= 2 * need;
  const rows: Awaited<ReturnType<typeof read>> = [];
  let byDay = false;
  // A month's rows by its days (its day scope first), as many as `lacking` rows need, a third of the
  // month at once where it is small enough, a day larger than the page by its hours.
  const dayRows = async (m: Bucket, lacking: number) => {
    if (!cursorDay && !byDay) remember(hintKey, m.value);
    byDay = true;
    const ofMonth = { ...(await daysOf(m.value)) };
    // Day keys still in the audience's scope (a ledger not yet moved) count too.
    for (const [k, n] of Object.entries(counts)) if (k.startsWith(`${kind}d:${m.value}-`)) ofMonth[k] = (ofMonth[k] ?? 0) + n;
    const days = listBuckets({ ...ofMonth, [`${kind}m:${m.value}|${state}`]: m.n }, kind, state, cursorDay, lacking);
    const parts = kind === 't' && (await tenDaysHeld()) ? byTenDays(days, lacking) : days;
    return readBuckets((await hoursHeld()) ? byHours(parts, lacking, q.cursor ? hourOfKey(q.cursor) : undefined) : parts, lacking, read);
  };
  for (let i = 0; rows.length < want && i < months.length;) {
    const lacking = want - rows.length;
    const m = months[i]!;
    if (!whole(m, lacking)) {
      rows.push(...(await dayRows(m, lacking)));
      i++;
      continue;
    }
    // Whole months, as many as the page still lacks by their counts (listBuckets' rule).
    const batch: Bucket[] = [];
    let need = lacking;
    for (; i < months.length && need > 0 && whole(months[i]!, need); i++) {
      batch.push(months[i]!);
      need -= months[i]!.n;
    }
    if (need <= 0 || i === months.length) {
      rows.push(...(await readBuckets(batch, lacking, read)));
      continue;
    }
    // The whole months cannot fill the page by their counts and the next is read by its days: the
    // days it needs are read beside them, a round trip fewer. When the months held fewer rows than
    // counted (a filter the counts do not know) and those days are then too few, the month is read
    // again for what is lacking.
    const [got, more] = await Promise.all([readBuckets(batch, lacking, read), dayRows(months[i]!, need)]);
    rows.push(...got);
    if (rows.length + more.length >= want || more.length < need) {
      rows.push(...more);
      i++;
    }
  }
  if (!cursorDay && !byDay) firstByDay.delete(hintKey);
  return rows;
}

/** Keyset pages: newest first on `ts`, or by due time (open items, soonest first) on `dk`. The cursor is the last row's key. */
export async function listComplaints(
  actor: Actor,
  q: ComplaintListQuery,
): Promise<{ items: ComplaintRecord[]; nextCursor: string | null }> {
  if (q.cursor !== undefined && !CURSOR.test(q.cursor)) throw badRequest('cursor is not valid');
  const p = plan(actor, q);
  if (!p) return { items: [], nextCursor: null };
  const rows = await pageRows(actor, q, p);
  const key = q.sort === 'deadline' ? 'dk' : 'ts';
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const last = page[page.length - 1];
  return { items: page.map((r) => r.c as ComplaintRecord), nextCursor: more && last ? ((last[key] as string | undefined) ?? null) : null };
}

export interface ListCounts {
  count: number;
  /** The same filters per inbox tab (ignoring the status and tab filters). */
  tabs: Record<EntryTab, number>;
}

/** The result count of a list and its counts per tab: from the count ledger, or by counting the pushed-down rows when a range or search narrows them. */
export async function countComplaints(actor: Actor, q: ListFilters): Promise<ListCounts> {
  const tabs = { todo: 0, responded: 0, bureau: 0, closed: 0 };
  const p = plan(actor, q);
  if (!p) return { count: 0, tabs };
  const perTab = plan(actor, { ...q, status: undefined, tab: undefined })!;
  if (p.countKey !== null && perTab.countKey !== null) {
    const n = await readCounts(p.audience);
    const suffix = perTab.countKey.slice(1); // "*|p:…|c:…" without the "*"
    for (const t of TABS) tabs[t] = n[`t:${t}${suffix}`] ?? 0;
    return { count: n[p.countKey] ?? 0, tabs };
  }
  const rows = await planRows(perTab, (m) => ComplaintEntryModel.find(filterOf(perTab, m), { tab: 1, status: 1, group: 1 }).lean());
  let count = 0;
  for (const r of rows) {
    tabs[r.tab as EntryTab]++;
    if ((!q.tab || r.tab === q.tab) && (!q.status || r.status === q.status || r.group === q.status)) count++;
  }
  return { count, tabs };
}

/** The complaints of the export, newest first, up to `limit`. */
export async function exportComplaints(actor: Actor, q: ListFilters, limit: number): Promise<ComplaintRecord[]> {
  const out: ComplaintRecord[] = [];
  let cursor: string | undefined;
  while (out.length < limit) {
    const page = await listComplaints(actor, { ...q, sort: 'newest', limit: 100, cursor });
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out.slice(0, limit);
}
