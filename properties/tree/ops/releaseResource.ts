/** releaseResource: release_resource of a live resource with its subtree. */
import fc from 'fast-check';
import type { ResourceTreeSut, TreeSnapshot } from '../../../sut/interface.ts';
import type { Operation } from '../../operation.ts';
import { at, deadOrMissing, liveResources, ref } from '../treeRefs.ts';

export type ReleaseResourceCmd = { op: 'releaseResource'; res: number };
export type ReleaseResourceCall = ReleaseResourceCmd;

export const releaseResource: Operation<ReleaseResourceCmd, ReleaseResourceCall, ResourceTreeSut, TreeSnapshot> = {
  op: 'releaseResource',
  method: 'releaseResource',
  weight: 2,
  arbitrary: fc.record({ op: fc.constant('releaseResource' as const), res: ref }),
  resolve: (cmd, snap) => {
    const live = liveResources(snap);
    const x = at(live, cmd.res);
    if (x === null) return null;
    return { op: cmd.op, res: x === 'missing' ? deadOrMissing(live) : x.node.id };
  },
  call: (sut, c) => sut.releaseResource(c.res),
  show: (c) => `releaseResource(#${c.res})`,
};
