// Folds the count ledger's new deltas into snapshots, so a count read stays a few small reads. Unread
// counts of notifications stored before they were kept in the ledger get their deltas first.
import { sealCounts } from '../counts/ledger.js';
import { backfillUnread } from '../notifications/unread.js';
import type { Job } from './scheduler.js';

export const COUNT_SEAL_JOB = 'count-seal';

export const countSealJob: Job = {
  name: COUNT_SEAL_JOB,
  everyMs: 60_000,
  async run(at) {
    await backfillUnread();
    return sealCounts(at);
  },
};
