import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkDaxInvariants, checkDeviceAlignment, checkTreeInvariants } from '../../properties/invariants.ts';
import type { DaxSnapshot, RegionSnap } from '../../sut/interface.ts';
import { GiB, MiB } from '../../sut/u64.ts';
import { contiguousRegion, dynamicRegion, res, validDax, validTree } from './snapshots.ts';

const B = GiB; // dynamicRegion's base
const one = (r: RegionSnap): DaxSnapshot => ({ regions: [r] });
const broken = (edit: (s: DaxSnapshot) => void): string[] => {
  const s = validDax();
  edit(s);
  return checkDaxInvariants(s);
};
const [C, D, X] = [0, 1, 2]; // indexes of the contiguous, dynamic and destroyed regions

// --- resource tree snapshots -------------------------------------------------------

test('a valid resource forest has no violations', () => {
  assert.equal(checkTreeInvariants(validTree()), []);
  assert.equal(checkTreeInvariants({ roots: [] }), []);
});

test('I1: a resource whose end is before its start is reported', () => {
  const s = validTree();
  s.roots[1]!.end = 0xfn;
  assert.equal(checkTreeInvariants(s), ['I1 tree shape: resource 4 "other" [0x10000-0xf] has end before start']);
});

test('I1: a child reaching outside its parent is reported', () => {
  const s = validTree();
  s.roots[0]!.children[0]!.children[0]!.end = 0x1000n;
  assert.equal(checkTreeInvariants(s), [
    'I1 tree shape: resource 2 "a1" [0x100-0x1000] is not inside its parent resource 1 "a" [0x0-0xfff]',
  ]);
});

test('I1: children out of address order are reported as unsorted', () => {
  const s = validTree();
  s.roots[0]!.children.reverse();
  assert.equal(checkTreeInvariants(s), [
    'I1 tree shape: children of resource 0 "root" [0x0-0xffff] are not sorted: resource 1 "a" [0x0-0xfff] comes after resource 3 "b" [0x2000-0x2fff]',
  ]);
});

test('I1: overlapping siblings are reported', () => {
  const s = validTree();
  s.roots[0]!.children[1]!.start = 0xfffn;
  assert.equal(checkTreeInvariants(s), [
    'I1 tree shape: resource 1 "a" [0x0-0xfff] overlaps its sibling resource 3 "b" [0xfff-0x2fff]',
  ]);
});

test('ids: a resource id used twice in a forest is reported', () => {
  const s = validTree();
  s.roots[1]!.id = 2;
  assert.equal(checkTreeInvariants(s), ['ids: resource id 2 appears more than once (again at "a1" [0x100-0x1ff])']);
});

// --- DAX snapshots: valid ------------------------------------------------------------

test('valid contiguous, dynamic and destroyed regions have no violations', () => {
  assert.equal(checkDaxInvariants(validDax()), []);
  assert.equal(checkDaxInvariants({ regions: [] }), []);
});

test('a dynamic region with 20000 ranges in 10000 extents checks clean', () => {
  const r = dynamicRegion(0);
  r.extents = [];
  r.resource.children = [];
  r.devices = [{ id: 0, name: 'dax0.0', align: 2n * MiB, bound: false, sizeBytes: 0n, ranges: [] }];
  const d = r.devices[0]!;
  for (let i = 0; i < 10000; i++) {
    const start = B + BigInt(i) * 8n * MiB;
    r.extents.push({ id: i, start, end: start + 8n * MiB - 1n, label: '', visible: true, refs: 3, released: false });
    const kids = [res('dax0.0', start, 2n * MiB), res('dax0.0', start + 4n * MiB, 2n * MiB)];
    r.resource.children.push(res('extent', start, 8n * MiB, true, kids));
    for (const k of kids) {
      d.ranges.push({ start: k.start, end: k.end, pgoff: d.sizeBytes / 4096n, extent: i });
      d.sizeBytes += 2n * MiB;
    }
  }
  r.sizeBytes = 128n * GiB;
  r.resource.end = B + r.sizeBytes - 1n;
  r.availBytes = 10000n * 4n * MiB;
  assert.equal(checkDaxInvariants(one(r)), []);
});

// --- I1 on region trees ----------------------------------------------------------------

