import { expect } from 'chai';
import crypto from 'node:crypto';
import mongoose from 'mongoose';
import { shanghaiDay } from '../../shared/calendar.js';
import { fileComplaint, IDEMPOTENCY_LEASE_MS, routeComplaint } from '../../server/commands/fileComplaint.js';
import { now } from '../../server/clock.js';
import { forgetNumberBlock, NUMBER_BLOCK } from '../../server/complaints/number.js';
import { ComplaintNumberModel } from '../../server/models/ComplaintNumber.js';
import { IdempotencyKeyModel } from '../../server/models/IdempotencyKey.js';

import { effectsSettled } from '../../server/complaints/effectRunner.js';
import { subscribe, subscription, unsubscribe } from '../../server/events/bus.js';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { ComplaintEventModel } from '../../server/models/ComplaintEvent.js';
import { NotificationModel } from '../../server/models/Notification.js';
import { OutboxMailModel } from '../../server/models/OutboxMail.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { freshWorld } from '../helpers/server.js';
import { consumerId, filing } from '../helpers/complaints.js';

describe('fileComplaint', () => {
  let world: DemoWorld;
  const filed: string[] = [];
  const listener = subscription('complaint.filed', ({ complaintId }) => void filed.push(complaintId));
  before(async () => {
    subscribe(listener);
    world = await freshWorld();
  });
  after(() => unsubscribe(listener));

  it('routes to the store merchant and county, numbers it, stores event 1 and the projection, and announces it after the answer', async () => {
    const { complaint, created } = await fileComplaint({ consumerId: consumerId(world), data: filing(world, '330106') });
    await effectsSettled();
    expect(created).to.equal(true);
    expect(complaint.number).to.match(/^ZJ-\d{8}-\d{6}$/);
    expect(complaint).to.include({
      status: 'awaiting_merchant',
      version: 1,
      countyCode: '330106',
      cityCode: '3301',
      regulatorRegion: '330106',
      priority: 'normal',
    });
    expect(String(complaint.merchantId)).to.equal(String(world.chain._id));
    expect(complaint.deadlines?.current?.kind).to.equal('merchant_response');
    const events = await ComplaintEventModel.find({ complaintId: complaint._id }).lean();
    expect(events.map((e) => e.seq)).to.deep.equal([1]);
    expect(filed).to.include(String(complaint._id));
    expect(await NotificationModel.countDocuments({ complaintId: complaint._id })).to.equal(2);
    expect(await OutboxMailModel.countDocuments({ key: `${complaint._id}:1` })).to.equal(2);
  });

  it('makes key categories and safety incidents urgent, and routes online purchases to the merchant county', async () => {
    const { complaint } = await fileComplaint({
      consumerId: consumerId(world),
      data: filing(world, '330203', {
        product: { name: '电动自行车', category: 'electric_bicycle' },
        purchase: { date: '2026-01-02', amountFen: 259900, channel: 'online' },
      }),
    });
    expect(complaint.priority).to.equal('urgent');
    expect(complaint.countyCode).to.equal(world.chain.regionCode);
    expect(complaint.storeCountyCode).to.equal('330203');
  });

  it('returns the first complaint for a repeated idempotency key', async () => {
    const data = filing(world, '330782');
    const [a, b] = await Promise.all([
      fileComplaint({ consumerId: consumerId(world), data, idempotencyKey: 'k-1' }),
      fileComplaint({ consumerId: consumerId(world), data, idempotencyKey: 'k-1' }),
    ]);
    expect(String(a.complaint._id)).to.equal(String(b.complaint._id));
    expect([a.created, b.created].sort()).to.deep.equal([false, true]);
    expect(await ComplaintModel.countDocuments({ storeCountyCode: '330782' })).to.equal(1);
  });

  it('gives distinct numbers to concurrent filings', async () => {
    const rs = await Promise.all(Array.from({ length: 8 }, () => fileComplaint({ consumerId: consumerId(world), data: filing(world) })));
    expect(new Set(rs.map((r) => r.complaint.number)).size).to.equal(8);
  });

  describe('complaint numbers in blocks', () => {
    const seq = (number: string) => Number(number.slice(-6));
    const day = () => shanghaiDay(now()).replace(/-/g, '');

    it('hands out a block claimed by one insert, and a second process claims the next block', async () => {
      world = await freshWorld();
      const first = await Promise.all(
        Array.from({ length: 5 }, () => fileComplaint({ consumerId: consumerId(world), data: filing(world) })),
      );
      const ns = first.map((r) => seq(r.complaint.number)).sort((a, b) => a - b);
      expect(ns).to.deep.equal([1, 2, 3, 4, 5]);
      expect(await ComplaintNumberModel.find({ day: day() }, { _id: 0, n: 1, size: 1 }).lean()).to.deep.equal([
        { n: 1, size: NUMBER_BLOCK },
      ]);
      // Another instance (or this one after a restart) holds no block: it claims the next one, and the
      // rest of the first block is a gap.
      forgetNumberBlock();
      const other = await fileComplaint({ consumerId: consumerId(world), data: filing(world) });
      expect(seq(other.complaint.number)).to.equal(NUMBER_BLOCK + 1);
      expect(other.complaint.number).to.match(/^ZJ-\d{8}-\d{6}$/);
      expect(await ComplaintNumberModel.countDocuments({ day: day() })).to.equal(2);
    });

    it('starts after single numbers the demo seeder took the same day', async () => {
      world = await freshWorld();
      await ComplaintNumberModel.insertMany([1, 2, 3].map((n) => ({ day: day(), n, complaintId: new mongoose.Types.ObjectId() })));
      const { complaint } = await fileComplaint({ consumerId: consumerId(world), data: filing(world) });
      expect(seq(complaint.number)).to.equal(4);
    });
  });

  describe('an Idempotency-Key whose first request died', () => {
    const reserve = async (key: string, data: ReturnType<typeof filing>, age: number) => {
      const id = new mongoose.Types.ObjectId();
      const fingerprint = crypto
        .createHash('sha256')
        .update(JSON.stringify({ d: data, l: null }))
        .digest('hex');
      await IdempotencyKeyModel.create({
        userId: consumerId(world),
        scope: 'complaint',
        key,
        fingerprint,
        resourceId: id,
        at: new Date(now().getTime() - age),
      });
      return id;
    };

    it('is finished by a retry after the lease, with the id the key reserved, once', async () => {
      const data = filing(world, '330106', { description: '首次请求在写入前中断。' });
      const id = await reserve('died-before-event', data, IDEMPOTENCY_LEASE_MS + 1000);
      const retry = await fileComplaint({ consumerId: consumerId(world), data, idempotencyKey: 'died-before-event' });
      expect(retry.created).to.equal(true);
      expect(String(retry.complaint._id)).to.equal(String(id));
      const again = await fileComplaint({ consumerId: consumerId(world), data, idempotencyKey: 'died-before-event' });
      expect(again.created).to.equal(false);
      expect(String(again.complaint._id)).to.equal(String(id));
      expect(await ComplaintModel.countDocuments({ description: '首次请求在写入前中断。' })).to.equal(1);
      await effectsSettled();
      expect(await NotificationModel.countDocuments({ complaintId: id })).to.equal(2);
    });

    it('answers with the complaint when the first request stored the event but not the projection', async () => {
      const data = filing(world, '330106', { description: '首次请求写入事件后中断。' });
      const id = await reserve('died-after-event', data, 0);
      const initial = await routeComplaint({ consumerId: consumerId(world), data }, id, 'ZJ-20260101-999999', now());
      await ComplaintEventModel.create({
        complaintId: id,
        seq: 1,
        action: 'file',
        to: 'awaiting_merchant',
        actorId: initial.consumerId,
        party: 'consumer',
        at: now(),
        data: { complaint: initial },
        effects: 'pending',
      });
      const retry = await fileComplaint({ consumerId: consumerId(world), data, idempotencyKey: 'died-after-event' });
      expect(retry.created).to.equal(false);
      expect(retry.complaint).to.include({ number: 'ZJ-20260101-999999', version: 1, status: 'awaiting_merchant' });
      expect(await ComplaintModel.countDocuments({ _id: id })).to.equal(1);
    });

    it('waits while the first request may still be writing, then files it itself', async () => {
      const data = filing(world, '330106', { description: '首次请求仍在租期内。' });
      const id = await reserve('still-leased', data, IDEMPOTENCY_LEASE_MS - 300);
      const retry = await fileComplaint({ consumerId: consumerId(world), data, idempotencyKey: 'still-leased' });
      expect(retry.created).to.equal(true);
      expect(String(retry.complaint._id)).to.equal(String(id));
    });

    it('still refuses a key reused for another complaint', async () => {
      const data = filing(world, '330106');
      await reserve('reused', data, IDEMPOTENCY_LEASE_MS + 1000);
      const other = { ...data, description: '另一件事。' };
      const err = await fileComplaint({ consumerId: consumerId(world), data: other, idempotencyKey: 'reused' }).catch((e: unknown) => e);
      expect(err).to.have.property('code', 'idempotency_key_reused');
    });
  });
});
