/**
 * Throughput of the DAX suite, in one process on the same runs (seed, run count, run
 * length): commands per second with full checking (runSuite itself: model, both
 * snapshots, comparison, invariants and labels after every step) against the ceiling
 * of the same generator driving the implementation alone, and where a checked step's
 * time goes.
 */
import { implFactory } from '../impl/index.ts';
import { modelFactory } from '../model/index.ts';
import type { DaxCall } from '../properties/dax/daxCommand.ts';
import { daxSuite } from '../properties/dax/daxSuite.ts';
import { runSuite } from '../properties/runSuite.ts';
import type { AnySuite } from '../properties/suiteSpec.ts';
import { measureBreakdown, type Part } from './breakdown.ts';
import { cpuTimed, replayAlone, runAlone } from './implAlone.ts';

export interface ThroughputOptions {
  seed: number;
  numRuns: number;
  maxCommands: number;
  /** Passes of each measurement, interleaved; the fastest counts (the least disturbed). */
  repeats: number;
}

export interface ThroughputResult {
  runs: number;
  /** Commands run (applied) over all runs: the same in every pass. */
  commands: number;
  checked: { ms: number; perSec: number };
  /** The generator driving the implementation alone (resolution on its own snapshot). */
  ceiling: { ms: number; perSec: number };
  /** Generation and the implementation's calls only (calls resolved beforehand). */
  replay: { ms: number; perSec: number };
  /** checked / ceiling, in commands per second of CPU time (the passes' ms are CPU milliseconds: user + system). */
  ratio: number;
  /** The same by wall time (best of the passes), which other processes on the machine disturb. */
  wallRatio: number;
  goal: number;
  /** Where a checked pass's time goes, largest first. */
  breakdown: Part[];
}

/** The DAX suite with `call` recording the implementation's calls, one list per run. */
function recordingSuite(suite: AnySuite, runs: DaxCall[][]): AnySuite {
  const impls = new WeakSet<object>();
  return {
    ...suite,
    create: (f) => {
      const sut = suite.create(f);
      if (f === modelFactory) runs.push([]);
      else impls.add(sut);
      return sut;
    },
    call: (sut, call) => {
      if (impls.has(sut)) runs.at(-1)!.push(call);
      return suite.call(sut, call);
    },
  };
}

/** The checked pass: the suite's own runner, unchanged; wall and CPU milliseconds. */
function checkedPass(o: ThroughputOptions, suite: AnySuite = daxSuite): { ms: number; cpuMs: number; runs: number; commands: number } {
  const { cpuMs, value: out } = cpuTimed(() => runSuite({ suite, model: modelFactory, sut: implFactory, seed: o.seed, numRuns: o.numRuns, maxCommands: o.maxCommands }));
  if (out.counterexample) throw new Error(`the implementation failed the DAX suite: ${out.counterexample.failure.message}`);
  return { ms: out.durationMs, cpuMs, runs: out.runs, commands: out.commands };
}

/** Measures the three passes (best of o.repeats, interleaved) and the breakdown. */
export function measureThroughput(o: ThroughputOptions): ThroughputResult {
  const calls: DaxCall[][] = [];
  const first = checkedPass(o, recordingSuite(daxSuite, calls)); // also warms the JIT up
  const solo = { suite: daxSuite, sut: implFactory, seed: o.seed, numRuns: o.numRuns, maxCommands: o.maxCommands };
  let checkedMs = Infinity;
  let ceilingMs = Infinity;
  let replayMs = Infinity;
  let checkedWallMs = Infinity;
  let ceilingWallMs = Infinity;
  for (let i = 0; i < o.repeats; i++) {
    const checked = checkedPass(o);
    checkedMs = Math.min(checkedMs, checked.cpuMs);
    checkedWallMs = Math.min(checkedWallMs, checked.ms);
    const alone = runAlone(solo);
    if (alone.commands !== first.commands) throw new Error(`the implementation alone ran ${alone.commands} commands, the checked run ${first.commands}`);
    ceilingMs = Math.min(ceilingMs, alone.cpuMs);
    ceilingWallMs = Math.min(ceilingWallMs, alone.ms);
    replayMs = Math.min(replayMs, replayAlone(solo, calls));
  }
  const rate = (ms: number) => ({ ms, perSec: (first.commands / ms) * 1000 });
  return {
    runs: first.runs,
    commands: first.commands,
    checked: rate(checkedMs),
    ceiling: rate(ceilingMs),
    replay: rate(replayMs),
    ratio: ceilingMs / checkedMs,
    wallRatio: ceilingWallMs / checkedWallMs,
    goal: 0.5,
    breakdown: measureBreakdown({ suite: daxSuite, model: modelFactory, sut: implFactory, seed: o.seed, numRuns: o.numRuns, maxCommands: o.maxCommands }),
  };
}
