// Demo officers: two per demo bureau besides its admin account (regulator.hz/yw/zj), some open
// complaints of each bureau assigned to them and a few saved views, through the real commands, so
// 我的 / 未分配, the timeline's assignments and the navigation's views have something to show.
import type { HydratedDocument } from 'mongoose';
import { assignComplaint } from '../commands/assignComplaint.js';
import { saveView } from '../commands/savedViews.js';
import { listComplaints } from '../complaints/query.js';
import { complaintListQuery } from '../../shared/schemas/complaint.js';
import type { UserRecord } from '../models/User.js';
import { insertNumberedAccounts } from '../accounts/numbers.js';
import { toActor } from '../policies/actor.js';
import type { DemoWorld, Seeder } from './registry.js';

export const DEMO_OFFICERS: Record<string, { email: string; name: string }[]> = {
  'regulator.hz@demo.fangxin.cn': [
    { email: 'officer1.hz@demo.fangxin.cn', name: '杭州市市场监管局 王敏' },
    { email: 'officer2.hz@demo.fangxin.cn', name: '杭州市市场监管局 李强' },
  ],
  'regulator.yw@demo.fangxin.cn': [
    { email: 'officer1.yw@demo.fangxin.cn', name: '义乌市市场监管局 陈静' },
    { email: 'officer2.yw@demo.fangxin.cn', name: '义乌市市场监管局 吴刚' },
  ],
  'regulator.zj@demo.fangxin.cn': [
    { email: 'officer1.zj@demo.fangxin.cn', name: '浙江省市场监管局 周涛' },
    { email: 'officer2.zj@demo.fangxin.cn', name: '浙江省市场监管局 郑丽' },
  ],
};

/** Officers of the bureau of `admin` (same organization, region and password as its admin account). */
export async function createOfficers(admin: HydratedDocument<UserRecord> | UserRecord, list: { email: string; name: string }[]) {
  return insertNumberedAccounts(
    list.map((o) => ({
      email: o.email,
      name: o.name,
      role: 'regulator',
      status: 'active',
      passwordHash: admin.passwordHash,
      locale: 'zh-CN',
      orgId: admin.orgId,
      orgName: admin.orgName,
      regionCode: admin.regionCode,
    })),
  );
}

/** Complaints assigned per officer in the demo; the rest of each queue stays 未分配. */
const PER_OFFICER = 3;

async function seedBureau(world: DemoWorld, adminEmail: string, list: { email: string; name: string }[]): Promise<void> {
  const admin = world.users.get(adminEmail)!;
  const officers = await createOfficers(admin, list);
  const actor = toActor(admin as never);
  // The newest of the bureau's 未分配 queue, read as its page is (month by month): a plain find of the
  // queue made FerretDB read and sort every open entry of the province (17 s at the seed's load).
  const { items: open } = await listComplaints(
    actor,
    complaintListQuery.parse({ status: 'open', assignee: 'none', limit: PER_OFFICER * officers.length }),
  );
  // Each its own complaint, so all at once.
  await Promise.all(
    open.map((row, i) =>
      assignComplaint(actor, String(row._id), { assigneeId: String(officers[i % officers.length]!._id), expectedVersion: row.version }),
    ),
  );
  // A view the bureau shares, and one of an officer's own.
  await saveView(actor, { name: '紧急未分配', shared: true, filters: { status: 'open', priority: 'urgent', assignee: 'none' } });
  await saveView(toActor(officers[0]! as never), {
    name: '我的逾期',
    shared: false,
    filters: { status: 'open', assignee: 'me', overdue: 'true' },
  });
}

async function seedOfficers(world: DemoWorld): Promise<void> {
  // The two city bureaus' queues are apart, so they go at once; the province's holds the cities'
  // complaints too, and reads their versions after their assignments.
  const { 'regulator.zj@demo.fangxin.cn': province, ...cities } = DEMO_OFFICERS;
  await Promise.all(Object.entries(cities).map(([email, list]) => seedBureau(world, email, list)));
  await seedBureau(world, 'regulator.zj@demo.fangxin.cn', province!);
}

// Order 30: every seeder's complaints are stored by then (the queues' newest are the same as at the
// end). Nothing after needs the assignments (none is a risk input of the sampling plan), so it runs
// on beside the later seeders.
export const officerSeeder: Seeder = { name: 'officers', order: 30, until: 50, run: seedOfficers };
