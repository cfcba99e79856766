import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sameData } from '../../properties/sameData.ts';
import { validDax, validTree } from './snapshots.ts';

const anything = fc.anything({
  withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true,
  withNullPrototype: true, withSparseArray: true, withTypedArray: true, maxDepth: 4,
});

test('sameData answers as isDeepStrictEqual on any two values', () => {
  fc.assert(fc.property(anything, anything, (a, b) => sameData(a, b) === isDeepStrictEqual(a, b)), { numRuns: 3000, seed: 1 });
});

test('sameData answers as isDeepStrictEqual on a value and its structured clone', () => {
  fc.assert(fc.property(anything, (a) => {
    const b: unknown = structuredClone(a);
    return sameData(a, b) === isDeepStrictEqual(a, b) && sameData(b, a) === isDeepStrictEqual(b, a);
  }), { numRuns: 3000, seed: 2 });
});

test('snapshots: equal copies are equal, one changed leaf anywhere is not', () => {
  assert.ok(sameData(validDax(), validDax()));
  assert.ok(sameData(validTree(), validTree()));
  const b = validDax();
  b.regions[1]!.devices[0]!.ranges[1]!.end += 1n;
  assert.not.ok(sameData(validDax(), b));
  const c = validDax();
  c.regions[0]!.devices[1]!.name = 'dax0.9';
  assert.not.ok(sameData(validDax(), c));
});

test('primitives: 0 and -0 differ, NaN equals NaN, 1 and 1n differ, a missing key is not an undefined one', () => {
  assert.not.ok(sameData(0, -0));
  assert.ok(sameData(NaN, NaN));
  assert.not.ok(sameData(1, 1n));
  assert.not.ok(sameData({ a: undefined }, {}));
  assert.not.ok(sameData({}, { a: undefined }));
  assert.ok(sameData({ a: 1, b: 2 }, { b: 2, a: 1 }));
  assert.not.ok(sameData([1, , 3], [1, undefined, 3])); // eslint-disable-line no-sparse-arrays
});

test.run();
