// The flag rules as a pure function of one product's evidence, so each threshold is testable
// without a database and the detection command only gathers inputs and stores the outcome.
import type { FlagRuleId, FlagRules } from '../../shared/schemas/products.js';
import { addWeeks } from '../../shared/weeks.js';
import { isoWeek } from '../../shared/calendar.js';

export interface FactIn {
  complaintId: string;
  merchantId: string;
  cityCode: string;
  countyCode: string;
  safety: boolean;
  keyCategory: boolean;
  createdAt: Date;
  week: string;
}
export interface SamplingIn {
  id: string;
  passed: boolean;
  sampledOn: string;
  batch: string;
  authority: string;
  failedItems: string[];
  regionCode: string;
}

/** An incident a merchant reported (server/incidents/report.ts): evidence for the safety rule, whatever the category. */
export interface IncidentIn {
  id: string;
  occurredAt: Date;
}

const DAY_MS = 24 * 3600 * 1000;
const since = (at: Date, days: number) => at.getTime() - days * DAY_MS;
const distinct = <T>(xs: T[]) => [...new Set(xs)];

/** Weekly-count spike of one series: the week of `at` and the one before, each against its own previous weeks. */
export function spikeOf(weekly: Map<string, number>, at: Date, r: FlagRules['spike']) {
  let best: { week: string; observed: number; expected: number; z: number } | null = null;
  const current = isoWeek(at);
  for (const week of [current, addWeeks(current, -1)]) {
    const observed = weekly.get(week) ?? 0;
    let sum = 0;
    for (let i = 1; i <= r.baselineWeeks; i++) sum += weekly.get(addWeeks(week, -i)) ?? 0;
    const expected = sum / r.baselineWeeks;
    const z = (observed - expected) / Math.sqrt(Math.max(expected, 1));
    const fired = observed >= r.minCount && observed >= r.ratio * Math.max(expected, 1 / r.ratio) && z >= r.zScore;
    if (fired && (!best || z > best.z)) best = { week, observed, expected: Math.round(expected * 100) / 100, z: Math.round(z * 100) / 100 };
  }
  return best;
}

export function evaluate(facts: FactIn[], samplings: SamplingIn[], rules: FlagRules, at: Date, reports: IncidentIn[] = []) {
  const fired: FlagRuleId[] = [];
  let score = 0;
  const inDays = (days: number) => facts.filter((f) => f.createdAt.getTime() >= since(at, days) && f.createdAt.getTime() <= at.getTime());

  const volume = inDays(rules.volume.windowDays);
  if (rules.volume.enabled && volume.length >= rules.volume.complaints) {
    fired.push('volume');
    score += 10 + 2 * volume.length;
  }

  const spreadSet = inDays(rules.spread.windowDays);
  const merchants = distinct(spreadSet.map((f) => f.merchantId));
  const cities = distinct(spreadSet.map((f) => f.cityCode));
  if (
    rules.spread.enabled &&
    spreadSet.length >= rules.spread.minComplaints &&
    (merchants.length >= rules.spread.merchants || cities.length >= rules.spread.cities)
  ) {
    fired.push('spread');
    score += 5 * merchants.length + 5 * cities.length;
  }

  const incidents = inDays(rules.safety.windowDays).filter((f) => f.safety && f.keyCategory);
  // A reported incident is a merchant's own statement that a product hurt someone: it counts on any category.
  const reported = reports.filter((r) => r.occurredAt.getTime() >= since(at, rules.safety.windowDays) && r.occurredAt <= at);
  if (rules.safety.enabled && incidents.length + reported.length > 0) {
    fired.push('safety');
    score += 30 + 10 * (incidents.length + reported.length);
  }

  const fromDay = new Date(since(at, rules.sampling.windowYears * 365.25)).toISOString().slice(0, 10);
  const failures = samplings.filter((s) => !s.passed && s.sampledOn >= fromDay);
  const complaintsInSamplingWindow = inDays(rules.sampling.windowYears * 365.25).length;
  if (
    rules.sampling.enabled &&
    failures.length > 0 &&
    (failures.length >= rules.sampling.failures ||
      (failures.length >= rules.sampling.failuresWithComplaints && complaintsInSamplingWindow >= rules.sampling.complaints))
  ) {
    fired.push('sampling');
    score += 20 * failures.length + complaintsInSamplingWindow;
  }

  const weekly = new Map<string, number>();
  for (const f of facts) weekly.set(f.week, (weekly.get(f.week) ?? 0) + 1);
  const spike = rules.spike.enabled ? spikeOf(weekly, at, rules.spike) : null;
  if (spike) {
    fired.push('spike');
    score += 5 * spike.z;
  }

  // Evidence covers every complaint the widest enabled window saw, newest first.
  const widest = Math.max(rules.volume.windowDays, rules.spread.windowDays, rules.safety.windowDays);
  const seen = inDays(widest).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const evidence = {
    complaintIds: seen.slice(0, 500).map((f) => f.complaintId),
    complaintCount: seen.length,
    complaintsInVolumeWindow: volume.length,
    merchantCount: distinct(seen.map((f) => f.merchantId)).length,
    merchantIds: distinct(seen.map((f) => f.merchantId)),
    regionCodes: distinct(seen.map((f) => f.countyCode)).sort(),
    cityCodes: distinct(seen.map((f) => f.cityCode)).sort(),
    safetyIncidents: incidents.length + reported.length,
    incidentIds: reported.map((r) => r.id),
    safetyComplaintIds: incidents.map((f) => f.complaintId),
    samplingFailures: failures.length,
    samplingResults: failures.map((s) => ({
      id: s.id,
      batch: s.batch,
      sampledOn: s.sampledOn,
      authority: s.authority,
      failedItems: s.failedItems,
      regionCode: s.regionCode,
    })),
    spike,
  };
  return { rules: fired, score: Math.round(score * 10) / 10, evidence };
}
