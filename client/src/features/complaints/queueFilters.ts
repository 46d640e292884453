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
}

export const FILTER_KEYS = ['status', 'city', 'county', 'category', 'from', 'to', 'q', 'merchantId'] as const;

/** The queue with no filter chosen: open complaints of the whole jurisdiction. */
export const NO_FILTERS: QueueFilters = { status: 'open', city: '', county: '', category: '', from: '', to: '', q: '', merchantId: '' };

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
  };
}

/** Open work by deadline; closed complaints have none (the deadline order leaves them out), so newest first. */
export const sortFor = (f: QueueFilters) => (OPEN.includes(f.status) ? 'deadline' : 'newest');
