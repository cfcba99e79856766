/** adjustResource: adjust_resource of a non-root resource, anchored at itself, its siblings or its parent. */
import fc from 'fast-check';
import type { ResourceTreeSut, Result, TreeSnapshot } from '../../../sut/interface.ts';
import { add64, endOf, U64_MAX } from '../../../sut/u64.ts';
import { one, w, type Operation } from '../../operation.ts';
import { TREE_LABELS } from '../treeLabels.ts';
import { at, bigRef, deadOrMissing, delta, liveResources, ref, sizeOf, type Placed } from '../treeRefs.ts';

/** Start of an adjust: its own start, its previous sibling's end, its next sibling's start, its parent's start. */
export type AdjustAnchor = 'self' | 'prevEnd' | 'nextStart' | 'parentStart';

/** root: aim at a root (ref among the roots) rather than at a non-root resource. */
export type AdjustResourceCmd = { op: 'adjustResource'; res: number; at: AdjustAnchor; deltaBytes: bigint; sizeDeltaBytes: bigint; root?: boolean };
export type AdjustResourceCall = { op: 'adjustResource'; res: number; start: bigint; size: bigint };

function adjustStart(x: Placed, cmd: AdjustResourceCmd): bigint {
  const siblings = x.parent?.children ?? [];
  const i = siblings.indexOf(x.node);
  const d = cmd.deltaBytes & U64_MAX;
  switch (cmd.at) {
    case 'self': return add64(x.node.start, d);
    case 'prevEnd': return add64(i > 0 ? siblings[i - 1]!.end : x.node.start, d);
    case 'nextStart': return add64(i >= 0 && i + 1 < siblings.length ? siblings[i + 1]!.start : x.node.end, d);
    case 'parentStart': return add64(x.parent ? x.parent.start : x.node.start, d);
  }
}

/** Which of adjust_resource's rules (a–d, docs/SPECIFICATION.md §1.7) refuses the call, or 0. */
export function adjustRule(snap: TreeSnapshot, c: AdjustResourceCall): number {
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

const RULE_LABELS = [TREE_LABELS.adjustRule1, TREE_LABELS.adjustRule2, TREE_LABELS.adjustRule3, TREE_LABELS.adjustRule4];

function adjustLabels(before: TreeSnapshot, c: AdjustResourceCall, result: Result): string[] {
  if (result.ok) return endOf(c.start, c.size) === U64_MAX ? [TREE_LABELS.adjustAtTop] : [];
  if (result.errno !== 'EBUSY') return [];
  const rule = adjustRule(before, c);
  return rule > 0 ? [RULE_LABELS[rule - 1]!] : [];
}

export const adjustResource: Operation<AdjustResourceCmd, AdjustResourceCall, ResourceTreeSut, TreeSnapshot> = {
  op: 'adjustResource',
  method: 'adjustResource',
  weight: 8,
  arbitrary: fc.record(
    { op: fc.constant('adjustResource' as const), res: ref, at: one('self' as const, 'prevEnd' as const, 'nextStart' as const, 'parentStart' as const), deltaBytes: delta, sizeDeltaBytes: fc.oneof(w(3, delta), w(1, one(0x10000n, -0x400n))), root: fc.oneof(w(6, fc.constant(false)), w(1, fc.constant(true))) },
    { requiredKeys: ['op', 'res', 'at', 'deltaBytes', 'sizeDeltaBytes'] },
  ),
  scale: { weight: 3, arbitrary: fc.record({ op: fc.constant('adjustResource' as const), res: bigRef, at: one('self' as const, 'prevEnd' as const, 'nextStart' as const), deltaBytes: fc.oneof(w(3, fc.constant(0n)), w(1, one(0x10n, -0x10n))), sizeDeltaBytes: one(0n, 0x10n, -0x10n) }) },
  resolve: (cmd, snap) => {
    const live = liveResources(snap);
    // Roots have no parent or siblings: aim at a non-root resource when there is any.
    // A root when asked (roots with children too: rule 4 holds for them as well).
    const inner = live.filter((p) => (p.parent === null) === (cmd.root === true));
    const x = cmd.res >= 0 && inner.length > 0 ? inner[cmd.res % inner.length]! : at(live, cmd.res);
    if (x === null) return null;
    if (x === 'missing') return { op: cmd.op, res: deadOrMissing(live, cmd.res), start: 0n, size: 1n };
    return { op: cmd.op, res: x.node.id, start: adjustStart(x, cmd), size: add64(sizeOf(x.node), cmd.sizeDeltaBytes & U64_MAX) };
  },
  labels: (before, c, result) => adjustLabels(before, c, result),
  simplest: { at: ['self', 'prevEnd', 'nextStart', 'parentStart'] },
};
