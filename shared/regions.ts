// GB/T 2260 region codes: province "33", city "3301", county "330106".

export const PROVINCE_CODE = '33';

export type RegionLevel = 'province' | 'city' | 'county';

export function regionLevel(code: string): RegionLevel {
  if (code.length === 2) return 'province';
  if (code.length === 4) return 'city';
  return 'county';
}

/** The code itself and every region that contains it, narrowest first. */
export function regionChain(code: string): string[] {
  const chain = [code];
  if (code.length >= 6) chain.push(code.slice(0, 4));
  if (code.length >= 4) chain.push(code.slice(0, 2));
  return chain;
}

/** Whether `inner` lies inside (or is) `outer`. */
export function regionContains(outer: string, inner: string): boolean {
  return inner.startsWith(outer);
}

export function cityOf(code: string): string {
  return code.slice(0, 4);
}
