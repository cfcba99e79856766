/** docs/SPECIFICATION.md §4 (addExtent, removeExtent, release), by example, on every SUT. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SUTS } from '../suts.ts';
import {
  BASE, contiguous, dev, deviceOf, dynamic, err, ext, invariantsHold, MiB, observeDax, OK, okId, regionOf, res, rng, U64_MAX,
} from './helpers.ts';

const M = MiB;
const TOP = 1n << 64n;
const at = (a: bigint, b: bigint): [bigint, bigint] => [BASE + a * M, BASE + b * M - 1n];

for (const f of SUTS) {
  test(`${f.name}: addExtent is ENXIO on no live region and EINVAL on a contiguous region`, () => {
    const dax = f.createDax();
    assert.equal(dax.addExtent(0, 0n, 2n * M, 'x'), err('ENXIO'));
    contiguous(dax, 16n * M);
    assert.equal(dax.addExtent(0, 0n, 2n * M, 'x'), err('EINVAL'));
    assert.equal(regionOf(dax).extents, []);
    invariantsHold(dax);
  });

  test(`${f.name}: addExtent with length 0, or offset or length not a multiple of the region align, is EINVAL`, () => {
    const dax = f.createDax();
    assert.equal(dax.createRegion({ kind: 'dynamic', start: BASE, sizeBytes: 16n * M, align: 4n * M }), okId(0));
    assert.equal(dax.addExtent(0, 0n, 0n, 'x'), err('EINVAL'));
    assert.equal(dax.addExtent(0, 2n * M, 4n * M, 'x'), err('EINVAL'));
    assert.equal(dax.addExtent(0, 0n, 2n * M, 'x'), err('EINVAL'));
    assert.equal(dax.addExtent(0, 0n, 4n * M, 'x'), okId(0));
    invariantsHold(dax);
  });

  test(`${f.name}: addExtent adds a visible busy "extent" resource holding one reference; ids follow the extent order`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * M);
    assert.equal(dax.addExtent(0, 8n * M, 4n * M, 'first'), okId(0));
    assert.equal(dax.addExtent(0, 0n, 2n * M, 'second'), okId(1));
    assert.equal(observeDax(dax), {
      regions: [{
        id: 0, kind: 'dynamic', destroyed: false, start: BASE, sizeBytes: 16n * M, align: 2n * M, availBytes: 6n * M,
        resource: res(...at(0n, 16n), 'region0', [res(...at(0n, 2n), 'extent'), res(...at(8n, 12n), 'extent')]),
        extents: [ext(0, ...at(8n, 12n), 'first', true, 1), ext(1, ...at(0n, 2n), 'second', true, 1)],
        devices: [dev(0, 0, [])], badReleases: 0,
      }],
    });
    invariantsHold(dax);
  });

  test(`${f.name}: addExtent overlapping an extent or leaving the region is ENOSPC and takes no id`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * M, [[4n * M, 4n * M]]);
    assert.equal(dax.addExtent(0, 6n * M, 4n * M, 'overlap'), err('ENOSPC'));
    assert.equal(dax.addExtent(0, 2n * M, 4n * M, 'overlap'), err('ENOSPC'));
    assert.equal(dax.addExtent(0, 14n * M, 4n * M, 'past end'), err('ENOSPC'));
    assert.equal(dax.addExtent(0, 16n * M, 2n * M, 'after'), err('ENOSPC'));
    assert.equal(dax.addExtent(0, 0n, 4n * M, 'adjacent'), okId(1));
    assert.equal(regionOf(dax).extents.map((e) => e.label), ['e0', 'adjacent']);
    invariantsHold(dax);
  });

  test(`${f.name}: u64: addExtent whose start or end wraps past 2^64 is ENOSPC; an extent may end at 2^64 - 1`, () => {
    const dax = f.createDax();
    const start = TOP - 8n * M;
    assert.equal(dax.createRegion({ kind: 'dynamic', start, sizeBytes: 8n * M, align: 2n * M }), okId(0));
    assert.equal(dax.addExtent(0, 8n * M, 2n * M, 'start wraps to 0'), err('ENOSPC'));
    assert.equal(dax.addExtent(0, 6n * M, 4n * M, 'end wraps'), err('ENOSPC'));
    assert.equal(dax.addExtent(0, 0n, TOP - 2n * M, 'huge'), err('ENOSPC'));
    assert.equal(dax.addExtent(0, 6n * M, 2n * M, 'top'), okId(0));
    assert.equal(dax.resize(0, 0, 2n * M), OK);
    const s = regionOf(dax);
    assert.equal(s.extents, [ext(0, TOP - 2n * M, U64_MAX, 'top', true, 2)]);
    assert.equal(s.devices[0]!.ranges, [rng(TOP - 2n * M, U64_MAX, 0n, 0)]);
    invariantsHold(dax);
  });

  test(`${f.name}: removeExtent of an unused extent makes it invisible and releases its resource at once`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * M, [[0n, 4n * M], [8n * M, 4n * M]]);
    assert.equal(dax.removeExtent(0, 0), OK);
    const s = regionOf(dax);
    assert.equal(s.extents, [ext(0, ...at(0n, 4n), 'e0', false, 0, true), ext(1, ...at(8n, 12n), 'e1', true, 1)]);
    assert.equal(s.resource.children, [res(...at(8n, 12n), 'extent')]);
    assert.equal([s.availBytes, s.badReleases], [4n * M, 0]);
    invariantsHold(dax);
  });

  test(`${f.name}: removeExtent of an extent already removed, of an unknown extent or on no live region is ENXIO`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * M, [[0n, 4n * M]]);
    assert.equal(dax.removeExtent(0, 0), OK);
    assert.equal(dax.removeExtent(0, 0), err('ENXIO'));
    assert.equal(dax.removeExtent(0, 1), err('ENXIO'));
    assert.equal(dax.removeExtent(0, -1), err('ENXIO'));
    assert.equal(dax.removeExtent(1, 0), err('ENXIO'));
    assert.equal(regionOf(dax).extents, [ext(0, ...at(0n, 4n), 'e0', false, 0, true)]);
    invariantsHold(dax);
  });

  test(`${f.name}: an extent removed while ranges use it stays, is never chosen again, and is released on the last trim`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * M, [[0n, 8n * M], [8n * M, 4n * M]]);
    assert.equal(dax.resize(0, 0, 2n * M), OK);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    assert.equal(dax.resize(0, 1, 2n * M), OK);
    assert.equal(dax.removeExtent(0, 0), OK);
    let s = regionOf(dax);
    assert.equal(s.extents[0], ext(0, ...at(0n, 8n), 'e0', false, 2));
    assert.equal(s.availBytes, 4n * M);
    assert.equal(dax.resize(0, 0, 4n * M), OK);
    assert.equal(deviceOf(dax, 0, 0).ranges, [rng(...at(0n, 2n), 0n, 0), rng(...at(8n, 10n), 512n, 1)]);
    assert.equal(dax.resize(0, 0, 0n), OK);
    s = regionOf(dax);
    assert.equal(s.extents, [ext(0, ...at(0n, 8n), 'e0', false, 1), ext(1, ...at(8n, 12n), 'e1', true, 1)]);
    assert.equal(s.resource.children[0], res(...at(0n, 8n), 'extent', [res(...at(2n, 4n), 'dax0.1')]));
    assert.equal(dax.resize(0, 1, 0n), OK);
    s = regionOf(dax);
    assert.equal(s.extents, [ext(0, ...at(0n, 8n), 'e0', false, 0, true), ext(1, ...at(8n, 12n), 'e1', true, 1)]);
    assert.equal(s.resource.children, [res(...at(8n, 12n), 'extent')]);
    assert.equal([s.availBytes, s.badReleases], [4n * M, 0]);
    invariantsHold(dax);
  });

  test(`${f.name}: deleting the device whose ranges held a removed extent leaves no reference behind`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * M, [[0n, 4n * M]]);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    assert.equal(dax.resize(0, 1, 4n * M), OK);
    assert.equal(dax.removeExtent(0, 0), OK);
    assert.equal(regionOf(dax).extents[0]!.refs, 1);
    assert.equal(dax.resize(0, 1, 0n), OK);
    assert.equal(dax.deleteDevice(0, 1), OK);
    const s = regionOf(dax);
    assert.equal([s.extents[0], s.resource.children, s.devices], [ext(0, ...at(0n, 4n), 'e0', false, 0, true), [], [dev(0, 0, [])]]);
    invariantsHold(dax);
  });

  test(`${f.name}: after an extent is released, a new extent can take its range with the next id`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * M, [[0n, 4n * M]]);
    assert.equal(dax.removeExtent(0, 0), OK);
    assert.equal(dax.addExtent(0, 0n, 4n * M, 'again'), okId(1));
    assert.equal(dax.resize(0, 0, 2n * M), OK);
    const s = regionOf(dax);
    assert.equal(s.extents, [ext(0, ...at(0n, 4n), 'e0', false, 0, true), ext(1, ...at(0n, 4n), 'again', true, 2)]);
    assert.equal(s.devices[0]!.ranges, [rng(...at(0n, 2n), 0n, 1)]);
    invariantsHold(dax);
  });
}

test.run();
