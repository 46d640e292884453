import { logger } from '../logger.js';
import { now } from '../clock.js';
import { claim } from './claim.js';

export interface Job {
  name: string;
  everyMs: number;
  run(at: Date): Promise<unknown>;
}

const jobs: Job[] = [];

/** Capabilities register their periodic jobs at module load. */
export function registerJob(job: Job): void {
  if (!jobs.some((j) => j.name === job.name)) jobs.push(job);
}

/**
 * Runs every job whose period has a slot not yet claimed. The slot (job name + period index) is
 * claimed by an insert, so of several instances exactly one runs each slot.
 */
export async function runDueJobs(at = now(), stopping = () => false): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const job of jobs) {
    if (stopping()) break;
    const slot = Math.floor(at.getTime() / job.everyMs);
    if (!(await claim(`${job.name}:${slot}`, job.name))) continue;
    try {
      results[job.name] = await job.run(at);
    } catch (err) {
      // A job the shutdown cut off (its database closed under it) is no fault: it runs again later.
      if (stopping()) logger.info({ job: job.name }, 'job cut off by the shutdown; it runs again at the next start');
      else logger.error({ err, job: job.name }, 'job failed');
    }
  }
  return results;
}

/** Runs the same job body outside the schedule (tests, the CLI). */
export async function runJob(name: string, at = now()): Promise<unknown> {
  const job = jobs.find((j) => j.name === name);
  if (!job) throw new Error(`no job ${name}`);
  return job.run(at);
}

/**
 * Ticks every `tickMs`. The returned stop waits for a tick in flight, up to `graceMs`: a long first
 * run on a big database must not hold a Ctrl-C for minutes, and every firing it leaves undone is
 * claimed again later (see claim()).
 */
export function startScheduler(tickMs = 15_000, graceMs = 10_000): () => Promise<void> {
  let current: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (current) return;
    current = runDueJobs(now(), () => stopped)
      .then(() => undefined)
      .catch((err) => logger.error({ err }, 'scheduler tick failed'))
      .finally(() => (current = null));
  };
  const timer = setInterval(tick, tickMs);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([current, new Promise((resolve) => (grace = setTimeout(resolve, graceMs)))]);
    clearTimeout(grace);
  };
}
