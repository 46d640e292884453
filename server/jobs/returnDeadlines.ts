// Covered returns not refunded within the promised hours become breaches. Each breach is claimed
// once per request (see server/returns/breach.ts), so this job may run twice, on two instances, or
// again after a restart, and still opens one complaint per request.
import { ReturnEventModel } from '../models/ReturnEvent.js';
import { ReturnRequestModel } from '../models/ReturnRequest.js';
import { openBreach, repairBreaches } from '../returns/breach.js';
import { refreshAllReturnFigures } from '../returns/merchantFigures.js';
import type { Job } from './scheduler.js';

export const RETURN_DEADLINE_JOB = 'return-deadlines';

export async function checkReturnDeadlines(at: Date) {
  const due = await ReturnRequestModel.find({ covered: true, status: 'pending', breach: false, dueAt: { $lte: at } }, { _id: 1 })
    .limit(500)
    .lean();
  let opened = 0;
  for (const r of due) {
    // An outcome stored a moment ago whose projection has not landed yet is not overdue.
    if (await ReturnEventModel.exists({ requestId: r._id, kind: 'outcome' })) continue;
    if (await openBreach(r._id)) opened++;
  }
  const repaired = await repairBreaches();
  return { due: due.length, opened, repaired };
}

export const returnDeadlineJob: Job = { name: RETURN_DEADLINE_JOB, everyMs: 60_000, run: checkReturnDeadlines };

// The registry's and profiles' figures cover the last 365 days: refreshed hourly as the window moves.
export const returnFiguresJob: Job = {
  name: 'return-figures',
  everyMs: 3600_000,
  run: async (at) => ({ merchants: await refreshAllReturnFigures(at) }),
};
