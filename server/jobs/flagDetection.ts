// Scheduled flag detection: catches what per-event checks cannot (spikes as weeks roll over,
// changed thresholds) and rebuilds missing complaint facts first, so a missed event heals.
import { registerJob } from './scheduler.js';
import { detectAll } from '../commands/detectFlags.js';
import { backfillFacts } from '../products/backfill.js';
import '../products/subscriptions.js';

registerJob({
  name: 'flag-detection',
  everyMs: 60 * 60 * 1000,
  async run(at) {
    const facts = await backfillFacts();
    return { facts, ...(await detectAll(at)) };
  },
});
