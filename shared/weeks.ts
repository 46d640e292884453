// ISO week arithmetic on the bucket strings of shared/calendar.ts ("2026-W07"), so hotspot
// baselines can name the previous weeks without date operators in the database.
import { isoWeek } from './calendar.js';

const DAY_MS = 24 * 3600 * 1000;

/** The Monday (YYYY-MM-DD) of an ISO week. */
export function weekMonday(week: string): string {
  const [y, w] = week.split('-W').map(Number) as [number, number];
  const jan4 = Date.UTC(y, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return new Date(jan4 - jan4Weekday * DAY_MS + (w - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
}

/** The week of a Shanghai calendar day. */
export function weekOfDay(day: string): string {
  // Noon Shanghai time on that day: safely inside it whatever the offset.
  return isoWeek(new Date(Date.parse(`${day}T04:00:00Z`)));
}

/** The week `n` weeks after (negative: before) `week`. */
export function addWeeks(week: string, n: number): string {
  return weekOfDay(new Date(Date.parse(`${weekMonday(week)}T00:00:00Z`) + n * 7 * DAY_MS).toISOString().slice(0, 10));
}

/** Every week from `first` to `last`, inclusive, in order. */
export function weekRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let w = first; w <= last && out.length < 600; w = addWeeks(w, 1)) out.push(w);
  return out;
}

/** Every day from `first` to `last`, inclusive. */
export function dayRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`) && out.length < 4000; t += DAY_MS) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}
