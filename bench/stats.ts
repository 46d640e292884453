// Percentiles by nearest rank, and a bounded sampler: a figure from a few requests when each is slow,
// from more when each is fast, never more than `max` requests or (after `min`) `budgetMs`.
import { performance } from 'node:perf_hooks';

export function percentile(ms: number[], p: number): number {
  if (ms.length === 0) return NaN;
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Sample {
  p50: number;
  p95: number;
  n: number;
  /** Error statuses seen, e.g. "404×3" (a 401 is a signed-out visitor's expected answer). */
  errors: string;
}

export async function sample(f: () => Promise<number>, o: { min: number; max: number; budgetMs: number }): Promise<Sample> {
  const ms: number[] = [];
  const bad = new Map<number, number>();
  const start = performance.now();
  while (ms.length < o.max && (ms.length < o.min || performance.now() - start < o.budgetMs)) {
    const t = performance.now();
    const status = await f();
    ms.push(performance.now() - t);
    if (status >= 400 && status !== 401) bad.set(status, (bad.get(status) ?? 0) + 1);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), n: ms.length, errors: [...bad].map(([s, n]) => `${s}×${n}`).join(' ') };
}
