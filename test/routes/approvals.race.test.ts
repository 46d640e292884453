// One decision per merchant account, and only approved merchants in public: stores and commitments
// need an approved merchant, and stores of pending or rejected ones are in no public list.
import { expect } from 'chai';
import { OrganizationModel } from '../../server/models/Organization.js';
import { backfillFields } from '../../server/db/backfill.js';
import { StoreModel } from '../../server/models/Store.js';
import { UserModel } from '../../server/models/User.js';
import { creditCodeCheckChar } from '../../shared/creditCode.js';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';

let serial = 0;

describe('merchant approval decisions and public listing', () => {
  let srv: TestServer;
  let hz: ApiClient;
  let admin: ApiClient;
  before(async () => {
    await freshWorld();
    srv = await startTestServer();
    hz = await signedIn(srv.url, DEMO.regulatorHz);
    admin = await signedIn(srv.url, DEMO.admin);
  });
  after(() => srv.stop());

  /** A freshly registered (pending) merchant, signed in, with its user id. */
  async function pendingMerchant() {
    const c = new ApiClient(srv.url);
    await c.fetchCsrf();
    const body = `91330106MA2R${String(++serial).padStart(5, '0')}`;
    const email = `race-${serial}@example.com`;
    const r = await c.post('/auth/register', {
      name: '竞态商家',
      email,
      password: 'long-enough-pw',
      role: 'merchant',
      merchant: { name: `竞态商家${serial}`, creditCode: body + creditCodeCheckChar(body), countyCode: '330106' },
    });
    expect(r.status, r.text).to.equal(201);
    const user = (await UserModel.findOne({ email }).lean())!;
    return { c, userId: String(user._id), orgId: String(user.orgId), name: `竞态商家${serial}` };
  }

  it('of an approve and a reject sent together exactly one wins, and account and organization agree', async () => {
    for (let i = 0; i < 4; i++) {
      const m = await pendingMerchant();
      const answers = await Promise.all([
        hz.post(`/approvals/${m.userId}`, { decision: 'approve' }),
        admin.post(`/approvals/${m.userId}`, { decision: 'reject' }),
      ]);
      expect(answers.map((a) => a.status).sort(), answers.map((a) => a.text).join(' | ')).to.deep.equal([200, 409]);
      const winner = answers.find((a) => a.status === 200)!.body.status as string;
      const [user, org] = [await UserModel.findById(m.userId).lean(), await OrganizationModel.findById(m.orgId).lean()];
      expect(user!.status).to.equal(winner);
      expect(org!.status).to.equal(winner);
      const store = await m.c.post('/stores', { name: `${m.name} 一号店`, countyCode: '330106', address: '测试路 1 号' });
      if (winner === 'active') {
        expect(store.status, store.text).to.equal(201);
      } else {
        expect([401, 403]).to.include(store.status);
        expect(await StoreModel.countDocuments({ merchantId: m.orgId })).to.equal(0);
      }
      // A later decision of either kind is a conflict and changes nothing.
      const late = await hz.post(`/approvals/${m.userId}`, { decision: winner === 'active' ? 'reject' : 'approve' });
      expect(late.status).to.equal(409);
      expect((await UserModel.findById(m.userId).lean())!.status).to.equal(winner);
    }
  });

  it('a merchant whose organization is not approved creates no store and no commitment, whatever its account says', async () => {
    const m = await pendingMerchant();
    expect((await hz.post(`/approvals/${m.userId}`, { decision: 'approve' })).status).to.equal(200);
    // The state the old race left behind: the account active, the organization rejected.
    await OrganizationModel.updateOne({ _id: m.orgId }, { $set: { status: 'rejected' } });
    const store = await m.c.post('/stores', { name: `${m.name} 二号店`, countyCode: '330106', address: '测试路 2 号' });
    expect(store.status, store.text).to.equal(403);
    expect(store.body.error.code).to.equal('merchant_not_approved');
    const commitment = await m.c.post('/return-commitments', {
      scope: 'chain_province',
      windowDays: 7,
      conditions: '商品完好',
      refundWithinHours: 24,
    });
    expect(commitment.status, commitment.text).to.equal(403);
    expect(commitment.body.error.code).to.equal('merchant_not_approved');
  });

  it('lists no store of a pending or rejected merchant, including stores written before listing existed', async () => {
    const approved = await pendingMerchant();
    expect((await hz.post(`/approvals/${approved.userId}`, { decision: 'approve' })).status).to.equal(200);
    const open = await approved.c.post('/stores', { name: `${approved.name} 公开店`, countyCode: '330106', address: '测试路 3 号' });
    expect(open.status).to.equal(201);
    const pending = await pendingMerchant();
    const rejected = await pendingMerchant();
    expect((await hz.post(`/approvals/${rejected.userId}`, { decision: 'reject' })).status).to.equal(200);
    // Stores as an older version wrote them (no `listed`), for all three merchants.
    for (const m of [pending, rejected]) {
      await StoreModel.collection.insertOne({
        merchantId: new StoreModel.base.Types.ObjectId(m.orgId),
        merchantName: m.name,
        name: `${m.name} 旧店`,
        countyCode: '330106',
        cityCode: '3301',
        address: '旧路 1 号',
        status: 'open',
      });
    }
    await StoreModel.collection.updateOne({ _id: new StoreModel.base.Types.ObjectId(open.body.id) }, { $unset: { listed: '' } });
    await backfillFields();
    const anon = new ApiClient(srv.url);
    for (const q of [
      `/stores?q=${encodeURIComponent('竞态商家')}&limit=100`,
      '/stores?region=330106&limit=100',
      `/stores?merchantId=${pending.orgId}`,
      `/stores?merchantId=${rejected.orgId}`,
    ]) {
      const names = (await anon.get(q)).body.items.map((s: { name: string }) => s.name);
      expect(names, q).to.not.include(`${pending.name} 旧店`);
      expect(names, q).to.not.include(`${rejected.name} 旧店`);
    }
    expect((await anon.get(`/stores?merchantId=${approved.orgId}`)).body.items.map((s: { name: string }) => s.name)).to.deep.equal([
      `${approved.name} 公开店`,
    ]);
    const hidden = (await StoreModel.findOne({ merchantId: rejected.orgId }).lean())!;
    expect((await anon.get(`/stores/${hidden._id}/badge`)).status).to.equal(404);
  });
});
