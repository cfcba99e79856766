/**
 * Argument domains in buckets (properties/domains.ts, docs/argument-domains.md): the
 * bucket of a value or an object, the tables of both suites, and generators that reach
 * the buckets while staying inside u64 (every argument crosses a port's protocol as one).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { alignBucket, binade, bucketLine, formatBuckets, judgeBuckets, objectBucket, position } from '../../properties/domains.ts';
import type { DaxCall } from '../../properties/dax/daxCommand.ts';
import { daxContiguousSuite, daxSuite } from '../../properties/dax/daxSuite.ts';
import { createRegionOf, regionKind } from '../../properties/dax/ops/createRegion.ts';
import { addRoot } from '../../properties/tree/ops/addRoot.ts';
import type { TreeCall } from '../../properties/tree/treeCommand.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';
import type { DaxSnapshot, TreeSnapshot } from '../../sut/interface.ts';
import { GiB, MiB, U64_MAX } from '../../sut/u64.ts';

test('a value\'s binade: 0, 2^k for 2^k <= v < 2^(k+1), invalid past u64; an align is its power of two from 2 MiB, else invalid', () => {
  assert.is(binade(0n), '0');
  assert.is(binade(1n), '2^0');
  assert.is(binade(2n * MiB - 1n), '2^20');
  assert.is(binade(2n * MiB), '2^21');
  assert.is(binade(U64_MAX), '2^63');
  assert.is(binade(1n << 64n), 'invalid');
  assert.is(alignBucket(2n * MiB), '2^21');
  assert.is(alignBucket(1n << 63n), '2^63');
  assert.is(alignBucket(MiB), 'invalid');
  assert.is(alignBucket(3n * MiB), 'invalid');
});

test('an object\'s bucket: live by position among its live peers (first, middle, last, only), else dead or missing', () => {
  const live = [{ id: 0 }, { id: 2 }, { id: 5 }];
  assert.equal([0, 2, 5].map((id) => objectBucket(live, id, () => false)), ['live first', 'live middle', 'live last']);
  assert.is(objectBucket([{ id: 3 }], 3, () => false), 'live only');
  assert.is(objectBucket(live, 1, (id) => id < 5), 'dead');
  assert.is(objectBucket(live, 4095, (id) => id < 5), 'missing');
  assert.equal([position(0, 1), position(0, 3), position(1, 3), position(2, 3)], ['only', 'first', 'middle', 'last']);
});

test('the DAX tables hold every power-of-two region align 2 MiB..2^63, sizes by binade to 2^63, and object kinds; the contiguous suite has no extents', () => {
  const all = new Set(daxSuite.domains!.all);
  for (let k = 21; k <= 63; k++) assert.ok(all.has(`createRegion.align 2^${k}`), `align 2^${k}`);
  assert.ok(all.has('createRegion.align invalid'));
  assert.ok(all.has('resize.size 2^63') && all.has('resize.size 0') && all.has('mapping.length 2^21'));
  for (const kind of ['live first', 'live middle', 'live last', 'live only', 'dead', 'missing']) assert.ok(all.has(`deleteDevice.device ${kind}`) && all.has(`removeExtent.extent ${kind}`));
  assert.not.ok(daxContiguousSuite.domains!.all.some((b) => b.startsWith('addExtent') || b === 'createRegion.kind dynamic'));
  assert.is(new Set(daxSuite.domains!.all).size, daxSuite.domains!.all.length, 'no bucket twice');
});

test('the tree table holds addresses by binade over u64, roots up to 2^64, inner and root resources by position, a root with children for adjust', () => {
  const all = new Set(treeSuite.domains!.all);
  assert.ok(all.has('requestResource.start 0') && all.has('requestResource.start 2^63') && all.has('addRoot.size 2^64'));
  assert.ok(all.has('adjustResource.res root with children') && all.has('releaseResource.res inner middle') && all.has('requestRegion.parent dead'));
});

const snap: DaxSnapshot = {
  regions: [
    { id: 0, kind: 'contiguous', destroyed: true, start: 0n, sizeBytes: 4n * MiB, align: 2n * MiB, availBytes: 0n, resource: { start: 0n, end: 4n * MiB - 1n, name: 'region0', busy: false, children: [] }, extents: [], devices: [], badReleases: 0 },
    {
      id: 1, kind: 'contiguous', destroyed: false, start: GiB, sizeBytes: 4n * MiB, align: 2n * MiB, availBytes: 4n * MiB, resource: { start: GiB, end: GiB + 4n * MiB - 1n, name: 'region1', busy: false, children: [] }, extents: [],
      devices: [0, 2, 3].map((id) => ({ id, name: `dax1.${id}`, align: 2n * MiB, bound: false, sizeBytes: 0n, ranges: [] })), badReleases: 0,
    },
  ],
};

test('a DAX call\'s buckets come from the call and the snapshot before it: a destroyed region is dead, a freed id below the top is dead', () => {
  const b = (call: DaxCall) => daxSuite.domains!.buckets(call, snap);
  assert.equal(b({ op: 'resize', region: 1, device: 1, sizeBytes: 1n << 44n }), ['resize.region live only', 'resize.device dead', 'resize.size 2^44']);
  assert.equal(b({ op: 'deleteDevice', region: 1, device: 3 }), ['deleteDevice.region live only', 'deleteDevice.device live last']);
  assert.equal(b({ op: 'bind', region: 0, device: 0 }), ['bind.region dead']);
  assert.equal(b({ op: 'destroyRegion', region: 7 }), ['destroyRegion.region missing']);
  assert.equal(b({ op: 'createRegion', kind: 'contiguous', start: 1n << 63n, sizeBytes: 1n << 63n, align: 1n << 63n, seed: 'default' }),
    ['createRegion.kind contiguous', 'createRegion.align 2^63', 'createRegion.start 2^63', 'createRegion.size 2^63', 'createRegion.seed default']);
  assert.equal(b({ op: 'mapping', region: 1, device: 0, start: GiB + 4096n, end: GiB }), ['mapping.region live only', 'mapping.device live first', 'mapping.start invalid', 'mapping.length invalid']);
});

test('a tree call\'s buckets: a root with children is both a root by position and a root with children; a released id is dead', () => {
  const tree: TreeSnapshot = { roots: [{ id: 0, start: 0n, end: 0xffffn, name: 'r', busy: false, children: [{ id: 1, start: 0x100n, end: 0x1ffn, name: 'a', busy: true, children: [] }] }, { id: 2, start: 0x100000n, end: 0x10ffffn, name: 's', busy: false, children: [] }] };
  const b = (call: TreeCall) => treeSuite.domains!.buckets(call, tree);
  assert.equal(b({ op: 'adjustResource', res: 0, start: 0n, size: 0x10000n }), ['adjustResource.res root first', 'adjustResource.res root with children', 'adjustResource.start 0', 'adjustResource.size 2^16']);
  assert.equal(b({ op: 'releaseResource', res: 1 }), ['releaseResource.res inner only']);
  assert.equal(b({ op: 'releaseResource', res: 9 }), ['releaseResource.res dead']);
  assert.equal(b({ op: 'requestResource', parent: 2, start: 0x100000n, end: 0xfffffn, name: 'x' }), ['requestResource.parent root last', 'requestResource.start 2^20', 'requestResource.size invalid']);
});

test('the bucket table: every bucket with its runs, the missing ones in table order, one line and one row per argument', () => {
  const c = judgeBuckets(['a.x 0', 'a.x 2^1', 'b.y dead'], new Map([['a.x 0', 3]]));
  assert.equal(c, { total: 3, hit: 1, missing: ['a.x 2^1', 'b.y dead'], runs: { 'a.x 0': 3, 'a.x 2^1': 0, 'b.y dead': 0 } });
  assert.is(bucketLine(c), 'argument buckets hit 1/3; missing: a.x 2^1, b.y dead');
  assert.match(formatBuckets(c), /a\.x\s+1\/2  missing: 2\^1\n\s+b\.y\s+0\/1  missing: dead/);
});

test('the generators that pass values straight through stay inside u64 (regions of every align, roots of every binade)', () => {
  const values = [
    ...fc.sample(createRegionOf(regionKind), { numRuns: 20000, seed: 3 }).flatMap((c) => [c.start, c.sizeBytes, c.align]),
    ...fc.sample(addRoot.arbitrary, { numRuns: 5000, seed: 3 }).flatMap((c) => [c.start, c.end]),
  ];
  const bad = values.filter((v) => v < 0n || v > U64_MAX);
  assert.equal(bad.slice(0, 3), []);
});

test.run();
