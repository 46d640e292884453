// The consumer's and the bureaus' return lists (server/returns/list.ts) and the public complaint list
// (server/disclosure/present.ts) read a month or a day at a time, with totals from the count ledger.
// Here every page, cursor and total of each is checked against the one read sorted by _id and the
// count of rows they replaced, on the demo's complaints, returns and a bulk load (whose deadline job
// publishes too): after the seeds, a claim and a live publication, after the rebuild's recount, and
// after the start-up backfill of a database written before the counts.
import { expect } from 'chai';
import type { ReturnListQuery } from '../../shared/schemas/returns.js';
import { publicComplaintQuery, type PublicComplaintQuery } from '../../shared/schemas/disclosure.js';
import { claimReturn } from '../../server/commands/claimReturn.js';
import { rebuildProjections } from '../../server/commands/rebuildProjections.js';
import { listTuning } from '../../server/complaints/listBuckets.js';
import { addDeltas } from '../../server/counts/ledger.js';
import { backfillFields } from '../../server/db/backfill.js';
import { publicCounts } from '../../server/disclosure/counts.js';
import { countedPublicComplaints, listPublicComplaints } from '../../server/disclosure/present.js';
import { writePublicRecord } from '../../server/disclosure/record.js';
import { paginate } from '../../server/http/paginate.js';
import { CountDeltaModel } from '../../server/models/CountDelta.js';
import { CountSnapshotModel } from '../../server/models/CountSnapshot.js';
import { JobRunModel } from '../../server/models/JobRun.js';
import { PublicComplaintModel } from '../../server/models/PublicComplaint.js';
import { ReturnRequestModel } from '../../server/models/ReturnRequest.js';
import { UserModel } from '../../server/models/User.js';
import { toActor } from '../../server/policies/actor.js';
import type { Actor } from '../../server/policies/index.js';
import { visibleReturns } from '../../server/policies/returns.js';
import { listReturns } from '../../server/returns/list.js';
import { seedBulk } from '../../server/seed/bulk.js';
import { seedComplaints } from '../../server/seed/complaints.js';
import { seedReturns } from '../../server/seed/returns.js';
import { freshWorld } from '../helpers/server.js';

type Walk = { pages: string[][]; cursors: (string | null)[]; totals: number[] };

/** Every page of a list from its first, following the cursors. */
async function walk(
  page: (cursor?: string) => Promise<{ items: { _id?: unknown; id?: string }[]; nextCursor: string | null; total: number }>,
) {
  const out: Walk = { pages: [], cursors: [], totals: [] };
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    out.pages.push(p.items.map((x) => String(x.id ?? x._id)));
    out.cursors.push(p.nextCursor);
    out.totals.push(p.total);
    cursor = p.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

const negate = (d: Record<string, number>) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, -v]));
const actorOf = async (email: string) => toActor((await UserModel.findOne({ email }).lean())! as never) as Actor;