test('I1: unsorted extents under a dynamic region are reported as tree shape only', () => {
  const v = broken((s) => s.regions[D]!.resource.children.reverse());
  assert.equal(v, [
    'I1 tree shape: region1: children of "region1" [0x40000000-0x7fffffff] are not sorted: "extent" [0x40000000-0x407fffff] comes after "extent" [0x41000000-0x413fffff]',
  ]);
});

test('I1: a region resource that does not span the region is reported', () => {
  const v = broken((s) => { s.regions[X]!.resource.end = 3n * GiB; });
  assert.equal(v, ['I1 tree shape: region2 resource [0x80000000-0xc0000000] is not the region [0x80000000-0xbfffffff]']);
});

// --- I2 placement ----------------------------------------------------------------------

test('I2: overlapping device ranges are reported (their resources overlap too: I1)', () => {
  const v = broken((s) => {
    const r = s.regions[C]!;
    r.devices[1]!.ranges[0]!.start = 1n * MiB;
    r.devices[1]!.ranges[0]!.end = 5n * MiB - 1n;
    r.resource.children[1]!.start = 1n * MiB;
    r.resource.children[1]!.end = 5n * MiB - 1n;
  });
  assert.equal(v, [
    'I1 tree shape: region0: "dax0.0" [0x0-0x1fffff] overlaps its sibling "dax0.1" [0x100000-0x4fffff]',
    'I2 no-overlap: dax0.0 range [0x0-0x1fffff] overlaps dax0.1 range [0x100000-0x4fffff]',
  ]);
});

test('I2: a range outside its contiguous region is reported (its resource too: I1)', () => {
  const v = broken((s) => {
    const r = s.regions[C]!;
    r.devices[0]!.ranges[1]! = { start: 16n * MiB, end: 18n * MiB - 1n, pgoff: 0x200n, extent: null };
    r.resource.children[2]! = res('dax0.0', 16n * MiB, 2n * MiB);
  });
  assert.equal(v, [
    'I1 tree shape: region0: "dax0.0" [0x1000000-0x11fffff] is not inside its parent "region0" [0x0-0xffffff]',
    'I2 inside: dax0.0 range [0x1000000-0x11fffff] is not inside region0 [0x0-0xffffff]',
  ]);
});

test('I2: a range on a contiguous region that names an extent is reported', () => {
  const v = broken((s) => { s.regions[C]!.devices[1]!.ranges[0]!.extent = 0; });
  assert.equal(v, ['I2 inside: dax0.1 range [0x200000-0x5fffff] on contiguous region0 names extent 0']);
});

test('I2: a dynamic range that names no extent is reported, with the refs it no longer holds', () => {
  const v = broken((s) => { s.regions[D]!.devices[1]!.ranges[0]!.extent = null; });
  assert.equal(v, [
    'I4 refs: region1 extent 0 [0x40000000-0x407fffff] (visible, 1 ranges): refs 3 (expected 2)',
    'I2 inside: dax1.1 range [0x40400000-0x407fffff] on dynamic region1 names no extent',
    'I2 in-tree: region1 extent resource [0x40000000-0x407fffff] has resource "dax1.1" [0x40400000-0x407fffff] that is no device\'s range',
    'I3 conservation: region1 availBytes 2MiB, but visible extents 8MiB − ranges in them 2MiB = 6MiB, and the tree leaves 2MiB free',
  ]);
});

test('I2: a dynamic range outside the extent it names is reported', () => {
  const v = broken((s) => {
    const r = s.regions[D]!;
    r.extents[0]!.end = B + 6n * MiB - 1n; // the extent record shrank; the tree still holds 8MiB
  });
  assert.ok(v.includes('I2 inside: dax1.1 range [0x40400000-0x407fffff] is not inside its region1 extent 0 [0x40000000-0x405fffff]'), v.join('\n'));
});

test('I2: a range with no resource in the tree is reported (and the tree frees its space: I3)', () => {
  const v = broken((s) => { s.regions[C]!.resource.children.splice(1, 1); });
  assert.equal(v, [
    'I2 in-tree: dax0.1 range [0x200000-0x5fffff] has no resource with exactly its bounds under region0',
    'I3 conservation: region0 availBytes 8MiB, but region size 16MiB − device sizes 8MiB = 8MiB, and the tree leaves 12MiB free',
  ]);
});

