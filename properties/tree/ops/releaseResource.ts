/** releaseResource: release_resource of a live resource with its subtree. */
import fc from 'fast-check';
import type { ResourceTreeSut, TreeSnapshot } from '../../../sut/interface.ts';
import type { Operation } from '../../operation.ts';
import { TREE_LABELS } from '../treeLabels.ts';
import { at, bigRef, deadOrMissing, liveResources, ref } from '../treeRefs.ts';

export type ReleaseResourceCmd = { op: 'releaseResource'; res: number };
export type ReleaseResourceCall = ReleaseResourceCmd;

export const releaseResource: Operation<ReleaseResourceCmd, ReleaseResourceCall, ResourceTreeSut, TreeSnapshot> = {
  op: 'releaseResource',
  method: 'releaseResource',
  weight: 2,
  arbitrary: fc.record({ op: fc.constant('releaseResource' as const), res: ref }),
  scale: { weight: 1, arbitrary: fc.record({ op: fc.constant('releaseResource' as const), res: bigRef }) },
  labels: (before, c, result) => {
    if (!result.ok) return [];
    const gone = liveResources(before).find((p) => p.node.id === c.res);
    return gone?.node.children.some((k) => k.children.length > 0) ? [TREE_LABELS.releasedWithGrandchildren] : [];
  },
  resolve: (cmd, snap) => {
    const live = liveResources(snap);
    const x = at(live, cmd.res);
    if (x === null) return null;
    return { op: cmd.op, res: x === 'missing' ? deadOrMissing(live, cmd.res) : x.node.id };
  },
};
