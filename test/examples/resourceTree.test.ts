/** docs/SPECIFICATION.md §1 (the resource tree suite), by example, on every SUT. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ResourceTreeSut, TreeSnapshot } from '../../sut/interface.ts';
import { SUTS } from '../suts.ts';
import { err, expectInvariants, invariantsHold, node, OK, okId, U64_MAX } from './helpers.ts';

function observe(tree: ResourceTreeSut): TreeSnapshot {
  const s = tree.observe();
  expectInvariants(s);
  return s;
}

/** root 0 [0, 0xffff] with a 1 [0x1000,0x1fff], b 2 [0x3000,0x3fff] (child d 4 [0x3400,0x34ff]), c 3 [0x5000,0x5fff]. */
function fourResources(tree: ResourceTreeSut): void {
  assert.equal(tree.addRoot(0n, 0xffffn, 'root'), okId(0));
  assert.equal(tree.requestResource(0, 0x1000n, 0x1fffn, 'a'), okId(1));
  assert.equal(tree.requestResource(0, 0x3000n, 0x3fffn, 'b'), okId(2));
  assert.equal(tree.requestResource(0, 0x5000n, 0x5fffn, 'c'), okId(3));
  assert.equal(tree.requestResource(2, 0x3400n, 0x34ffn, 'd'), okId(4));
}

const FOUR: TreeSnapshot = {
  roots: [node(0, 0n, 0xffffn, 'root', false, [
    node(1, 0x1000n, 0x1fffn, 'a', false),
    node(2, 0x3000n, 0x3fffn, 'b', false, [node(4, 0x3400n, 0x34ffn, 'd', false)]),
    node(3, 0x5000n, 0x5fffn, 'c', false),
  ])],
};

