import { expect } from 'chai';
import { testClock } from '../../server/clock.js';
import { ApiClient, DEMO, signedIn } from '../helpers/http.js';
import { chainStores, product, returnsWorld } from '../helpers/returns.js';
import type { TestServer } from '../helpers/server.js';

const TODAY = '2026-03-10';

describe('return coverage', () => {
  let srv: TestServer;
  let chain: ApiClient;
  let consumer: ApiClient;
  let s: ReturnType<typeof chainStores>;

  before(async () => {
    ({ srv, s, chain, consumer } = await returnsWorld(TODAY));
  });
  after(async () => {
    testClock.reset();
    await srv.stop();
  });

  async function publish(body: Record<string, unknown>) {
    const r = await chain.post('/return-commitments', { windowDays: 7, conditions: '商品完好，配件齐全', refundWithinHours: 24, ...body });
    expect(r.status, r.text).to.equal(201);
    return r.body as { id: string };
  }
  async function transition(id: string, action: string, by: ApiClient = chain, reason?: string) {
    const r = await by.post(`/return-commitments/${id}/transitions`, { action, ...(reason ? { reason } : {}) });
    expect(r.status, r.text).to.equal(200);
  }
  async function ask(purchase: string, ret: string, purchaseDate: string, category = 'clothing', by: ApiClient = chain) {
    const r = await by.post('/return-requests', {
      purchaseStoreId: purchase,
      returnStoreId: ret,
      purchaseDate,
      amountFen: 19900,
      product: product(category),
    });
    expect(r.status, r.text).to.equal(201);
    const codes = (r.body.coverage.reasons as { code: string; ok: boolean }[]).map((x) => (x.ok ? '+' : '-') + x.code);
    return { covered: r.body.covered as boolean, codes, body: r.body };
  }

  describe('under a chain_province commitment (7 days, jewelry excluded)', () => {
    let id: string;
    before(async () => {
      id = (await publish({ scope: 'chain_province', excludedCategories: ['jewelry'] })).id;
    });
    after(() => transition(id, 'withdraw'));

    const cases: [string, keyof ReturnType<typeof chainStores>, keyof ReturnType<typeof chainStores>, string, string, boolean, string[]][] =
      [
        [
          'same store, same day',
          'nbHaishu',
          'nbHaishu',
          '2026-03-10',
          'clothing',
          true,
          ['+commitment_active', '+within_window', '+same_store', '+same_city', '+category_covered'],
        ],
        [
          'another store in the same city',
          'hzXihu',
          'hzBinjiang',
          '2026-03-08',
          'clothing',
          true,
          ['+return_store_in_scope', '+same_city'],
        ],
        [
          'bought in Hangzhou, returned in Ningbo',
          'hzXihu',
          'nbHaishu',
          '2026-03-05',
          'electronics',
          true,
          ['+return_store_in_scope', '+cross_city_allowed'],
        ],
        ['the last day of the window', 'hzXihu', 'nbHaishu', '2026-03-03', 'clothing', true, ['+within_window']],
        ['the day after the window', 'hzXihu', 'nbHaishu', '2026-03-02', 'clothing', false, ['-past_window']],
        ['a category the merchant excludes', 'wenzhou', 'wenzhou', '2026-03-09', 'jewelry', false, ['-category_excluded']],
        ['fresh food (legal exclusion)', 'wenzhou', 'wenzhou', '2026-03-09', 'fresh_food', false, ['-category_legally_excluded']],
        ['made to order (legal exclusion)', 'wenzhou', 'wenzhou', '2026-03-09', 'made_to_order', false, ['-category_legally_excluded']],
        [
          'unsealed digital goods (legal exclusion)',
          'wenzhou',
          'wenzhou',
          '2026-03-09',
          'digital_content',
          false,
          ['-category_legally_excluded'],
        ],
        ['newspapers (legal exclusion)', 'wenzhou', 'wenzhou', '2026-03-09', 'newspaper', false, ['-category_legally_excluded']],
      ];
    for (const [name, p, r, date, cat, covered, expected] of cases) {
      it(`${covered ? 'covers' : 'refuses'}: ${name}`, async () => {
        const got = await ask(s[p], s[r], date, cat);
        expect(got.covered, got.codes.join(' ')).to.equal(covered);
        expect(got.codes).to.include.members(expected);
        expect(got.body.coverage.commitmentId).to.equal(id);
      });
    }

    it('counts the window from the Shanghai day of an instant (late evening UTC is the next day)', async () => {
      // 2026-03-02T17:00Z is 01:00 on 3 March in Shanghai: the last day of the window, still covered.
      const got = await ask(s.hzXihu, s.hzXihu, '2026-03-02T17:00:00Z');
      expect(got.covered).to.equal(true);
      expect(got.body.purchaseDate).to.equal('2026-03-03');
      expect(got.body.coverage.reasons.find((x: { code: string }) => x.code === 'within_window').params).to.include({
        lastDay: '2026-03-10',
        days: 7,
        windowDays: 7,
      });
    });

    it('refuses a return at another merchant’s store and a purchase date in the future', async () => {
      const other = await ask(s.hzXihu, s.shop, '2026-03-09', 'clothing', consumer);
      expect(other.covered).to.equal(false);
      expect(other.codes).to.deep.equal(['-return_store_other_merchant']);
      const future = await chain.post('/return-requests', {
        purchaseStoreId: s.hzXihu,
        returnStoreId: s.hzXihu,
        purchaseDate: '2026-03-11',
        amountFen: 100,
        product: product(),
      });
      expect(future.status).to.equal(422);
      expect(future.body.error.code).to.equal('purchase_in_future');
    });
  });

  describe('under a chain_city commitment', () => {
    let id: string;
    before(async () => {
      id = (await publish({ scope: 'chain_city', storeIds: [s.hzXihu, s.hzBinjiang, s.nbHaishu] })).id;
    });
    after(() => transition(id, 'withdraw'));

    it('covers another store of the same city', async () => {
      const got = await ask(s.hzXihu, s.hzBinjiang, '2026-03-09');
      expect(got.covered).to.equal(true);
    });
    it('refuses a return in another city', async () => {
      const got = await ask(s.hzXihu, s.nbHaishu, '2026-03-09');
      expect(got.covered).to.equal(false);
      expect(got.codes).to.include('-cross_city_not_allowed');
      expect(got.codes).to.include('+return_store_in_scope');
    });
    it('refuses a return store the commitment does not list', async () => {
      const got = await ask(s.nbHaishu, s.nbYinzhou, '2026-03-09');
      expect(got.covered).to.equal(false);
      expect(got.codes).to.include('-return_store_not_in_scope');
    });
    it('refuses a purchase store the commitment does not list', async () => {
      const got = await ask(s.wenzhou, s.wenzhou, '2026-03-09');
      expect(got.covered).to.equal(false);
      expect(got.codes).to.deep.equal(['-purchase_store_not_in_scope']);
    });
  });

  describe('under a store commitment limited to some categories', () => {
    let id: string;
    before(async () => {
      id = (await publish({ scope: 'store', storeIds: [s.wenzhou], windowDays: 15, categories: ['clothing', 'footwear'] })).id;
    });
    after(() => transition(id, 'withdraw'));

    it('covers a listed category within 15 days at the store of purchase', async () => {
      const got = await ask(s.wenzhou, s.wenzhou, '2026-02-23', 'footwear');
      expect(got.covered, got.codes.join(' ')).to.equal(true);
    });
    it('refuses a category it does not list', async () => {
      const got = await ask(s.wenzhou, s.wenzhou, '2026-03-09', 'toy');
      expect(got.codes).to.include('-category_not_covered');
    });
    it('refuses another store, even of the same merchant', async () => {
      // The only commitment naming the purchase store is the store one: no cross-store returns.
      const pub = await publish({ scope: 'store', storeIds: [s.nbHaishu, s.nbYinzhou] });
      const got = await ask(s.nbHaishu, s.nbYinzhou, '2026-03-09');
      expect(got.covered).to.equal(false);
      expect(got.codes).to.include('-cross_store_not_allowed');
      await transition(pub.id, 'withdraw');
    });
  });

  describe('a suspended or withdrawn commitment', () => {
    it('covers nothing while suspended, again once reinstated, and nothing once withdrawn', async () => {
      const { id } = await publish({ scope: 'chain_province' });
      const hz = await signedIn(srv.url, DEMO.regulatorHz);
      await transition(id, 'suspend', hz, '多次拒绝承诺范围内的退货');
      const suspended = await ask(s.hzXihu, s.nbHaishu, '2026-03-09');
      expect(suspended.covered).to.equal(false);
      expect(suspended.codes).to.include('-commitment_suspended');
      await transition(id, 'reinstate', hz, '已整改');
      expect((await ask(s.hzXihu, s.nbHaishu, '2026-03-09')).covered).to.equal(true);
      await transition(id, 'withdraw');
      const withdrawn = await ask(s.hzXihu, s.nbHaishu, '2026-03-09');
      expect(withdrawn.covered).to.equal(false);
      expect(withdrawn.codes).to.include('-commitment_withdrawn');
    });

    it('says so when a merchant has no commitment at all', async () => {
      const shopStore = s.shop;
      const got = await ask(shopStore, shopStore, '2026-03-09', 'toy', consumer);
      expect(got.codes).to.deep.equal(['-no_commitment']);
    });
  });
});
