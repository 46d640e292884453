// The public registry (GET /api/merchants) reads the merchants' rows (server/stores/merchantRows.ts)
// instead of the organizations and each one's credit tier by _id. Here every page, cursor and field is
// checked against that former read, on two server instances over one database: after the seeds, a
// credit written and recomputed, an approval, concurrent syncs, the rebuild and the start-up backfill.
import { expect } from 'chai';
import mongoose from 'mongoose';
import { decideApproval } from '../../server/commands/decideApproval.js';
import { rebuildProjections } from '../../server/commands/rebuildProjections.js';
import { backfillFields } from '../../server/db/backfill.js';
import { paginate, literalPattern } from '../../server/http/paginate.js';
import { JobRunModel } from '../../server/models/JobRun.js';
import { MerchantCreditModel } from '../../server/models/MerchantCredit.js';
import { MerchantRowModel } from '../../server/models/MerchantRow.js';
import { OrganizationModel } from '../../server/models/Organization.js';
import { UserModel } from '../../server/models/User.js';
import { toActor } from '../../server/policies/actor.js';
import type { Actor } from '../../server/policies/index.js';
import { presentMerchantListing } from '../../server/presenters/merchant.js';
import { refreshMerchantCredit } from '../../server/products/credit.js';
import { seedBulk } from '../../server/seed/bulk.js';
import { syncMerchantRows } from '../../server/stores/merchantRows.js';
import { creditCodeCheckChar } from '../../shared/creditCode.js';
import { ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

type Page = { items: { id: string }[]; nextCursor: string | null };

/** The registry as it was read before the rows: the active merchants newest first, then each tier by _id. */
async function formerPage(q: { limit: number; cursor?: string; q?: string }): Promise<Page> {
  const filter: Record<string, unknown> = { kind: 'merchant', status: 'active' };
  if (q.q) filter.name = literalPattern(q.q);
  const p = await paginate(OrganizationModel, filter, q);
  const items = await Promise.all(
    p.items.map(async (m) => {
      const c = await MerchantCreditModel.findById(m._id, { tier: 1 }).lean();
      return presentMerchantListing(m, (c?.tier as 'A' | 'B' | 'C' | 'D' | undefined) ?? null);
    }),
  );
  return { items, nextCursor: p.nextCursor };
}

async function walk(page: (cursor?: string) => Promise<Page>): Promise<Page[]> {
  const out: Page[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    out.push(p);
    cursor = p.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

describe('public merchant registry from its rows', function () {
  this.timeout(600_000);
  let one: TestServer;
  let two: TestServer;

  before(async () => {
    await freshWorld();
    await seedBulk(200);
    [one, two] = await Promise.all([startTestServer(), startTestServer()]);
  });
  after(async () => {
    await one.stop();
    await two.stop();
  });

  /** Every page of each query, from both instances, equals the former read. */
  async function same() {
    const anyName = (await OrganizationModel.findOne({ kind: 'merchant', status: 'active' }).lean())!.name.slice(0, 2);
    for (const q of [{ limit: 100 }, { limit: 7 }, { limit: 5, q: anyName }, { limit: 10, q: '没有这个商家' }]) {
      const was = await walk((cursor) => formerPage({ ...q, cursor }));
      for (const srv of [one, two]) {
        const now = await walk(async (cursor) => {
          const query = new URLSearchParams({ limit: String(q.limit), ...(q.q ? { q: q.q } : {}), ...(cursor ? { cursor } : {}) });
          const r = await new ApiClient(srv.url).get(`/merchants?${query}`);
          expect(r.status, r.text).to.equal(200);
          return r.body as Page;
        });
        expect({ q, now }).to.deep.equal({ q, now: was });
      }
    }
    return (await formerPage({ limit: 100 })).items as { id: string; creditTier: string | null }[];
  }

  it('lists the seeded merchants with their tiers, as the organizations and their credit did', async () => {
    const items = await same();
    expect(items.length).to.be.greaterThan(3);
    expect(items.filter((m) => m.creditTier).length).to.be.greaterThan(0);
  });

  it('follows a credit written and then recomputed, and concurrent syncs of one merchant', async () => {
    const m = (await OrganizationModel.findOne({ kind: 'merchant', status: 'active' }).lean())!;
    const computed = (await MerchantCreditModel.findById(m._id).lean())!;
    const other = computed.tier === 'D' ? 'A' : 'D';
    await MerchantCreditModel.updateOne({ _id: m._id }, { $set: { tier: other } });
    // Several writers at once (as two instances would): every one passes until the row is the sources'.
    await Promise.all([syncMerchantRows([m._id]), syncMerchantRows([m._id]), syncMerchantRows()]);
    expect((await MerchantRowModel.findById(m._id).lean())!.tier).to.equal(other);
    await same();
    await refreshMerchantCredit(String(m._id));
    expect((await MerchantRowModel.findById(m._id).lean())!.tier).to.equal((await MerchantCreditModel.findById(m._id).lean())!.tier);
    await same();
  });

  it('lists a merchant once approved, not while pending', async () => {
    const c = new ApiClient(one.url);
    await c.fetchCsrf();
    const body = '91330106MA2R99999';
    const r = await c.post('/auth/register', {
      name: '登记商家',
      email: 'registry@example.com',
      password: 'long-enough-pw',
      role: 'merchant',
      merchant: { name: '登记商家有限公司', creditCode: body + creditCodeCheckChar(body), countyCode: '330106' },
    });
    expect(r.status, r.text).to.equal(201);
    const user = (await UserModel.findOne({ email: 'registry@example.com' }).lean())!;
    const before = await same();
    expect(before.map((m) => m.id)).not.to.include(String(user.orgId));
    const admin = toActor((await UserModel.findOne({ role: 'admin' }).lean())! as never) as Actor;
    await decideApproval(admin, String(user._id), 'approve');
    const after = await same();
    expect(after.map((m) => m.id)).to.include(String(user.orgId));
  });

  it('repairs a stale row in the rebuild and writes missing rows in the start-up backfill', async () => {
    const m = (await MerchantRowModel.findOne({ status: 'active' }).lean())!;
    await MerchantRowModel.updateOne({ _id: m._id }, { $set: { name: 'stale', tier: 'C' } });
    await MerchantRowModel.create({ _id: new mongoose.Types.ObjectId(), status: 'active', name: 'gone', regionCode: '330106', v: 1 });
    expect((await rebuildProjections({ write: false })).merchantRowsDiffering).to.equal(2);
    expect((await rebuildProjections()).merchantRowsDiffering).to.equal(2);
    expect((await rebuildProjections({ write: false })).merchantRowsDiffering).to.equal(0);
    await same();
    // A database written before the rows.
    await MerchantRowModel.deleteMany({});
    await JobRunModel.deleteOne({ key: 'backfill:merchant-rows-v1' });
    await backfillFields();
    expect(await MerchantRowModel.countDocuments({})).to.equal(await OrganizationModel.countDocuments({ kind: 'merchant' }));
    await same();
  });
});
