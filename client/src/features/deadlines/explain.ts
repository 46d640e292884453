// The explanation of a deadline (shared/deadlines.ts) as one line in the reader's language: "due
// 2026-10-13: filed 09-17 + 10 working days, weekend workdays (调休) 09-20, 10-10 counted, Mid-autumn
// Festival 09-25, National Day 10-01 … skipped, paused 4 working days for testing (09-22 to 09-29)".
import type { TFunction } from 'i18next';
import type { DeadlineExplanation } from '../../../../shared/deadlines';

const md = (day: string) => day.slice(5);

export function explanationText(t: TFunction, language: string, kind: string, e: DeadlineExplanation): string {
  const ns = { ns: 'deadlines' };
  const list = (days: string[]) => days.map(md).join(t('explain.listSep', ns));
  const parts = [
    t('explain.start', {
      ...ns,
      day: md(e.startDay),
      event: t(`explain.startEvent.${kind}`, ns),
      count: e.days,
      unit: t(`explain.unit.${e.unit}`, ns),
    }),
  ];
  if (e.adjustedWorkdays.length) parts.push(t('explain.adjusted', { ...ns, days: list(e.adjustedWorkdays) }));
  if (e.holidays.length) {
    // Holidays by name, in the order they come: "Mid-autumn Festival 09-25, National Day 10-01, 10-02".
    const byName = new Map<string, string[]>();
    for (const h of e.holidays) {
      const name = language === 'en' ? h.en : h.zh;
      byName.set(name, [...(byName.get(name) ?? []), h.day]);
    }
    const named = [...byName].map(([name, days]) => `${name} ${list(days)}`);
    parts.push(t('explain.holidays', { ...ns, list: named.join(t('explain.sep', ns)) }));
  }
  for (const p of e.pauses) {
    const reason = t(`reasons.${p.reason}`, ns);
    parts.push(
      p.to
        ? t('explain.paused', { ...ns, count: p.workingDays, reason, from: md(p.from), to: md(p.to) })
        : t('explain.pausedSince', { ...ns, count: p.workingDays, reason, from: md(p.from) }),
    );
  }
  return t(e.paused ? 'explain.ifResumed' : 'explain.due', { ...ns, day: e.dueDay, parts: parts.join(t('explain.sep', ns)) });
}
