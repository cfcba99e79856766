/**
 * The optimized, kernel-style implementation of the system-under-test interface, with the
 * seed patch's known defects available as named faults (faults.ts).
 */
import type { FailPoint } from '../sut/interface.ts';
import type { DcdSutFactory } from '../sut/dcdInterface.ts';
import { dcdFaultFlags, DCD_FAULT_NAMES, type DcdFaultName } from './dcd/dcdFaults.ts';
import { ImplDcd } from './dcd/dcdSut.ts';
import { ImplDax } from './daxSut.ts';
import { FAULT_NAMES, faultFlags, isFaultName, type FaultName } from './faults.ts';
import { ImplTree } from './treeSut.ts';

export { DCD_FAULTS, DCD_FAULT_NAMES, isDcdFaultName, type DcdFaultName } from './dcd/dcdFaults.ts';
export { ERROR_PATH_MUTANTS, FAULTS, FAULT_NAMES, expandFaults, isFaultName, type FaultInfo, type FaultName } from './faults.ts';

/**
 * A factory of implementation instances with the given faults switched on (and the faults
 * they imply). Name: "impl", or "impl+<fault>+…" in registry order. Throws on an unknown
 * fault name (a configuration error, not an operation).
 * `mutant` (tests only) breaks the error path of one allocation point (ERROR_PATH_MUTANTS).
 */
export function createImplFactory(faults: readonly FaultName[] = [], mutant: FailPoint | null = null): DcdSutFactory {
  const unknown = faults.filter((f) => !isFaultName(f));
  if (unknown.length > 0) throw new Error(`unknown fault ${unknown.join(', ')}; known: ${FAULT_NAMES.join(', ')}`);
  const selected = FAULT_NAMES.filter((f) => faults.includes(f));
  const flags = faultFlags(selected, mutant);
  return {
    name: ['impl', ...selected, ...(mutant === null ? [] : [`mutant-${mutant}`])].join('+'),
    createTree: () => new ImplTree(),
    createDax: () => new ImplDax(flags),
    createDcd: (profile) => new ImplDcd(profile, dcdFaultFlags([])),
  };
}

/** The implementation with DCD faults of the v11/v10 profile on (docs/SPECIFICATION.md §12.11); name "impl+<fault>…". */
export function createDcdImplFactory(faults: readonly DcdFaultName[]): DcdSutFactory {
  const selected = DCD_FAULT_NAMES.filter((f) => faults.includes(f));
  const flags = dcdFaultFlags(selected);
  return { ...createImplFactory(), name: ['impl', ...selected].join('+'), createDcd: (profile) => new ImplDcd(profile, flags) };
}

/** The correct implementation: no fault. */
export const implFactory: DcdSutFactory = createImplFactory();
