/**
 * Where a checked step's time goes: one instrumented pass of the DAX suite (runSuite
 * itself, given a suite whose every function is timed and, through its world hook, a
 * World whose applies/step are timed),
 * split into disjoint parts that add up to the pass's time. The cost of the timing
 * itself is measured and taken out of the parts it lands in.
 */
import { runSuite, type RunOptions } from '../properties/runSuite.ts';
import { timed, timedSuite, TimedWorld, type Buckets } from './timedSuite.ts';

export interface Part {
  part: string;
  ms: number;
  /** Of the pass's time without the timing overhead. */
  share: number;
}

export type BreakdownOptions = Pick<RunOptions, 'suite' | 'model' | 'sut' | 'seed' | 'numRuns' | 'maxCommands'>;

/** The timed parts inside World.step; what is left of step is the results' comparison and bookkeeping. */
const IN_STEP = ['model call', 'impl call', 'model observe', 'impl observe', 'compare parts', 'model invariants', 'impl invariants', 'impl self-check', 'argument buckets', 'labels', 'show'];

/** Milliseconds one timed() call adds (measured on an empty function). */
function timingOverheadMs(): number {
  const b: Buckets = new Map();
  const noop = () => 0;
  const n = 200_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) timed(b, 'x', noop);
  const withTiming = performance.now() - t0;
  const t1 = performance.now();
  for (let i = 0; i < n; i++) noop();
  return Math.max(0, withTiming - (performance.now() - t1)) / n;
}

/** Runs the instrumented pass; the parts, largest first. */
export function measureBreakdown(o: BreakdownOptions): Part[] {
  const b: Buckets = new Map();
  const suite = timedSuite(o.suite, o.model, b);
  const out = runSuite({ ...o, suite, hooks: { world: (s, model, sut) => new TimedWorld(s, model, sut, b) } });
  if (out.counterexample) throw new Error(`the implementation failed the timed DAX suite: ${out.counterexample.failure.message}`);
  return parts(out.durationMs, b, timingOverheadMs());
}

/** Disjoint parts from the buckets, with the timing overhead taken out where it lands. */
function parts(total: number, b: Buckets, overhead: number): Part[] {
  const ms = (k: string) => b.get(k)?.ms ?? 0;
  const calls = (k: string) => b.get(k)?.calls ?? 0;
  const out = new Map<string, number>();
  // Each timed call costs `overhead`; about half of it falls inside its own bucket.
  const own = (k: string) => Math.max(0, ms(k) - (calls(k) * overhead) / 2);
  let inStepCalls = 0;
  let inStepMs = 0;
  for (const k of IN_STEP) {
    out.set(k, own(k));
    inStepCalls += calls(k);
    inStepMs += ms(k);
  }
  const resolveInStep = calls('resolve') - calls('applies');
  const resolveInStepMs = ms('resolve') - ms('applies');
  out.set('resolve', own('resolve'));
  out.set('compare results + step bookkeeping', Math.max(0, ms('step') - inStepMs - resolveInStepMs - ((inStepCalls + resolveInStep) * overhead) / 2 - (calls('step') * overhead) / 2));
  const outerOverhead = (calls('step') + calls('applies')) * overhead / 2 + calls('applies') * overhead;
  out.set('generation + fast-check', Math.max(0, total - ms('step') - ms('applies') - outerOverhead));
  const sum = [...out.values()].reduce((s, x) => s + x, 0);
  return [...out].map(([part, x]) => ({ part, ms: x, share: x / sum })).sort((p, q) => q.ms - p.ms);
}
