/**
 * A fresh random search with one named fault switched on: it must fail. The systems are
 * a system with the fault against the fault's reference (campaign/systems.ts), so what
 * the search finds is the fault itself.
 */
import { daxSuite } from '../properties/dax/daxSuite.ts';
import { runSuite, type RunOutcome } from '../properties/runSuite.ts';
import type { AnySuite } from '../properties/suiteSpec.ts';
import type { Systems } from './systems.ts';

export interface FaultSearchOptions {
  seed: number;
  numRuns: number;
  maxCommands: number;
  timeLimitMs?: number;
  minimizeReplays?: number;
}

/** Runs the DAX suite (or suite) on systems (one with a fault on, campaign/systems.ts); the outcome's counterexample is what it found. */
export function searchFault(systems: Systems, o: FaultSearchOptions, suite: AnySuite = daxSuite): RunOutcome {
  return runSuite({
    suite,
    model: systems.reference,
    sut: systems.sut,
    seed: o.seed,
    numRuns: o.numRuns,
    maxCommands: o.maxCommands,
    ...(o.timeLimitMs === undefined ? {} : { timeLimitMs: o.timeLimitMs }),
    ...(o.minimizeReplays === undefined ? {} : { minimizeReplays: o.minimizeReplays }),
  });
}
