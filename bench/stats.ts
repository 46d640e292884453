// Percentiles by nearest rank, and a bounded sampler that times a request beside the yardstick: a
// figure from `min` rounds when each is slow, from more when each is fast, never more than `max`
// rounds or (after `min`) `budgetMs`.
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

export interface Bounds {
  min: number;
  max: number;
  budgetMs: number;
}

/** Timings and error statuses of one request kind, summed up as a Sample. */
export class Timings {
  readonly ms: number[] = [];
  private readonly bad = new Map<number, number>();

  async time(f: () => Promise<number>): Promise<void> {
    const t = performance.now();
    const status = await f();
    this.ms.push(performance.now() - t);
    if (status >= 400 && status !== 401) this.bad.set(status, (this.bad.get(status) ?? 0) + 1);
  }

  static of(all: Timings[]): Timings {
    const t = new Timings();
    for (const x of all) {
      t.ms.push(...x.ms);
      for (const [s, n] of x.bad) t.bad.set(s, (t.bad.get(s) ?? 0) + n);
    }
    return t;
  }

  sample(): Sample {
    const ms = this.ms;
    return { p50: percentile(ms, 50), p95: percentile(ms, 95), n: ms.length, errors: [...this.bad].map(([s, n]) => `${s}×${n}`).join(' ') };
  }
}

const more = (n: number, start: number, o: Bounds) => n < o.max && (n < o.min || performance.now() - start < o.budgetMs);

/**
 * A request timed beside the yardstick: rounds of one request of each, one after the other, the order
 * alternating from round to round, so both see the same moment of the machine's load.
 */
export async function besideYardstick(
  f: () => Promise<number>,
  yardstick: () => Promise<number>,
  o: Bounds,
): Promise<{ call: Timings; yardstick: Timings }> {
  const call = new Timings();
  const yard = new Timings();
  const start = performance.now();
  for (let i = 0; more(call.ms.length, start, o); i++) {
    if (i % 2) await call.time(f);
    await yard.time(yardstick);
    if (!(i % 2)) await call.time(f);
  }
  return { call, yardstick: yard };
}
