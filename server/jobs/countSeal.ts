// Folds the count ledger's new deltas into snapshots, so a count read stays a few small reads.
import { sealCounts } from '../counts/ledger.js';
import { registerJob } from './scheduler.js';

export const COUNT_SEAL_JOB = 'count-seal';

registerJob({ name: COUNT_SEAL_JOB, everyMs: 60_000, run: (at) => sealCounts(at) });
