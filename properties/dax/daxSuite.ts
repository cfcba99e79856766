/** The DAX suite: regions, devices and extents (SEMANTICS.md §2–§4) driven side by side. */
import { FAIL_POINTS, type DaxSnapshot, type DaxSut, type Result, type SutFactory } from '../../sut/interface.ts';
import { checkDaxInvariants, checkDeviceAlignment } from '../invariants.ts';
import type { SuiteSpec } from '../suiteSpec.ts';
import type { DaxCall, DaxCommand } from './daxCommand.ts';
import { daxCommand, daxPrefix } from './daxGenerators.ts';
import { DAX_LABELS, daxLabels, failureLabel } from './daxLabels.ts';
import { callDax, resolveDax, showDaxCall } from './resolveDax.ts';

export const daxSuite: SuiteSpec<DaxCommand, DaxCall, DaxSut, DaxSnapshot> = {
  name: 'dax',
  create: (f: SutFactory) => f.createDax(),
  observe: (sut) => sut.observe(),
  resolve: resolveDax,
  call: callDax,
  show: showDaxCall,
  invariants: checkDaxInvariants,
  stepInvariants: (c: DaxCall, result: Result, snap: DaxSnapshot) =>
    c.op === 'resize' && result.ok ? checkDeviceAlignment(snap, c.region, c.device) : [],
  labels: daxLabels,
  modelEvents: (model: DaxSut) => (model.takeFiredFailures?.() ?? []).map(failureLabel),
  coverage: {
    [DAX_LABELS.growAcrossExtents]: 0.05,
    [DAX_LABELS.holeBeforeLast]: 0.01,
    [DAX_LABELS.extendInPlace]: 0.05,
    [DAX_LABELS.partialShrinkInExtent]: 0.05,
    [DAX_LABELS.extentRemovedInUse]: 0.05,
    [DAX_LABELS.extentReleasedOnTrim]: 0.01,
    [DAX_LABELS.allocationFailureRecovered]: 0.05,
    [DAX_LABELS.topOfAddressSpace]: 0.05,
    [DAX_LABELS.bigExtentFree4GiB]: 0.05,
    ...Object.fromEntries(FAIL_POINTS.map((p) => [failureLabel(p), 0.05])),
  },
  prefix: daxPrefix,
  command: daxCommand,
};
