/**
 * The impl's caches and indexes against plain recomputation: the treap child index (order,
 * links, gaps, max-gap augmentation, childBytes, first gap, lower bound), the extent index,
 * the id allocator and the kref, after long seeded sequences.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { firstGap } from '../../impl/childIndex.ts';
import { ExtentIndex } from '../../impl/extentIndex.ts';
import { Ida } from '../../impl/ida.ts';
import { krefGet, krefInit, krefPut } from '../../impl/kref.ts';
import { newResource, resourceLive, resourceSize, type Resource } from '../../impl/resource.ts';
import { adjustResource, releaseRegion, releaseResource, requestRegion, requestResource } from '../../impl/resourceTree.ts';
import { treapLowerBoundEnd } from '../../impl/treap.ts';
import { U64_MAX } from '../../sut/u64.ts';
import { checkIndex, kids, prng } from './checkIndex.ts';

test('child index: random request/release/adjust on a two-level tree equals the linear scans', () => {
  const rnd = prng(7);
  const root = newResource(0, 1000n, 60_999n, 'root', false, true);
  const all: Resource[] = [root];
  for (let step = 0; step < 3000; step++) {
    const live = all.filter(resourceLive);
    const p = live[rnd(live.length)]!;
    const start = p.start + BigInt(rnd(Number(p.end - p.start) + 1));
    const len = BigInt(1 + rnd(rnd(2) ? 8 : 200));
    switch (rnd(8)) {
      case 0:
      case 1:
      case 2:
      case 3: {
        const x = newResource(all.length, start, start + len - 1n, 'x', rnd(3) === 0);
        if (requestResource(p, x) === null) all.push(x);
        break;
      }
      case 4: {
        const r = requestRegion(root, start, len, 'busy', all.length);
        if (r !== null) all.push(r);
        break;
      }
      case 5:
        if (p !== root && rnd(8) === 0) releaseResource(p);
        else releaseRegion(root, start, len);
        break;
      default:
        // The root only moves its end a little (it keeps its children, and stays big).
        if (p === root) adjustResource(root, 1000n, 60_000n - BigInt(rnd(300)));
        else adjustResource(p, start - BigInt(rnd(5)), len + BigInt(rnd(300)));
    }
    for (const r of all.filter(resourceLive)) checkIndex(r);
    const v = BigInt(rnd(10000));
    const list = kids(root);
    const lb = treapLowerBoundEnd(root, v);
    const next = list.find((c) => c.end >= v) ?? null;
    assert.is(lb.next, next);
    assert.is(lb.prev, next ? (list[list.indexOf(next) - 1] ?? null) : (list[list.length - 1] ?? null));
  }
  assert.ok(all.filter(resourceLive).length > 60, `the sequence built a sizeable tree (${all.filter(resourceLive).length})`);
});

test('child index: adjusting the parent itself moves the gap after its last child', () => {
  const root = newResource(0, 0n, 99n, 'root', false, true);
  const a = newResource(1, 10n, 19n, 'a', false);
  const b = newResource(2, 12n, 15n, 'b', true);
  assert.is(requestResource(root, a), null);
  assert.is(requestResource(a, b), null);
  assert.is(adjustResource(a, 13n, 5n), false, 'must still contain its child');
  assert.is(adjustResource(a, 5n, 50n), true);
  assert.is(a.gap, 99n - 54n);
  assert.is(b.gap, 54n - 15n);
  assert.equal(firstGap(a), { start: 5n, len: 7n, after: null });
  assert.is(releaseRegion(root, 12n, 4n), b, 'found by descending into a');
  assert.equal(firstGap(a), { start: 5n, len: 50n, after: null });
  checkIndex(root);
  checkIndex(a);
});

test('child index: u64 extremes ([0, U64_MAX] root, child at the top)', () => {
  const root = newResource(0, 0n, U64_MAX, 'root', false, true);
  assert.is(resourceSize(root), 1n << 64n);
  const top = requestRegion(root, U64_MAX, 1n, 'top');
  assert.ok(top !== null);
  assert.is(requestRegion(root, U64_MAX, 2n, 'wrap'), null, 'a wrapping range conflicts with its parent');
  assert.equal(firstGap(root), { start: 0n, len: U64_MAX, after: null });
  const low = requestRegion(root, 0n, U64_MAX, 'low');
  assert.ok(low !== null);
  assert.is(firstGap(root), null);
  assert.is(root.childBytes, 1n << 64n);
  checkIndex(root);
});

test('extent index: total and first key > 0 equal linear scans across capacity growth', () => {
  const rnd = prng(11);
  const index = new ExtentIndex();
  const avail: bigint[] = [];
  const key: bigint[] = [];
  for (let step = 0; step < 3000; step++) {
    if (avail.length === 0 || rnd(4) === 0) {
      assert.is(index.push(), avail.length);
      avail.push(0n);
      key.push(0n);
    }
    const i = rnd(avail.length);
    const a = rnd(3) === 0 ? 0n : BigInt(rnd(1000)) << 21n;
    avail[i] = a;
    key[i] = rnd(5) === 0 ? 0n : a;
    index.set(i, a, key[i]!);
    assert.is(index.total(), avail.reduce((x, y) => x + y, 0n));
    assert.is(index.first(), key.findIndex((k) => k > 0n));
    assert.is(index.availOf(i), a);
    assert.is(index.keyOf(i), key[i]!);
  }
  assert.is(index.size, avail.length);
});

test('ida: always the lowest unused id', () => {
  const rnd = prng(3);
  const ida = new Ida();
  const used = new Set<number>();
  for (let step = 0; step < 2000; step++) {
    if (used.size > 0 && rnd(2) === 0) {
      const id = [...used][rnd(used.size)]!;
      used.delete(id);
      ida.remove(id);
    } else {
      let lowest = 0;
      while (used.has(lowest)) lowest++;
      assert.is(ida.alloc(), lowest);
      used.add(lowest);
    }
  }
});

test('kref: release runs exactly once, at 0; a put at 0 changes nothing', () => {
  const kref = krefInit();
  let released = 0;
  krefGet(kref);
  assert.is(krefPut(kref, () => released++), false);
  assert.is(krefPut(kref, () => released++), true);
  assert.is(krefPut(kref, () => released++), false);
  assert.is(kref.refcount, 0);
  assert.is(released, 1);
});

test.run();
