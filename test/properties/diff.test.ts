import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { firstDifference } from '../../properties/diff.ts';
import { formatSnapshot } from '../../properties/formatSnapshot.ts';
import { MiB } from '../../sut/u64.ts';
import { contiguousRegion, destroyedRegion, dynamicRegion, validDax, validTree } from './snapshots.ts';

test('deeply equal snapshots have no difference', () => {
  assert.is(firstDifference(validDax(), validDax()), null);
  assert.is(firstDifference(validTree(), validTree()), null);
  assert.is(firstDifference({ a: [1n, 'x', null, true] }, { a: [1n, 'x', null, true] }), null);
});

test('a differing bigint is named by its path with region and device names, in hex', () => {
  const a = validDax();
  const b = validDax();
  b.regions[1]!.devices[0]!.ranges[1]!.end = 0x3fffffn;
  assert.is(
    firstDifference(a, b),
    'regions[1] (region1) › devices[0] (dax1.0) › ranges[1] › end: model 0x413fffff, impl 0x3fffff',
  );
});

test('the sides are named by the labels given', () => {
  assert.is(firstDifference({ n: 1 }, { n: 2 }, ['model', 'sut']), 'n: model 1, sut 2');
});

test('differences at the top level have no path', () => {
  assert.is(firstDifference(1, 2), 'model 1, impl 2');
});

test('the first difference in field order is reported, not a later one', () => {
  const a = validDax();
  const b = validDax();
  b.regions[0]!.availBytes = 0n;
  b.regions[1]!.availBytes = 0n;
  assert.is(firstDifference(a, b), 'regions[0] (region0) › availBytes: model 0x800000, impl 0x0');
});

test('strings are quoted and booleans printed plainly', () => {
  const a = validDax();
  const b = validDax();
  b.regions[0]!.devices[1]!.bound = false;
  assert.is(firstDifference(a, b), 'regions[0] (region0) › devices[1] (dax0.1) › bound: model true, impl false');
  b.regions[0]!.devices[1]!.bound = true;
  b.regions[1]!.extents[2]!.label = 'z';
  assert.is(firstDifference(a, b), 'regions[1] (region1) › extents[2] (extent 2) › label: model "c", impl "z"');
});

test('a missing last element is named with its span', () => {
  const a = validDax();
  const b = validDax();
  b.regions[1]!.extents.pop();
  assert.is(firstDifference(a, b), 'regions[1] (region1) › extents: model has 3, impl has 2 (missing extent 2 [0x42000000-0x423fffff])');
});

test('an element missing from the middle is named, not the shifted ones after it', () => {
  const a = { regions: [contiguousRegion(0), dynamicRegion(1), destroyedRegion(2)] };
  const b = { regions: [contiguousRegion(0), destroyedRegion(2)] };
  assert.is(firstDifference(a, b), 'regions: model has 3, impl has 2 (missing region1 [0x40000000-0x7fffffff])');
});

test('extra elements are named, with how many more', () => {
  const a = validDax();
  const b = validDax();
  const extra = { id: 5, name: 'dax0.5', align: 2n * MiB, bound: false, sizeBytes: 0n, ranges: [] };
  b.regions[0]!.devices.splice(1, 0, extra, { ...extra, id: 6, name: 'dax0.6' });
  assert.is(firstDifference(a, b), 'regions[0] (region0) › devices: model has 2, impl has 4 (extra dax0.5 and 1 more)');
});

test('arrays of different lengths whose common elements differ report that element', () => {
  const a = validDax();
  const b = validDax();
  b.regions[0]!.devices[0]!.ranges.pop();
  b.regions[0]!.devices[0]!.ranges[0]!.pgoff = 7n;
  assert.is(firstDifference(a, b), 'regions[0] (region0) › devices[0] (dax0.0) › ranges[0] › pgoff: model 0x0, impl 0x7');
});

test('resource children are named by their resource names', () => {
  const a = validDax();
  const b = validDax();
  b.regions[1]!.resource.children[0]!.children[1]!.busy = false;
  assert.is(
    firstDifference(a, b),
    'regions[1] (region1) › resource › children[0] (extent) › children[1] (dax1.1) › busy: model true, impl false',
  );
});

test('values of different types show their types', () => {
  assert.is(firstDifference({ x: 5n }, { x: 5 }), 'x: model 0x5 (bigint), impl 5 (number)');
  assert.is(firstDifference({ x: [1] }, { x: 'a' }), 'x: model 1 items (array), impl "a" (string)');
});

test('a field present on one side only is reported as absent on the other', () => {
  assert.is(firstDifference({ a: 1 }, {}), 'a: model 1, impl (absent)');
  assert.is(firstDifference({}, { b: 2n }), 'b: model (absent), impl 0x2');
});

test('null against an object names the object', () => {
  assert.is(
    firstDifference({ extent: null }, { extent: { id: 1, start: 0n, end: 0x1fffffn } }),
    'extent: model null, impl extent 1 [0x0-0x1fffff]',
  );
});

test('formatSnapshot prints a DAX snapshot one line per region, extent, device, range and resource', () => {
  const r = dynamicRegion(0);
  r.devices.pop();
  r.devices[0]!.bound = true;
  r.resource.children[0]!.children.pop();
  r.extents.pop();
  r.badReleases = 2;
  assert.is(formatSnapshot({ regions: [r] }), [
    'region0 dynamic [0x40000000-0x7fffffff] 1GiB align 2MiB avail 2MiB badReleases 2',
    '  extent 0 [0x40000000-0x407fffff] 8MiB "a" visible refs 3',
    '  extent 1 [0x41000000-0x413fffff] 4MiB "b" invisible refs 1',
    '  dax0.0 size 6MiB align 2MiB bound',
    '    range 0 [0x40000000-0x401fffff] pgoff 0x0 extent 0',
    '    range 1 [0x41000000-0x413fffff] pgoff 0x200 extent 1',
    '  tree:',
    '    "region0" [0x40000000-0x7fffffff]',
    '      "extent" [0x40000000-0x407fffff] busy',
    '        "dax0.0" [0x40000000-0x401fffff] busy',
    '      "extent" [0x41000000-0x413fffff] busy',
    '        "dax0.0" [0x41000000-0x413fffff] busy',
  ].join('\n'));
  assert.is(formatSnapshot({ regions: [destroyedRegion(0)] }).split('\n')[0],
    'region0 dynamic [0x80000000-0xbfffffff] 1GiB align 2MiB avail 0B destroyed');
});

test('formatSnapshot prints a resource tree indented by depth, and empty snapshots plainly', () => {
  assert.is(formatSnapshot(validTree()), [
    'resource 0 "root" [0x0-0xffff]',
    '  resource 1 "a" [0x0-0xfff]',
    '    resource 2 "a1" [0x100-0x1ff] busy',
    '  resource 3 "b" [0x2000-0x2fff] busy',
    'resource 4 "other" [0x10000-0x1ffff]',
  ].join('\n'));
  assert.is(formatSnapshot({ roots: [] }), '(no resources)');
  assert.is(formatSnapshot({ regions: [] }), '(no regions)');
});

test.run();
