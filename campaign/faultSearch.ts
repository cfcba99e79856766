/**
 * A fresh random search with one named fault switched on: it must fail. The systems are
 * the built-in implementation with the fault against the fault's reference
 * (campaign/systems.ts), so what the search finds is the fault itself.
 */
import type { FaultName } from '../impl/faults.ts';
import { daxSuite } from '../properties/dax/daxSuite.ts';
import { runSuite, type RunOutcome } from '../properties/runSuite.ts';
import { builtinSystems } from './systems.ts';

export interface FaultSearchOptions {
  fault: FaultName;
  seed: number;
  numRuns: number;
  maxCommands: number;
  timeLimitMs?: number;
}

/** Runs the DAX suite with the fault on; the outcome's counterexample is what it found. */
export function searchFault(o: FaultSearchOptions): RunOutcome {
  const systems = builtinSystems(o.fault);
  return runSuite({
    suite: daxSuite,
    model: systems.reference,
    sut: systems.sut,
    seed: o.seed,
    numRuns: o.numRuns,
    maxCommands: o.maxCommands,
    ...(o.timeLimitMs === undefined ? {} : { timeLimitMs: o.timeLimitMs }),
  });
}
