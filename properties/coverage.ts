/**
 * Statistically sound coverage requirements, in the manner of QuickCheck's checkCoverage:
 * a label passes once the Wilson score interval's lower bound of its share of runs,
 * at a very small error probability, reaches tolerance × the required share; it fails
 * once the interval's upper bound falls below the required share. In between, more runs
 * are needed. Neither verdict depends on a fixed-count threshold.
 */

/** Error probability of a verdict (QuickCheck's default certainty is 10^9). */
export const COVERAGE_ERROR = 1e-9;
/** A label counts as covered when its share is confidently ≥ TOLERANCE × required. */
export const COVERAGE_TOLERANCE = 0.9;

export type CoverageVerdict = 'covered' | 'insufficient' | 'undecided';

export interface LabelCoverage {
  label: string;
  runs: number;
  hits: number;
  share: number;
  required: number;
  low: number;
  high: number;
  verdict: CoverageVerdict;
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) => (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/** Wilson score interval of hits/runs at two-sided error probability `error`. */
export function wilson(hits: number, runs: number, error = COVERAGE_ERROR): { low: number; high: number } {
  if (runs === 0) return { low: 0, high: 1 };
  const z = normalQuantile(1 - error / 2);
  const p = hits / runs;
  const denom = 1 + (z * z) / runs;
  const centre = p + (z * z) / (2 * runs);
  const spread = z * Math.sqrt((p * (1 - p)) / runs + (z * z) / (4 * runs * runs));
  return { low: Math.max(0, (centre - spread) / denom), high: Math.min(1, (centre + spread) / denom) };
}

/** The verdict for every required label given how many of `runs` runs reached it. */
export function judgeCoverage(required: Record<string, number>, hitsByLabel: Map<string, number>, runs: number): LabelCoverage[] {
  return Object.entries(required).map(([label, share]) => {
    const hits = hitsByLabel.get(label) ?? 0;
    const { low, high } = wilson(hits, runs);
    const verdict: CoverageVerdict = low >= COVERAGE_TOLERANCE * share ? 'covered' : high < share ? 'insufficient' : 'undecided';
    return { label, runs, hits, share: runs === 0 ? 0 : hits / runs, required: share, low, high, verdict };
  });
}

/** The label table as printed after a run. */
export function formatCoverage(rows: LabelCoverage[]): string {
  const width = Math.max(...rows.map((r) => r.label.length), 5);
  const pct = (x: number) => `${(100 * x).toFixed(1).padStart(5)}%`;
  const lines = rows.map((r) => `  ${r.label.padEnd(width)}  ${pct(r.share)}  (need ${pct(r.required)}, ${r.hits}/${r.runs} runs)  ${r.verdict}`);
  return [`  ${'label'.padEnd(width)}  share`, ...lines].join('\n');
}