test('I2: a range resource that is not busy is reported', () => {
  const v = broken((s) => { s.regions[D]!.resource.children[1]!.children[0]!.busy = false; });
  assert.equal(v, ['I2 in-tree: dax1.0 range [0x41000000-0x413fffff] resource is not busy']);
});

test('I2: a range resource with children is reported', () => {
  const v = broken((s) => { s.regions[C]!.resource.children[0]!.children.push(res('x', 0n, 4096n)); });
  assert.equal(v, ['I2 in-tree: dax0.0 range [0x0-0x1fffff] resource has 1 children']);
});

test('I2: a resource left in the tree by no device range is reported', () => {
  const v = broken((s) => { s.regions[C]!.resource.children.push(res('dax0.1', 8n * MiB, 2n * MiB)); });
  assert.equal(v, [
    'I2 in-tree: region0 has resource "dax0.1" [0x800000-0x9fffff] that is no device\'s range',
    'I3 conservation: region0 availBytes 8MiB, but region size 16MiB − device sizes 8MiB = 8MiB, and the tree leaves 6MiB free',
  ]);
});

test('I2: a dynamic range directly under the region, outside every extent (fault S4), is reported', () => {
  const v = broken((s) => {
    const r = s.regions[D]!;
    r.devices.push({ id: 2, name: 'dax1.2', align: 2n * MiB, bound: false, sizeBytes: 2n * MiB, ranges: [
      { start: B + 10n * MiB, end: B + 12n * MiB - 1n, pgoff: 0n, extent: null },
    ] });
    r.resource.children.splice(1, 0, res('dax1.2', B + 10n * MiB, 2n * MiB));
  });
  assert.equal(v, [
    'I2 in-tree: region1 has resource "dax1.2" [0x40a00000-0x40bfffff] that is no extent of it',
    'I2 inside: dax1.2 range [0x40a00000-0x40bfffff] on dynamic region1 names no extent',
  ]);
});

test('I2/I4: an extent still referenced whose resource left the tree is reported, with its orphaned range', () => {
  const v = broken((s) => { s.regions[D]!.resource.children.pop(); });
  assert.equal(v, [
    'I4 refs: region1 extent 1 [0x41000000-0x413fffff] (invisible, 1 ranges): its resource is not in the tree (expected present)',
    'I2 in-tree: dax1.0 range [0x41000000-0x413fffff] has no parent in the tree: its region1 extent 1 [0x41000000-0x413fffff] has no resource',
  ]);
});

// --- I3 available size -----------------------------------------------------------------

test('I3: a contiguous availBytes that does not add up is reported with the numbers', () => {
  const v = broken((s) => { s.regions[C]!.availBytes = 10n * MiB; });
  assert.equal(v, [
    'I3 conservation: region0 availBytes 10MiB, but region size 16MiB − device sizes 8MiB = 8MiB, and the tree leaves 8MiB free',
  ]);
});

test('I3: a dynamic availBytes that still counts an invisible extent is reported', () => {
  const v = broken((s) => { s.regions[D]!.availBytes = 2n * MiB + 4n * MiB; });
  assert.equal(v, [
    'I3 conservation: region1 availBytes 6MiB, but visible extents 8MiB − ranges in them 6MiB = 2MiB, and the tree leaves 2MiB free',
  ]);
});

// --- I4 reference counts -----------------------------------------------------------------

test('I4: an extent whose refs is not visible + its ranges is reported', () => {
  const v = broken((s) => { s.regions[D]!.extents[0]!.refs = 2; });
  assert.equal(v, ['I4 refs: region1 extent 0 [0x40000000-0x407fffff] (visible, 2 ranges): refs 2 (expected 3)']);
});

test('I4: an extent marked released while a range still uses it is reported', () => {
  const v = broken((s) => { s.regions[D]!.extents[1]!.released = true; });
  assert.equal(v, ['I4 refs: region1 extent 1 [0x41000000-0x413fffff] (invisible, 1 ranges): released true (expected false)']);
});

test('I4: a released extent that is still visible is reported', () => {
  const v = broken((s) => { Object.assign(s.regions[D]!.extents[0]!, { released: true }); });
  assert.equal(v, ['I4 refs: region1 extent 0 [0x40000000-0x407fffff] (visible, 2 ranges): released true (expected false)']);
});

