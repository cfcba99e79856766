/** docs/SPECIFICATION.md §8 (failure injection) and the new-range path's failure points, by example, on every SUT. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FAIL_POINTS, type FailPoint } from '../../sut/interface.ts';
import { SUTS } from '../suts.ts';
import {
  BASE, contiguous, dev, deviceOf, dynamic, err, ext, GiB, invariantsHold, MiB, observeDax, OK, okId, regionOf, res, rng,
} from './helpers.ts';

const M = MiB;
const at = (a: bigint, b: bigint): [bigint, bigint] => [BASE + a * M, BASE + b * M - 1n];
const NEW_RANGE_POINTS: FailPoint[] = ['resource', 'ranges', 'mapping'];

for (const f of SUTS) {
  test(`${f.name}: failAllocation is EINVAL for an unknown point or an nth that is not an integer >= 1`, () => {
    const dax = f.createDax();
    assert.equal(dax.failAllocation('bogus' as FailPoint, 1), err('EINVAL'));
    for (const nth of [0, -1, 1.5, NaN, Infinity]) assert.equal(dax.failAllocation('resource', nth), err('EINVAL'));
    for (const point of FAIL_POINTS) assert.equal(dax.failAllocation(point, 1), OK);
    assert.equal(dax.failAllocation('ranges', 1000), OK);
    invariantsHold(dax);
  });

  test(`${f.name}: 'resource' failing on a grow is ENOMEM with nothing changed; the point is disarmed after firing`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * M);
    const before = observeDax(dax);
    assert.equal(dax.failAllocation('resource', 1), OK);
    assert.equal(dax.resize(0, 0, 4n * M), err('ENOMEM'));
    assert.equal(observeDax(dax), before);
    assert.equal(dax.resize(0, 0, 4n * M), OK);
    assert.equal(deviceOf(dax, 0, 0).ranges, [rng(...at(0n, 4n), 0n)]);
    invariantsHold(dax);
  });

  test(`${f.name}: 'ranges' failing on a grow releases the new resource; chunks added before it stay (not transactional)`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * M);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    assert.equal(dax.mapping(0, 1, ...at(2n, 4n)), OK);
    assert.equal(dax.failAllocation('ranges', 2), OK);
    assert.equal(dax.resize(0, 0, 4n * M), err('ENOMEM'));
    const s = regionOf(dax);
    assert.equal(s.devices[0], dev(0, 0, [rng(...at(0n, 2n), 0n)]));
    assert.equal(s.resource.children, [res(...at(0n, 2n), 'dax0.0'), res(...at(2n, 4n), 'dax0.1')]);
    assert.equal([s.availBytes, s.badReleases], [12n * M, 0]);
    invariantsHold(dax);
  });

  test(`${f.name}: 'mapping' failing on a dynamic grow trims the new range again and drops its extent reference`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * M, [[0n, 4n * M]]);
    assert.equal(dax.failAllocation('mapping', 1), OK);
    assert.equal(dax.resize(0, 0, 2n * M), err('ENOMEM'));
    const s = regionOf(dax);
    assert.equal(s.devices, [dev(0, 0, [])]);
    assert.equal(s.extents, [ext(0, ...at(0n, 4n), 'e0', true, 1)]);
    assert.equal(s.resource.children, [res(...at(0n, 4n), 'extent')]);
    assert.equal([s.availBytes, s.badReleases], [4n * M, 0]);
    invariantsHold(dax);
  });

  test(`${f.name}: a failure on the second chunk of a dynamic grow keeps the first chunk and its extent reference`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * M, [[0n, 2n * M], [8n * M, 2n * M]]);
    assert.equal(dax.failAllocation('resource', 2), OK);
    assert.equal(dax.resize(0, 0, 4n * M), err('ENOMEM'));
    const s = regionOf(dax);
    assert.equal(s.devices[0]!.ranges, [rng(...at(0n, 2n), 0n, 0)]);
    assert.equal(s.extents.map((e) => e.refs), [2, 1]);
    invariantsHold(dax);
  });

  test(`${f.name}: 'resource' failing on addExtent is ENOMEM before any conflict check, and adds nothing`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * M, [[0n, 4n * M]]);
    assert.equal(dax.failAllocation('resource', 1), OK);
    assert.equal(dax.addExtent(0, 0n, 4n * M, 'overlap'), err('ENOMEM'));
    assert.equal(dax.addExtent(0, 0n, 4n * M, 'overlap'), err('ENOSPC'));
    assert.equal(dax.failAllocation('resource', 1), OK);
    assert.equal(dax.addExtent(0, 4n * M, 4n * M, 'x'), err('ENOMEM'));
    assert.equal(regionOf(dax).extents, [ext(0, ...at(0n, 4n), 'e0', true, 1)]);
    assert.equal(dax.addExtent(0, 4n * M, 4n * M, 'x'), okId(1));
    invariantsHold(dax);
  });

  test(`${f.name}: 'extentDevice' failing on addExtent releases the extent's resource exactly once; no extent, no id taken`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * M);
    assert.equal(dax.failAllocation('extentDevice', 1), OK);
    assert.equal(dax.addExtent(0, 0n, 4n * M, 'x'), err('ENOMEM'));
    const s = regionOf(dax);
    assert.equal([s.extents, s.resource.children, s.availBytes, s.badReleases], [[], [], 0n, 0]);
    assert.equal(dax.addExtent(0, 0n, 4n * M, 'x'), okId(0));
    invariantsHold(dax);
  });

  test(`${f.name}: any new-range failure during createRegion's seed range is ENOMEM: no region, id not taken`, () => {
    for (const point of NEW_RANGE_POINTS) {
      const dax = f.createDax();
      assert.equal(dax.failAllocation(point, 1), OK);
      assert.equal(dax.createRegion({ kind: 'contiguous', start: BASE, sizeBytes: 8n * M, align: 2n * M }), err('ENOMEM'), point);
      assert.equal(observeDax(dax), { regions: [] });
      assert.equal(dax.createRegion({ kind: 'contiguous', start: BASE, sizeBytes: 8n * M, align: 2n * M }), okId(0));
      assert.equal(deviceOf(dax, 0, 0).ranges, [rng(...at(0n, 8n), 0n)]);
      invariantsHold(dax);
    }
  });

  test(`${f.name}: any new-range failure during a sized createDevice is ENOMEM and removes the device again`, () => {
    for (const point of NEW_RANGE_POINTS) {
      const dax = f.createDax();
      contiguous(dax, 16n * M);
      const before = observeDax(dax);
      assert.equal(dax.failAllocation(point, 1), OK);
      assert.equal(dax.createDevice(0, 4n * M), err('ENOMEM'), point);
      assert.equal(observeDax(dax), before);
      assert.equal(dax.createDevice(0, 4n * M), okId(1));
      invariantsHold(dax);
    }
  });

  test(`${f.name}: any new-range failure during dev/mapping is ENOMEM and leaves the device as it was`, () => {
    for (const point of NEW_RANGE_POINTS) {
      const dax = f.createDax();
      contiguous(dax, 16n * M);
      assert.equal(dax.mapping(0, 0, ...at(8n, 10n)), OK);
      const before = observeDax(dax);
      assert.equal(dax.failAllocation(point, 1), OK);
      assert.equal(dax.mapping(0, 0, ...at(0n, 2n)), err('ENOMEM'), point);
      assert.equal(observeDax(dax), before);
      invariantsHold(dax);
    }
  });

  test(`${f.name}: the nth allocation is counted over every region from the moment of arming`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * M);
    assert.equal(dax.createRegion({ kind: 'contiguous', start: 2n * GiB, sizeBytes: 16n * M, align: 2n * M, seed: 'empty' }), okId(1));
    assert.equal(dax.resize(0, 0, 2n * M), OK);
    assert.equal(dax.failAllocation('resource', 2), OK);
    assert.equal(dax.mapping(0, 0, ...at(8n, 10n)), OK);
    assert.equal(dax.resize(1, 0, 2n * M), err('ENOMEM'));
    assert.equal(dax.resize(1, 0, 2n * M), OK);
    invariantsHold(dax);
  });

  test(`${f.name}: re-arming a point replaces its count`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * M);
    assert.equal(dax.failAllocation('mapping', 1), OK);
    assert.equal(dax.failAllocation('mapping', 3), OK);
    assert.equal(dax.mapping(0, 0, ...at(0n, 2n)), OK);
    assert.equal(dax.mapping(0, 0, ...at(4n, 6n)), OK);
    assert.equal(dax.mapping(0, 0, ...at(8n, 10n)), err('ENOMEM'));
    assert.equal(dax.mapping(0, 0, ...at(8n, 10n)), OK);
    invariantsHold(dax);
  });

  test(`${f.name}: extending a range in place allocates nothing; 'extentDevice' counts only addExtent`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * M);
    assert.equal(dax.resize(0, 0, 2n * M), OK);
    for (const point of FAIL_POINTS) assert.equal(dax.failAllocation(point, 1), OK);
    assert.equal(dax.resize(0, 0, 8n * M), OK);
    assert.equal(deviceOf(dax, 0, 0).ranges, [rng(...at(0n, 8n), 0n)]);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    assert.equal(dax.resize(0, 1, 2n * M), err('ENOMEM'));
    assert.equal(dax.resize(0, 1, 2n * M), err('ENOMEM'));
    assert.equal(dax.resize(0, 1, 2n * M), err('ENOMEM'));
    assert.equal(dax.resize(0, 1, 2n * M), OK);
    assert.equal(dax.createRegion({ kind: 'dynamic', start: 2n * GiB, sizeBytes: 16n * M, align: 2n * M }), okId(1));
    assert.equal(dax.addExtent(1, 0n, 2n * M, 'x'), err('ENOMEM'));
    assert.equal(dax.addExtent(1, 0n, 2n * M, 'x'), okId(0));
    invariantsHold(dax);
  });
}

test.run();
