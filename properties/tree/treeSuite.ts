/** The resource-tree suite: request/release/adjust on a forest of roots (docs/SPECIFICATION.md §1). */
import fc from 'fast-check';
import { TREE_ARGS, type ResourceTreeSut, type SutFactory, type TreeSnapshot } from '../../sut/interface.ts';
import { U64_MAX } from '../../sut/u64.ts';
import { checkTreeInvariants } from '../invariants.ts';
import { treeSnapshotProblem } from '../snapshotShape.ts';
import { operationTable, w } from '../operation.ts';
import type { SuiteSpec } from '../suiteSpec.ts';
import { addRoot } from './ops/addRoot.ts';
import { adjustResource } from './ops/adjustResource.ts';
import { failNth } from './ops/failNth.ts';
import { releaseRegion } from './ops/releaseRegion.ts';
import { releaseResource } from './ops/releaseResource.ts';
import { requestRegion } from './ops/requestRegion.ts';
import { requestResource } from './ops/requestResource.ts';
import type { TreeCall, TreeCommand } from './treeCommand.ts';
import { treeDomains } from './treeDomains.ts';
import { TREE_LABELS, treeStepLabels } from './treeLabels.ts';

/** The suite's operations: the one list (its command and call types are derived from it, treeCommand.ts). */
export const TREE_OPERATIONS = [requestResource, requestRegion, releaseRegion, adjustResource, releaseResource, addRoot, failNth] as const;
const operations = TREE_OPERATIONS;
const table = operationTable<TreeCommand, TreeCall, ResourceTreeSut, TreeSnapshot>(operations, TREE_ARGS);

/**
 * Every run starts from a low root, a second root and a root ending at 2^64 − 1; most
 * runs also get a root spanning all of u64 (the kernel's own iomem root does), where
 * requests and adjusts meet both ends of the address space. A few runs have that root
 * alone (an only root, for the argument buckets).
 */
function treePrefix(): fc.Arbitrary<TreeCommand[]> {
  const base: TreeCommand[] = [
    { op: 'addRoot', start: 0n, end: 0xffffn, name: 'low' },
    { op: 'addRoot', start: 0x100000n, end: 0x10ffffn, name: 'mid' },
    { op: 'addRoot', start: U64_MAX - 0xffffn, end: U64_MAX, name: 'top' },
  ];
  const all: TreeCommand = { op: 'addRoot', start: 0n, end: U64_MAX, name: 'all' };
  return fc.oneof(w(8, fc.boolean().map((withAll) => (withAll ? [...base, all] : base))), w(1, fc.constant<TreeCommand[]>([all])));
}

export const treeSuite: SuiteSpec<TreeCommand, TreeCall, ResourceTreeSut, TreeSnapshot> = {
  name: 'tree',
  sutKind: 'tree',
  operations,
  create: (f: SutFactory) => f.createTree(),
  observe: (sut) => sut.observe(),
  snapshotProblem: treeSnapshotProblem,
  resolve: table.resolve,
  call: table.call,
  show: table.show,
  invariants: checkTreeInvariants,
  stepInvariants: () => [],
  domains: treeDomains,
  labels: (before, c, result, after) => [...table.labels(before, c, result, after), ...treeStepLabels(result, after)],
  coverage: {
    [TREE_LABELS.nested]: 0.1,
    [TREE_LABELS.adjustRule1]: 0.1,
    [TREE_LABELS.adjustRule2]: 0.05,
    [TREE_LABELS.adjustRule3]: 0.05,
    [TREE_LABELS.adjustRule4]: 0.05,
    [TREE_LABELS.releaseNonexistent]: 0.1,
    [TREE_LABELS.releaseDescended]: 0.03,
    [TREE_LABELS.emptyOrWrapping]: 0.05,
    [TREE_LABELS.top]: 0.05,
    [TREE_LABELS.allSpace]: 0.05,
    [TREE_LABELS.adjustAtTop]: 0.01,
  },
  prefix: treePrefix,
  command: table.command,
  bigRuns: {
    maxCommands: 300,
    command: table.bigCommand,
    coverage: { [TREE_LABELS.manyResources]: 0.02, [TREE_LABELS.deep]: 0.1, [TREE_LABELS.releasedWithGrandchildren]: 0.1 },
  },
};
