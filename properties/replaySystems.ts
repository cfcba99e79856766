/**
 * The systems a saved counterexample replays on: with its fault on, the implementation
 * with that fault against the fault's reference (faultSearch.ts); without a fault, the
 * correct implementation against the model.
 */
import { FAULT_NAMES, isFaultName } from '../impl/faults.ts';
import { createImplFactory, implFactory } from '../impl/index.ts';
import { modelFactory } from '../model/index.ts';
import type { SutFactory } from '../sut/interface.ts';
import { faultReference } from './faultSearch.ts';

export interface ReplaySystems {
  /** The reference side. */
  model: SutFactory;
  /** The system under test. */
  sut: SutFactory;
}

/** Thrown for a fault name the implementation does not know; the message says which are known. */
export class UnknownFaultError extends Error {
  constructor(readonly fault: string) {
    super(`unknown fault "${fault}" (known: ${FAULT_NAMES.join(', ')})`);
    this.name = 'UnknownFaultError';
  }
}

/** The systems for a fault (null: the correct implementation against the model); throws UnknownFaultError. */
export function replaySystems(fault: string | null): ReplaySystems {
  if (fault === null) return { model: modelFactory, sut: implFactory };
  if (!isFaultName(fault)) throw new UnknownFaultError(fault);
  return { model: faultReference(fault), sut: createImplFactory([fault]) };
}
