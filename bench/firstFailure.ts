/**
 * One fault search measured: the runSuite property (same arbitrary, same World) with
 * the fault switched on, timing the first failing run, then what runSuite does after
 * it: fast-check's shrinking, the replay that normalizes the counterexample, and
 * properties/minimize.ts with runSuite's default budget.
 */
import fc from 'fast-check';
import { createImplFactory } from '../impl/index.ts';
import type { FaultName } from '../impl/faults.ts';
import { daxSuite } from '../properties/dax/daxSuite.ts';
import { faultReference } from '../campaign/systems.ts';
import { minimize } from '../properties/minimize.ts';
import { replayCommands } from '../properties/replay.ts';
import { StepFailure } from '../properties/stepFailure.ts';
import { commandData } from '../properties/suiteCommand.ts';
import { World } from '../properties/world.ts';
import { suiteArbitrary } from './suiteArbitrary.ts';

/** runSuite's default minimizeReplays. */
const RUNSUITE_MINIMIZE_REPLAYS = 2000;

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
  const reference = faultReference(o.fault);
  const faulty = createImplFactory([o.fault]);
  let first: { ms: number; runs: number; commands: number } | null = null;
  let runs = 0;
  let commands = 0;
  const t0 = performance.now();
  const property = fc.property(suiteArbitrary(daxSuite, o.maxCommands), ([prefix, cmds]) => {
    if (first === null) runs++;
    const world = new World(daxSuite, reference, faulty);
    try {
      for (const p of prefix) world.step(p);
      fc.modelRun(() => ({ model: world, real: world }), cmds as Iterable<fc.Command<World, World>>);
    } catch (e) {
      if (first === null && e instanceof StepFailure) first = { ms: performance.now() - t0, runs, commands: commands + world.steps };
      throw e;
    } finally {
      if (first === null) commands += world.steps;
    }
  });
  const details = fc.check(property, { seed: o.seed, numRuns: o.maxRuns });
  const found = first as { ms: number; runs: number; commands: number } | null;
  const out: SearchMeasure = {
    seed: o.seed, found: found !== null, runs: found?.runs ?? runs, commands: found?.commands ?? commands,
    seconds: (found?.ms ?? performance.now() - t0) / 1000, secondsWithShrink: 0, shrunk: null, minimized: null, failure: null,
  };
  if (details.failed && details.counterexample) {
    const [prefix, cmds] = details.counterexample[0] as unknown as [{ op: string }[], Iterable<unknown>];
    const replayed = replayCommands(daxSuite, reference, faulty, [...prefix, ...commandData<{ op: string }>(cmds)], false);
    if (replayed.failure !== null) {
      out.shrunk = replayed.executed.length;
      out.failure = `${replayed.failure.kind} at ${replayed.failure.call}`;
      const min = minimize({ suite: daxSuite, model: reference, sut: faulty, commands: replayed.executed, kind: replayed.failure.kind, maxReplays: RUNSUITE_MINIMIZE_REPLAYS });
      out.minimized = min?.commands.length ?? null;
    }
    out.secondsWithShrink = (performance.now() - t0) / 1000;
  }
  return out;
}
