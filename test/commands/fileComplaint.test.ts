import { expect } from 'chai';
import { fileComplaint } from '../../server/commands/fileComplaint.js';
import { on } from '../../server/events/bus.js';
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
  on('complaint.filed', ({ complaintId }) => void filed.push(complaintId));
  before(async () => {
    world = await freshWorld();
  });

  it('routes to the store merchant and county, numbers it, stores event 1 and the projection, and announces it', async () => {
    const { complaint, created } = await fileComplaint({ consumerId: consumerId(world), data: filing(world, '330106') });
    expect(created).to.equal(true);
    expect(complaint.number).to.match(/^ZJ-\d{8}-\d{6}$/);
    expect(complaint).to.include({ status: 'awaiting_merchant', version: 1, countyCode: '330106', cityCode: '3301', regulatorRegion: '330106', priority: 'normal' });
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
      data: filing(world, '330203', { product: { name: '电动自行车', category: 'electric_bicycle' }, purchase: { date: '2026-01-02', amountFen: 259900, channel: 'online' } }),
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
});
