/** releaseRegion: __release_region of a busy resource from its root or parent, exact or off by a delta. */
import fc from 'fast-check';
import type { ResourceTreeSut, Result, TreeSnapshot } from '../../../sut/interface.ts';
import { add64, endOf, U64_MAX } from '../../../sut/u64.ts';
import { one, w, type Operation } from '../../operation.ts';
import { TREE_LABELS } from '../treeLabels.ts';
import { at, bigRef, deadOrMissing, delta, liveResources, ref, sizeOf } from '../treeRefs.ts';

export type ReleaseRegionCmd = { op: 'releaseRegion'; target: number; from: 'root' | 'parent'; deltaBytes: bigint; sizeDeltaBytes: bigint };
export type ReleaseRegionCall = { op: 'releaseRegion'; parent: number; start: bigint; n: bigint };

function releaseLabels(before: TreeSnapshot, c: ReleaseRegionCall, result: Result): string[] {
  if (!result.ok) return result.errno === 'ENOENT' ? [TREE_LABELS.releaseNonexistent] : [];
  const gone = liveResources(before).find((p) => p.node.start === c.start && p.node.end === endOf(c.start, c.n) && p.node.busy);
  return gone && gone.parent?.id !== c.parent ? [TREE_LABELS.releaseDescended] : [];
}

export const releaseRegion: Operation<ReleaseRegionCmd, ReleaseRegionCall, ResourceTreeSut, TreeSnapshot> = {
  op: 'releaseRegion',
  method: 'releaseRegion',
  weight: 5,
  arbitrary: fc.record({ op: fc.constant('releaseRegion' as const), target: ref, from: fc.oneof(w(3, fc.constant('root' as const)), w(1, fc.constant('parent' as const))), deltaBytes: delta, sizeDeltaBytes: delta }),
  scale: { weight: 1, arbitrary: fc.record({ op: fc.constant('releaseRegion' as const), target: bigRef, from: one('root' as const, 'parent' as const), deltaBytes: fc.constant(0n), sizeDeltaBytes: fc.constant(0n) }) },
  resolve: (cmd, snap) => {
    const live = liveResources(snap);
    // Only busy resources can be released: aim at one of them when there is any.
    const busy = live.filter((p) => p.node.busy);
    const t = cmd.target < 0 ? 'missing' : busy.length > 0 ? busy[cmd.target % busy.length]! : at(live, cmd.target);
    if (t === null) return null;
    if (t === 'missing') return { op: cmd.op, parent: deadOrMissing(live, cmd.target), start: 0n, n: 1n };
    const from = cmd.from === 'root' || t.parent === null ? t.root : t.parent;
    return { op: cmd.op, parent: from.id, start: add64(t.node.start, cmd.deltaBytes & U64_MAX), n: add64(sizeOf(t.node), cmd.sizeDeltaBytes & U64_MAX) };
  },
  labels: (before, c, result) => releaseLabels(before, c, result),
};
