/**
 * The shape of a child-index treap depends only on the operations on its owner: each
 * owner draws its nodes' priorities from its own generator, seeded alike, so nothing that
 * ran earlier in the process (other trees, other regions) changes it.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { newResource, type Resource } from '../../impl/resource.ts';
import { releaseResource, requestResource } from '../../impl/resourceTree.ts';
import { checkIndex, prng } from './checkIndex.ts';

/** The treap below owner as nested [start, left, right] (null for an empty subtree). */
type Shape = [bigint, Shape, Shape] | null;
const shape = (n: Resource | null): Shape => (n === null ? null : [n.start, shape(n.tl), shape(n.tr)]);
const depth = (n: Resource | null): number => (n === null ? 0 : 1 + Math.max(depth(n.tl), depth(n.tr)));

/** A root with children linked and unlinked by a fixed sequence (seed 3); returns the root. */
function fixedSequence(): Resource {
  const rnd = prng(3);
  const root = newResource(0, 0n, 99_999n, 'root', false, true);
  const linked: Resource[] = [];
  for (let step = 0; step < 400; step++) {
    if (linked.length > 0 && rnd(4) === 0) {
      releaseResource(linked.splice(rnd(linked.length), 1)[0]!);
      continue;
    }
    const start = BigInt(rnd(1000)) * 100n;
    const x = newResource(step + 1, start, start + 49n, 'x', false);
    if (requestResource(root, x) === null) linked.push(x);
  }
  checkIndex(root);
  return root;
}

/** Unrelated work in the same process: other roots with many children. */
function unrelatedWork(): void {
  for (let t = 0; t < 5; t++) {
    const other = newResource(0, 0n, 9_999n, 'other', false, true);
    for (let i = 0n; i < 37n; i++) requestResource(other, newResource(1, i * 10n, i * 10n + 4n, 'y', false));
  }
}

test('two identical operation sequences give the same treap shape, whatever ran between them', () => {
  const first = shape(fixedSequence().kids);
  unrelatedWork();
  const second = shape(fixedSequence().kids);
  assert.ok(first !== null, 'the sequence leaves children');
  assert.equal(second, first);
});

test('each treap draws its own priorities: children linked in address order still give a shallow treap', () => {
  const root = newResource(0, 0n, 1n << 40n, 'root', false, true);
  for (let i = 0n; i < 2000n; i++) requestResource(root, newResource(1, i * 10n, i * 10n + 4n, 'x', false));
  checkIndex(root);
  const d = depth(root.kids);
  assert.ok(d < 50, `depth ${d} for 2000 children (log2 2000 ≈ 11)`);
});

test.run();
