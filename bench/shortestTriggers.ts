/**
 * The shortest known trigger of each named fault (docs/SPECIFICATION.md §6), as DAX-suite command
 * lists, counted in commands including createRegion. Each is replayed against the
 * fault's reference (the model, or for S5 the implementation with S2) by
 * verifyTrigger: it must fail, and fail at its last command.
 */
import { faultInfo, type FaultName } from '../impl/faults.ts';
import { createImplFactory } from '../impl/index.ts';
import type { DaxCommand } from '../properties/dax/daxCommand.ts';
import { daxSuite } from '../properties/dax/daxSuite.ts';
import { faultReference } from '../campaign/systems.ts';
import { replayCommands } from '../properties/replay.ts';
import { GiB, MiB } from '../sut/u64.ts';

const dynamicRegion: DaxCommand = { op: 'createRegion', kind: 'dynamic', start: 0n, sizeBytes: 16n * GiB, align: 2n * MiB, seed: 'empty' };
const extent = (lengthBytes: bigint): DaxCommand => ({ op: 'addExtent', region: 0, at: 'abs', deltaBytes: 0n, lengthBytes, label: 'a' });
const grow: DaxCommand = { op: 'resize', region: 0, device: 0, to: 'grow', deltaBytes: 0n };

/** The shortest known trigger per fault, with why it fails. */
export const SHORTEST_TRIGGERS: Record<FaultName, { why: string; commands: DaxCommand[] }> = {
  's1-shrink-adjusts-extent': {
    why: 'grow dax0.0 into one 1GiB extent, then shrink it to half: the adjust of the extent fails, EBUSY',
    commands: [dynamicRegion, extent(GiB), grow, { op: 'resize', region: 0, device: 0, to: 'half', deltaBytes: 0n }],
  },
  's2-free-space-int': {
    why: 'the only extent has 4GiB free, read as 0: growing by the available size is ENOSPC',
    commands: [dynamicRegion, extent(4n * GiB), grow],
  },
  's3-double-release': {
    why: "the extent's device registration fails: its resource is released twice (badReleases 1)",
    commands: [dynamicRegion, { op: 'failAllocation', point: 'extentDevice', nth: 1 }, extent(2n * MiB)],
  },
  's4-sized-create-dynamic': {
    why: 'a sized create on a dynamic region is not refused with EINVAL',
    commands: [dynamicRegion, { op: 'createDevice', region: 0, sizeBytes: 2n * MiB }],
  },
  's5-no-gap-success': {
    why: 'with S2 the grow finds no extent; S5 returns success instead of ENOSPC (reference: the implementation with S2)',
    commands: [dynamicRegion, extent(4n * GiB), grow],
  },
  'k1-whole-space-mapping': {
    why: 'mapping 0-ffffffffffffffff on an empty dax0.0: length 2^64 wraps to 0, ok with nothing allocated instead of ENOMEM',
    commands: [
      { op: 'createRegion', kind: 'contiguous', start: 0n, sizeBytes: 16n * GiB, align: 2n * MiB, seed: 'empty' },
      { op: 'mapping', region: 0, device: 0, at: 'abs', deltaBytes: 0n, lengthBytes: 0n },
    ],
  },
};

export interface TriggerCheck {
  fault: FaultName;
  length: number;
  /** Fails against the fault's reference, at its last command. */
  fails: boolean;
  /** Failure kind and call, as the runner reports them. */
  failure: string | null;
  /** The same list passes with the fault off (only the faults it implies on). */
  passesWithoutFault: boolean;
  /** No list with one command left out fails (1-minimal). */
  oneMinimal: boolean;
}

/** Replays the fault's shortest trigger with the fault on and off, and each list one command shorter. */
export function verifyTrigger(fault: FaultName): TriggerCheck {
  const { commands } = SHORTEST_TRIGGERS[fault];
  const reference = faultReference(fault);
  const faulty = createImplFactory([fault]);
  const on = replayCommands(daxSuite, reference, faulty, commands, false);
  const off = replayCommands(daxSuite, reference, createImplFactory(faultInfo(fault).implies), commands, false);
  const shorter = commands.map((_, i) => commands.filter((_c, j) => j !== i));
  const f = on.failure;
  return {
    fault,
    length: commands.length,
    fails: f !== null && f.step === commands.length - 1 && on.executed.length === commands.length,
    failure: f === null ? null : `${f.kind} at ${f.call}`,
    passesWithoutFault: off.failure === null && off.executed.length === commands.length,
    oneMinimal: shorter.every((list) => replayCommands(daxSuite, reference, faulty, list, false).failure === null),
  };
}
