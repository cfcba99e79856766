/**
 * Each allocation failure point (docs/SPECIFICATION.md §8) fired once in a realistic
 * situation: the exact result, then a consistent snapshot (docs/SPECIFICATION.md §5) with nothing leaked.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { at, BASE, consistent, contiguous, dax, dynamic, MiB, OK, region, res, rng, U } from './helpers.ts';

const ENOMEM = { ok: false, errno: 'ENOMEM' };

/** Contiguous: dax0.0 [0, 4M), dax0.1 [8M, 12M): a hole at [4M, 8M) before dax0.1's range. */
function holeBeforeDev1() {
  const d = contiguous([], 64n * MiB);
  assert.equal(d.resize(0, 0, 8n * MiB), OK);
  assert.equal(d.createDevice(0, 0n), { ok: true, id: 1 });
  assert.equal(d.resize(0, 1, 4n * MiB), OK);
  assert.equal(d.resize(0, 0, 4n * MiB), OK);
  return d;
}

test('resource: the second chunk of a contiguous grow fails; the first chunk stays', () => {
  const d = holeBeforeDev1();
  assert.equal(d.failAllocation('resource', 2), OK);
  assert.equal(d.resize(0, 1, 12n * MiB), ENOMEM);
  const r = consistent(d).regions[0]!;
  assert.equal(r.devices[1]!.ranges, [rng(...at(8n * MiB, 4n * MiB), 0n), rng(...at(4n * MiB, 4n * MiB), 1024n)]);
  assert.is(r.availBytes, 52n * MiB);
  assert.equal(d.resize(0, 1, 12n * MiB), OK, 'disarmed after firing');
  assert.equal(region(d).devices[1]!.ranges[2], rng(...at(12n * MiB, 4n * MiB), 2048n));
});

test('resource: extending the last range in place allocates nothing', () => {
  const d = contiguous([], 64n * MiB);
  assert.equal(d.resize(0, 0, 4n * MiB), OK);
  assert.equal(d.failAllocation('resource', 1), OK);
  assert.equal(d.resize(0, 0, 8n * MiB), OK);
  assert.equal(region(d).devices[0]!.ranges, [rng(...at(0n, 8n * MiB), 0n)]);
  assert.equal(d.mapping(0, 0, BASE + 16n * MiB, BASE + 18n * MiB - 1n), ENOMEM, 'still armed');
  consistent(d);
});

test('resource: addExtent fails before its request; nothing is added', () => {
  const d = dynamic([], 64n * MiB, [[0n, 4n * MiB]]);
  assert.equal(d.failAllocation('resource', 1), OK);
  assert.equal(d.addExtent(0, 8n * MiB, 4n * MiB, 'x'), ENOMEM);
  const r = consistent(d).regions[0]!;
  assert.is(r.extents.length, 1);
  assert.is(r.availBytes, 4n * MiB);
  assert.equal(d.addExtent(0, 8n * MiB, 4n * MiB, 'x'), { ok: true, id: 1 });
});

test('ranges: the second chunk of a dynamic grow fails; its resource is released, no reference taken', () => {
  const d = dynamic([], 64n * MiB, [[0n, 4n * MiB], [8n * MiB, 8n * MiB]]);
  assert.equal(d.failAllocation('ranges', 2), OK);
  assert.equal(d.resize(0, 0, 12n * MiB), ENOMEM);
  const r = consistent(d).regions[0]!;
  assert.equal(r.devices[0]!.ranges, [rng(...at(0n, 4n * MiB), 0n, 0)]);
  assert.equal(r.extents.map((e) => e.refs), [2, 1]);
  assert.equal(r.resource.children[1], res(...at(8n * MiB, 8n * MiB), 'extent'));
  assert.is(r.availBytes, 8n * MiB);
  assert.is(r.badReleases, 0);
});

test('ranges: the seed range of a whole contiguous region fails; the region is not created', () => {
  const d = dax();
  assert.equal(d.failAllocation('ranges', 1), OK);
  assert.equal(d.createRegion({ kind: 'contiguous', start: BASE, sizeBytes: 64n * MiB, align: U }), ENOMEM);
  assert.equal(d.observe().regions, []);
  assert.equal(d.createRegion({ kind: 'contiguous', start: BASE, sizeBytes: 64n * MiB, align: U }), { ok: true, id: 0 });
  assert.equal(consistent(d).regions[0]!.devices[0]!.ranges, [rng(...at(0n, 64n * MiB), 0n)]);
});

