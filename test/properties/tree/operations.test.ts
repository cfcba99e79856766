/** The resource-tree suite's operations (properties/tree/ops/): the labels they reach. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TreeNode, TreeSnapshot } from '../../../sut/interface.ts';
import { adjustRule } from '../../../properties/tree/ops/adjustResource.ts';
import { TREE_LABELS } from '../../../properties/tree/treeLabels.ts';
import { treeSuite } from '../../../properties/tree/treeSuite.ts';

const treeLabels = treeSuite.labels;

const n = (id: number, start: bigint, end: bigint, busy: boolean, children: TreeNode[] = []): TreeNode => ({ id, start, end, name: 'x', busy, children });
// root 0 [0,0xfff]: child 1 [0x100,0x1ff] with child 3 [0x140,0x17f]; child 2 [0x400,0x4ff]
const snap: TreeSnapshot = { roots: [n(0, 0n, 0xfffn, false, [n(1, 0x100n, 0x1ffn, false, [n(3, 0x140n, 0x17fn, true)]), n(2, 0x400n, 0x4ffn, true)])] };
const adjust = (res: number, start: bigint, size: bigint) => ({ op: 'adjustResource' as const, res, start, size });

test('adjustRule names each of adjust_resource four rules on its own', () => {
  assert.is(adjustRule(snap, adjust(2, 0xf80n, 0x100n)), 1, 'past the parent end');
  assert.is(adjustRule(snap, adjust(1, 0x100n, 0x400n)), 2, 'reaches the next sibling');
  assert.is(adjustRule(snap, adjust(2, 0x1ffn, 0x100n)), 3, 'reaches back to the previous sibling');
  assert.is(adjustRule(snap, adjust(1, 0x150n, 0x80n)), 4, 'child [0x140,0x17f] would stick out');
  assert.is(adjustRule(snap, adjust(1, 0x100n, 0x200n)), 0, 'a legal adjust');
});

test('a request placed below a non-busy child is labelled as nested', () => {
  const after: TreeSnapshot = { roots: [n(0, 0n, 0xfffn, false, [n(1, 0x100n, 0x1ffn, false, [n(3, 0x140n, 0x17fn, true), n(4, 0x180n, 0x18fn, true)]), n(2, 0x400n, 0x4ffn, true)])] };
  const labels = treeLabels(snap, { op: 'requestRegion', parent: 0, start: 0x180n, n: 0x10n, name: 'x' }, { ok: true, id: 4 }, after);
  assert.ok(labels.includes(TREE_LABELS.nested), labels.join(', '));
});

test.run();
