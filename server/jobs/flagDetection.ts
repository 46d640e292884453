// Scheduled flag detection: catches what per-event checks cannot (spikes as weeks roll over,
// changed thresholds), rebuilds missing complaint facts first, so a missed event heals, and seals
// the weekly rollups of finished weeks.
import { registerJob } from './scheduler.js';
import { detectAll } from '../commands/detectFlags.js';
import { backfillFacts } from '../products/backfill.js';
import { sealWeeks } from '../analytics/weekCells.js';
import '../products/subscriptions.js';

registerJob({
  name: 'flag-detection',
  everyMs: 60 * 60 * 1000,
  async run(at) {
    const facts = await backfillFacts();
    const sealed = await sealWeeks(at);
    return { facts, sealed, ...(await detectAll(at)) };
  },
});
