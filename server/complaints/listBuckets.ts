// Large lists read by time bucket. FerretDB v1.24 reads every row a list's equalities select and sorts
// them in memory, so a list over a large audience (a province's queue, a chain's closed tab) would cost
// its whole partition, growing with the data. So each entry also carries the Shanghai month and day of
// its sort keys (tm/td of the filing time, dm/dd of the due time), and the audience's ledger counts
// hold how many entries of each list state fall in each month and day. A page reads the whole list
// when the audience's count for it is small; otherwise the months (or, for a large month, its thirds
// or its days, and for a large day its hours) that hold the page, newest or soonest first, each an
// equality read of a bounded number of rows.
import type { EntryRow } from './entries.js';

const SHANGHAI_MS = 8 * 3600 * 1000;

/**
 * Up to `wholeUpTo` entries a list (or one month of it) is read whole, and a whole list only when that is
 * at most `wholePages` times the rows its page wants; above, by month (or by day). Tests change them.
 */
export const listTuning = { wholeUpTo: 150, wholePages: 2 };

export type BucketField = 'tm' | 'tx' | 'td' | 'th' | 'dm' | 'dd' | 'dh';
export interface Bucket {
  field: BucketField;
  value: string;
  /** Entries of the list's state in it (an upper bound when the list filters further). */
  n: number;
}

/** The Shanghai day `YYYY-MM-DD` of a time. */
export const dayOf = (at: Date | string | number) => new Date(new Date(at).getTime() + SHANGHAI_MS).toISOString().slice(0, 10);

/** The Shanghai hour `YYYY-MM-DDTHH` of a time. */
export const hourOf = (at: Date | string | number) => new Date(new Date(at).getTime() + SHANGHAI_MS).toISOString().slice(0, 13);

/** The hour of a sort key (`ts`, `dk`: `<ms, 15 digits>|<id>`). */
export const hourOfKey = (key: string) => hourOf(Number(key.slice(0, 15)));

/** The month and day buckets of a time. */
export function bucketsOf(at: Date | string | number): { month: string; day: string } {
  const day = dayOf(at);
  return { month: day.slice(0, 7), day };
}

/** The third of its month (旬: days 1–10, 11–20, 21 on) a day `YYYY-MM-DD` is in: `YYYY-MM/1` to `/3`. */
export const tenDaysOf = (day: string) => `${day.slice(0, 7)}/${Math.min(3, Math.ceil(Number(day.slice(8)) / 10))}`;

/**
 * The bucket counts an entry adds within each of its audiences: per month and day of filing, its
 * state (all, group, inbox tab); per month and day of its due time, the same with and without its
 * priority (the regulator queue's sections are read by deadline). The month keys go in the audience's
 * own scope; the day keys of a month in that month's scope of the audience (`daysScope`), so the
 * audience's scope holds a key per month and state whatever the number of complaints, and a page that
 * needs a month's days reads that month's alone.
 */
export function bucketCountKeys(e: Pick<EntryRow, 'group' | 'tab' | 'priority' | 'tm' | 'td' | 'dm' | 'dd'>): {
  months: string[];
  days: Map<string, string[]>;
} {
  const states = ['*', `g:${e.group}`, `t:${e.tab}`];
  const months = states.map((st) => `tm:${e.tm}|${st}`);
  const days = new Map<string, string[]>([[e.tm, states.map((st) => `td:${e.td}|${st}`)]]);
  if (e.dm && e.dd) {
    const due = states.flatMap((s) => [s, `${s}|p:${e.priority}`]);
    months.push(...due.map((st) => `dm:${e.dm}|${st}`));
    days.set(e.dm, [...(days.get(e.dm) ?? []), ...due.map((st) => `dd:${e.dd}|${st}`)]);
  }
  for (const [m, ks] of days) days.set(m, [...new Set(ks)]);
  return { months: [...new Set(months)], days };
}

/** The ledger scope of an audience's day counts of one month (`YYYY-MM`): its entries by day of filing and of due time. */
export const daysScope = (audience: string, month: string) => `${audience}|days:${month}`;

/** An entry's counts per ledger scope: `keys` and its month keys in each audience's scope, its day keys in that audience's month scopes. */
export function bucketCounts(
  e: Pick<EntryRow, 'aud' | 'group' | 'tab' | 'priority' | 'tm' | 'td' | 'dm' | 'dd'>,
  keys: string[] = [],
): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  addBucketCounts(out, e, keys, 1);
  return out;
}

/** The same added (times `sign`) straight into a tally. */
export function addBucketCounts(
  out: Map<string, Record<string, number>>,
  e: Pick<EntryRow, 'aud' | 'group' | 'tab' | 'priority' | 'tm' | 'td' | 'dm' | 'dd'>,
  keys: string[],
  sign: number,
): void {
  const { months, days } = bucketCountKeys(e);
  const add = (scope: string, ks: string[]) => {
    let c = out.get(scope);
    if (!c) out.set(scope, (c = {}));
    for (const k of ks) c[k] = (c[k] ?? 0) + sign;
  };
  for (const audience of e.aud) {
    add(audience, keys);
    add(audience, months);
    for (const [month, ks] of days) add(daysScope(audience, month), ks);
  }
}

/** Whether a ledger scope is an audience's day counts of a month. */
export const isDaysScope = (scope: string) => scope.includes('|days:');

/**
 * The ordered buckets a list is read from: every month with entries of `state` (newest first for the
 * filing time, soonest first for the due time) from the cursor's month on, a month with more than
 * `wholeUpTo` entries replaced by its days (from the cursor's day on). So is a month holding more than
 * twice what the page (`need` rows) still lacks when it is reached: the page reads the few days it
 * needs, not the whole month. Rows are what a read costs on this engine: the province's normal-priority
 * queue read the 85 entries of its first month for 21 (1.1–2.2 s under load), its first 7 days in
 * parallel read 25 (0.4–0.6 s).
 */
