import { expect } from 'chai';
import { SamplingPlanItemModel } from '../../server/models/SamplingPlanItem.js';
import { complaintSeeder } from '../../server/seed/complaints.js';
import { dashboardSeeder, productSeeder } from '../../server/seed/products.js';
import { safetySeeder } from '../../server/seed/safety.js';
import { samplingPlanSeeder } from '../../server/seed/samplingPlan.js';
import { freshWorld } from '../helpers/server.js';

describe('the sampling plan demo data', function () {
  this.timeout(600_000);

  it('gives each demo bureau (Hangzhou, Yiwu, the province) a plan for this quarter', async () => {
    const world = await freshWorld();
    for (const s of [complaintSeeder, dashboardSeeder, productSeeder, safetySeeder, samplingPlanSeeder]) await s.run(world);
    for (const region of ['3301', '330782', '33']) {
      const planned = await SamplingPlanItemModel.countDocuments({ region, inPlan: true });
      expect(planned, region).to.be.greaterThan(0);
    }
    // The province's plan holds every subject of its cities.
    expect(await SamplingPlanItemModel.countDocuments({ region: '33' })).to.be.at.least(
      await SamplingPlanItemModel.countDocuments({ region: '3301' }),
    );
  });
});
