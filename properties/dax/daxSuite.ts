/**
 * The DAX suite: regions, devices and extents (docs/SPECIFICATION.md §2–§4) driven side by side,
 * and its contiguous-only variant (upstream bus.c has no dynamic regions): the same
 * operations without extents, coverage required only of what contiguous regions reach.
 */
import fc from 'fast-check';
import { DAX_ARGS, FAIL_POINTS, type DaxSnapshot, type DaxSut, type FailPoint, type RegionKind, type Result, type SutFactory } from '../../sut/interface.ts';
import { checkDaxInvariants, checkDeviceAlignment } from '../invariants.ts';
import { daxSnapshotProblem } from '../snapshotShape.ts';
import { operationTable, type AnyOperation } from '../operation.ts';
import type { SuiteName, SuiteSpec } from '../suiteSpec.ts';
import type { DaxCall, DaxCommand } from './daxCommand.ts';
import { daxDomains } from './daxDomains.ts';
import { daxParts } from './daxParts.ts';
import { DAX_LABELS, daxStepLabels, failureLabel } from './daxLabels.ts';
import { addExtent } from './ops/addExtent.ts';
import { bind } from './ops/bind.ts';
import { createDevice } from './ops/createDevice.ts';
import { createRegion, createRegionOf, createRegionOp } from './ops/createRegion.ts';
import { deleteDevice } from './ops/deleteDevice.ts';
import { destroyRegion } from './ops/destroyRegion.ts';
import { failAllocation, failAllocationAt } from './ops/failAllocation.ts';
import { failNth } from './ops/failNth.ts';
import { mapping } from './ops/mapping.ts';
import { removeExtent } from './ops/removeExtent.ts';
import { resize } from './ops/resize.ts';
import { setAlign } from './ops/setAlign.ts';
import { unbind } from './ops/unbind.ts';

type DaxSuite = SuiteSpec<DaxCommand, DaxCall, DaxSut, DaxSnapshot>;

/** A DAX suite of the given operations, coverage and prefix. */
/** How long a big run is: long enough for regions with many extents, devices and ranges. */
const BIG_RUN_COMMANDS = 300;

function daxSuiteOf(
  name: SuiteName, operations: readonly AnyOperation[], kinds: readonly RegionKind[], points: readonly FailPoint[],
  coverage: Record<string, number>, bigCoverage: Record<string, number>, prefix: () => fc.Arbitrary<DaxCommand[]>,
): DaxSuite {
  const table = operationTable<DaxCommand, DaxCall, DaxSut, DaxSnapshot>(operations, DAX_ARGS);
  return {
    name,
    sutKind: 'dax',
    operations,
    create: (f: SutFactory) => f.createDax(),
    observe: (sut) => sut.observe(),
    snapshotProblem: daxSnapshotProblem,
    resolve: table.resolve,
    call: table.call,
    show: table.show,
    invariants: checkDaxInvariants,
    stepInvariants: (c: DaxCall, result: Result, snap: DaxSnapshot) =>
      c.op === 'resize' && result.ok ? checkDeviceAlignment(snap, c.region, c.device) : [],
    labels: (before, c, result, after) => {
      const own = table.labels(before, c, result, after);
      const step = daxStepLabels(c, result, after);
      return step.length === 0 ? own : [...own, ...step];
    },
    modelEvents: (model: DaxSut) => (model.takeFiredFailures?.() ?? []).map(failureLabel),
    parts: daxParts,
    domains: daxDomains(operations.map((o) => o.op), kinds, points),
    coverage,
    prefix,
    command: table.command,
    bigRuns: { maxCommands: BIG_RUN_COMMANDS, command: table.bigCommand, coverage: bigCoverage, prefix: () => burstPrefix(prefix()) },
  };
}

/**
 * What a big run starts with: a contiguous region with nothing allocated (region 0, the
 * first live one, which createDevice's and deleteDevice's ref 0 name), then the suite's
 * prefix, then long bursts of creates and deletes in random order on region 0 — so that
 * the id allocator holds many ids freed out of order and hands them out again (deep
 * allocator states) — and region 0 destroyed with all its devices, so that the big run's
 * body meets the regions it always did.
 */
