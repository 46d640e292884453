// Scheduled flag detection: catches what per-event checks cannot (spikes as weeks roll over,
// changed thresholds), rebuilds missing complaint facts first, so a missed event heals, and
// recomputes the merchants' credit tiers.
import type { Job } from './scheduler.js';
import { detectAll } from '../commands/detectFlags.js';
import { backfillFacts } from '../products/backfill.js';
import { refreshAllCredit } from '../products/credit.js';

export const flagDetectionJob: Job = {
  name: 'flag-detection',
  everyMs: 60 * 60 * 1000,
  async run(at) {
    const facts = await backfillFacts();
    // As of each product's check, not of the tick: facts recorded meanwhile belong in its flag.
    const flags = await detectAll();
    const merchants = await refreshAllCredit(at);
    return { facts, merchants, ...flags };
  },
};
