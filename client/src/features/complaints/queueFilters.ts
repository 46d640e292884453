// The regulator queue's filters live in the address (shareable, back button) and feed both the list
// and the CSV export.
import type { Query } from '../../api/client';

export interface QueueFilters {
  status: string;
  city: string;
  county: string;
  category: string;
  from: string;
  to: string;
  q: string;
  /** Set by a drill-down from a merchant on the dashboard; shown as a removable filter, not in the bar's fields. */
  merchantId: string;
  /** The bureau's view: '' 全部, 'me' 我的, 'none' 未分配 (the tabs above the bar). */
  assignee: string;
  /** '' both, 'urgent' or 'normal' (the queue lists urgent ones apart either way). */
  priority: string;
  /** '' any, 'true' overdue only, 'false' within the deadline. */
  overdue: string;
}

export const FILTER_KEYS = [
  'status',
  'city',
  'county',
  'category',
  'from',
  'to',
  'q',
  'merchantId',
  'assignee',
  'priority',
  'overdue',
] as const;

/** The queue with no filter chosen: open complaints of the whole jurisdiction. */
export const NO_FILTERS: QueueFilters = {
  status: 'open',
  city: '',
  county: '',
  category: '',
  from: '',
  to: '',
  q: '',
  merchantId: '',
  assignee: '',
  priority: '',
  overdue: '',
};

export function readFilters(params: URLSearchParams): QueueFilters {
  const get = (k: string) => params.get(k) ?? '';
  return {
    status: params.has('status') ? get('status') : 'open',
    city: get('city'),
    county: get('county'),
    category: get('category'),
    from: get('from'),
    to: get('to'),
    q: get('q'),
    merchantId: /^[0-9a-f]{24}$/.test(get('merchantId')) ? get('merchantId') : '',
    assignee: /^(me|none|[0-9a-f]{24})$/.test(get('assignee')) ? get('assignee') : '',
    priority: /^(urgent|normal)$/.test(get('priority')) ? get('priority') : '',
    overdue: /^(true|false)$/.test(get('overdue')) ? get('overdue') : '',
  };
}

const OPEN = ['open', 'awaiting_merchant', 'merchant_responded', 'awaiting_regulator', 'in_mediation'];
const DAY = 24 * 3600 * 1000;

/** Calendar days are China's: from the start of `from` to the end of `to`, Shanghai time. */
export function filterQuery(f: QueueFilters): Query {
  return {
    status: f.status,
    countyCode: f.county || f.city,
    category: f.category,
    from: f.from && `${f.from}T00:00:00+08:00`,
    to: f.to && new Date(Date.parse(`${f.to}T00:00:00+08:00`) + DAY).toISOString(),
    q: f.q,
    merchantId: f.merchantId,
    assignee: f.assignee,
    priority: f.priority,
    overdue: f.overdue,
  };
}

/** The filters as a saved view keeps them: the API's query without the empty ones. */
export function viewFilters(f: QueueFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filterQuery(f)).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
}

/** A saved view's filters back as the queue's address (the inverse of filterQuery). */
export function queueLink(v: Record<string, string | undefined>): string {
  const f: QueueFilters = { ...NO_FILTERS, status: v.status ?? '' };
  const region = v.countyCode ?? '';
  if (region.length === 6) Object.assign(f, { city: region.slice(0, 4), county: region });
  else if (region.length === 4) f.city = region;
  // `from` is the start of a Shanghai day; `to` the start of the day after the last one.
  if (v.from) f.from = v.from.slice(0, 10);
  if (v.to) f.to = new Date(Date.parse(v.to) - DAY + 8 * 3600 * 1000).toISOString().slice(0, 10);
  for (const k of ['category', 'q', 'merchantId', 'assignee', 'priority', 'overdue'] as const) f[k] = v[k] ?? '';
  return `/queue?${queueParams(f).toString()}`;
}

/** The address of a set of filters (what the queue page writes when they change). */
export function queueParams(f: QueueFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k] || (k === 'status' && f.status !== 'open')) p.set(k, f[k]);
  return p;
}

/** Open work by deadline; closed complaints have none (the deadline order leaves them out), so newest first. */
export const sortFor = (f: QueueFilters) => (OPEN.includes(f.status) ? 'deadline' : 'newest');
