import { expect } from 'chai';
import { isValidGtin, gtinCheckDigit } from '../../shared/gtin.js';
import { isValidCreditCode, creditCodeCheckChar } from '../../shared/creditCode.js';
import { regionChain, regionContains, regionLevel } from '../../shared/regions.js';
import { registerSchema, loginSchema } from '../../shared/schemas/auth.js';

describe('shared validators', () => {
  it('validates GTIN-13 and GTIN-8 check digits', () => {
    expect(isValidGtin('6901234567892')).to.equal(true);
    expect(isValidGtin('6901234567893')).to.equal(false);
    expect(isValidGtin('96385074')).to.equal(true);
    expect(isValidGtin('96385075')).to.equal(false);
    expect(isValidGtin('690123456789')).to.equal(false);
    expect(isValidGtin('69012345678A2')).to.equal(false);
    expect(gtinCheckDigit('400638133393')).to.equal(1);
  });

  it('validates unified social credit codes', () => {
    // A published example code (GB 32100-2015 appendix style).
    expect(isValidCreditCode('91350100M000100Y43')).to.equal(true);
    expect(isValidCreditCode('91350100M000100Y44')).to.equal(false);
    expect(isValidCreditCode('91350100M000100Y4')).to.equal(false);
    expect(isValidCreditCode('91350100M000100I43')).to.equal(false);
    expect(creditCodeCheckChar('91350100M000100Y4')).to.equal('3');
  });

  it('places counties in their cities and the province', () => {
    expect(regionChain('330782')).to.deep.equal(['330782', '3307', '33']);
    expect(regionChain('3301')).to.deep.equal(['3301', '33']);
    expect(regionLevel('33')).to.equal('province');
    expect(regionLevel('3301')).to.equal('city');
    expect(regionLevel('330106')).to.equal('county');
    expect(regionContains('3301', '330106')).to.equal(true);
    expect(regionContains('3307', '330106')).to.equal(false);
    expect(regionContains('33', '330782')).to.equal(true);
  });

  it('normalizes the sign-in email and refuses operators', () => {
    expect(loginSchema.parse({ email: ' A@B.CN ', password: 'x' }).email).to.equal('a@b.cn');
    expect(loginSchema.safeParse({ email: { $gt: '' }, password: 'x' }).success).to.equal(false);
    expect(registerSchema.safeParse({ name: 'a', email: 'a@b.cn', password: '123456789' }).success).to.equal(false);
    expect(registerSchema.safeParse({ name: 'a', email: 'a@b.cn', password: '1234567890', role: 'merchant' }).success).to.equal(false);
  });
});
