import { expect } from 'chai';
import type { DemoWorld } from '../../server/seed/registry.js';
import type { ComplaintHit } from '../../shared/schemas/complaintSearch.js';
import { filing, fileVia } from '../helpers/complaints.js';
import { DEMO, signedIn, type ApiClient } from '../helpers/http.js';
import { freshWorld, startTestServer, type TestServer } from '../helpers/server.js';
import { testClock } from '../../server/clock.js';
import mongoose from 'mongoose';
import { backfillPhraseTerms, phraseTermsHeld } from '../../server/complaints/backfillTerms.js';
import { searchTuning } from '../../server/complaints/search.js';

// Long enough that the phrase sits past the first few hundred terms, where the old scheme stopped.
const OPENING =
  '今年一月在门店购买了这台电暖器，放在卧室里使用，每天晚上开四到五个小时，前两周一切正常，温控也比较灵敏。' +
  '第三周开始机器运转时发出轻微的嗡嗡声，我以为是正常现象没有在意，继续按照说明书的要求摆放和清洁。';
const PHRASE = '插头处冒出黑烟并有焦糊味';
const CLOSING = '，我立刻拔掉电源并打开窗户通风，所幸没有造成人员受伤，但墙面插座已经被熏黑，家人非常担心安全问题。';

describe('complaint search: Chinese and English, ranked, highlighted, within visibility', function () {
  // Filing is slow on a loaded machine.
  this.timeout(120_000);
  let srv: TestServer;
  let world: DemoWorld;
  let consumer: ApiClient;
  let merchant: ApiClient;
  let hz: ApiClient;
  let yw: ApiClient;
  let shop: ApiClient;
  let smoke: { id: string; number: string };
  let numbered: { id: string; number: string };
  let mention: { id: string; number: string };

  const search = async (c: ApiClient, q: string) => {
    const r = await c.get(`/complaints/search?q=${encodeURIComponent(q)}`);
    expect(r.status, r.text).to.equal(200);
    return r.body as { items: ComplaintHit[]; partial: boolean };
  };
  const ids = async (c: ApiClient, q: string) => (await search(c, q)).items.map((h) => h.complaint.id);

  before(async () => {
    world = await freshWorld();
    srv = await startTestServer();
    consumer = await signedIn(srv.url, DEMO.consumer);
    merchant = await signedIn(srv.url, DEMO.merchant);
    hz = await signedIn(srv.url, DEMO.regulatorHz);
    yw = await signedIn(srv.url, DEMO.regulatorYw);
    shop = await signedIn(srv.url, DEMO.shop);
    smoke = await fileVia(
      consumer,
      filing(world, '330106', {
        product: { name: '油汀电暖器', category: 'electric_heater', brand: 'WarmHome', model: 'NY-2026' },
        description: OPENING + PHRASE + CLOSING,
      }),
    );
    numbered = await fileVia(consumer, filing(world, '330106'));
    mention = await fileVia(consumer, filing(world, '330106', { description: `与投诉 ${numbered.number} 是同一批次的热水壶，也漏电。` }));
  });
  after(() => srv.stop());

  it('finds a phrase from the middle of a long Chinese description and marks it', async () => {
    for (const who of [consumer, merchant, hz]) expect(await ids(who, '冒出黑烟')).to.deep.equal([smoke.id]);
    const [hit] = (await search(hz, '冒出黑烟')).items;
    const d = hit!.highlights.find((h) => h.field === 'description')!;
    expect(d.ranges.map((r) => d.text.slice(r.start, r.end))).to.deep.equal(['冒出黑烟']);
    expect(d.text.length).to.be.below((OPENING + PHRASE + CLOSING).length);
    // The list filter reads the same terms.
    const list = await hz.get(`/complaints?q=${encodeURIComponent('焦糊味')}`);
    expect(list.body.items.map((c: { id: string }) => c.id)).to.deep.equal([smoke.id]);
  });

  it('finds English brand and model by word prefixes, in any case', async () => {
    expect(await ids(merchant, 'warmh')).to.deep.equal([smoke.id]);
    expect(await ids(merchant, 'ny-2026 电暖')).to.deep.equal([smoke.id]);
    const [hit] = (await search(merchant, 'WARMHOME')).items;
    expect(hit!.highlights.find((h) => h.field === 'brand')).to.deep.equal({
      field: 'brand',
      text: 'WarmHome',
      ranges: [{ start: 0, end: 8 }],
    });
  });

  it('ranks the complaint whose number was typed first, then those mentioning it', async () => {
    const { items } = await search(hz, numbered.number);
    expect(items.map((h) => h.complaint.id)).to.deep.equal([numbered.id, mention.id]);
    expect(items.map((h) => h.exactNumber)).to.deep.equal([true, false]);
    expect(items[0]!.highlights.find((h) => h.field === 'number')!.ranges).to.deep.equal([{ start: 0, end: numbered.number.length }]);
  });

  it('ranks the whole phrase above complaints holding only its pieces, newer or not', async () => {
    const whole = await fileVia(consumer, filing(world, '330106', { description: '开关失灵，按下去没有反应。' }));
    const pieces = await fileVia(consumer, filing(world, '330106', { description: '电源机关失效，开关按键失灵。' }));
    const { items } = await search(merchant, '开关失灵');
    expect(items.map((h) => h.complaint.id)).to.deep.equal([whole.id, pieces.id]);
    expect(items.map((h) => h.matchedWords)).to.deep.equal([1, 0]);
  });

  it('finds a word of one complaint filed months before the newest, the months between holding none', async () => {
    testClock.set(new Date(Date.now() - 200 * 86_400_000));
    let old: { id: string };
    try {
      old = await fileVia(consumer, filing(world, '330106', { description: '蒸汽熨斗的底板起泡脱落，熨烫时粘住衣物。' }));
    } finally {
      testClock.reset();
    }
    await fileVia(consumer, filing(world, '330106', { description: '熨斗的指示灯不亮。' }));
    const { items, partial } = await search(hz, '底板起泡');
    expect(items.map((h) => h.complaint.id)).to.deep.equal([old.id]);
    expect(partial).to.equal(false);
  });

  it('reads a page of whole words by phrase, and finds a phrase past the cut of a very long description', async () => {
    // Forty characters in a fixed pseudo-random order: over a thousand different three-character phrases.
    const chars = [...'一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬东南西北'];
    let x = 7;
    const filler = Array.from({ length: 1200 }, () => chars[(x = (x * 1103515245 + 12345) % 2147483648) % chars.length]).join('');
    const short = await fileVia(consumer, filing(world, '330106', { description: '壶嘴漏水声很大。' }));
    // Its bigrams early (within the terms kept), the phrase itself only at the end, past the phrases kept.
    const long = await fileVia(consumer, filing(world, '330106', { description: `漏水，水声。${filler}。最后壶嘴漏水声很大。` }));
    const page = async (limit: number) => {
      const r = await hz.get(`/complaints/search?q=${encodeURIComponent('漏水声')}&limit=${limit}`);
      expect(r.status, r.text).to.equal(200);
      return r.body as { items: ComplaintHit[]; partial: boolean };
    };
    const one = await page(1);
    expect(one.items.map((h) => h.complaint.id)).to.deep.equal([long.id]);
    expect(one.partial).to.equal(false);
    expect((await page(20)).items.map((h) => h.complaint.id)).to.deep.equal([long.id, short.id]);
  });

  describe('a word with fewer whole matches than a page', () => {
    // 鹦鹉螺 whole in two complaints; its pieces (鹦鹉, 鹉螺) without it in seven, over five months.
    const WORD = '鹦鹉螺';
    let expected: string[];
    before(async () => {
      const file = async (daysAgo: number, description: string) => {
        testClock.set(new Date(Date.now() - daysAgo * 86_400_000));
        try {
          return (await fileVia(consumer, filing(world, '330106', { description }))).id as string;
        } finally {
          testClock.reset();
        }
      };
      const pieces = '鹦鹉的壳上有花纹，像鹉螺。';
      const old = [];
      for (const days of [160, 130, 70, 40]) old.push(await file(days, pieces));
      const wholeOld = await file(100, `${WORD}造型的台灯不亮。`);
      const recent = [];
      for (let i = 0; i < 3; i++) recent.push(await file(0, pieces));
      const wholeNew = await file(0, `${WORD}摆件掉漆。`);
      // The ranking a read of every month by the bigrams gives: whole matches newest first, then the rest newest first.
      expected = [wholeNew, wholeOld, ...recent.reverse(), ...old.reverse()];
      // The entries hold their phrases (written by this code): searches read by phrase from here on.
      await backfillPhraseTerms();
      expect(await phraseTermsHeld()).to.equal(true);
    });

    type Page = { items: ComplaintHit[]; partial: boolean; nextCursor: string | null };
    const page = async (q: string, limit: number, cursor?: string) => {
      const r = await hz.get(`/complaints/search?q=${encodeURIComponent(q)}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status, r.text).to.equal(200);
      return r.body as Page;
    };
    /** The first page and every page its cursors lead to. */
    const walk = async (q: string, limit: number) => {
      const pages = [await page(q, limit)];
      for (let next = pages[0]!.nextCursor; next; next = pages.at(-1)!.nextCursor) pages.push(await page(q, limit, next));
      return pages;
    };

    const pieceFilings = searchTuning.pieceFilings;
    afterEach(() => {
      searchTuning.pieceFilings = pieceFilings;
    });

    it('ranks every page, and the older pages its cursor leads to, as a read of every month by the bigrams does', async () => {
      // These few filings fit the months of one page's budget; one filing a hit lacking reads a month or two a page.
      for (const filings of [pieceFilings, 1]) {
        searchTuning.pieceFilings = filings;
        for (const limit of [1, 2, 3, 5, 6, 8, 9, 20]) {
          const pages = await walk(WORD, limit);
          const found = pages.flatMap((p) => p.items.map((h) => h.complaint.id));
          expect(found, `limit ${limit}`).to.deep.equal(expected.slice(0, found.length));
          // A page is full, or leads on to older months, or ends the ranking.
          for (const p of pages)
            expect(p.items.length === limit || !!p.nextCursor || found.length === expected.length, `limit ${limit}`).to.equal(true);
          expect(pages.map((p) => p.partial)).to.not.include(true);
          if (filings === pieceFilings) expect(pages, `limit ${limit}`).to.have.length(1);
        }
      }
      // A second word every hit holds whole (its own token) leaves the order to time alone as well.
      expect((await page(`${WORD} 鹉螺`, 4)).items.map((h) => h.complaint.id)).to.deep.equal(expected.slice(0, 4));
    });

    it('continues only a search whose older pages hold the words apart', async () => {
      const refused = async (q: string) => {
        const r = await hz.get(`/complaints/search?q=${encodeURIComponent(q)}&cursor=2026-01`);
        expect(r.status, q).to.equal(400);
      };
      // Two words that may each be missing whole, a word of two characters (no phrase), a number.
      for (const q of [`${WORD} 台灯不亮`, '鹦鹉', numbered.number]) await refused(q);
    });

    it('reads the bigrams only in the months the page needs', async () => {
      /** The months read by a bigram of the word in one search. */
      const bigramMonths = async (limit: number, cursor?: string) => {
        const months = new Set<string>();
        mongoose.set('debug', (coll: string, method: string, filter: { tt?: unknown }) => {
          const m =
            coll === 'complaintentries' && method === 'find' && typeof filter?.tt === 'string' && /^(.*)\|(鹦鹉|鹉螺)$/.exec(filter.tt);
          if (m) months.add(m[1]!);
        });
        try {
          await page(WORD, limit, cursor);
        } finally {
          mongoose.set('debug', false);
        }
        return months.size;
      };
      // Twenty is more than every hit: every month is read, as every search of fewer whole matches than a
      // page once read them; three lacks one after the whole matches, found in the newest month.
      const every = await bigramMonths(20);
      expect(every).to.be.at.least(6);
      expect(await bigramMonths(3))
        .to.be.at.most(2)
        .and.below(every);
      // With a filing's months a hit lacking, six (four lacking after the whole matches, three of them
      // in this month) reads this month alone and leads on to the older ones, read from its cursor back.
      searchTuning.pieceFilings = 1;
      const pages = await walk(WORD, 6);
      expect(pages[0]!.items.map((h) => h.complaint.id)).to.deep.equal(expected.slice(0, 5));
      expect(await bigramMonths(6)).to.equal(1);
      expect(pages.flatMap((p) => p.items.map((h) => h.complaint.id))).to.deep.equal(expected);
      for (const p of pages.slice(0, -1)) expect(await bigramMonths(6, p.nextCursor!)).to.be.below(every);
    });
  });

  it('stays within what each searcher may see', async () => {
    expect(await ids(yw, '冒出黑烟')).to.deep.equal([]);
    expect(await ids(shop, '冒出黑烟')).to.deep.equal([]);
    expect((await consumer.get('/complaints/search?q=')).status).to.equal(400);
    expect(await ids(consumer, '——')).to.deep.equal([]);
  });
});
