/** The resource-tree suite: request/release/adjust on a forest of roots (SEMANTICS.md §1). */
import type { ResourceTreeSut, SutFactory, TreeSnapshot } from '../../sut/interface.ts';
import { checkTreeInvariants } from '../invariants.ts';
import type { SuiteSpec } from '../suiteSpec.ts';
import { callTree, resolveTree, showTreeCall } from './resolveTree.ts';
import type { TreeCall, TreeCommand } from './treeCommand.ts';
import { treeCommand, treePrefix } from './treeGenerators.ts';
import { TREE_LABELS, treeLabels } from './treeLabels.ts';

export const treeSuite: SuiteSpec<TreeCommand, TreeCall, ResourceTreeSut, TreeSnapshot> = {
  name: 'tree',
  create: (f: SutFactory) => f.createTree(),
  observe: (sut) => sut.observe(),
  resolve: resolveTree,
  call: callTree,
  show: showTreeCall,
  invariants: checkTreeInvariants,
  stepInvariants: () => [],
  labels: treeLabels,
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
  },
  prefix: treePrefix,
  command: treeCommand,
};