for (const f of SUTS) {
  test(`${f.name}: addRoot numbers resources from 0 over the forest, keeps roots in add order; end < start is EINVAL and takes no id`, () => {
    const tree = f.createTree();
    assert.equal(tree.addRoot(0x1000n, 0x1fffn, 'a'), okId(0));
    assert.equal(tree.addRoot(5n, 4n, 'bad'), err('EINVAL'));
    assert.equal(tree.addRoot(0n, 0n, 'one byte'), okId(1));
    assert.equal(tree.requestResource(0, 0x1000n, 0x10ffn, 'child'), okId(2));
    assert.equal(tree.addRoot(0n, U64_MAX, 'all'), okId(3));
    assert.equal(observe(tree), {
      roots: [
        node(0, 0x1000n, 0x1fffn, 'a', false, [node(2, 0x1000n, 0x10ffn, 'child', false)]),
        node(1, 0n, 0n, 'one byte', false),
        node(3, 0n, U64_MAX, 'all', false),
      ],
    });
    invariantsHold(tree);
  });

  test(`${f.name}: requestResource inserts a non-busy child in address order, adjacent ranges allowed`, () => {
    const tree = f.createTree();
    tree.addRoot(0n, 0xfffn, 'root');
    assert.equal(tree.requestResource(0, 0x800n, 0x8ffn, 'w'), okId(1));
    assert.equal(tree.requestResource(0, 0x100n, 0x1ffn, 'x'), okId(2));
    assert.equal(tree.requestResource(0, 0xa00n, 0xaffn, 'y'), okId(3));
    assert.equal(tree.requestResource(0, 0x200n, 0x7ffn, 'z'), okId(4));
    assert.equal(observe(tree), {
      roots: [node(0, 0n, 0xfffn, 'root', false, [
        node(2, 0x100n, 0x1ffn, 'x', false),
        node(4, 0x200n, 0x7ffn, 'z', false),
        node(1, 0x800n, 0x8ffn, 'w', false),
        node(3, 0xa00n, 0xaffn, 'y', false),
      ])],
    });
    invariantsHold(tree);
  });

  test(`${f.name}: requestResource with end < start or outside the parent is EBUSY with conflict = parent, and takes no id`, () => {
    const tree = f.createTree();
    tree.addRoot(0x1000n, 0x1fffn, 'root');
    assert.equal(tree.requestResource(0, 0x1800n, 0x17ffn, 'empty'), err('EBUSY', 0));
    assert.equal(tree.requestResource(0, 0xfffn, 0x1000n, 'below'), err('EBUSY', 0));
    assert.equal(tree.requestResource(0, 0x1fffn, 0x2000n, 'above'), err('EBUSY', 0));
    assert.equal(tree.requestResource(0, 0x1000n, 0x1fffn, 'all'), okId(1));
    assert.equal(observe(tree), { roots: [node(0, 0x1000n, 0x1fffn, 'root', false, [node(1, 0x1000n, 0x1fffn, 'all', false)])] });
    invariantsHold(tree);
  });

  test(`${f.name}: requestResource overlapping several children conflicts with the lowest one and changes nothing`, () => {
    const tree = f.createTree();
    fourResources(tree);
    assert.equal(tree.requestResource(0, 0x1800n, 0x5800n, 'wide'), err('EBUSY', 1));
    assert.equal(tree.requestResource(0, 0x2000n, 0x3000n, 'edge'), err('EBUSY', 2));
    assert.equal(tree.requestResource(0, 0x5fffn, 0x6000n, 'last byte'), err('EBUSY', 3));
    assert.equal(observe(tree), FOUR);
    invariantsHold(tree);
  });

  test(`${f.name}: requestResource is purely geometric: it never descends into a non-busy child, and accepts a busy parent`, () => {
    const tree = f.createTree();
    fourResources(tree);
    assert.equal(tree.requestResource(0, 0x1100n, 0x11ffn, 'inside a'), err('EBUSY', 1));
    assert.equal(tree.requestRegion(0, 0x7000n, 0x1000n, 'busy'), okId(5));
    assert.equal(tree.requestResource(5, 0x7000n, 0x70ffn, 'under busy'), okId(6));
    const s = observe(tree);
    assert.equal(s.roots[0]!.children[3], node(5, 0x7000n, 0x7fffn, 'busy', true, [node(6, 0x7000n, 0x70ffn, 'under busy', false)]));
    invariantsHold(tree);
  });

  test(`${f.name}: every tree operation on an id that is not live is ENXIO`, () => {
    const tree = f.createTree();
    fourResources(tree);
    assert.equal(tree.releaseResource(2), OK);
    for (const id of [2, 4, 99, -1]) {
      assert.equal(tree.requestResource(id, 0x3400n, 0x34ffn, 'x'), err('ENXIO'));
      assert.equal(tree.requestRegion(id, 0x3400n, 0x100n, 'x'), err('ENXIO'));
      assert.equal(tree.releaseRegion(id, 0x3400n, 0x100n), err('ENXIO'));
      assert.equal(tree.adjustResource(id, 0x3400n, 0n), err('ENXIO'));
      assert.equal(tree.releaseResource(id), err('ENXIO'));
    }
    invariantsHold(tree);
  });

  test(`${f.name}: requestRegion descends through non-busy conflicts and creates a busy resource at the deepest level`, () => {
    const tree = f.createTree();
    tree.addRoot(0n, 0xffffn, 'root');
    tree.requestResource(0, 0x1000n, 0x1fffn, 'bus');
    tree.requestResource(1, 0x1000n, 0x17ffn, 'sub');
    assert.equal(tree.requestRegion(0, 0x1200n, 0x100n, 'dev'), okId(3));
    assert.equal(observe(tree), {
      roots: [node(0, 0n, 0xffffn, 'root', false, [
        node(1, 0x1000n, 0x1fffn, 'bus', false, [
          node(2, 0x1000n, 0x17ffn, 'sub', false, [node(3, 0x1200n, 0x12ffn, 'dev', true)]),
        ]),
      ])],
    });
    invariantsHold(tree);
  });

  test(`${f.name}: requestRegion fails with EBUSY on a busy conflict, but a busy parent given explicitly is allowed`, () => {
    const tree = f.createTree();
    tree.addRoot(0n, 0xffffn, 'root');
    assert.equal(tree.requestRegion(0, 0x1000n, 0x1000n, 'extent'), okId(1));
    assert.equal(tree.requestRegion(0, 0x1800n, 0x10n, 'dev'), err('EBUSY'));
    assert.equal(tree.requestRegion(1, 0x1800n, 0x10n, 'dev'), okId(2));
    assert.equal(observe(tree), {
      roots: [node(0, 0n, 0xffffn, 'root', false, [
        node(1, 0x1000n, 0x1fffn, 'extent', true, [node(2, 0x1800n, 0x180fn, 'dev', true)]),
      ])],
    });
    invariantsHold(tree);
  });

  test(`${f.name}: requestRegion fails with EBUSY when the range leaves the non-busy resource it descended into`, () => {
    const tree = f.createTree();
    tree.addRoot(0n, 0xffffn, 'root');
    tree.requestResource(0, 0x1000n, 0x1fffn, 'bus');
    assert.equal(tree.requestRegion(0, 0x1f00n, 0x200n, 'dev'), err('EBUSY'));
    assert.equal(tree.requestRegion(0, 0x0n, 0x10001n, 'too big'), err('EBUSY'));
    assert.equal(observe(tree), { roots: [node(0, 0n, 0xffffn, 'root', false, [node(1, 0x1000n, 0x1fffn, 'bus', false)])] });
    invariantsHold(tree);
  });

  test(`${f.name}: u64: requestRegion with n = 0 fails (end = start - 1 < start)`, () => {
    const tree = f.createTree();
    tree.addRoot(0x1000n, 0x1fffn, 'root');
    assert.equal(tree.requestRegion(0, 0x1000n, 0n, 'empty'), err('EBUSY'));
    assert.equal(tree.requestRegion(0, 0x1800n, 0n, 'empty'), err('EBUSY'));
    assert.equal(observe(tree), { roots: [node(0, 0x1000n, 0x1fffn, 'root', false)] });
    invariantsHold(tree);
  });

  test(`${f.name}: u64: requestRegion with n = 0 at start 0 wraps to end 2^64 - 1 and takes a whole [0, 2^64 - 1] root`, () => {
    const tree = f.createTree();
    tree.addRoot(0n, U64_MAX, 'all');
    assert.equal(tree.requestRegion(0, 0n, 0n, 'wrapped'), okId(1));
    assert.equal(observe(tree), { roots: [node(0, 0n, U64_MAX, 'all', false, [node(1, 0n, U64_MAX, 'wrapped', true)])] });
    invariantsHold(tree);
  });

  test(`${f.name}: u64: requestRegion whose end wraps past 2^64 - 1 fails; the last byte of a root ending at 2^64 - 1 can be taken`, () => {
    const tree = f.createTree();
    tree.addRoot(0n, U64_MAX, 'all');
    assert.equal(tree.requestRegion(0, U64_MAX - 0xfffn, 0x2000n, 'wraps'), err('EBUSY'));
    assert.equal(tree.requestRegion(0, U64_MAX, 1n, 'last'), okId(1));
    assert.equal(tree.requestResource(0, U64_MAX - 0xfffn, U64_MAX, 'top'), err('EBUSY', 1));
    assert.equal(tree.requestResource(0, U64_MAX - 0xfffn, U64_MAX - 1n, 'below'), okId(2));
    assert.equal(observe(tree), {
      roots: [node(0, 0n, U64_MAX, 'all', false, [
        node(2, U64_MAX - 0xfffn, U64_MAX - 1n, 'below', false),
        node(1, U64_MAX, U64_MAX, 'last', true),
      ])],
    });
    invariantsHold(tree);
  });

  test(`${f.name}: releaseRegion unlinks the busy resource matching exactly, descending through non-busy ones; a second release is ENOENT`, () => {
    const tree = f.createTree();
    tree.addRoot(0n, 0xffffn, 'root');
    tree.requestResource(0, 0x1000n, 0x1fffn, 'bus');
    assert.equal(tree.requestRegion(0, 0x1100n, 0x100n, 'dev'), okId(2));
    assert.equal(tree.releaseRegion(0, 0x1100n, 0x100n), OK);
    assert.equal(tree.releaseRegion(0, 0x1100n, 0x100n), err('ENOENT'));
    assert.equal(tree.releaseResource(2), err('ENXIO'));
    assert.equal(observe(tree), { roots: [node(0, 0n, 0xffffn, 'root', false, [node(1, 0x1000n, 0x1fffn, 'bus', false)])] });
    invariantsHold(tree);
  });

  test(`${f.name}: releaseRegion of a partial range, of a range spanning two resources, or of nothing is ENOENT and changes nothing`, () => {
    const tree = f.createTree();
    tree.addRoot(0n, 0xffffn, 'root');
    tree.requestRegion(0, 0x1000n, 0x1000n, 'a');
    tree.requestRegion(0, 0x2000n, 0x1000n, 'b');
    const before = observe(tree);
    assert.equal(tree.releaseRegion(0, 0x1000n, 0x800n), err('ENOENT'));
    assert.equal(tree.releaseRegion(0, 0x1800n, 0x800n), err('ENOENT'));
    assert.equal(tree.releaseRegion(0, 0x1000n, 0x2000n), err('ENOENT'));
    assert.equal(tree.releaseRegion(0, 0x4000n, 0x1000n), err('ENOENT'));
    assert.equal(tree.releaseRegion(0, 0x1000n, 0n), err('ENOENT'));
    assert.equal(observe(tree), before);
    invariantsHold(tree);
  });

  test(`${f.name}: releaseRegion never releases a non-busy resource, even one matching exactly`, () => {
    const tree = f.createTree();
    tree.addRoot(0n, 0xffffn, 'root');
    tree.requestResource(0, 0x1000n, 0x1fffn, 'bus');
    assert.equal(tree.releaseRegion(0, 0x1000n, 0x1000n), err('ENOENT'));
    assert.equal(observe(tree), { roots: [node(0, 0n, 0xffffn, 'root', false, [node(1, 0x1000n, 0x1fffn, 'bus', false)])] });
    invariantsHold(tree);
  });

  test(`${f.name}: releaseRegion stops at the first busy resource containing the range: a busy resource nested in it is not reached`, () => {
    const tree = f.createTree();
    tree.addRoot(0n, 0xffffn, 'root');
    tree.requestRegion(0, 0x1000n, 0x1000n, 'extent');
    tree.requestRegion(1, 0x1000n, 0x100n, 'dev');
    assert.equal(tree.releaseRegion(0, 0x1000n, 0x100n), err('ENOENT'));
    assert.equal(tree.releaseRegion(1, 0x1000n, 0x100n), OK);
    assert.equal(observe(tree), { roots: [node(0, 0n, 0xffffn, 'root', false, [node(1, 0x1000n, 0x1fffn, 'extent', true)])] });
    invariantsHold(tree);
  });

  test(`${f.name}: releaseRegion does not re-parent the children of what it releases: they are gone with it`, () => {
    const tree = f.createTree();
    tree.addRoot(0n, 0xffffn, 'root');
    tree.requestRegion(0, 0x1000n, 0x1000n, 'extent');
    tree.requestRegion(1, 0x1000n, 0x100n, 'dev');
    assert.equal(tree.releaseRegion(0, 0x1000n, 0x1000n), OK);
    assert.equal(tree.requestRegion(2, 0x1000n, 0x10n, 'x'), err('ENXIO'));
    assert.equal(observe(tree), { roots: [node(0, 0n, 0xffffn, 'root', false)] });
    invariantsHold(tree);
  });

  test(`${f.name}: adjustResource moves a resource within its neighbours' edges, keeping its children`, () => {
    const tree = f.createTree();
    fourResources(tree);
    assert.equal(tree.adjustResource(2, 0x2000n, 0x3000n), OK);
    const s = observe(tree);
    assert.equal(s.roots[0]!.children[1], node(2, 0x2000n, 0x4fffn, 'b', false, [node(4, 0x3400n, 0x34ffn, 'd', false)]));
    invariantsHold(tree);
  });

  test(`${f.name}: adjustResource rule 1 alone: leaving the parent is EBUSY`, () => {
    const tree = f.createTree();
    fourResources(tree);
    assert.equal(tree.adjustResource(3, 0x5000n, 0xb001n), err('EBUSY'));
    assert.equal(tree.adjustResource(1, 0x1000n, 0xb001n), err('EBUSY'));
    assert.equal(observe(tree), FOUR);
    const t = f.createTree();
    t.addRoot(0x100n, 0xffffn, 'root');
    t.requestResource(0, 0x1000n, 0x1fffn, 'a');
    assert.equal(t.adjustResource(1, 0xffn, 0x1f01n), err('EBUSY'));
    assert.equal(t.adjustResource(1, 0x100n, 0x1f00n), OK);
    invariantsHold(tree, t);
  });

  test(`${f.name}: adjustResource rule 2 alone: reaching the next sibling's start is EBUSY`, () => {
    const tree = f.createTree();
    fourResources(tree);
    assert.equal(tree.adjustResource(2, 0x3000n, 0x2001n), err('EBUSY'));
    assert.equal(observe(tree), FOUR);
    invariantsHold(tree);
  });

  test(`${f.name}: adjustResource rule 3 alone: reaching back to the previous sibling's end is EBUSY`, () => {
    const tree = f.createTree();
    fourResources(tree);
    assert.equal(tree.adjustResource(2, 0x1fffn, 0x2001n), err('EBUSY'));
    assert.equal(observe(tree), FOUR);
    invariantsHold(tree);
  });

  test(`${f.name}: adjustResource rule 4 alone: no longer containing a child is EBUSY`, () => {
    const tree = f.createTree();
    fourResources(tree);
    assert.equal(tree.adjustResource(2, 0x3500n, 0x100n), err('EBUSY'));
    assert.equal(tree.adjustResource(2, 0x3000n, 0x4ffn), err('EBUSY'));
    assert.equal(observe(tree), FOUR);
    invariantsHold(tree);
  });

  test(`${f.name}: adjustResource on a root skips rules 1-3 but must still contain the root's children`, () => {
    const tree = f.createTree();
    fourResources(tree);
    tree.addRoot(0x20000n, 0x2ffffn, 'other');
    assert.equal(tree.adjustResource(0, 0x1000n, 0x5000n), OK);
    assert.equal(tree.adjustResource(0, 0x1001n, 0x5000n), err('EBUSY'));
    assert.equal(tree.adjustResource(0, 0n, 0x40000n), OK);
    const s = observe(tree);
    assert.equal([s.roots[0]!.start, s.roots[0]!.end], [0n, 0x3ffffn]);
    invariantsHold(tree);
  });

  test(`${f.name}: adjustResource with size 0 or a wrapping end is EINVAL; ending exactly at 2^64 - 1 is fine`, () => {
    const tree = f.createTree();
    tree.addRoot(0n, U64_MAX, 'all');
    tree.requestResource(0, 0x1000n, 0x1fffn, 'a');
    assert.equal(tree.adjustResource(1, 0x1000n, 0n), err('EINVAL'));
    assert.equal(tree.adjustResource(1, U64_MAX, 2n), err('EINVAL'));
    assert.equal(tree.adjustResource(1, 0x1000n, U64_MAX), err('EINVAL'));
    assert.equal(tree.adjustResource(1, U64_MAX - 0xfffn, 0x1000n), OK);
    assert.equal(observe(tree), { roots: [node(0, 0n, U64_MAX, 'all', false, [node(1, U64_MAX - 0xfffn, U64_MAX, 'a', false)])] });
    invariantsHold(tree);
  });

  test(`${f.name}: releaseResource unlinks a resource with its subtree; those ids die and are never reused`, () => {
    const tree = f.createTree();
    fourResources(tree);
    assert.equal(tree.releaseResource(2), OK);
    assert.equal(tree.releaseResource(4), err('ENXIO'));
    assert.equal(tree.releaseResource(2), err('ENXIO'));
    assert.equal(tree.requestResource(0, 0x3000n, 0x3fffn, 'b again'), okId(5));
    assert.equal(observe(tree), {
      roots: [node(0, 0n, 0xffffn, 'root', false, [
        node(1, 0x1000n, 0x1fffn, 'a', false),
        node(5, 0x3000n, 0x3fffn, 'b again', false),
        node(3, 0x5000n, 0x5fffn, 'c', false),
      ])],
    });
    invariantsHold(tree);
  });

  test(`${f.name}: releaseResource of a root is EINVAL and keeps it`, () => {
    const tree = f.createTree();
    fourResources(tree);
    assert.equal(tree.releaseResource(0), err('EINVAL'));
    assert.equal(observe(tree), FOUR);
    invariantsHold(tree);
  });
}

test.run();
