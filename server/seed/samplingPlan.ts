// Demo data: each demo bureau's sampling plan for this quarter, scored from the demo complaints, flags,
// samplings and incidents (order 50: after every seeder that writes a risk input), as the hourly job would.
import { now } from '../clock.js';
import { computeSamplingPlans } from '../sampling/riskPlan.js';
import type { Seeder } from './registry.js';

export const samplingPlanSeeder: Seeder = {
  name: 'sampling-plan',
  order: 50,
  run: async () => {
    // The seed's first plan: no rows or adjustments yet, so every row and total goes in at once.
    await computeSamplingPlans(now(), undefined, { fresh: true });
  },
};
