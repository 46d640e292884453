// Deadlines that pause (Interim Measures: time for testing, inspection or appraisal does not count toward
// the handling deadlines), and the explanation of any complaint deadline as data: the server builds it,
// the client writes it out in the reader's language ("due 10-09: received 09-17 + 7 working days, 调休
// 09-20 counted, 09-25 中秋 skipped, paused 4 working days for testing").
import { z } from 'zod';
import chineseDays from 'chinese-days';
import { addCalendarDays, addWorkingDays, isWorkingDay, shanghaiDay, workingDaysBetween } from './calendar.js';

const { getDayDetail } = chineseDays;

/** The complaint events of a deadline's pauses (they keep the status; every party sees them in the timeline). */
export const DEADLINE_EVENTS = ['request_pause', 'pause_deadline', 'resume_deadline', 'decline_pause_request'] as const;
export type DeadlineEvent = (typeof DEADLINE_EVENTS)[number];

/** Why a deadline stops running: only the technical work the Interim Measures exclude from the time limits. */
export const PAUSE_REASONS = ['testing', 'inspection', 'appraisal'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/**
 * The deadlines that may pause: the bureau's own handling limits, and the merchant's response limit
 * (paused by the bureau, on the merchant's request or its own motion). The consumer's 7 calendar days
 * to answer a response do not pause.
 */
export const PAUSABLE_KINDS = ['merchant_response', 'regulator_acceptance', 'mediation'] as const;
export const isPausable = (kind: string | null | undefined) => (PAUSABLE_KINDS as readonly string[]).includes(kind ?? '');

/** One pause of the current deadline; `to` absent while it lasts. Dates are instants (ISO on the wire). */
export interface StoredPause {
  reason: PauseReason;
  from: Date | string;
  to?: Date | string | null;
  /** Working days it moved the deadline by, fixed at resumption. */
  workingDays?: number;
  /** Who asked: the bureau on its own motion, or the merchant (approved by the bureau). */
  requestedBy: 'regulator' | 'merchant';
  note?: string;
}

/** Working days a pause moves the deadline by: those after the day it began, up to and including the day it ended. */
export function pausedWorkingDays(from: Date | string, to: Date | string): number {
  return workingDaysBetween(new Date(from), new Date(to));
}

const dayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const deadlineExplanationSchema = z.object({
  /** The Shanghai day the count starts after (filing, reaching the bureau, acceptance). */
  startDay: dayString,
  unit: z.enum(['working_days', 'calendar_days']),
  /** The limit of the stage before pauses. */
  days: z.number().int(),
  /** The day it is due (the end of that day); while paused, the day it would be due if resumed today. */
  dueDay: dayString,
  /** Weekend days counted as working days (调休) between the start and the due day. */
  adjustedWorkdays: z.array(dayString),
  /** Weekdays skipped as public holidays, with the holiday's name in both languages. */
  holidays: z.array(z.object({ day: dayString, en: z.string(), zh: z.string() })),
  pauses: z.array(
    z.object({
      reason: z.enum(PAUSE_REASONS),
      from: dayString,
      /** Null while it lasts. */
      to: dayString.nullable(),
      /** Working days so far (while it lasts: up to today). */
      workingDays: z.number().int(),
      requestedBy: z.enum(['regulator', 'merchant']),
    }),
  ),
  pausedWorkingDays: z.number().int(),
  paused: z.boolean(),
});
export type DeadlineExplanation = z.infer<typeof deadlineExplanationSchema>;

const DAY_MS = 24 * 3600 * 1000;
/** The last Shanghai day of a deadline that ends at `due` (the end of that day, so the next day's first instant). */
export const lastDay = (due: Date | string) => shanghaiDay(new Date(new Date(due).getTime() - 1));
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

function holidayName(day: string): { en: string; zh: string } {
  const [en = '', zh = ''] = String(getDayDetail(day).name ?? '').split(',');
  return { en, zh };
}

/**
 * Why a deadline falls where it does. `base` is the stage's limit; `dueAt` the stored due time (absent
 * while paused); `at` is now, for a pause that still lasts.
 */
export function explainDeadline(
  d: { startedAt: Date | string; dueAt?: Date | string | null; pauses?: StoredPause[] | null },
  base: { unit: 'working_days' | 'calendar_days'; days: number },
  at: Date,
): DeadlineExplanation {
  const startDay = shanghaiDay(new Date(d.startedAt));
  const pauses = (d.pauses ?? []).map((p) => {
    const open = !p.to;
    return {
      reason: p.reason,
      from: shanghaiDay(new Date(p.from)),
      to: open ? null : shanghaiDay(new Date(p.to!)),
      workingDays: open ? pausedWorkingDays(p.from, at) : (p.workingDays ?? pausedWorkingDays(p.from, p.to!)),
      requestedBy: p.requestedBy,
    };
  });
  const paused = pauses.some((p) => p.to === null);
  const pausedTotal = pauses.reduce((n, p) => n + p.workingDays, 0);
  let due: Date;
  if (d.dueAt && !paused) due = new Date(d.dueAt);
  else if (base.unit === 'working_days') due = addWorkingDays(new Date(d.startedAt), base.days + pausedTotal);
  else due = addCalendarDays(new Date(d.startedAt), base.days);
  const dueDay = lastDay(due);
  const adjustedWorkdays: string[] = [];
  const holidays: DeadlineExplanation['holidays'] = [];
  if (base.unit === 'working_days')
    for (let day = nextDay(startDay); day <= dueDay; day = nextDay(day)) {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const weekend = weekday === 0 || weekday === 6;
      if (weekend && isWorkingDay(day)) adjustedWorkdays.push(day);
      if (!weekend && !isWorkingDay(day)) holidays.push({ day, ...holidayName(day) });
    }
  return { startDay, unit: base.unit, days: base.days, dueDay, adjustedWorkdays, holidays, pauses, pausedWorkingDays: pausedTotal, paused };
}
