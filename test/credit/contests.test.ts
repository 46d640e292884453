// Contesting a credit input (issue 11 item 3): the merchant sees the complaints its tier counts and
// contests one with a reason and a file; the bureau handling the complaint decides. Accepting takes
// the complaint out and recomputes the tier (and the hourly job keeps it out); rejecting leaves it in.
// One open contest per complaint; another merchant's complaint and another region's bureau are refused.
import { expect } from 'chai';
import mongoose from 'mongoose';
import type { CreditInputs } from '../../shared/schemas/credit.js';
import { effectsSettled } from '../../server/complaints/effectRunner.js';
import { claim } from '../../server/jobs/claim.js';
import { runJob } from '../../server/jobs/scheduler.js';
import { ComplaintModel } from '../../server/models/Complaint.js';
import { ComplaintFactModel } from '../../server/models/ComplaintFact.js';
import { JobRunModel } from '../../server/models/JobRun.js';
import { MerchantCreditModel } from '../../server/models/MerchantCredit.js';
import { NotificationModel } from '../../server/models/Notification.js';
import { backfillShownFields } from '../../server/products/backfill.js';
import { backfillCreditNumbers, numberFactsHolding } from '../../server/products/factNumbers.js';
import { forgetHeldClaims } from '../../server/jobs/claim.js';
import { creditInputs } from '../../server/credit/contests.js';
import { refreshAllCredit, refreshMerchantCredit } from '../../server/products/credit.js';
import type { DemoWorld } from '../../server/seed/registry.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { DEMO, signedIn, type ApiClient, type Res } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function contestForm(complaintId: string, reason = '该投诉的消费者并未在本店购买，附销售记录。') {
  const form = new FormData();
  form.set('complaintId', complaintId);
  form.set('reason', reason);
  form.set('file', new Blob([PDF], { type: 'application/pdf' }), '销售记录.pdf');
  return form;
}

