import { expect } from 'chai';
import { RecallModel } from '../../server/models/Recall.js';
import { reachOf } from '../../server/recalls/reach.js';
import { dashboardSeeder, productSeeder } from '../../server/seed/products.js';
import { recallSeeder } from '../../server/seed/recalls.js';
import { RecallNoticeModel } from '../../server/models/RecallNotice.js';
import { NotificationModel } from '../../server/models/Notification.js';
import { freshWorld } from '../helpers/server.js';

describe('the recall demo data', function () {
  this.timeout(600_000);

  it('publishes one recall that reached the demo consumer and chain, with its reach under way', async () => {
    const world = await freshWorld();
    await dashboardSeeder.run(world);
    await productSeeder.run(world);
    await recallSeeder.run(world);
    const recalls = await RecallModel.find().lean();
    expect(recalls).to.have.length(1);
    const r = recalls[0]!;
    expect(r.sellers.map((s) => s.id)).to.include(String(world.chain._id));
    const reach = await reachOf(r);
    expect(reach.complete).to.equal(true);
    expect(reach.consumers.notified).to.be.above(5);
    expect(reach.consumers.read).to.equal(1);
    expect(reach.merchants.acknowledged).to.equal(1);
    expect(reach.merchants.pending.length).to.be.above(0);
    const consumer = world.users.get('consumer@demo.fangxin.cn')!._id;
    expect(await RecallNoticeModel.exists({ recallId: r._id, userId: consumer })).to.not.equal(null);
    expect(await NotificationModel.exists({ userId: consumer, key: `recall:${r._id}` })).to.not.equal(null);
  });
});
