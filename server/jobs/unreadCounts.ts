// Seals users' unread-count deltas into snapshots, so a count reads only the deltas of the last minute.
import { backfillUnread, sealUnread } from '../notifications/unread.js';
import { registerJob } from './scheduler.js';

export const UNREAD_JOB = 'unread-counts';

registerJob({
  name: UNREAD_JOB,
  everyMs: 60_000,
  async run(at) {
    await backfillUnread();
    return { sealed: await sealUnread(at) };
  },
});
