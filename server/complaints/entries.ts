// The list read model (ComplaintEntry) and its count deltas, derived purely from a complaint
// document. Commands, the repair on read, the rebuild and the bulk seeder all use these functions, so
// they write the same rows. `complaintEntry(c)` gives the row; `entryCountDeltas(before, after)`
// gives one delta row per ledger scope whose counts moved: the audiences' list counts and the
// dashboard's weekly figures (server/analytics/rollup.ts; see server/counts/ledger.ts).
import { regionChain } from '../../shared/regions.js';
import { CLOSED_STATUSES } from '../../shared/enums.js';
import { entryTerms } from './searchTerms.js';
import { addFigureCounts, type FigureSource } from '../analytics/rollup.js';
import { addBucketCounts, bucketsOf, hourOf, tenDaysOf } from './listBuckets.js';
import type { Assignment } from './projection.js';

/** 2: with the list's time buckets (listBuckets.ts) and the hotspot grid (rollup.ts, cellScope); 3: the merchants' indices; 4: the rankings. (The day counts' move to month scopes is a ledger step of its own: backfillCounts.ts `splitDayCounts`.) */
export const ENTRY_COUNTS_VERSION = 4;

/** The due time a paused deadline is listed by: after every running one (its clock does not run). */
export const PAUSED_DUE = new Date(Date.UTC(9999, 11, 30));

export type EntryTab = 'todo' | 'responded' | 'bureau' | 'closed';

/** What the read model needs of a complaint (a stored document or a fold of its events). */
export interface EntrySource {
  _id: unknown;
  number: string;
  version: number;
  status: string;
  priority: string;
  consumerId: unknown;
  merchantId: unknown;
  merchantName?: string | null;
  storeId: unknown;
  storeName?: string | null;
  countyCode: string;
  cityCode: string;
  regulatorRegion: string;
  product?: { name?: string | null; category?: string | null; brand?: string | null; model?: string | null } | null;
  description?: string | null;
  deadlines?: { current?: { dueAt?: Date | string | null; pausedAt?: Date | string | null } | null } | null;
  createdAt: Date | string;
  /** Read by the dashboard's figures (server/analytics/rollup.ts). */
  day?: string;
  week?: string;
  respondedAt?: Date | string | null;
  respondedInTime?: boolean | null;
  acceptedAt?: Date | string | null;
  closedAt?: Date | string | null;
  rating?: { satisfaction?: number } | null;
  /** Each bureau's officer (server/complaints/projection.ts `assign`). */
  assignments?: Assignment[] | null;
}

export interface EntryRow {
  _id: string;
  aud: string[];
  version: number;
  group: 'open' | 'closed';
  tab: EntryTab;
  status: string;
  priority: string;
  category: string;
  countyCode: string;
  cityCode: string;
  merchantId: string;
  storeId: string;
  ts: string;
  dk?: string;
  /** The Shanghai month, third of the month (旬), day and hour of `ts`, and month, day and hour of `dk`: the buckets a large list is read by (listBuckets.ts). */
  tm: string;
  tx: string;
  td: string;
  th: string;
  dm?: string;
  dd?: string;
  dh?: string;
  /** Which counts the row's writer added (backfillCounts.ts): rows without it predate some of them. */
  cv: number;
  /** Search terms behind the month of filing (searchTerms.ts `entryTerms`). */
  tt: string[];
  /** The complaint document itself, so a page is one read. */
  c: EntrySource;
}

export function tabOf(status: string): EntryTab {
  if (status === 'awaiting_merchant') return 'todo';
  if (status === 'merchant_responded') return 'responded';
  if (status === 'awaiting_regulator' || status === 'in_mediation') return 'bureau';
  return 'closed';
}

export const audiences = {
  consumer: (id: unknown) => `consumer:${String(id)}`,
  merchant: (id: unknown) => `merchant:${String(id)}`,
  store: (id: unknown) => `store:${String(id)}`,
  /** Every complaint is in Zhejiang, so `region:33` is also the admin's audience. */
  region: (code: string) => `region:${code}`,
  /** A bureau's 我的 view: what the bureau of `region` assigned to this officer. */
  assignee: (region: string, userId: unknown) => `assignee:${region}:${String(userId)}`,
  /** A bureau's 未分配 view: open complaints its officers have not been assigned. */
  unassigned: (region: string) => `unassigned:${region}`,
};

/** Fixed-width milliseconds, so string order is time order. */
export const sortKey = (at: Date | string | number, id: unknown) => `${String(new Date(at).getTime()).padStart(15, '0')}|${String(id)}`;

