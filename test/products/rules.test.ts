import { expect } from 'chai';
import { evaluate, type FactIn, type SamplingIn } from '../../server/products/rules.js';
import { DEFAULT_FLAG_RULES, type FlagRules } from '../../shared/schemas/products.js';
import { isoWeek } from '../../shared/calendar.js';
import { poissonSurprise } from '../../server/analytics/poisson.js';
import { scoreCell } from '../../server/analytics/hotspots.js';

const AT = new Date('2026-06-15T04:00:00Z');
const DAY = 24 * 3600 * 1000;

/** Only the named rule enabled, at its default thresholds. */
function only(rule: keyof FlagRules): FlagRules {
  const r = structuredClone(DEFAULT_FLAG_RULES);
  for (const k of Object.keys(r) as (keyof FlagRules)[]) r[k].enabled = k === rule;
  return r;
}

function fact(daysAgo: number, over: Partial<FactIn> = {}): FactIn {
  const createdAt = new Date(AT.getTime() - daysAgo * DAY);
  return {
    complaintId: `c${Math.random()}`,
    merchantId: 'm1',
    cityCode: '3301',
    countyCode: '330106',
    safety: false,
    keyCategory: false,
    createdAt,
    week: isoWeek(createdAt),
    ...over,
  };
}
const failed = (daysAgo: number): SamplingIn => ({
  id: `s${daysAgo}`,
  passed: false,
  sampledOn: new Date(AT.getTime() - daysAgo * DAY).toISOString().slice(0, 10),
  batch: 'B1',
  authority: '省局',
  failedItems: ['x'],
  regionCode: '33',
});
const fired = (facts: FactIn[], samplings: SamplingIn[], rules: FlagRules) => evaluate(facts, samplings, rules, AT).rules;

describe('flag rules at their thresholds and one below', () => {
  it('volume: 5 complaints in 30 days, not 4, not when the fifth is older', () => {
    expect(
      fired(
        [0, 3, 7, 15, 29].map((d) => fact(d)),
        [],
        only('volume'),
      ),
    ).to.deep.equal(['volume']);
    expect(
      fired(
        [0, 3, 7, 15].map((d) => fact(d)),
        [],
        only('volume'),
      ),
    ).to.deep.equal([]);
    expect(
      fired(
        [0, 3, 7, 15, 31].map((d) => fact(d)),
        [],
        only('volume'),
      ),
    ).to.deep.equal([]);
  });

  it('spread: 3 merchants or 2 cities among at least 3 complaints', () => {
    const rules = only('spread');
    expect(fired([fact(1, { merchantId: 'a' }), fact(2, { merchantId: 'b' }), fact(3, { merchantId: 'c' })], [], rules)).to.deep.equal([
      'spread',
    ]);
    expect(fired([fact(1, { merchantId: 'a' }), fact(2, { merchantId: 'b' }), fact(3, { merchantId: 'b' })], [], rules)).to.deep.equal([]);
    expect(fired([fact(1), fact(2), fact(3, { cityCode: '3307', countyCode: '330782' })], [], rules)).to.deep.equal(['spread']);
    expect(fired([fact(1), fact(2, { cityCode: '3307', countyCode: '330782' })], [], rules)).to.deep.equal([]);
  });

  it('safety: one incident in a key category, none in another category', () => {
    const rules = only('safety');
    expect(fired([fact(5, { safety: true, keyCategory: true })], [], rules)).to.deep.equal(['safety']);
    expect(fired([fact(5, { safety: true, keyCategory: false })], [], rules)).to.deep.equal([]);
    expect(fired([fact(5, { safety: false, keyCategory: true })], [], rules)).to.deep.equal([]);
  });

  it('sampling: two failures in three years, or one failure and two complaints', () => {
    const rules = only('sampling');
    expect(fired([], [failed(10), failed(900)], rules)).to.deep.equal(['sampling']);
    expect(fired([], [failed(10)], rules)).to.deep.equal([]);
    expect(fired([], [failed(10), failed(3 * 366)], rules)).to.deep.equal([]);
    expect(fired([fact(1), fact(40)], [failed(10)], rules)).to.deep.equal(['sampling']);
    expect(fired([fact(1)], [failed(10)], rules)).to.deep.equal([]);
  });

  it("spike: a week far above the product's own baseline", () => {
    const rules = only('spike');
    // One complaint a week for eight weeks, then five this week: 5 ≥ 3 × 1 and z = 4.
    const baseline = Array.from({ length: 8 }, (_, i) => fact(7 * (i + 1)));
    const thisWeek = (n: number) => Array.from({ length: n }, () => fact(0));
    const r = evaluate([...baseline, ...thisWeek(5)], [], rules, AT);
    expect(r.rules).to.deep.equal(['spike']);
    expect(r.evidence.spike).to.include({ observed: 5, expected: 1 });
    expect(fired([...baseline, ...thisWeek(4)], [], rules)).to.deep.equal([]);
  });

  it('records the evidence of every complaint in the widest window', () => {
    const r = evaluate(
      [fact(1, { merchantId: 'a' }), fact(2, { merchantId: 'b', cityCode: '3307', countyCode: '330782' })],
      [failed(3)],
      DEFAULT_FLAG_RULES,
      AT,
    );
    expect(r.evidence).to.include({ complaintCount: 2, merchantCount: 2, samplingFailures: 1 });
    expect(r.evidence.regionCodes).to.deep.equal(['330106', '330782']);
    expect(r.score).to.be.greaterThan(0);
  });

  it('hotspot cells: a Poisson surprise of 4 (p ≤ 1e-4) with at least 5 and 3× the baseline', () => {
    expect(poissonSurprise(5, 1)).to.be.closeTo(2.44, 0.01);
    expect(scoreCell(5, 1).hotspot).to.equal(false);
    expect(scoreCell(8, 1).hotspot).to.equal(true);
    expect(scoreCell(6, 0).hotspot).to.equal(true);
    expect(scoreCell(5, 0).hotspot).to.equal(false);
    expect(scoreCell(20, 8).hotspot).to.equal(false);
  });
});
