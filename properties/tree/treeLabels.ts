/** Scenario labels of the resource-tree suite, judged on the model's snapshots. */
import type { Result, TreeNode, TreeSnapshot } from '../../sut/interface.ts';
import { endOf, U64_MAX } from '../../sut/u64.ts';
import { liveResources } from './resolveTree.ts';
import type { TreeCall } from './treeCommand.ts';

export const TREE_LABELS = {
  nested: 'request nested into a non-busy resource',
  adjustRule1: 'adjust refused: outside the parent',
  adjustRule2: 'adjust refused: reaches the next sibling',
  adjustRule3: 'adjust refused: reaches the previous sibling',
  adjustRule4: 'adjust refused: a child would stick out',
  releaseNonexistent: 'release of a nonexistent range',
  releaseDescended: 'release found through a non-busy resource',
  emptyOrWrapping: 'request with n = 0 or a wrapping end',
  top: 'resource ending at 2^64 - 1',
} as const;

const L = TREE_LABELS;

/** Which of adjust_resource's rules (1–4, SEMANTICS.md §1) refuses the call, or 0. */
export function adjustRule(snap: TreeSnapshot, c: Extract<TreeCall, { op: 'adjustResource' }>): number {
  const x = liveResources(snap).find((p) => p.node.id === c.res);
  if (!x) return 0;
  const end = endOf(c.start, c.size);
  if (x.parent) {
    const siblings = x.parent.children;
    const i = siblings.indexOf(x.node);
    if (c.start < x.parent.start || end > x.parent.end) return 1;
    if (i + 1 < siblings.length && siblings[i + 1]!.start <= end) return 2;
    if (i > 0 && c.start <= siblings[i - 1]!.end) return 3;
  }
  return x.node.children.some((k) => k.start < c.start || k.end > end) ? 4 : 0;
}

function parentOf(snap: TreeSnapshot, id: number): TreeNode | null | undefined {
  return liveResources(snap).find((p) => p.node.id === id)?.parent;
}

/** Labels of one tree step. */
export function treeLabels(before: TreeSnapshot, c: TreeCall, result: Result, after: TreeSnapshot): string[] {
  const labels: string[] = [];
  switch (c.op) {
    case 'requestRegion':
      if (endOf(c.start, c.n) < c.start) labels.push(L.emptyOrWrapping);
      if (result.ok && result.id !== undefined && parentOf(after, result.id)?.id !== c.parent) labels.push(L.nested);
      break;
    case 'adjustResource':
      if (!result.ok && result.errno === 'EBUSY') {
        const rule = adjustRule(before, c);
        if (rule > 0) labels.push([L.adjustRule1, L.adjustRule2, L.adjustRule3, L.adjustRule4][rule - 1]!);
      }
      break;
    case 'releaseRegion':
      if (!result.ok && result.errno === 'ENOENT') labels.push(L.releaseNonexistent);
      if (result.ok) {
        const gone = liveResources(before).find((p) => p.node.start === c.start && p.node.end === endOf(c.start, c.n) && p.node.busy);
        if (gone && gone.parent?.id !== c.parent) labels.push(L.releaseDescended);
      }
      break;
    default:
      break;
  }
  if (result.ok && result.id !== undefined && liveResources(after).some((p) => p.node.id === result.id && p.parent && p.node.end === U64_MAX)) {
    labels.push(L.top);
  }
  return labels;
}