/** Everyone who lists this complaint: its consumer, merchant, store, every region level of its county and of its handling bureau. */
export function complaintAudiences(c: EntrySource): string[] {
  const regions = [...new Set([...regionChain(c.countyCode), ...regionChain(c.regulatorRegion)])];
  return [
    ...new Set([
      audiences.consumer(c.consumerId),
      audiences.merchant(c.merchantId),
      audiences.store(c.storeId),
      ...regions.map(audiences.region),
      ...regions.flatMap((r) => bureauAudience(c, r)),
    ]),
  ];
}

/**
 * The bureau of `region`'s view of the complaint: its officer's, or unassigned while open. Only
 * regions that see the complaint now are asked, so a redirected complaint leaves its former bureau's views.
 */
function bureauAudience(c: EntrySource, region: string): string[] {
  const a = c.assignments?.find((x) => x.region === region);
  if (a) return [audiences.assignee(region, a.userId)];
  return (CLOSED_STATUSES as readonly string[]).includes(c.status) ? [] : [audiences.unassigned(region)];
}

export function complaintEntry(c: EntrySource): EntryRow {
  const id = String(c._id);
  // A paused deadline has no due time: it is listed after every running one (PAUSED_DUE).
  const current = c.deadlines?.current;
  const due = current?.dueAt ?? (current?.pausedAt ? PAUSED_DUE : undefined);
  const closed = (CLOSED_STATUSES as readonly string[]).includes(c.status);
  const filed = bucketsOf(c.createdAt);
  return {
    _id: id,
    aud: complaintAudiences(c),
    version: c.version,
    group: closed ? ('closed' as const) : ('open' as const),
    tab: tabOf(c.status),
    status: c.status,
    priority: c.priority,
    category: c.product?.category ?? 'other',
    countyCode: c.countyCode,
    cityCode: c.cityCode,
    merchantId: String(c.merchantId),
    storeId: String(c.storeId),
    ts: sortKey(c.createdAt, id),
    tm: filed.month,
    tx: tenDaysOf(filed.day),
    td: filed.day,
    th: hourOf(c.createdAt),
    ...(due && !closed ? { dk: sortKey(due, id), dm: bucketsOf(due).month, dd: bucketsOf(due).day, dh: hourOf(due) } : {}),
    cv: ENTRY_COUNTS_VERSION,
    tt: entryTerms(c, filed.month),
    c,
  };
}

/**
 * The count keys an entry adds 1 to within its audience: every combination of a state part (all,
 * open/closed group, status, inbox tab), optionally the priority and optionally the category.
 */
export function countKeys(e: Pick<EntryRow, 'group' | 'status' | 'tab' | 'priority' | 'category'>): string[] {
  const keys: string[] = [];
  for (const st of ['*', `g:${e.group}`, `s:${e.status}`, `t:${e.tab}`]) {
    for (const p of ['', `|p:${e.priority}`]) for (const c of ['', `|c:${e.category}`]) keys.push(st + p + c);
  }
  return [...new Set(keys)];
}

export interface CountDeltaRow {
  _id: string;
  scope: string;
  d: Record<string, number>;
  sealed: false;
  at: Date;
}

/**
 * Every ledger count a complaint adds (times `sign`), per scope, straight into `tally`: each audience's
 * list counts (its day counts in a scope per month) and the dashboard's figures. `row` is the
 * complaint's entry when the caller has made it already.
 */
export function addComplaintCounts(tally: Map<string, Record<string, number>>, c: EntrySource, sign = 1, row = complaintEntry(c)): void {
  addFigureCounts(tally, c as EntrySource & FigureSource, sign);
  addBucketCounts(tally, row, countKeys(row), sign);
}

/**
 * One delta row per scope whose counts change from `before` to `after` (null: not there). The id
 * names the complaint and both versions, so writing the same change twice adds nothing.
 */
export function entryCountDeltas(before: EntrySource | null, after: EntrySource | null, at: Date): CountDeltaRow[] {
  const tally = new Map<string, Record<string, number>>();
  if (before) addComplaintCounts(tally, before, -1);
  if (after) addComplaintCounts(tally, after);
  const id = String((after ?? before)!._id);
  const move = `${before?.version ?? 0}>${after?.version ?? 0}`;
  const out: CountDeltaRow[] = [];
  for (const [scope, d] of tally) {
    for (const k of Object.keys(d)) if (d[k] === 0) delete d[k];
    if (Object.keys(d).length) out.push({ _id: `${scope}|${id}|${move}`, scope, d, sealed: false, at });
  }
  return out;
}