describe('consumer, bureau and public lists by bucket with ledger totals', function () {
  this.timeout(1_200_000);
  const wholeUpTo = listTuning.wholeUpTo;
  let actors: Actor[];
  let storeId: string;

  before(async () => {
    const world = await freshWorld();
    await seedComplaints(world);
    await seedReturns(world);
    await seedBulk(200);
    actors = await Promise.all(
      ['consumer@demo.fangxin.cn', 'regulator.yw@demo.fangxin.cn', 'regulator.hz@demo.fangxin.cn', 'regulator.zj@demo.fangxin.cn'].map(
        actorOf,
      ),
    );
    storeId = String(world.stores.find((s) => String(s.merchantId) === String(world.chain._id))!._id);
    // Short lists and months are read whole; these read months and days too.
    listTuning.wholeUpTo = 12;
  });
  after(() => {
    listTuning.wholeUpTo = wholeUpTo;
  });

  async function checkReturns() {
    const queries: Partial<ReturnListQuery>[] = [{}, { status: 'refused' }, { breach: true }, { storeId }];
    for (const actor of actors)
      for (const extra of actor.role === 'consumer' ? [...queries, { status: 'honored' as const }, { breach: false }] : queries.slice(0, 2))
        for (const limit of [actor.regionCode === '33' ? 40 : 15]) {
          const q = { limit, ...extra } as ReturnListQuery;
          const filter = visibleReturns(actor);
          if (q.storeId) filter.storeIds = q.storeId;
          if (q.status) filter.status = q.status;
          if (q.breach !== undefined) filter.breach = q.breach;
          const total = await ReturnRequestModel.countDocuments(filter);
          const was = await walk(async (cursor) => ({ ...(await paginate(ReturnRequestModel, filter, { limit, cursor })), total }));
          const now = await walk((cursor) => listReturns(actor, { ...q, cursor }));
          expect({ who: actor.regionCode ?? actor.role, q, ...now }).to.deep.equal({ who: actor.regionCode ?? actor.role, q, ...was });
        }
  }

  async function checkPublic() {
    const any = (await PublicComplaintModel.findOne({}).sort({ _id: -1 }).lean())!;
    const queries: Record<string, string>[] = [
      {},
      { merchantId: String(any.merchantId) },
      { cityCode: any.cityCode },
      { category: any.category },
      { problemType: any.problemType },
      { cityCode: any.cityCode, category: any.category },
    ];
    for (const extra of queries)
      for (const limit of [Object.keys(extra).length ? 10 : 60]) {
        const q = publicComplaintQuery.parse({ limit, ...extra });
        const filter = { ...extra };
        const total = await PublicComplaintModel.countDocuments(filter);
        const was = await walk(async (cursor) => ({ ...(await paginate(PublicComplaintModel, filter, { limit, cursor })), total }));
        const now = await walk((cursor) => countedPublicComplaints({ ...q, cursor } as PublicComplaintQuery));
        expect({ extra, limit, ...now }).to.deep.equal({ extra, limit, ...was });
        // The open-data API's pages are the same.
        const first = await listPublicComplaints(q);
        expect(first.items.map((x) => x.id)).to.deep.equal(was.pages[0]);
      }
  }

  it('seeds lists long enough to read by bucket, with published records from the bulk load too', async () => {
    expect(await ReturnRequestModel.countDocuments({ consumerId: actors[0]!.id })).to.be.greaterThan(30);
    const published = await PublicComplaintModel.countDocuments({});
    expect(published).to.be.greaterThan(250);
    // Every record's buckets are its _id's day, in Shanghai.
    const days = new Set((await PublicComplaintModel.find({}, { day: 1 }).lean()).map((r) => r.day));
    expect(days.size).to.be.greaterThan(30);
  });

  it('gives the same pages, cursors and totals as the read sorted by _id and the count', async () => {
    await checkReturns();
    await checkPublic();
  });

  it('moves a desk return into the consumer list when claimed, and lists a live publication', async () => {
    const desk = (await ReturnRequestModel.findOne({ consumerId: { $exists: false }, claimCode: { $exists: true } }).lean())!;
    await claimReturn(actors[0]!, desk.claimCode!, false);
    // A record published again by the live effect: a fresh _id (now), its counts moved with it.
    const old = (await PublicComplaintModel.findOne({}).sort({ _id: 1 }).lean())!;
    await PublicComplaintModel.deleteOne({ _id: old._id });
    await addDeltas(publicCounts(old as never).map(({ scope, d }) => ({ _id: `${scope}|gone`, scope, d: negate(d) })));
    await writePublicRecord(String(old.complaintId), 'disclose');
    const again = (await PublicComplaintModel.findOne({ complaintId: old.complaintId }).lean())!;
    expect(String(again._id)).to.not.equal(String(old._id));
    await checkReturns();
    await checkPublic();
    const report = await rebuildProjections({ write: false });
    expect(report.scopesDiffering).to.deep.equal([]);
  });

  it('gives a database written before the counts its buckets and counts at start', async () => {
    const scopes = { $regex: /^(public:|returns:consumer:|returns:bureau:)/ };
    await Promise.all([
      CountDeltaModel.deleteMany({ scope: scopes }),
      CountSnapshotModel.deleteMany({ scope: scopes }),
      JobRunModel.deleteMany({ key: { $in: ['backfill:return-counts-v2', 'backfill:public-counts-v1'] } }),
      PublicComplaintModel.collection.updateMany({}, { $unset: { month: '', day: '' } }),
    ]);
    expect((await listReturns(actors[0]!, { limit: 5 } as ReturnListQuery)).total).to.equal(0);
    await backfillFields();
    await checkReturns();
    await checkPublic();
    expect((await rebuildProjections({ write: false })).scopesDiffering).to.deep.equal([]);
  });
});