test('I4: a released extent whose resource is still in the tree is reported', () => {
  const v = broken((s) => { s.regions[D]!.resource.children.push(res('extent', B + 32n * MiB, 4n * MiB)); });
  assert.equal(v, [
    'I4 refs: region1 extent 2 [0x42000000-0x423fffff] (invisible, 0 ranges): its resource is still in the tree (expected released)',
  ]);
});

test('I4: an extent with no references that was never released is reported (refs leak)', () => {
  const v = broken((s) => {
    Object.assign(s.regions[D]!.extents[2]!, { refs: 1, released: false });
    s.regions[D]!.resource.children.push(res('extent', B + 32n * MiB, 4n * MiB));
  });
  assert.equal(v, [
    'I4 refs: region1 extent 2 [0x42000000-0x423fffff] (invisible, 0 ranges): refs 1 (expected 0); released false (expected true); its resource is still in the tree (expected released)',
  ]);
});

test('I4: a re-added extent at a released one\'s place owns the resource', () => {
  const s = validDax();
  const r = s.regions[D]!;
  r.extents.push({ id: 3, start: B + 32n * MiB, end: B + 36n * MiB - 1n, label: 'd', visible: true, refs: 1, released: false });
  r.resource.children.push(res('extent', B + 32n * MiB, 4n * MiB));
  r.availBytes += 4n * MiB;
  assert.equal(checkDaxInvariants(s), []);
});

test('I4: badReleases (a release that found no resource) is reported', () => {
  const v = broken((s) => { s.regions[D]!.badReleases = 1; });
  assert.equal(v, ['I4 release-once: region1 has badReleases 1 (a release found no resource in the tree)']);
});

test('I4: extents on a contiguous region are reported', () => {
  const v = broken((s) => { s.regions[C]!.extents = [...s.regions[D]!.extents]; });
  assert.equal(v, ['I4 refs: contiguous region0 has 3 extents (only dynamic regions have extents)']);
});

test('I4: a destroyed region with availBytes ≠ 0 is reported', () => {
  const v = broken((s) => { s.regions[X]!.availBytes = 2n * MiB; });
  assert.equal(v, ['I4 destroyed: region2 is destroyed but availBytes is 2MiB']);
});

test('I4: a destroyed region with an extent not removed is reported', () => {
  const v = broken((s) => {
    Object.assign(s.regions[X]!.extents[0]!, { visible: true, refs: 1, released: false });
    s.regions[X]!.resource.children.push(res('extent', 2n * GiB, 2n * MiB));
  });
  assert.equal(v, [
    'I4 destroyed: region2 is destroyed but its resource still has 1 children: "extent" [0x80000000-0x801fffff]',
    'I4 destroyed: region2 is destroyed but extent 0 [0x80000000-0x801fffff] is visible',
  ]);
});

test('I4: a destroyed region that still has devices is reported', () => {
  const v = broken((s) => {
    s.regions[X]!.devices = [{ id: 0, name: 'dax2.0', align: 2n * MiB, bound: false, sizeBytes: 0n, ranges: [] }];
  });
  assert.equal(v, ['I4 destroyed: region2 is destroyed but still has devices dax2.0']);
});

// --- I5 pgoff, I6 sizes ----------------------------------------------------------------------

test('I5: a pgoff that is not the pages of the ranges before it is reported', () => {
  const v = broken((s) => { s.regions[D]!.devices[0]!.ranges[1]!.pgoff = 0x400n; });
  assert.equal(v, ['I5 pgoff: dax1.0 range 1 [0x41000000-0x413fffff] has pgoff 0x400, expected 0x200 (2MiB of ranges before it)']);
});

test('I5: a first range with pgoff ≠ 0 is reported', () => {
  const v = broken((s) => { s.regions[C]!.devices[1]!.ranges[0]!.pgoff = 1n; });
  assert.equal(v, ['I5 pgoff: dax0.1 range 0 [0x200000-0x5fffff] has pgoff 0x1, expected 0x0 (0B of ranges before it)']);
});

