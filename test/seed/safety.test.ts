import { expect } from 'chai';
import { EnforcementCaseModel } from '../../server/models/EnforcementCase.js';
import { IncidentModel } from '../../server/models/Incident.js';
import { NotificationModel } from '../../server/models/Notification.js';
import { SamplingFollowUpModel } from '../../server/models/SamplingFollowUp.js';
import { dashboardSeeder, productSeeder } from '../../server/seed/products.js';
import { safetySeeder } from '../../server/seed/safety.js';
import { freshWorld } from '../helpers/server.js';

describe('the incident and follow-up demo data', function () {
  this.timeout(600_000);

  it('holds one delivered incident and an overdue follow-up escalated to a case, beside one closed on time', async () => {
    const world = await freshWorld();
    await dashboardSeeder.run(world);
    await productSeeder.run(world);
    await safetySeeder.run(world);
    const incidents = await IncidentModel.find().lean();
    expect(incidents).to.have.length(1);
    expect(incidents[0]).to.deep.include({ delivered: true, reporterRole: 'seller' });
    const hz = world.users.get('regulator.hz@demo.fangxin.cn')!._id;
    expect(await NotificationModel.exists({ userId: hz, key: `incident:${incidents[0]!._id}` })).to.not.equal(null);
    const followUps = await SamplingFollowUpModel.find().sort({ sampledOn: 1 }).lean();
    expect(followUps.map((f) => f.status)).to.deep.equal(['closed', 'rectifying']);
    expect(followUps[0]).to.deep.include({ closedOnTime: true });
    const overdue = followUps[1]!;
    expect(overdue.overdue).to.equal(true);
    expect(await EnforcementCaseModel.countDocuments({ _id: overdue.caseId })).to.equal(1);
  });
});