export function listBuckets(counts: Record<string, number>, kind: 't' | 'd', state: string, cursorDay?: string, need = Infinity): Bucket[] {
  const desc = kind === 't';
  const suffix = `|${state}`;
  const months = new Map<string, number>();
  const days = new Map<string, [string, number][]>();
  for (const [k, n] of Object.entries(counts)) {
    if (n <= 0 || !k.endsWith(suffix) || k[0] !== kind || k[2] !== ':') continue;
    const value = k.slice(3, k.length - suffix.length);
    if (k[1] === 'm' && value.length === 7) months.set(value, n);
    if (k[1] === 'd' && value.length === 10) days.set(value.slice(0, 7), [...(days.get(value.slice(0, 7)) ?? []), [value, n]]);
  }
  const before = (a: string, b: string) => (desc ? a > b : a < b);
  const order = (a: string, b: string) => (a === b ? 0 : before(a, b) ? -1 : 1);
  const out: Bucket[] = [];
  let lacking = need;
  for (const month of [...months.keys()].sort(order)) {
    if (cursorDay && before(month, cursorDay.slice(0, 7))) continue;
    const n = months.get(month)!;
    const ofMonth = (days.get(month) ?? []).filter(([d]) => !cursorDay || !before(d, cursorDay));
    const whole = n <= listTuning.wholeUpTo && !(lacking > 0 && n > 2 * lacking);
    if (whole || !ofMonth.length) out.push({ field: `${kind}m`, value: month, n });
    else for (const [d, dn] of ofMonth.sort(([a], [b]) => order(a, b))) out.push({ field: `${kind}d`, value: d, n: dn });
    lacking -= n;
  }
  return out;
}

/**
 * A month's days of filing in the order listBuckets gives them, each third of the month (旬) read in
 * one bucket (`tx`) where its days hold at most what listBuckets reads a month whole for: a small
 * audience's month too big for the page (a consumer's 45 complaints, at 200k, a page lacking 10) is
 * then one or two reads, not one for each of its days of 1–4 complaints. The counts are its days'
 * (no ledger key of its own), so the rows and the order are those of the days.
 */
export function byTenDays(days: Bucket[], need: number): Bucket[] {
  const out: Bucket[] = [];
  let lacking = need;
  for (let i = 0; i < days.length;) {
    const value = days[i]!.field === 'td' ? tenDaysOf(days[i]!.value) : '';
    let j = i + 1;
    while (value && j < days.length && days[j]!.field === 'td' && tenDaysOf(days[j]!.value) === value) j++;
    const part = days.slice(i, j);
    const n = part.reduce((sum, b) => sum + b.n, 0);
    if (part.length > 1 && n <= listTuning.wholeUpTo && !(lacking > 0 && n > 2 * lacking)) out.push({ field: 'tx', value, n });
    else out.push(...part);
    lacking -= n;
    i = j;
  }
  return out;
}

/**
 * A day of fewer entries holds less than one an hour: its hours would be mostly empty reads, one round
 * trip each, to spare a few rows (at 20k complaints a 6-entry day split for the page's last row read 4
 * rows fewer in 3 commands more).
 */
const HOURLY = 24;

/**
 * The buckets in the order given, each day holding more than twice what the page still lacks (and at
 * least `HOURLY`) replaced by its 24 hours (`th`, `dh`), from the cursor's hour on: a day is otherwise read whole, and a chain's
 * day grows with its complaints (its closed tab's newest day of filing, its responded tab's day of
 * due times: 5–11 rows at 5k–20k complaints, some 80 at 200k, for a page of 21). The ledger counts no
 * hour, so each hour is taken to hold a 24th of its day (readBuckets reads on while the page lacks
 * rows): an empty hour is a read beside the others costing the engine about 2.5 ms of CPU, each row
 * read about 2 ms more (measured at 20k), so reading about what the page shows is the saving.
 */
export function byHours(buckets: Bucket[], need: number, cursorHour?: string): Bucket[] {
  const out: Bucket[] = [];
  let lacking = need;
  for (const b of buckets) {
    if ((b.field === 'td' || b.field === 'dd') && lacking > 0 && b.n > 2 * lacking && b.n >= HOURLY) {
      const desc = b.field === 'td';
      for (let h = 0; h < 24; h++) {
        const value = `${b.value}T${String(desc ? 23 - h : h).padStart(2, '0')}`;
        if (cursorHour && (desc ? value > cursorHour : value < cursorHour)) continue;
        out.push({ field: desc ? 'th' : 'dh', value, n: b.n / 24 });
      }
    } else out.push(b);
    lacking -= b.n;
  }
  return out;
}

/**
 * Buckets read at once, at most: a page's first days of a long list may be a dozen small ones (a
 * chain's to-do tab at 20k complaints: 9 days of 1–4 rows, and 8 at once left one for a round trip more).
 */
const PARALLEL = 12;

/**
 * Reads buckets in order, a few at once (as many as their counts say the page still needs: upper
 * bounds when the list filters further), until `want` rows are read or the buckets run out.
 */
export async function readBuckets<T>(buckets: Bucket[], want: number, read: (b: Bucket) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; rows.length < want && i < buckets.length;) {
    const batch: Bucket[] = [];
    for (let need = want - rows.length; i < buckets.length && batch.length < PARALLEL && need > 0; i++) {
      batch.push(buckets[i]!);
      need -= buckets[i]!.n;
    }
    for (const part of await Promise.all(batch.map(read))) rows.push(...part);
  }
  return rows;
}