test('mapping: a dynamic chunk is trimmed again, dropping its extent reference', () => {
  const d = dynamic([], 64n * MiB, [[0n, 4n * MiB], [8n * MiB, 8n * MiB]]);
  assert.equal(d.failAllocation('mapping', 2), OK);
  assert.equal(d.resize(0, 0, 12n * MiB), ENOMEM);
  const r = consistent(d).regions[0]!;
  assert.equal(r.devices[0]!.ranges, [rng(...at(0n, 4n * MiB), 0n, 0)]);
  assert.equal(r.extents.map((e) => e.refs), [2, 1]);
  assert.is(r.availBytes, 8n * MiB);
  assert.is(r.badReleases, 0);
});

test('mapping: dev/mapping fails after its range was added; the range is gone', () => {
  const d = holeBeforeDev1();
  assert.equal(d.failAllocation('mapping', 1), OK);
  assert.equal(d.mapping(0, 1, BASE + 4n * MiB, BASE + 8n * MiB - 1n), ENOMEM);
  const r = consistent(d).regions[0]!;
  assert.equal(r.devices[1]!.ranges, [rng(...at(8n * MiB, 4n * MiB), 0n)]);
  assert.equal(r.resource.children.map((c) => c.name), ['dax0.0', 'dax0.1']);
  assert.equal(d.mapping(0, 1, BASE + 4n * MiB, BASE + 8n * MiB - 1n), OK);
  assert.equal(region(d).devices[1]!.ranges[1], rng(...at(4n * MiB, 4n * MiB), 1024n));
});

test('mapping: a sized create fails; the device is removed and its id reused', () => {
  const d = holeBeforeDev1();
  assert.equal(d.failAllocation('mapping', 1), OK);
  assert.equal(d.resize(0, 0, 0n), OK);
  assert.equal(d.createDevice(0, 4n * MiB), ENOMEM);
  assert.equal(consistent(d).regions[0]!.devices.map((x) => x.id), [0, 1]);
  assert.equal(d.createDevice(0, 4n * MiB), { ok: true, id: 2 });
  assert.equal(consistent(d).regions[0]!.devices[2]!.ranges, [rng(...at(0n, 4n * MiB), 0n)]);
});

test('extentDevice: the third extent fails; its resource is released once, the next takes id 2', () => {
  const d = dynamic([], 64n * MiB, [[0n, 4n * MiB], [8n * MiB, 4n * MiB]]);
  assert.equal(d.resize(0, 0, 6n * MiB), OK);
  assert.equal(d.failAllocation('extentDevice', 1), OK);
  assert.equal(d.addExtent(0, 16n * MiB, 4n * MiB, 'c'), ENOMEM);
  let r = consistent(d).regions[0]!;
  assert.equal(r.resource.children.map((c) => c.start - BASE), [0n, 8n * MiB]);
  assert.is(r.availBytes, 2n * MiB);
  assert.is(r.badReleases, 0);
  assert.equal(d.addExtent(0, 16n * MiB, 4n * MiB, 'c'), { ok: true, id: 2 });
  r = consistent(d).regions[0]!;
  assert.is(r.availBytes, 6n * MiB);
});

test('failAllocation: EINVAL for an unknown point or nth < 1; counts cover every region; re-arming replaces', () => {
  const d = contiguous([], 64n * MiB);
  assert.equal(d.failAllocation('nope' as 'resource', 1), { ok: false, errno: 'EINVAL' });
  assert.equal(d.failAllocation('resource', 0), { ok: false, errno: 'EINVAL' });
  assert.equal(d.failAllocation('resource', 1.5), { ok: false, errno: 'EINVAL' });
  assert.equal(d.failAllocation('resource', 1), OK);
  assert.equal(d.failAllocation('resource', 2), OK);
  assert.equal(d.createRegion({ kind: 'contiguous', start: 0n, sizeBytes: U, align: U }), { ok: true, id: 1 });
  assert.equal(d.resize(0, 0, U), ENOMEM, 'second resource allocation, in another region');
  consistent(d);
});

test.run();
