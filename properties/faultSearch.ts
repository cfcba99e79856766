/**
 * A fresh random search with one named fault switched on: it must fail. The reference
 * is the model; for a fault that needs others to be reachable (S5 needs S2), the
 * reference is the implementation with only the faults it implies, so that what the
 * search finds is the fault itself and not the ones it rides on.
 */
import { faultInfo, type FaultName } from '../impl/faults.ts';
import { createImplFactory } from '../impl/index.ts';
import { modelFactory } from '../model/index.ts';
import type { SutFactory } from '../sut/interface.ts';
import { runSuite, type RunOutcome } from './runSuite.ts';
import { daxSuite } from './dax/daxSuite.ts';

export interface FaultSearchOptions {
  fault: FaultName;
  seed: number;
  numRuns: number;
  maxCommands: number;
  timeLimitMs?: number;
}

/** The reference a fault is searched against: the model, or the implementation with the fault's implied faults. */
export function faultReference(fault: FaultName): SutFactory {
  const implied = faultInfo(fault).implies;
  return implied.length === 0 ? modelFactory : createImplFactory(implied);
}

/** Runs the DAX suite with the fault on; the outcome's counterexample is what it found. */
export function searchFault(o: FaultSearchOptions): RunOutcome {
  return runSuite({
    suite: daxSuite,
    model: faultReference(o.fault),
    sut: createImplFactory([o.fault]),
    seed: o.seed,
    numRuns: o.numRuns,
    maxCommands: o.maxCommands,
    ...(o.timeLimitMs === undefined ? {} : { timeLimitMs: o.timeLimitMs }),
  });
}
