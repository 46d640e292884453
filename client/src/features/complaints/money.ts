// Amounts are typed in yuan and sent as integer fen (API.md: money in integer fen).

/** "129" or "129.5" or "129.50" → 12950; anything else (more decimals, signs, letters) → null. */
export function yuanToFen(input: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(input.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
