/** docs/SPECIFICATION.md §2 (createRegion, destroyRegion), by example, on every SUT. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RegionSnap } from '../../sut/interface.ts';
import { SUTS } from '../suts.ts';
import {
  BASE, contiguous, dev, deviceOf, dynamic, err, ext, GiB, invariantsHold, MiB, observeDax, OK, okId, regionOf, res, rng, U64_MAX,
} from './helpers.ts';

const TOP = 1n << 64n;

function emptyRegion(id: number, kind: RegionSnap['kind'], start: bigint, size: bigint, avail: bigint): RegionSnap {
  return {
    id, kind, destroyed: false, start, sizeBytes: size, align: 2n * MiB, availBytes: avail,
    resource: res(start, start + size - 1n, `region${id}`), extents: [], devices: [dev(id, 0, [])], badReleases: 0,
  };
}

for (const f of SUTS) {
  test(`${f.name}: createRegion rejects a bad align, size 0, misaligned start or size, start + size > 2^64 with EINVAL and takes no id`, () => {
    const dax = f.createDax();
    const bad = [
      { align: 3n * MiB, start: BASE, sizeBytes: 6n * MiB },
      { align: 1n * MiB, start: BASE, sizeBytes: 4n * MiB },
      { align: 0n, start: BASE, sizeBytes: 4n * MiB },
      { align: 2n * MiB, start: BASE, sizeBytes: 0n },
      { align: 4n * MiB, start: BASE + 2n * MiB, sizeBytes: 4n * MiB },
      { align: 4n * MiB, start: BASE, sizeBytes: 6n * MiB },
      { align: 2n * MiB, start: TOP - 2n * MiB, sizeBytes: 4n * MiB },
      { align: 2n * MiB, start: 0n, sizeBytes: TOP },
    ];
    for (const args of bad) {
      assert.equal(dax.createRegion({ kind: 'contiguous', ...args }), err('EINVAL'));
      assert.equal(dax.createRegion({ kind: 'dynamic', ...args }), err('EINVAL'));
    }
    assert.equal(observeDax(dax), { regions: [] });
    assert.equal(dax.createRegion({ kind: 'contiguous', start: BASE, sizeBytes: 4n * MiB, align: 4n * MiB }), okId(0));
    invariantsHold(dax);
  });

  test(`${f.name}: a contiguous region by default gives dax{R}.0 the whole region as its one range`, () => {
    const dax = f.createDax();
    assert.equal(dax.createRegion({ kind: 'contiguous', start: BASE, sizeBytes: 8n * MiB, align: 2n * MiB }), okId(0));
    const end = BASE + 8n * MiB - 1n;
    assert.equal(observeDax(dax), {
      regions: [{
        id: 0, kind: 'contiguous', destroyed: false, start: BASE, sizeBytes: 8n * MiB, align: 2n * MiB, availBytes: 0n,
        resource: res(BASE, end, 'region0', [res(BASE, end, 'dax0.0')]),
        extents: [], devices: [dev(0, 0, [rng(BASE, end, 0n)])], badReleases: 0,
      }],
    });
    invariantsHold(dax);
  });

  test(`${f.name}: a contiguous region with seed 'empty' has an empty dax{R}.0 and all of its size available`, () => {
    const dax = f.createDax();
    contiguous(dax, 8n * MiB);
    assert.equal(observeDax(dax), { regions: [emptyRegion(0, 'contiguous', BASE, 8n * MiB, 8n * MiB)] });
    invariantsHold(dax);
  });

  test(`${f.name}: a dynamic region has an empty dax{R}.0 and nothing available, whatever the seed`, () => {
    const dax = f.createDax();
    assert.equal(dax.createRegion({ kind: 'dynamic', start: BASE, sizeBytes: 8n * MiB, align: 2n * MiB, seed: 'whole' }), okId(0));
    assert.equal(observeDax(dax), { regions: [emptyRegion(0, 'dynamic', BASE, 8n * MiB, 0n)] });
    invariantsHold(dax);
  });

  test(`${f.name}: regions are numbered in creation order, each with its own region{R} and dax{R}.0`, () => {
    const dax = f.createDax();
    contiguous(dax, 4n * MiB);
    assert.equal(dax.createRegion({ kind: 'dynamic', start: 2n * GiB, sizeBytes: 4n * MiB, align: 2n * MiB }), okId(1));
    assert.equal(dax.createRegion({ kind: 'contiguous', start: BASE, sizeBytes: 4n * MiB, align: 2n * MiB, seed: 'empty' }), okId(2));
    assert.equal(observeDax(dax), {
      regions: [
        emptyRegion(0, 'contiguous', BASE, 4n * MiB, 4n * MiB),
        emptyRegion(1, 'dynamic', 2n * GiB, 4n * MiB, 0n),
        emptyRegion(2, 'contiguous', BASE, 4n * MiB, 4n * MiB),
      ],
    });
    invariantsHold(dax);
  });

  test(`${f.name}: available size of a contiguous region is its size minus the sizes of its children`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * MiB);
    assert.equal(dax.resize(0, 0, 4n * MiB), OK);
    assert.equal(dax.mapping(0, 0, BASE + 8n * MiB, BASE + 10n * MiB - 1n), OK);
    assert.equal(regionOf(dax).availBytes, 10n * MiB);
    invariantsHold(dax);
  });

  test(`${f.name}: available size of a dynamic region is the free space of its visible extents only`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * MiB, [[0n, 4n * MiB], [8n * MiB, 4n * MiB]]);
    assert.equal(regionOf(dax).availBytes, 8n * MiB);
    assert.equal(dax.resize(0, 0, 2n * MiB), OK);
    assert.equal(regionOf(dax).availBytes, 6n * MiB);
    assert.equal(dax.removeExtent(0, 1), OK);
    assert.equal(regionOf(dax).availBytes, 2n * MiB);
    assert.equal(dax.removeExtent(0, 0), OK);
    assert.equal(regionOf(dax).availBytes, 0n);
    invariantsHold(dax);
  });

  test(`${f.name}: u64: a region ending at 2^64 - 1 (start + size = 2^64) is created whole, shrinks and regrows in place`, () => {
    const dax = f.createDax();
    const start = TOP - 8n * MiB;
    assert.equal(dax.createRegion({ kind: 'contiguous', start, sizeBytes: 8n * MiB, align: 2n * MiB }), okId(0));
    assert.equal(deviceOf(dax, 0, 0).ranges, [rng(start, U64_MAX, 0n)]);
    assert.equal(dax.resize(0, 0, 6n * MiB), OK);
    assert.equal(regionOf(dax).resource, res(start, U64_MAX, 'region0', [res(start, U64_MAX - 2n * MiB, 'dax0.0')]));
    assert.equal(dax.createDevice(0, 0n), okId(1));
    assert.equal(dax.resize(0, 1, 2n * MiB), OK);
    assert.equal(deviceOf(dax, 0, 1).ranges, [rng(U64_MAX - 2n * MiB + 1n, U64_MAX, 0n)]);
    assert.equal(dax.resize(0, 1, 0n), OK);
    assert.equal(dax.resize(0, 0, 8n * MiB), OK);
    assert.equal(deviceOf(dax, 0, 0).ranges, [rng(start, U64_MAX, 0n)]);
    invariantsHold(dax);
  });

  test(`${f.name}: u64: a region at address 0 is created whole`, () => {
    const dax = f.createDax();
    assert.equal(dax.createRegion({ kind: 'contiguous', start: 0n, sizeBytes: 4n * MiB, align: 2n * MiB }), okId(0));
    assert.equal(regionOf(dax).resource, res(0n, 4n * MiB - 1n, 'region0', [res(0n, 4n * MiB - 1n, 'dax0.0')]));
    invariantsHold(dax);
  });

  test(`${f.name}: destroying a contiguous region with devices, bound or not, leaves no devices, no children and nothing available`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * MiB);
    assert.equal(dax.resize(0, 0, 4n * MiB), OK);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    assert.equal(dax.resize(0, 1, 4n * MiB), OK);
    assert.equal(dax.resize(0, 0, 6n * MiB), OK);
    assert.equal(dax.bind(0, 1), OK);
    assert.equal(dax.destroyRegion(0), OK);
    assert.equal(observeDax(dax), {
      regions: [{
        id: 0, kind: 'contiguous', destroyed: true, start: BASE, sizeBytes: 16n * MiB, align: 2n * MiB, availBytes: 0n,
        resource: res(BASE, BASE + 16n * MiB - 1n, 'region0'), extents: [], devices: [], badReleases: 0,
      }],
    });
    invariantsHold(dax);
  });

  test(`${f.name}: destroying a dynamic region with devices and extents releases every extent exactly once`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * MiB, [[0n, 4n * MiB], [8n * MiB, 4n * MiB], [12n * MiB, 4n * MiB]]);
    assert.equal(dax.resize(0, 0, 6n * MiB), OK);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    assert.equal(dax.resize(0, 1, 2n * MiB), OK);
    assert.equal(dax.removeExtent(0, 1), OK);
    assert.equal(dax.bind(0, 0), OK);
    assert.equal(regionOf(dax).extents.map((e) => e.refs), [2, 2, 1]);
    assert.equal(dax.destroyRegion(0), OK);
    assert.equal(observeDax(dax), {
      regions: [{
        id: 0, kind: 'dynamic', destroyed: true, start: BASE, sizeBytes: 16n * MiB, align: 2n * MiB, availBytes: 0n,
        resource: res(BASE, BASE + 16n * MiB - 1n, 'region0'),
        extents: [
          ext(0, BASE, BASE + 4n * MiB - 1n, 'e0', false, 0, true),
          ext(1, BASE + 8n * MiB, BASE + 12n * MiB - 1n, 'e1', false, 0, true),
          ext(2, BASE + 12n * MiB, BASE + 16n * MiB - 1n, 'e2', false, 0, true),
        ],
        devices: [], badReleases: 0,
      }],
    });
    invariantsHold(dax);
  });

  test(`${f.name}: a destroyed region is not live: every operation on it is ENXIO; later regions take the next id`, () => {
    const dax = f.createDax();
    dynamic(dax, 8n * MiB, [[0n, 4n * MiB]]);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    assert.equal(dax.destroyRegion(0), OK);
    assert.equal(dax.destroyRegion(0), err('ENXIO'));
    assert.equal(dax.addExtent(0, 4n * MiB, 2n * MiB, 'x'), err('ENXIO'));
    assert.equal(dax.removeExtent(0, 0), err('ENXIO'));
    assert.equal(dax.createDevice(0, 0n), err('ENXIO'));
    for (const d of [0, 1]) {
      assert.equal(dax.deleteDevice(0, d), err('ENXIO'));
      assert.equal(dax.bind(0, d), err('ENXIO'));
      assert.equal(dax.unbind(0, d), err('ENXIO'));
      assert.equal(dax.resize(0, d, 2n * MiB), err('ENXIO'));
      assert.equal(dax.mapping(0, d, BASE, BASE + 2n * MiB - 1n), err('ENXIO'));
      assert.equal(dax.setAlign(0, d, 2n * MiB), err('ENXIO'));
    }
    assert.equal(dax.destroyRegion(1), err('ENXIO'));
    assert.equal(dax.createRegion({ kind: 'contiguous', start: BASE, sizeBytes: 4n * MiB, align: 2n * MiB }), okId(1));
    assert.equal(observeDax(dax).regions.map((r) => [r.id, r.destroyed]), [[0, true], [1, false]]);
    invariantsHold(dax);
  });
}

test.run();
