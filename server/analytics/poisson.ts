// How surprising a weekly count is against a cell's baseline mean: the Poisson upper tail
// P(X ≥ k | λ), reported as -log10 p. A z-score over-reacts to small baselines (5 against a mean
// of 1 is z = 4 but happens in one cell-week of 270), and a province has thousands of cells.

function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}

/** -log10 P(X ≥ k) for X ~ Poisson(λ); 0 when k is not above the mean. */
export function poissonSurprise(k: number, lambda: number): number {
  if (k <= lambda || k <= 0) return 0;
  const lam = Math.max(lambda, 1e-9);
  // Sum the tail from k upward in log space; terms fall fast once i > λ.
  let logTerm = -lam + k * Math.log(lam) - logFactorial(k);
  let sum = 0;
  for (let i = k; i < k + 1000; i++) {
    const t = Math.exp(logTerm);
    sum += t;
    if (t < sum * 1e-12) break;
    logTerm += Math.log(lam) - Math.log(i + 1);
  }
  const logP = Math.log(Math.min(1, sum));
  // exp() underflows to 0 for extreme counts: fall back to the first term's log.
  const log10p = sum > 0 ? logP / Math.LN10 : (-lam + k * Math.log(lam) - logFactorial(k)) / Math.LN10;
  return Math.round(-log10p * 100) / 100;
}
