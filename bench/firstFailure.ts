/**
 * One fault search measured: runSuite itself with the fault switched on, its hooks
 * (properties/runHooks.ts) marking the first failing run and fast-check's shrunk
 * counterexample; what runSuite returns is the minimized one it reports.
 */
import { createImplFactory } from '../impl/index.ts';
import type { FaultName } from '../impl/faults.ts';
import { daxSuite } from '../properties/dax/daxSuite.ts';
import { faultReference } from '../campaign/systems.ts';
import { runSuite } from '../properties/runSuite.ts';

export interface SearchOptions {
  fault: FaultName;
  seed: number;
  maxCommands: number;
  /** Give up after this many runs without a failure. */
  maxRuns: number;
}

export interface SearchMeasure {
  seed: number;
  found: boolean;
  /** Runs started until the first failure, the failing one included. */
  runs: number;
  /** Commands run until the first failure, the failing one included. */
  commands: number;
  /** Seconds from the search's start to the first failure. */
  seconds: number;
  /** Seconds of the whole search: first failure, shrinking, replay and minimization (runSuite's counterexample). */
  secondsWithShrink: number;
  /** Commands of fast-check's shrunk counterexample, replayed (null: none found). */
  shrunk: number | null;
  /** Commands after properties/minimize.ts: what runSuite reports (null: none found). */
  minimized: number | null;
  failure: string | null;
}

/** Runs one search; see the file comment. */
export function measureSearch(o: SearchOptions): SearchMeasure {
  let first: { ms: number; steps: number } | null = null;
  let shrunk: number | null = null;
  const t0 = performance.now();
  const out = runSuite({
    suite: daxSuite, model: faultReference(o.fault), sut: createImplFactory([o.fault]), seed: o.seed, numRuns: o.maxRuns, maxCommands: o.maxCommands,
    hooks: {
      failed: (world) => {
        first = { ms: performance.now() - t0, steps: world.steps };
      },
      shrunk: (commands) => {
        shrunk = commands.length;
      },
    },
  });
  const total = performance.now() - t0;
  const found = first as { ms: number; steps: number } | null;
  const cx = out.counterexample;
  return {
    seed: o.seed,
    found: found !== null,
    runs: out.runs + (found === null ? 0 : 1),
    commands: out.commands + (found?.steps ?? 0),
    seconds: (found?.ms ?? total) / 1000,
    secondsWithShrink: found === null ? 0 : total / 1000,
    shrunk,
    minimized: cx?.commands.length ?? null,
    failure: cx === null ? null : `${cx.failure.kind} at ${cx.failure.call}`,
  };
}
