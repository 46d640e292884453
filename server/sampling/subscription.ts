// After a sampling import, the plan rows of the imported products show what was sampled at once,
// without waiting for the hourly plan job.
import { subscription } from '../events/bus.js';
import { refreshSampled } from './riskPlan.js';

export const samplingPlanSubscription = subscription('sampling.imported', async ({ resultIds }) => {
  await refreshSampled(resultIds);
});
