/**
 * The suites of the v11/v10 profile (docs/SPECIFICATION.md §12): `dcd-v11` (seq base 0)
 * and `dcd-v10` (seq base 1), driving DcdSut side by side with the model. Every run
 * starts with a DC region (sometimes a second), then tag groups, claims, releases and
 * trims in random order.
 */
import fc from 'fast-check';
import type { Result, SutFactory } from '../../sut/interface.ts';
import { DCD_ARGS, seqBase, type DcdProfile, type DcdSnapshot, type DcdSut, type DcdSutFactory } from '../../sut/dcdInterface.ts';
import { operationTable } from '../operation.ts';
import type { SuiteSpec } from '../suiteSpec.ts';
import { checkDcdInvariants } from './dcdInvariants.ts';
import { DCD_LABELS } from './dcdLabels.ts';
import { dcdSnapshotProblem } from './dcdSnapshotShape.ts';
import { addTagGroupOp, claim, claimRacingOp, releaseTagGroup, type AddTagGroupCall, type AddTagGroupCmd, type ClaimCall, type ClaimCmd, type ClaimRacingCall, type ClaimRacingCmd, type ReleaseCall, type ReleaseCmd } from './ops/groupOps.ts';
import { createDevice, createRegion, createRegionCmd, deleteDevice, resize, type DcdCreateDeviceCmd, type DcdCreateRegionCmd, type DcdDeleteDeviceCmd, type DcdResizeCmd } from './ops/regionOps.ts';

export type DcdCommand = DcdCreateRegionCmd | DcdCreateDeviceCmd | DcdDeleteDeviceCmd | DcdResizeCmd | AddTagGroupCmd | ClaimCmd | ClaimRacingCmd | ReleaseCmd;
export type DcdCall = DcdCreateRegionCmd | DcdCreateDeviceCmd | DcdDeleteDeviceCmd | DcdResizeCmd | AddTagGroupCall | ClaimCall | ClaimRacingCall | ReleaseCall;

/** The suite of a profile. */
function dcdSuiteOf(profile: DcdProfile): SuiteSpec<DcdCommand, DcdCall, DcdSut, DcdSnapshot> {
  const base = seqBase(profile);
  const operations = [createRegion, createDevice, deleteDevice, resize, addTagGroupOp(base), claim, claimRacingOp(base), releaseTagGroup];
  const table = operationTable<DcdCommand, DcdCall, DcdSut, DcdSnapshot>(operations, DCD_ARGS);
  const name = profile === 'v11' ? 'dcd-v11' : 'dcd-v10';
  return {
    name,
    sutKind: 'dcd',
    operations,
    create: (f: SutFactory) => {
      const make = (f as DcdSutFactory).createDcd;
      if (make === undefined) throw new Error(`${f.name} has no createDcd: it does not implement the ${profile} profile (docs/SPECIFICATION.md §12)`);
      return make.call(f, profile);
    },
    observe: (sut) => sut.observe(),
    snapshotProblem: dcdSnapshotProblem,
    resolve: table.resolve,
    call: table.call,
    show: table.show,
    invariants: checkDcdInvariants,
    stepInvariants: (_c: DcdCall, _r: Result, _s: DcdSnapshot) => [],
    labels: table.labels,
    coverage: {
      [DCD_LABELS.taggedClaim]: 0.05,
      [DCD_LABELS.untaggedClaim]: 0.05,
      [DCD_LABELS.claimRolledBack]: 0.01,
      [DCD_LABELS.releaseRefused]: 0.05,
      [DCD_LABELS.pendingDone]: 0.01,
      [DCD_LABELS.releaseDone]: 0.05,
      [DCD_LABELS.groupDuringClaim]: 0.01,
      [DCD_LABELS.seqRefused]: 0.01,
    },
    prefix: () => fc.tuple(createRegionCmd, fc.option(createRegionCmd, { freq: 4, nil: null })).map(([a, b]) => (b === null ? [a] : [a, b])),
    command: table.command,
  };
}

export const dcdV11Suite = dcdSuiteOf('v11');
export const dcdV10Suite = dcdSuiteOf('v10');
