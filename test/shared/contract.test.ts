// The strict response check: zod alone would strip an undeclared key silently.
import { expect } from 'chai';
import { z } from 'zod';
import { contractIssues } from '../../shared/contract.js';
import { page } from '../../shared/schemas/common.js';

const item = z.object({ a: z.number(), b: z.object({ c: z.string() }).optional(), r: z.record(z.string(), z.number()) });

describe('contractIssues', () => {
  it('passes a conforming value, record keys included', () => {
    expect(contractIssues(page(item), { items: [{ a: 1, b: { c: 'x' }, r: { any: 1 } }], nextCursor: null })).to.deep.equal([]);
  });
  it('names undeclared keys at any depth, in arrays too', () => {
    expect(contractIssues(page(item), { items: [{ a: 1, b: { c: 'x', d: 2 }, r: {}, e: 1 }], nextCursor: null, more: true })).to.deep.equal(
      ['items.0.b.d: not in the schema', 'items.0.e: not in the schema', 'more: not in the schema'],
    );
  });
  it('names missing and mistyped fields', () => {
    const issues = contractIssues(page(item), { items: [{ b: { c: 1 }, r: {} }], nextCursor: null });
    expect(issues.map((i) => i.split(':')[0])).to.deep.equal(['items.0.a', 'items.0.b.c']);
  });
});
