import { expect } from 'chai';
import { normalizeToken, productKey, productKeys } from '../../shared/productKey.js';
import { gtinCheckDigit } from '../../shared/gtin.js';
import { addWeeks, weekMonday, weekRange } from '../../shared/weeks.js';

const gtin = (body: string) => body + gtinCheckDigit(body);

describe('product identity keys', () => {
  const base = { category: 'electric_hand_warmer', brand: '暖芯', model: 'NX-2000' };
  for (const [label, variant] of [
    ['full-width letters, digits and dash', { brand: '暖芯', model: 'ＮＸ－２０００' }],
    ['lower case', { brand: '暖芯', model: 'nx-2000' }],
    ['spaces instead of a dash', { brand: ' 暖芯 ', model: 'NX 2000' }],
    ['other punctuation', { brand: '「暖芯」', model: 'NX·2000.' }],
    ['ideographic space', { brand: '暖\u3000芯', model: 'NX2000' }],
  ] as const) {
    it(`treats ${label} as the same product`, () => {
      expect(productKey({ ...base, ...variant })).to.equal(productKey(base));
    });
  }

  it('keeps different models, brands and categories apart', () => {
    expect(productKey({ ...base, model: 'NX-2000S' })).to.not.equal(productKey(base));
    expect(productKey({ ...base, brand: '暖心' })).to.not.equal(productKey(base));
    expect(productKey({ ...base, category: 'electric_heater' })).to.not.equal(productKey(base));
  });

  it('prefers a valid GTIN, also typed with full-width digits, whatever the category', () => {
    const code = gtin('690123400201');
    expect(productKey({ ...base, gtin: code })).to.equal(`gtin:${code}`);
    const wide = code.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(productKey({ category: 'other', gtin: wide })).to.equal(`gtin:${code}`);
    expect(productKeys({ ...base, gtin: code })).to.deep.equal([`gtin:${code}`, productKey(base)]);
    expect(productKey({ category: 'toy', gtin: gtin('1234567') })).to.equal(`gtin:${gtin('1234567')}`);
  });

  it('ignores a GTIN with a wrong check digit and falls back to brand + model', () => {
    const code = gtin('690123400201');
    const wrong = code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10);
    expect(productKey({ ...base, gtin: wrong })).to.equal(productKey(base));
  });

  it('cannot identify a product without GTIN and without both brand and model', () => {
    expect(productKey({ category: 'toy', brand: '童乐' })).to.equal(null);
    expect(productKey({ category: 'toy', model: '  ' })).to.equal(null);
    expect(normalizeToken('  ')).to.equal('');
  });

  it('steps ISO weeks across a year end', () => {
    expect(weekMonday('2026-W01')).to.equal('2025-12-29');
    expect(addWeeks('2026-W01', -1)).to.equal('2025-W52');
    expect(addWeeks('2020-W53', 1)).to.equal('2021-W01');
    expect(weekRange('2025-W51', '2026-W02')).to.deep.equal(['2025-W51', '2025-W52', '2026-W01', '2026-W02']);
  });
});
