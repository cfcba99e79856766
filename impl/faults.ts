/**
 * The known defects (docs/SPECIFICATION.md §6) of the seed patch (S1–S5) and of upstream
 * drivers/dax/bus.c (K1), as named faults of the optimized implementation. This file is
 * the one place that lists them: every fault has a name,
 * its specification id, a one-line summary and the faults it implies (switched on with it).
 * The correct implementation runs with none of them.
 */
import type { FailPoint } from '../sut/interface.ts';

/** One entry of the fault registry. */
export interface FaultInfo {
  readonly name: FaultName;
  /** Id in docs/SPECIFICATION.md §6. */
  readonly id: 'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'K1';
  readonly summary: string;
  /** Faults switched on together with this one (this one alone is unreachable). */
  readonly implies: readonly FaultName[];
}

/** Every fault name, in registry order. */
export const FAULT_NAMES = [
  's1-shrink-adjusts-extent',
  's2-free-space-int',
  's3-double-release',
  's4-sized-create-dynamic',
  's5-no-gap-success',
  'k1-whole-space-mapping',
] as const;

export type FaultName = (typeof FAULT_NAMES)[number];

/** The registry: one entry per fault, in FAULT_NAMES order. */
export const FAULTS: readonly FaultInfo[] = [
  {
    name: 's1-shrink-adjusts-extent',
    id: 'S1',
    summary: 'a partial shrink on a dynamic region adjusts the extent resource instead of the range: EBUSY',
    implies: [],
  },
  {
    name: 's2-free-space-int',
    id: 'S2',
    summary: 'the extent search reads free space through a 32-bit int: a multiple of 4 GiB counts as none',
    implies: [],
  },
  {
    name: 's3-double-release',
    id: 'S3',
    summary: 'a failed extent device registration releases the extent resource twice',
    implies: [],
  },
  {
    name: 's4-sized-create-dynamic',
    id: 'S4',
    summary: 'a sized create on a dynamic region allocates at the region start, outside any extent',
    implies: [],
  },
  {
    name: 's5-no-gap-success',
    id: 'S5',
    summary: 'the grow loop returns success instead of ENOSPC when it finds no gap or no extent',
    implies: ['s2-free-space-int'],
  },
  {
    name: 'k1-whole-space-mapping',
    id: 'K1',
    summary: 'upstream bus.c: mapping 0-ffffffffffffffff has length 2^64, 0 in u64: ok with nothing allocated, or EBUSY (a WARN)',
    implies: [],
  },
];

/** True when name is a known fault name. */
export function isFaultName(name: unknown): name is FaultName {
  return typeof name === 'string' && (FAULT_NAMES as readonly string[]).includes(name);
}

/** The registry entry of a fault. */
export function faultInfo(name: FaultName): FaultInfo {
  return FAULTS.find((f) => f.name === name)!;
}

/** The set of faults switched on by selecting `names`: each with everything it implies, transitively. */
export function expandFaults(names: readonly FaultName[]): ReadonlySet<FaultName> {
  const on = new Set<FaultName>();
  const todo = [...names];
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (on.has(name)) continue;
    on.add(name);
    todo.push(...faultInfo(name).implies);
  }
  return on;
}

/** The faults an implementation instance runs with, as flags read on the hot paths. */
export interface FaultFlags {
  /** S1: shrink adjusts the extent's resource. */
  readonly shrinkAdjustsExtent: boolean;
  /** S2: extent free space read mod 2^32 in the extent search. */
  readonly freeSpaceInt: boolean;
  /** S3: extent resource released twice when the extent device fails. */
  readonly doubleRelease: boolean;
  /** S4: sized create allowed on a dynamic region. */
  readonly sizedCreateDynamic: boolean;
  /** S5: no gap / no extent in the grow loop is success. */
  readonly noGapSuccess: boolean;
  /** K1: a new range of length 0 (mod 2^64) takes alloc_dev_dax_range's size-0 path. */
  readonly wholeSpaceMapping: boolean;
  /** Test-only error-path mutant (ERROR_PATH_MUTANTS): the error path of this point done wrong. */
  readonly mutant: FailPoint | null;
}

/**
 * Error-path mutants: for each allocation point, its error path done wrong. They are not
 * defects of the patch; they exist to show that the suites catch a broken error path at
 * every failure-injection point (test/properties/errorPathMutants.test.ts).
 */
export const ERROR_PATH_MUTANTS: Readonly<Record<FailPoint, string>> = {
  resource: 'a failed resource allocation is reported as ENOSPC instead of ENOMEM',
  ranges: 'a failed ranges-array growth leaks the resource it had just requested',
  mapping: 'a failed mapping registration keeps the new range',
  extentDevice: 'a failed extent device registration leaks the extent resource',
};

/** The flags for a selection of faults (implied faults included). */
export function faultFlags(names: readonly FaultName[], mutant: FailPoint | null = null): FaultFlags {
  const on = expandFaults(names);
  return {
    shrinkAdjustsExtent: on.has('s1-shrink-adjusts-extent'),
    freeSpaceInt: on.has('s2-free-space-int'),
    doubleRelease: on.has('s3-double-release'),
    sizedCreateDynamic: on.has('s4-sized-create-dynamic'),
    noGapSuccess: on.has('s5-no-gap-success'),
    wholeSpaceMapping: on.has('k1-whole-space-mapping'),
    mutant,
  };
}


/** The v11/v10 profile's faults (T1, T3, T4, T5) live in dcd/dcdFaults.ts; re-exported for the command line. */
export { DCD_FAULTS, DCD_FAULT_NAMES, isDcdFaultName, type DcdFaultName } from './dcd/dcdFaults.ts';
