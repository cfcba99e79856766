/**
 * Time to failure of each named fault: a fresh search per seed (runSuite's property,
 * CI_FAULT_SEARCH's run length, one core), and the length of what it shrinks to (by
 * fast-check alone, and after minimize.ts as runSuite reports it) against the fault's
 * shortest known trigger (which is replayed to check that it still fails).
 */
import { FAULT_NAMES, type FaultName } from '../impl/faults.ts';
import { CI_FAULT_SEARCH } from '../properties/profiles.ts';
import { measureSearch, type SearchMeasure } from './firstFailure.ts';
import { SHORTEST_TRIGGERS, verifyTrigger, type TriggerCheck } from './shortestTriggers.ts';
import { medMax } from './stats.ts';

export interface TtfOptions {
  /** Seeds 1..seeds. */
  seeds: number;
  maxCommands: number;
  /** A search that has not failed after this many runs counts as not found. */
  maxRuns: number;
}

/** The goals: median and max seconds to the first failure, shrunk length over the shortest trigger. */
export const TTF_GOALS = { medianSeconds: 2, maxSeconds: 10, shrunkOverShortest: 1 };

export interface FaultTtf {
  fault: FaultName;
  found: number;
  seeds: number;
  runs: { median: number; max: number };
  commands: { median: number; max: number };
  seconds: { median: number; max: number };
  secondsWithShrink: { median: number; max: number };
  shrunk: { median: number; max: number };
  /** After properties/minimize.ts. */
  minimized: { median: number; max: number };
  shortest: number;
  trigger: TriggerCheck;
  /** shrunk: fast-check's shrink alone; minimized: after minimize.ts (what runSuite reports). */
  goals: { median: boolean; max: boolean; shrunk: boolean; minimized: boolean };
  perSeed: Omit<SearchMeasure, 'failure'>[];
}

/** Measures one fault over the seeds. */
function measureFault(fault: FaultName, o: TtfOptions): FaultTtf {
  const perSeed: SearchMeasure[] = [];
  for (let seed = 1; seed <= o.seeds; seed++) perSeed.push(measureSearch({ fault, seed, maxCommands: o.maxCommands, maxRuns: o.maxRuns }));
  const found = perSeed.filter((m) => m.found);
  // A search that never failed counts with the time it ran, and as a miss of every goal.
  const lengths = (f: (m: SearchMeasure) => number | null) => perSeed.map((m) => f(m) ?? Infinity);
  const seconds = medMax(perSeed.map((m) => m.seconds));
  const shrunk = medMax(lengths((m) => m.shrunk));
  const minimized = medMax(lengths((m) => m.minimized));
  const shortest = SHORTEST_TRIGGERS[fault].commands.length;
  const all = found.length === perSeed.length;
  return {
    fault,
    found: found.length,
    seeds: o.seeds,
    runs: medMax(perSeed.map((m) => m.runs)),
    commands: medMax(perSeed.map((m) => m.commands)),
    seconds,
    secondsWithShrink: medMax(perSeed.map((m) => m.secondsWithShrink)),
    shrunk,
    minimized,
    shortest,
    trigger: verifyTrigger(fault),
    goals: {
      median: all && seconds.median < TTF_GOALS.medianSeconds,
      max: all && seconds.max < TTF_GOALS.maxSeconds,
      shrunk: all && shrunk.max <= shortest + TTF_GOALS.shrunkOverShortest,
      minimized: all && minimized.max <= shortest + TTF_GOALS.shrunkOverShortest,
    },
    perSeed: perSeed.map(({ failure: _f, ...rest }) => rest),
  };
}

/** Measures every named fault (after one unmeasured search to warm the JIT up). */
export function measureTimeToFailure(o: Partial<TtfOptions> & { seeds: number }): { options: TtfOptions; faults: FaultTtf[] } {
  const options: TtfOptions = { maxCommands: CI_FAULT_SEARCH.maxCommands, maxRuns: 100_000, ...o };
  measureSearch({ fault: FAULT_NAMES[0], seed: 0, maxCommands: options.maxCommands, maxRuns: options.maxRuns });
  return { options, faults: FAULT_NAMES.map((fault) => measureFault(fault, options)) };
}
