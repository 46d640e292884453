// Deadlines run in Chinese working days, in Asia/Shanghai (UTC+8 all year, no DST).
// chinese-days is CommonJS: plain Node (npm start) offers no named exports from it, only the default.
import chineseDays from 'chinese-days';

const { isWorkday } = chineseDays;

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** Calendar day in Shanghai, as YYYY-MM-DD. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai calendar day ends (exclusive upper bound). */
export function endOfShanghaiDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS + DAY_MS);
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

// chinese-days parses the date on every call; deadlines ask about the same few hundred days again
// and again (every event of every complaint), so answers are kept.
const workingDay = new Map<string, boolean>();

export function isWorkingDay(day: string): boolean {
  let w = workingDay.get(day);
  if (w === undefined) workingDay.set(day, (w = isWorkday(day)));
  return w;
}

/**
 * The end of the n-th working day after the day of `from`: a complaint filed on a Friday with
 * n = 1 is due at the end of the next working Monday.
 */
export function addWorkingDays(from: Date, n: number): Date {
  const start = shanghaiDay(from);
  const key = `${start}+${n}`;
  let end = workingDayEnd.get(key);
  if (end === undefined) {
    let day = start;
    let left = n;
    while (left > 0) {
      day = nextDay(day);
      if (isWorkingDay(day)) left--;
    }
    workingDayEnd.set(key, (end = endOfShanghaiDay(day).getTime()));
  }
  return new Date(end);
}
const workingDayEnd = new Map<string, number>();

/** Calendar days, ending at the end of the Shanghai day. */
export function addCalendarDays(from: Date, n: number): Date {
  let day = shanghaiDay(from);
  for (let i = 0; i < n; i++) day = nextDay(day);
  return endOfShanghaiDay(day);
}

/** Working days from `from` until `to` (0 when `to` is on or before the day of `from`). */
export function workingDaysBetween(from: Date, to: Date): number {
  let day = shanghaiDay(from);
  const last = shanghaiDay(to);
  let count = 0;
  while (day < last) {
    day = nextDay(day);
    if (isWorkingDay(day)) count++;
  }
  return count;
}

/** ISO week of the Shanghai calendar day, as YYYY-Www. */
export function isoWeek(at: Date): string {
  const d = new Date(Date.parse(`${shanghaiDay(at)}T00:00:00Z`));
  // The ISO year and week are those of the Thursday in the same Monday-to-Sunday week.
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
