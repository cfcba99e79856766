/**
 * A suite run with enforced label coverage: batches of runs, each with the next seed,
 * until every required label is judged covered and (outside big runs) every argument
 * bucket of the suite's domains is hit (or a label is judged insufficient, or the run
 * budget ends undecided, which fails too), stopping at the first counterexample.
 */
import type { SutFactory } from '../sut/interface.ts';
import { judgeCoverage, type LabelCoverage } from './coverage.ts';
import { judgeBuckets, type BucketCoverage } from './domains.ts';
import { runSuite, type Counterexample } from './runSuite.ts';
import type { AnySuite } from './suiteSpec.ts';

export interface CoverageRunOptions {
  suite: AnySuite;
  model: SutFactory;
  sut: SutFactory;
  seed: number;
  maxCommands: number;
  batchRuns: number;
  /** Runs to do even when coverage is decided sooner (QuickCheck too runs its normal count first). */
  minRuns?: number;
  maxRuns: number;
  /** Percent of big runs (runSuite's bigRunPercent); with 100, the labels required are the suite's big-run coverage. */
  bigRunPercent?: number;
}

export interface CoverageRunOutcome {
  runs: number;
  commands: number;
  opCounts: Map<string, number>;
  durationMs: number;
  coverage: LabelCoverage[];
  /** The argument buckets hit (none required in big runs, whose generators aim elsewhere). */
  buckets: BucketCoverage;
  /** covered: every label decided covered; otherwise what went wrong. */
  verdict: 'covered' | 'insufficient' | 'undecided' | 'failed';
  counterexample: Counterexample | null;
  seeds: number[];
}

/** Runs o.suite until coverage is decided; see the file comment. */
export function runWithCoverage(o: CoverageRunOptions): CoverageRunOutcome {
  const big = (o.bigRunPercent ?? 0) >= 100;
  const domain = o.suite.domains?.all ?? [];
  const total: CoverageRunOutcome = { runs: 0, commands: 0, opCounts: new Map(), durationMs: 0, coverage: [], buckets: judgeBuckets(domain, new Map()), verdict: 'undecided', counterexample: null, seeds: [] };
  const hits = new Map<string, number>();
  const bucketHits = new Map<string, number>();
  const required = big ? o.suite.bigRuns?.coverage ?? {} : o.suite.coverage;
  for (let batch = 0; total.runs < o.maxRuns; batch++) {
    const seed = o.seed + batch;
    total.seeds.push(seed);
    const out = runSuite({ suite: o.suite, model: o.model, sut: o.sut, seed, numRuns: o.batchRuns, maxCommands: o.maxCommands, bigRunPercent: o.bigRunPercent ?? 0 });
    total.runs += out.runs;
    total.commands += out.commands;
    total.durationMs += out.durationMs;
    for (const [op, n] of out.opCounts) total.opCounts.set(op, (total.opCounts.get(op) ?? 0) + n);
    for (const [label, n] of out.labelRuns) hits.set(label, (hits.get(label) ?? 0) + n);
    for (const [b, n] of out.bucketRuns) bucketHits.set(b, (bucketHits.get(b) ?? 0) + n);
    total.coverage = judgeCoverage(required, hits, total.runs);
    total.buckets = judgeBuckets(domain, bucketHits);
    const bucketsDone = big || total.buckets.missing.length === 0;
    if (out.counterexample) return { ...total, verdict: 'failed', counterexample: out.counterexample };
    if (total.coverage.some((c) => c.verdict === 'insufficient')) return { ...total, verdict: 'insufficient' };
    if (total.coverage.every((c) => c.verdict === 'covered') && bucketsDone && total.runs >= (o.minRuns ?? 0)) return { ...total, verdict: 'covered' };
  }
  return total;
}
