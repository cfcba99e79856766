/**
 * Summary statistics of measurements.
 */

/** The median (mean of the two middle values for an even count); NaN for none. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The largest value; NaN for none. */
export function max(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : Math.max(...xs);
}

/** Median and max together. */
export function medMax(xs: readonly number[]): { median: number; max: number } {
  return { median: median(xs), max: max(xs) };
}
