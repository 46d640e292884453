// Links from a figure to the complaints behind it: the regulator queue (/queue) with its filters in
// the address. The queue shows open complaints unless `status` is given, so figures over every
// status pass an empty one. Days are Shanghai calendar days, inclusive, as on the dashboard.
import type { Filter } from './api';

export interface Drill {
  region?: string;
  category?: string;
  from?: string;
  to?: string;
  status?: string;
  merchantId?: string;
  q?: string;
}

export function queueLink(f: Filter, d: Drill = {}): string {
  const region = d.region ?? f.region;
  const params = new URLSearchParams({ status: d.status ?? '' });
  if (region.length === 4) params.set('city', region);
  if (region.length === 6) params.set('county', region);
  const category = d.category ?? f.category;
  if (category) params.set('category', category);
  const from = d.from ?? f.from;
  const to = d.to ?? f.to;
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (d.merchantId) params.set('merchantId', d.merchantId);
  if (d.q) params.set('q', d.q);
  return `/queue?${params.toString()}`;
}

const DAY_MS = 24 * 3600 * 1000;

/** `day` moved by `n` calendar days (YYYY-MM-DD). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Today in Shanghai (YYYY-MM-DD), whatever the browser's zone. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/**
 * An ISO week ("2026-W47") as its Monday..Sunday. shared/weeks.ts has the same arithmetic but pulls
 * the holiday calendar into the bundle through shared/calendar.ts.
 */
export function weekDays(week: string): { from: string; to: string } {
  const [y, w] = week.split('-W').map(Number) as [number, number];
  const jan4 = Date.UTC(y, 0, 4);
  const monday = new Date(jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS + (w - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
  return { from: monday, to: addDays(monday, 6) };
}
