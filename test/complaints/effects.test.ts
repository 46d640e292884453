import { expect } from 'chai';
import mongoose from 'mongoose';
import { routeComplaint } from '../../server/commands/fileComplaint.js';
import { now } from '../../server/clock.js';
import { effectsSettled, resumeEffects } from '../../server/complaints/effectRunner.js';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { ComplaintEntryModel } from '../../server/models/ComplaintEntry.js';
import { ComplaintEventModel } from '../../server/models/ComplaintEvent.js';
import { ComplaintFactModel } from '../../server/models/ComplaintFact.js';
import { JobRunModel } from '../../server/models/JobRun.js';
import { NotificationModel } from '../../server/models/Notification.js';
import { OutboxMailModel } from '../../server/models/OutboxMail.js';
import { CountDeltaModel } from '../../server/models/CountDelta.js';
import { unreadCount } from '../../server/notifications/unread.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { consumerId, filing } from '../helpers/complaints.js';
import { DEMO, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

describe('complaint effects after the answer', () => {
  let world: DemoWorld;
  beforeEach(async () => {
    world = await freshWorld();
  });

  /** What a server leaves behind when it dies right after inserting a filing's event. */
  async function filedThenKilled(description: string) {
    const id = new mongoose.Types.ObjectId();
    const at = now();
    const initial = await routeComplaint(
      { consumerId: consumerId(world), data: filing(world, '330106', { description }) },
      id,
      'ZJ-20260101-999001',
      at,
    );
    await ComplaintEventModel.create({
      complaintId: id,
      seq: 1,
      action: 'file',
      to: 'awaiting_merchant',
      actorId: initial.consumerId,
      party: 'consumer',
      at,
      data: { complaint: initial },
      effects: 'pending',
    });
    return id;
  }

  async function effectsOf(id: mongoose.Types.ObjectId) {
    return {
      notifications: await NotificationModel.countDocuments({ complaintId: id }),
      mails: await OutboxMailModel.countDocuments({ key: `${id}:1` }),
      facts: await ComplaintFactModel.countDocuments({ _id: id }),
      // The dashboard's weekly figures: one count delta per rollup scope of the fact.
      rollup: Math.min(1, await CountDeltaModel.countDocuments({ _id: { $regex: `\\|${id}$` } })),
      pending: await ComplaintEventModel.countDocuments({ complaintId: id, effects: 'pending' }),
    };
  }

  it('resumes the effects a killed server owed, from the stored event, and does each once', async () => {
    const id = await filedThenKilled('服务器在写入事件后被终止。');
    expect(await resumeEffects()).to.equal(1);
    await effectsSettled();
    // The projection and list entry it never wrote are repaired from the event first.
    expect(await ComplaintModel.findById(id).lean()).to.include({ status: 'awaiting_merchant', version: 1 });
    expect(await ComplaintEntryModel.countDocuments({ _id: String(id) })).to.equal(1);
    const done = { notifications: 2, mails: 2, facts: 1, rollup: 1, pending: 0 };
    expect(await effectsOf(id)).to.deep.equal(done);
    expect(await unreadCount(consumerId(world))).to.equal(1);
    // Nothing is owed any more: a second pass adds nothing.
    expect(await resumeEffects()).to.equal(0);
    await effectsSettled();
    expect(await effectsOf(id)).to.deep.equal(done);
    expect(await unreadCount(consumerId(world))).to.equal(1);
  });

  it('leaves effects claimed by a live runner to it, and takes over those of a runner that died', async () => {
    const id = await filedThenKilled('另一实例正在处理其后续。');
    const key = `complaint-effect:${id}:1:0`;
    await JobRunModel.create({ key, job: 'complaint-effect', at: now() });
    await resumeEffects();
    await effectsSettled();
    expect((await effectsOf(id)).pending, 'a fresh claim is its holder’s').to.equal(1);
    // The holder's lease ran out with the effects still owed: it died.
    await JobRunModel.updateOne({ key }, { $set: { at: new Date(now().getTime() - 60_000) } });
    await resumeEffects();
    await effectsSettled();
    expect(await effectsOf(id)).to.deep.equal({ notifications: 2, mails: 2, facts: 1, rollup: 1, pending: 0 });
    expect(await JobRunModel.countDocuments({ key: `complaint-effect:${id}:1:1` })).to.equal(1);
  });

  describe('over HTTP', () => {
    let srv: TestServer;
    before(async () => {
      srv = await startTestServer();
    });
    after(async () => {
      await srv.stop();
    });

    it('shows every complaint of a burst on one product in its flag shortly after the answers', async () => {
      const consumer = await signedIn(srv.url, DEMO.consumer);
      const hz = await signedIn(srv.url, DEMO.regulatorHz);
      const product = { name: '暖手宝', category: 'household_appliance' as const, brand: '暖暖', model: 'NN-7' };
      const N = 7;
      const answers = await Promise.all(
        Array.from({ length: N }, (_, i) =>
          consumer.post('/complaints', filing(world, '330106', { product, description: `第${i}个暖手宝充电时鼓包。` })),
        ),
      );
      expect(answers.map((r) => r.status)).to.deep.equal(Array(N).fill(201));
      const ids = answers.map((r) => String(r.body.id)).sort();
      // Read as a regulator would, a few times within about two seconds of the last answer.
      let seen: string[] = [];
      for (let i = 0; i < 20 && seen.length < N; i++) {
        await new Promise((r) => setTimeout(r, 100));
        // The list shows the counts; the complaints behind them are the flag's own page.
        const flag = (await hz.get('/product-flags')).body.items[0];
        const detail = flag ? (await hz.get(`/product-flags/${flag.id}`)).body : null;
        seen = [...((detail?.evidence.complaintIds as string[] | undefined) ?? [])].sort();
      }
      expect(seen).to.deep.equal(ids);
    });
  });
});
