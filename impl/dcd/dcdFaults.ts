/**
 * The v11/v10 series' defects (docs/SPECIFICATION.md §12.11) as named faults of the
 * profile's implementation: the one place that lists them. Off by default.
 */

/** Every DCD fault name, in registry order. */
export const DCD_FAULT_NAMES = ['t1-refused-release-forgotten', 't3-rollback-keeps-mapping', 't4-claim-two-pass', 't5-seq-gap-warn'] as const;

export type DcdFaultName = (typeof DCD_FAULT_NAMES)[number];

export interface DcdFaultInfo {
  readonly name: DcdFaultName;
  /** Id in docs/SPECIFICATION.md §12.11. */
  readonly id: 'T1' | 'T3' | 'T4' | 'T5';
  readonly summary: string;
}

export const DCD_FAULTS: readonly DcdFaultInfo[] = [
  { name: 't1-refused-release-forgotten', id: 'T1', summary: 'v11 cxl_rm_extent: a release refused with EBUSY returns 0, is never done: capacity leaks' },
  { name: 't3-rollback-keeps-mapping', id: 'T3', summary: 'the uuid claim\'s rollback trims ranges without releasing their mapping devm actions' },
  { name: 't4-claim-two-pass', id: 'T4', summary: 'the uuid claim counts, then collects: a group arriving between the passes gives ENOSPC' },
  { name: 't5-seq-gap-warn', id: 'T5', summary: 'a device-supplied seq gap is accepted and reaches the claim\'s dev_WARN_ONCE (EINVAL)' },
];

/** True when name is a DCD fault name. */
export function isDcdFaultName(name: unknown): name is DcdFaultName {
  return typeof name === 'string' && (DCD_FAULT_NAMES as readonly string[]).includes(name);
}

/** The flags an implementation instance reads on its paths. */
export interface DcdFaultFlags {
  readonly refusedReleaseForgotten: boolean;
  readonly rollbackKeepsMapping: boolean;
  readonly claimTwoPass: boolean;
  readonly seqGapWarn: boolean;
}

/** The flags of a selection of faults. */
export function dcdFaultFlags(names: readonly DcdFaultName[]): DcdFaultFlags {
  return {
    refusedReleaseForgotten: names.includes('t1-refused-release-forgotten'),
    rollbackKeepsMapping: names.includes('t3-rollback-keeps-mapping'),
    claimTwoPass: names.includes('t4-claim-two-pass'),
    seqGapWarn: names.includes('t5-seq-gap-warn'),
  };
}
