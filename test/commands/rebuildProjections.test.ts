import { expect } from 'chai';
import { testClock } from '../../server/clock.js';
import { fileComplaint } from '../../server/commands/fileComplaint.js';
import { rebuildProjections } from '../../server/commands/rebuildProjections.js';
import { transitionComplaint } from '../../server/commands/transitionComplaint.js';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { ComplaintEntryModel } from '../../server/models/ComplaintEntry.js';
import { toActor } from '../../server/policies/actor.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { consumerId, filing } from '../helpers/complaints.js';
import { DEMO } from '../helpers/http.js';
import { freshWorld } from '../helpers/server.js';

describe('rebuildProjections', () => {
  let world: DemoWorld;
  const actor = (email: string) => toActor(world.users.get(email)! as never);
  before(async () => {
    world = await freshWorld();
    testClock.set(new Date('2026-03-02T02:00:00Z'));
  });
  after(() => testClock.reset());

  it('finds no difference after real transitions, and repairs a tampered and a missing projection', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(String((await fileComplaint({ consumerId: consumerId(world), data: filing(world) })).complaint._id));
    await transitionComplaint(actor(DEMO.merchant), ids[0]!, {
      action: 'respond',
      expectedVersion: 1,
      responseType: 'accepted',
      remedy: { type: 'refund', amountFen: 100 },
      messageToConsumer: 'ok',
    });
    testClock.advance(3600_000);
    await transitionComplaint(actor(DEMO.consumer), ids[0]!, { action: 'accept_response', expectedVersion: 2 });
    await transitionComplaint(actor(DEMO.consumer), ids[0]!, { action: 'rate', expectedVersion: 3, satisfaction: 4 });
    await transitionComplaint(actor(DEMO.consumer), ids[1]!, { action: 'withdraw', expectedVersion: 1 });

    const clean = await rebuildProjections({ write: false });
    expect(clean.checked).to.equal(3);
    expect(clean.differing, JSON.stringify(clean.differing)).to.deep.equal([]);

    await ComplaintModel.updateOne({ _id: ids[0] }, { $set: { status: 'awaiting_merchant', version: 1 } });
    await ComplaintModel.deleteOne({ _id: ids[2] });
    const dirty = await rebuildProjections();
    expect(dirty.differing.map((d) => d.id).sort()).to.deep.equal([ids[0], ids[2]].sort());
    expect(dirty.differing.find((d) => d.id === ids[0])!.paths).to.include.members(['status', 'version']);
    expect(dirty.written).to.equal(2);
    const fixed = await ComplaintModel.findById(ids[0]).lean();
    expect(fixed).to.include({ status: 'resolved', version: 4 });
    expect((await rebuildProjections()).differing).to.deep.equal([]);
  });

  it('rewrites a list entry whose search terms lack the month of filing', async () => {
    const entries = ComplaintEntryModel.collection;
    const row = (await entries.findOne({}, { projection: { tt: 1 } }))!;
    await entries.updateOne({ _id: row._id }, { $set: { terms: ['x'] }, $unset: { tt: '' } });
    const report = await rebuildProjections();
    expect(report.entriesDiffering).to.equal(1);
    const fixed = (await entries.findOne({ _id: row._id }))!;
    expect(fixed.tt).to.deep.equal(row.tt);
    expect(fixed.terms).to.equal(undefined);
    expect((await rebuildProjections({ write: false })).entriesDiffering).to.equal(0);
  });
});