test('I6: a range length that is not a multiple of 2MiB is reported', () => {
  const v = broken((s) => {
    const r = s.regions[C]!;
    r.devices[0]!.ranges[1]!.end = 7n * MiB - 1n;
    r.devices[0]!.sizeBytes = 3n * MiB;
    r.resource.children[2]!.end = 7n * MiB - 1n;
    r.availBytes = 9n * MiB;
  });
  assert.equal(v, ['I6 sizes: dax0.0 range 1 [0x600000-0x6fffff] length 1MiB is not a multiple of 2MiB']);
});

test('I6: a device size that is not the sum of its ranges is reported', () => {
  const v = broken((s) => { s.regions[C]!.devices[0]!.sizeBytes = 6n * MiB; });
  assert.equal(v, ['I6 sizes: dax0.0 sizeBytes 6MiB but its ranges sum to 4MiB']);
});

test('I6: checkDeviceAlignment passes a device whose size is a multiple of max(align, 2MiB)', () => {
  const s = validDax();
  s.regions[C]!.devices[0]!.align = 4096n;
  assert.equal(checkDeviceAlignment(s, 0, 0), []);
  assert.equal(checkDeviceAlignment(s, 1, 1), []);
});

test('I6: checkDeviceAlignment reports a size below a 1GiB alignment', () => {
  const s = validDax();
  s.regions[C]!.devices[0]!.align = GiB;
  assert.equal(checkDeviceAlignment(s, 0, 0), ['I6 align: dax0.0 size 4MiB is not a multiple of its effective alignment 1GiB']);
});

test('I6: checkDeviceAlignment reports a device that is not there', () => {
  assert.equal(checkDeviceAlignment(validDax(), 0, 7), ['I6 align: dax0.7 is not in the snapshot']);
  assert.equal(checkDeviceAlignment(validDax(), 9, 0), ['I6 align: dax9.0 is not in the snapshot']);
});

// --- I7 names, ids ------------------------------------------------------------------------------

test('I7: a device not named dax{R}.{id} is reported', () => {
  const v = broken((s) => { s.regions[D]!.devices[1]!.name = 'dax0.1'; });
  assert.equal(v, ['I7 names: device 1 of region1 is named "dax0.1" (expected "dax1.1")']);
});

test('I7: a range resource not named after its device is reported', () => {
  const v = broken((s) => { s.regions[D]!.resource.children[0]!.children[1]!.name = 'dax1.0'; });
  assert.equal(v, ['I7 names: dax1.1 range [0x40400000-0x407fffff] resource is named "dax1.0" (expected "dax1.1")']);
});

test('I7: an extent resource not named "extent" or not busy is reported', () => {
  const v = broken((s) => Object.assign(s.regions[D]!.resource.children[1]!, { name: 'b', busy: false }));
  assert.equal(v, [
    'I7 names: region1 extent 1 [0x41000000-0x413fffff] resource is named "b" (expected "extent")',
    'I7 names: region1 extent 1 [0x41000000-0x413fffff] resource is not busy',
  ]);
});

test('I7: a region resource not named region{R}, or busy, is reported', () => {
  const v = broken((s) => Object.assign(s.regions[C]!.resource, { name: 'region', busy: true }));
  assert.equal(v, [
    'I7 names: region0 resource is named "region" (expected "region0")',
    'I7 names: region0 resource is busy (a region resource is not)',
  ]);
});

test('ids: devices out of id order, or with a repeated id, are reported', () => {
  assert.equal(broken((s) => s.regions[C]!.devices.reverse()), ['ids: region0 devices are not sorted by id: 0 comes after 1']);
  const dup = broken((s) => {
    s.regions[C]!.devices.push({ id: 1, name: 'dax0.1', align: 2n * MiB, bound: false, sizeBytes: 0n, ranges: [] });
  });
  assert.equal(dup, ['ids: region0 has device id 1 more than once']);
});

test('ids: an extent whose id is not its index is reported', () => {
  assert.equal(broken((s) => { s.regions[D]!.extents[2]!.id = 5; }), ['ids: region1 extent at index 2 has id 5']);
});

test('ids: a region whose id is not its index is reported', () => {
  assert.equal(checkDaxInvariants(one(dynamicRegion(3))), ['ids: region at index 0 has id 3']);
  assert.equal(checkDaxInvariants(one(contiguousRegion(0))), []);
});

test.run();