function burstPrefix(prefix: fc.Arbitrary<DaxCommand[]>): fc.Arbitrary<DaxCommand[]> {
  const region: DaxCommand = { op: 'createRegion', kind: 'contiguous', start: 1n << 62n, sizeBytes: 256n * (1n << 30n), align: 2n << 20n, seed: 'empty' };
  const create: DaxCommand = { op: 'createDevice', region: 0, sizeBytes: 0n };
  const burst = fc.tuple(fc.integer({ min: 6, max: 16 }), fc.array(fc.nat({ max: 255 }), { minLength: 5, maxLength: 16 })).map(([creates, refs]): DaxCommand[] => [
    ...Array.from({ length: creates }, () => create),
    ...refs.map((device): DaxCommand => ({ op: 'deleteDevice', region: 0, device, deletable: true })),
  ]);
  return fc.tuple(prefix, fc.array(burst, { minLength: 2, maxLength: 3 })).map(([p, bursts]) => [region, ...p, ...bursts.flat(), { op: 'destroyRegion', region: 0 }]);
}

const failureCoverage = (points: readonly FailPoint[]) => Object.fromEntries(points.map((p) => [failureLabel(p), 0.05]));

/**
 * The commands every run starts with: almost always a dynamic and a contiguous region
 * (either may be invalid). Each is optional so that shrinking can drop the one a
 * counterexample does not need.
 */
function daxPrefix(): fc.Arbitrary<DaxCommand[]> {
  const optional = (kind: 'dynamic' | 'contiguous') => fc.option(createRegionOf(fc.constant(kind)), { freq: 20, nil: null });
  return fc.tuple(optional('dynamic'), optional('contiguous')).map((regions) => regions.filter((r) => r !== null));
}

/**
 * The suite's operations: the one list. Its command and call types are derived from it
 * (daxCommand.ts), and so is the contiguous-only suite's list.
 */
export const DAX_OPERATIONS = [createRegion, destroyRegion, addExtent, removeExtent, createDevice, deleteDevice, bind, unbind, resize, mapping, setAlign, failAllocation, failNth] as const;

export const daxSuite: DaxSuite = daxSuiteOf(
  'dax',
  DAX_OPERATIONS,
  ['contiguous', 'dynamic'],
  FAIL_POINTS,
  {
    [DAX_LABELS.growAcrossExtents]: 0.05,
    [DAX_LABELS.holeBeforeLast]: 0.01,
    [DAX_LABELS.extendInPlace]: 0.05,
    [DAX_LABELS.partialShrinkInExtent]: 0.05,
    [DAX_LABELS.extentRemovedInUse]: 0.05,
    [DAX_LABELS.extentReleasedOnTrim]: 0.01,
    [DAX_LABELS.allocationFailureRecovered]: 0.05,
    [DAX_LABELS.topOfAddressSpace]: 0.05,
    [DAX_LABELS.bigExtentFree4GiB]: 0.05,
    [DAX_LABELS.pages2e32]: 0.01,
    ...failureCoverage(FAIL_POINTS),
  },
  { [DAX_LABELS.manyExtents]: 0.05, [DAX_LABELS.manyDevices]: 0.1, [DAX_LABELS.manyRanges]: 0.03, [DAX_LABELS.idReused]: 0.1, [DAX_LABELS.idsFreedOutOfOrder]: 0.1 },
  daxPrefix,
);

/** Failure points that contiguous regions reach (extentDevice belongs to extents). */
const CONTIGUOUS_POINTS: readonly FailPoint[] = ['resource', 'ranges', 'mapping'];

/** The contiguous-only suite's own form of an operation (by op), where it differs. */
const CONTIGUOUS_FORMS: Readonly<Record<string, AnyOperation>> = {
  createRegion: createRegionOp(fc.constant('contiguous' as const)),
  failAllocation: failAllocationAt(CONTIGUOUS_POINTS),
};

/** The DAX suite on contiguous regions only (upstream bus.c): no extent operations, no extent labels. */
export const daxContiguousSuite: DaxSuite = daxSuiteOf(
  'dax-contiguous',
  DAX_OPERATIONS.filter((o) => o.dynamicOnly !== true).map((o) => CONTIGUOUS_FORMS[o.op] ?? o),
  ['contiguous'],
  CONTIGUOUS_POINTS,
  {
    [DAX_LABELS.holeBeforeLast]: 0.01,
    [DAX_LABELS.extendInPlace]: 0.05,
    [DAX_LABELS.allocationFailureRecovered]: 0.05,
    [DAX_LABELS.topOfAddressSpace]: 0.05,
    [DAX_LABELS.pages2e32]: 0.01,
    ...failureCoverage(CONTIGUOUS_POINTS),
  },
  { [DAX_LABELS.manyDevices]: 0.1, [DAX_LABELS.idReused]: 0.1 },
  () => fc.option(createRegionOf(fc.constant('contiguous' as const)), { freq: 20, nil: null }).map((r) => (r === null ? [] : [r, r])),
);
