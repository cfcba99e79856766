/**
 * docs/SPECIFICATION.md §2.2, §3.1, §3.2 (createRegion, createDevice), by example, on every SUT:
 * every new device (dax{R}.0 and each created one) starts with the region's align, as
 * devm_create_dev_dax copies dax_region->align; its effective alignment is max(align, 2 MiB).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { DaxSut, RegionKind } from '../../sut/interface.ts';
import { SUTS } from '../suts.ts';
import { BASE, dev, deviceOf, err, GiB, invariantsHold, MiB, OK, okId, regionOf, rng } from './helpers.ts';

/** Region 0 at BASE of 4 × align; a dynamic one gets one extent of 2 × align at offset 0 (so that createDevice finds space). */
function regionWithAlign(dax: DaxSut, kind: RegionKind, align: bigint): void {
  assert.equal(dax.createRegion({ kind, start: BASE, sizeBytes: 4n * align, align, seed: 'empty' }), okId(0));
  if (kind === 'dynamic') assert.equal(dax.addExtent(0, 0n, 2n * align, 'e0'), okId(0));
}

for (const f of SUTS) {
  for (const kind of ['contiguous', 'dynamic'] as const) {
    for (const align of [2n * MiB, 4n * MiB, 1n * GiB]) {
      test(`${f.name}: on a ${kind} region of align ${align / MiB} MiB, dax0.0 and a created device both start with align ${align / MiB} MiB`, () => {
        const dax = f.createDax();
        regionWithAlign(dax, kind, align);
        assert.equal(deviceOf(dax, 0, 0).align, align);
        assert.equal(dax.createDevice(0, 0n), okId(1));
        assert.equal(regionOf(dax).devices, [dev(0, 0, [], { align }), dev(0, 1, [], { align })]);
        invariantsHold(dax);
      });
    }
  }

  test(`${f.name}: a contiguous 'whole' region of align 1 GiB gives dax0.0 align 1 GiB along with the whole region`, () => {
    const dax = f.createDax();
    assert.equal(dax.createRegion({ kind: 'contiguous', start: BASE, sizeBytes: 2n * GiB, align: 1n * GiB }), okId(0));
    assert.equal(deviceOf(dax, 0, 0), dev(0, 0, [rng(BASE, BASE + 2n * GiB - 1n, 0n)], { align: 1n * GiB }));
    invariantsHold(dax);
  });

  test(`${f.name}: in a 1 GiB region, resize and mapping of a new device have 1 GiB granularity from the start (2 MiB is EINVAL / ENXIO)`, () => {
    const dax = f.createDax();
    regionWithAlign(dax, 'contiguous', 1n * GiB);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    for (const d of [0, 1]) assert.equal(dax.resize(0, d, 2n * MiB), err('EINVAL'));
    assert.equal(dax.mapping(0, 1, BASE, BASE + 2n * MiB - 1n), err('ENXIO'));
    assert.equal(dax.mapping(0, 1, BASE, BASE + GiB - 1n), OK);
    assert.equal(dax.resize(0, 0, 1n * GiB), OK);
    assert.equal(deviceOf(dax, 0, 0).ranges, [rng(BASE + GiB, BASE + 2n * GiB - 1n, 0n)]);
    invariantsHold(dax);
  });

  test(`${f.name}: in a dynamic 1 GiB region, a new device grows only by multiples of 1 GiB`, () => {
    const dax = f.createDax();
    regionWithAlign(dax, 'dynamic', 1n * GiB);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    assert.equal(dax.resize(0, 1, 2n * MiB), err('EINVAL'));
    assert.equal(dax.resize(0, 1, 1n * GiB), OK);
    assert.equal(deviceOf(dax, 0, 1).ranges, [rng(BASE, BASE + GiB - 1n, 0n, 0)]);
    invariantsHold(dax);
  });

  test(`${f.name}: in a 4 MiB region a device's align is 4 MiB, a value setAlign refuses; setAlign(2 MiB) lowers it`, () => {
    const dax = f.createDax();
    regionWithAlign(dax, 'contiguous', 4n * MiB);
    assert.equal(dax.setAlign(0, 0, 4n * MiB), err('EINVAL'));
    assert.equal(deviceOf(dax, 0, 0).align, 4n * MiB);
    assert.equal(dax.resize(0, 0, 2n * MiB), err('EINVAL'));
    assert.equal(dax.mapping(0, 0, BASE, BASE + 2n * MiB - 1n), err('ENXIO'));
    assert.equal(dax.resize(0, 0, 4n * MiB), OK);
    assert.equal(dax.setAlign(0, 0, 2n * MiB), OK);
    assert.equal(dax.resize(0, 0, 6n * MiB), OK);
    assert.equal(deviceOf(dax, 0, 0), dev(0, 0, [rng(BASE, BASE + 6n * MiB - 1n, 0n)], { align: 2n * MiB }));
    invariantsHold(dax);
  });
}

test.run();
