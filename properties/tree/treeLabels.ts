/**
 * Scenario labels of the resource-tree suite, judged on the model's snapshots. An
 * operation's own labels are in its module (ops/*.ts); here the names, and the label any
 * step can reach.
 */
import type { Result, TreeSnapshot } from '../../sut/interface.ts';
import { U64_MAX } from '../../sut/u64.ts';
import { liveResources } from './treeRefs.ts';

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
  allSpace: 'request into a root spanning all of u64',
  adjustAtTop: 'adjust of a resource to end at 2^64 - 1',
  manyResources: 'at least 24 live resources',
  deep: 'a resource nested at least 4 deep',
  releasedWithGrandchildren: 'a resource released with live grandchildren',
} as const;

/** Labels of any tree step beyond its operation's: a new non-root resource ending at 2^64 − 1, many live resources, deep nesting. */
export function treeStepLabels(result: Result, after: TreeSnapshot): string[] {
  if (!result.ok || result.id === undefined) return [];
  const live = liveResources(after);
  const placed = live.find((p) => p.node.id === result.id);
  const labels: string[] = live.length >= 24 ? [TREE_LABELS.manyResources] : [];
  if (placed === undefined || placed.parent === null) return labels;
  if (placed.node.end === U64_MAX) labels.push(TREE_LABELS.top);
  if (placed.root.start === 0n && placed.root.end === U64_MAX) labels.push(TREE_LABELS.allSpace);
  if (placed.depth >= 4) labels.push(TREE_LABELS.deep);
  return labels;
}
