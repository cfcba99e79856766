/**
 * Growth exponents: the least-squares line through (log n, log cost). A cost that grows
 * like n^k has exponent k: about 0 for O(1) and O(log n) at these sizes, 1 for O(n).
 */

export interface PowerFit {
  /** Slope of log(cost) on log(n). */
  exponent: number;
  /** cost ≈ coefficient · n^exponent. */
  coefficient: number;
  /** Coefficient of determination of the fit on the log-log points. */
  r2: number;
}

/** Fits cost ≈ c · n^k by least squares on log-log; needs two distinct n and positive values. */
export function fitPower(points: readonly { n: number; cost: number }[]): PowerFit {
  const xs = points.map((p) => Math.log(p.n));
  const ys = points.map((p) => Math.log(p.cost));
  const m = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / m;
  const my = ys.reduce((s, y) => s + y, 0) / m;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < m; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  if (m < 2 || sxx === 0) throw new Error('fitPower needs at least two distinct sizes');
  const exponent = sxy / sxx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { exponent, coefficient: Math.exp(my - exponent * mx), r2 };
}

/**
 * The exponent O(log n) shows at sizes from..to: the slope of log(log n) on log n over
 * that span (about 0.2 for 10..10000). An exponent at or below it (plus noise) is
 * consistent with logarithmic growth.
 */
export function logExponent(from: number, to: number): number {
  return (Math.log(Math.log(to)) - Math.log(Math.log(from))) / (Math.log(to) - Math.log(from));
}
