/** requestRegion: __request_region into a live parent, descending into non-busy conflicts; n = 0 and wrapping ends come up. */
import type { ResourceTreeSut, Result, TreeSnapshot } from '../../../sut/interface.ts';
import { endOf } from '../../../sut/u64.ts';
import type { Operation } from '../../operation.ts';
import { REQUEST_SIMPLEST, requestArbitrary, resolveRequest, type RequestFields } from '../requestAnchor.ts';
import { TREE_LABELS } from '../treeLabels.ts';
import { liveResources } from '../treeRefs.ts';

export type RequestRegionCmd = { op: 'requestRegion' } & RequestFields;
export type RequestRegionCall = { op: 'requestRegion'; parent: number; start: bigint; n: bigint; name: string };

function requestRegionLabels(_before: TreeSnapshot, c: RequestRegionCall, result: Result, after: TreeSnapshot): string[] {
  const labels: string[] = [];
  if (endOf(c.start, c.n) < c.start) labels.push(TREE_LABELS.emptyOrWrapping);
  if (result.ok && result.id !== undefined && liveResources(after).find((p) => p.node.id === result.id)?.parent?.id !== c.parent) labels.push(TREE_LABELS.nested);
  return labels;
}

export const requestRegion: Operation<RequestRegionCmd, RequestRegionCall, ResourceTreeSut, TreeSnapshot> = {
  op: 'requestRegion',
  method: 'requestRegion',
  weight: 8,
  arbitrary: requestArbitrary('requestRegion'),
  scale: { weight: 10, arbitrary: requestArbitrary('requestRegion', true) },
  resolve: (cmd, snap) => {
    const r = resolveRequest(cmd, snap);
    return r === null ? null : { op: cmd.op, parent: r.parent, start: r.start, n: cmd.sizeBytes, name: cmd.name };
  },
  labels: requestRegionLabels,
  simplest: REQUEST_SIMPLEST,
};