describe('credit inputs and their contests', function () {
  this.timeout(60_000);
  let srv: TestServer;
  let world: DemoWorld;
  let merchant: ApiClient;
  let hz: ApiClient;
  let yw: ApiClient;
  let shop: ApiClient;
  const ids: string[] = [];

  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
    const consumer = await signedIn(srv.url, DEMO.consumer);
    merchant = await signedIn(srv.url, DEMO.merchant);
    hz = await signedIn(srv.url, DEMO.regulatorHz);
    yw = await signedIn(srv.url, DEMO.regulatorYw);
    shop = await signedIn(srv.url, DEMO.shop);
    for (const problemType of ['quality', 'price', 'service'] as const)
      ids.push((await fileVia(consumer, filing(world, '330106', { problemType }))).id);
    await effectsSettled();
    await refreshMerchantCredit(String(world.chain._id));
  });
  after(() => srv?.stop());

  const complaints180d = async () =>
    ((await MerchantCreditModel.findById(world.chain._id).lean())!.figures as { complaints180d: number }).complaints180d;
  const inputOf = async (id: string) => {
    const r = await merchant.get('/credit/inputs?limit=100');
    expect(r.status, r.text).to.equal(200);
    return r.body.items.find((i: { complaintId: string }) => i.complaintId === id);
  };

  it('lists the complaints the tier counts, each with what it adds', async () => {
    const r = await merchant.get('/credit/inputs');
    expect(r.status, r.text).to.equal(200);
    expect(r.body.windowDays).to.equal(180);
    expect(r.body.creditTier).to.be.oneOf(['A', 'B', 'C', 'D']);
    const mine = r.body.items.filter((i: { complaintId: string }) => ids.includes(i.complaintId));
    expect(mine).to.have.length(3);
    expect(mine[0]).to.deep.include({ status: 'awaiting_merchant', excluded: false, contest: null, category: 'household_appliance' });
    expect(mine[0].counts).to.deep.equal({ complaint: true, timely: null, resolution: 'open', breach: false, promise: null });
    expect(mine[0].number).to.match(/^\S+$/);
    expect(mine[0].storeName).to.equal('万家福超市 杭州西湖店');
    // Store staff do not speak for the merchant's credit; other roles have none.
    expect((await hz.get('/credit/inputs')).status).to.equal(403);
  });

  it('pages the inputs newest first with its cursor, the pages adding up to the whole list', async () => {
    const all = (await merchant.get('/credit/inputs?limit=100')).body;
    expect(all.nextCursor).to.equal(null);
    expect(all.items.length).to.be.greaterThan(2);
    const filed = all.items.map((i: { filedAt: string }) => i.filedAt);
    expect(filed).to.deep.equal([...filed].sort().reverse());
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const r: Res = await merchant.get(`/credit/inputs?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status, r.text).to.equal(200);
      paged.push(...r.body.items.map((i: { complaintId: string }) => i.complaintId));
      cursor = r.body.nextCursor;
    } while (cursor);
    expect(paged).to.deep.equal(all.items.map((i: { complaintId: string }) => i.complaintId));
  });

  it('reads a page from the facts alone; the complaints only of facts written before they held what it shows', async () => {
    // Reads per collection while the page is answered (the server runs in this process).
    const page = async () => {
      const reads: Record<string, number> = {};
      mongoose.set('debug', (coll: string) => void (reads[coll] = (reads[coll] ?? 0) + 1));
      const r = await merchant.get('/credit/inputs?limit=100').finally(() => mongoose.set('debug', false));
      expect(r.status, r.text).to.equal(200);
      return { body: r.body as CreditInputs, reads };
    };
    const now = await page();
    expect(now.body.items.length).to.be.greaterThan(2);
    for (const item of now.body.items) {
      const c = (await ComplaintModel.findById(item.complaintId).lean())!;
      expect(item).to.deep.include({
        number: c.number,
        storeName: c.storeName,
        productName: c.product!.name,
        category: c.product!.category,
      });
    }
    const days = new Set(now.body.items.map((i) => i.filedAt.slice(0, 10))).size;
    expect(now.reads.complaints ?? 0).to.equal(0);
    // One read per day of facts (days in UTC here: at most one more than Shanghai's), and a bounded rest.
    expect(now.reads.complaintfacts).to.be.at.most(days + 1);
    expect(Object.values(now.reads).reduce((a, b) => a + b, 0)).to.be.at.most(days + 1 + 12);
    // Two facts as written before: the page reads those two complaints and answers the same.
    await ComplaintFactModel.updateMany(
      { complaintId: { $in: ids.slice(1) } },
      { $unset: { number: '', storeName: '', filedProductName: '' } },
    );
    const old = await page();
    expect(old.body).to.deep.equal(now.body);
    expect(old.reads.complaints).to.equal(2);
    // The start-up backfill gives them their fields once; then the page reads no complaint again.
    await JobRunModel.deleteOne({ key: 'backfill:complaint-fact-shown-fields-v1' });
    expect(await backfillShownFields()).to.be.greaterThan(0);
    expect(await backfillShownFields()).to.equal(0);
    const after = await page();
    expect(after.body).to.deep.equal(now.body);
    expect(after.reads.complaints ?? 0).to.equal(0);
  });

  it('takes a contest with its file to the bureau handling the complaint, once per complaint', async () => {
    const r = await merchant.post('/credit/contests', contestForm(ids[0]!));
    expect(r.status, r.text).to.equal(201);
    expect(r.body).to.deep.include({ state: 'open', complaintId: ids[0], regionCode: '330106', merchantName: world.chain.name });
    expect(r.body.evidence).to.deep.include({ name: '销售记录.pdf', contentType: 'application/pdf' });
    expect(r.body.timeline.map((t: { action: string }) => t.action)).to.deep.equal(['filed']);
    // The bureau over the county sees it in its list, with the count, and reads the evidence.
    const list = await hz.get('/credit/contests?state=open');
    expect(list.status, list.text).to.equal(200);
    expect(list.body.total).to.equal(1);
    expect(list.body.items[0].id).to.equal(r.body.id);
    const file = await hz.get(`/credit/contests/${r.body.id}/evidence`);
    expect(file.status).to.equal(200);
    expect(file.text.startsWith('%PDF-')).to.equal(true);
    const hzUser = world.users.get(DEMO.regulatorHz)!._id;
    expect(await NotificationModel.countDocuments({ userId: hzUser, key: `credit-contest:${r.body.id}` })).to.equal(1);
    // Another region's bureau neither sees it nor has it in its list.
    expect((await yw.get(`/credit/contests/${r.body.id}`)).status).to.equal(404);
    expect((await yw.get('/credit/contests')).body.total).to.equal(0);
    // A second contest of the same complaint while the first is open: 409, and nothing was stored twice.
    const again = await merchant.post('/credit/contests', contestForm(ids[0]!, '再次提出异议，理由同上。'));
    expect(again.status, again.text).to.equal(409);
    expect(again.body.error.code).to.equal('already_contested');
    expect((await merchant.get('/credit/contests')).body.total).to.equal(1);
    expect((await inputOf(ids[0]!)).contest).to.deep.equal({ id: r.body.id, state: 'open' });
  });

  it('refuses a contest of another merchant’s complaint, and one without evidence', async () => {
    const other = await shop.post('/credit/contests', contestForm(ids[1]!));
    expect(other.status, other.text).to.equal(404);
    const form = new FormData();
    form.set('complaintId', ids[1]!);
    form.set('reason', '没有附件的异议。');
    expect((await merchant.post('/credit/contests', form)).status).to.equal(400);
    expect((await merchant.get('/credit/contests')).body.total).to.equal(1);
  });

  it('refuses a decision by a bureau outside the jurisdiction', async () => {
    const open = (await hz.get('/credit/contests?state=open')).body.items[0];
    const r = await yw.post(`/credit/contests/${open.id}/decision`, { decision: 'accept', reason: '越权' });
    expect(r.status, r.text).to.equal(404);
    expect((await hz.get(`/credit/contests/${open.id}`)).body.state).to.equal('open');
    expect((await merchant.post(`/credit/contests/${open.id}/decision`, { decision: 'accept', reason: '自己接受' })).status).to.equal(403);
  });

  it('accepting takes the complaint out of the credit inputs and recomputes the tier; the hourly job keeps it out', async () => {
    const counted = await complaints180d();
    const open = (await hz.get('/credit/contests?state=open')).body.items[0];
    const r = await hz.post(`/credit/contests/${open.id}/decision`, { decision: 'accept', reason: '销售记录证实非本店售出。' });
    expect(r.status, r.text).to.equal(200);
    expect(r.body.state).to.equal('accepted');
    expect(r.body.timeline.map((t: { action: string; text: string }) => [t.action, t.text])).to.deep.equal([
      ['filed', '该投诉的消费者并未在本店购买，附销售记录。'],
      ['accepted', '销售记录证实非本店售出。'],
    ]);
    expect(await complaints180d()).to.equal(counted - 1);
    const item = await inputOf(ids[0]!);
    expect(item).to.deep.include({ excluded: true, contest: { id: open.id, state: 'accepted' } });
    expect((await merchant.get('/credit/inputs')).body.excluded).to.equal(1);
    await refreshAllCredit();
    expect(await complaints180d()).to.equal(counted - 1);
    // Decided once; an excluded complaint is not contested again.
    expect((await hz.post(`/credit/contests/${open.id}/decision`, { decision: 'reject', reason: '改判' })).status).to.equal(409);
    expect((await merchant.post('/credit/contests', contestForm(ids[0]!))).status).to.equal(409);
    const merchantUser = world.users.get(DEMO.merchant)!._id;
    expect(await NotificationModel.countDocuments({ userId: merchantUser, key: `credit-contest-decision:${open.id}` })).to.equal(1);
  });

  it('rejecting keeps the complaint in; the merchant may contest it again', async () => {
    const counted = await complaints180d();
    const filed = await merchant.post('/credit/contests', contestForm(ids[1]!));
    expect(filed.status, filed.text).to.equal(201);
    const r = await hz.post(`/credit/contests/${filed.body.id}/decision`, { decision: 'reject', reason: '证据不足以证明非本店售出。' });
    expect(r.status, r.text).to.equal(200);
    expect(r.body.state).to.equal('rejected');
    await refreshAllCredit();
    expect(await complaints180d()).to.equal(counted);
    expect(await inputOf(ids[1]!)).to.deep.include({ excluded: false, contest: { id: filed.body.id, state: 'rejected' } });
    const again = await merchant.post('/credit/contests', contestForm(ids[1]!, '补充了监控录像截图。'));
    expect(again.status, again.text).to.equal(201);
    const stillOpen = await hz.get('/credit/contests?state=open');
    expect(stillOpen.body.total).to.equal(1);
    expect((await hz.get('/credit/contests')).body.total).to.equal(3);
  });

  it('applies a decision that a crash left claimed but unapplied, a minute on', async () => {
    const open = (await hz.get('/credit/contests?state=open')).body.items[0];
    const counted = await complaints180d();
    const officer = world.users.get(DEMO.regulatorHz)!._id;
    // What decideContest claims before it writes: the crash comes right after.
    await claim(`credit-contest-decision:${open.id}`, 'credit-contest', {
      state: 'accepted',
      reason: '监控录像证实非本店售出。',
      at: new Date(),
      by: officer,
      byName: '杭州',
    });
    expect((await hz.post(`/credit/contests/${open.id}/decision`, { decision: 'reject', reason: '重试' })).status).to.equal(409);
    expect(await runJob('credit-contest-decisions')).to.deep.equal({ applied: 0 });
    expect(await runJob('credit-contest-decisions', new Date(Date.now() + 120_000))).to.deep.equal({ applied: 1 });
    const c = (await hz.get(`/credit/contests/${open.id}`)).body;
    expect(c.state).to.equal('accepted');
    expect(c.timeline.at(-1)).to.deep.include({ action: 'accepted', text: '监控录像证实非本店售出。' });
    expect(await complaints180d()).to.equal(counted - 1);
    const merchantUser = world.users.get(DEMO.merchant)!._id;
    expect(await NotificationModel.countDocuments({ userId: merchantUser, key: `credit-contest-decision:${open.id}` })).to.equal(1);
    expect(await runJob('credit-contest-decisions', new Date(Date.now() + 120_000))).to.deep.equal({ applied: 0 });
  });

  /** Every page of the chain's inputs of `limit`, cursor-followed, and the fact reads each page's answer made. */
  const walk = async (limit: number) => {
    const pages: CreditInputs[] = [];
    const factReads: Record<string, unknown>[][] = [];
    let cursor: string | undefined;
    do {
      const reads: Record<string, unknown>[] = [];
      mongoose.set(
        'debug',
        (coll: string, _m: string, filter: Record<string, unknown>) => void (coll === 'complaintfacts' && reads.push(filter)),
      );
      const page = await creditInputs(String(world.chain._id), { cursor, limit }).finally(() => mongoose.set('debug', false));
      pages.push(page);
      factReads.push(reads);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { pages, factReads };
  };

  it('reads the bands of its facts’ numbers that hold the page, and a database written before them is numbered once', async () => {
    // As written before the numbers: the page reads days and every contest of the merchant.
    await ComplaintFactModel.updateMany({}, { $unset: { creditSeq: '', creditBand: '', contested: '' } });
    await JobRunModel.deleteOne({ key: 'backfill:credit-fact-numbers-v1' });
    forgetHeldClaims();
    const byDays = await walk(2);
    expect(byDays.pages.flatMap((p) => p.items.filter((i) => i.contest)).length).to.equal(2);
    expect(byDays.factReads.flat().every((f) => 'day' in f)).to.equal(true);
    // The start numbers them (and marks the contested) once; the same pages, read by band.
    expect(await backfillCreditNumbers()).to.be.greaterThan(0);
    expect(await backfillCreditNumbers()).to.equal(0);
    const byBands = await walk(2);
    expect(byBands.pages).to.deep.equal(byDays.pages);
    expect(byBands.factReads.flat().every((f) => 'creditBand' in f)).to.equal(true);

    // 300 more of the chain's facts filed within 7 ms of one day, written out of order, numbered as a seed's end numbers them.
    const base = (await ComplaintFactModel.findById(ids[2]).lean())!;
    const at = Date.now() - 3 * 24 * 3600 * 1000;
    const extra = Array.from({ length: 300 }, (_, i) => {
      const id = new mongoose.Types.ObjectId();
      return { ...base, _id: id, complaintId: id, number: `T${i}`, createdAt: new Date(at + (i % 7)), contested: undefined };
    }).sort(() => Math.random() - 0.5);
    await ComplaintFactModel.collection.insertMany(extra, { ignoreUndefined: true });
    await numberFactsHolding();
    const since = Date.now() - 180 * 24 * 3600 * 1000;
    const expected = (await ComplaintFactModel.find({ merchantId: world.chain._id }, { complaintId: 1, createdAt: 1 }).lean())
      .filter((f) => new Date(f.createdAt).getTime() >= since)
      .sort(
        (a, b) =>
          new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime() || (String(b.complaintId) < String(a.complaintId) ? -1 : 1),
      )
      .map((f) => String(f.complaintId));
    for (const limit of [20, 7]) {
      const { pages, factReads } = await walk(limit);
      expect(pages.flatMap((p) => p.items.map((i) => i.complaintId))).to.deep.equal(expected);
      expect(pages.every((p) => p.items.length === limit || !p.nextCursor)).to.equal(true);
      // The bands holding the page and the row after it (at most three of 20 here), never the day's 300.
      for (const reads of factReads) {
        expect(reads.length).to.be.at.most(Math.ceil((limit + 1) / 20) + 1);
        expect(reads.every((f) => 'creditBand' in f)).to.equal(true);
      }
    }
  });
});
