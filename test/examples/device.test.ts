/** docs/SPECIFICATION.md §3.2–§3.10 (createDevice … setAlign, mapping), by example, on every SUT. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SUTS } from '../suts.ts';
import {
  BASE, contiguous, dev, deviceOf, dynamic, err, GiB, invariantsHold, KiB, MiB, OK, okId, regionOf, res, rng, U64_MAX,
} from './helpers.ts';

for (const f of SUTS) {
  test(`${f.name}: createDevice gives the lowest unused id with the region align (2 MiB here) and size 0; a deleted id is reused`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * MiB);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    assert.equal(dax.createDevice(0, 0n), okId(2));
    assert.equal(dax.createDevice(0, 0n), okId(3));
    assert.equal(dax.deleteDevice(0, 2), OK);
    assert.equal(dax.deleteDevice(0, 1), OK);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    assert.equal(regionOf(dax).devices, [dev(0, 0, []), dev(0, 1, []), dev(0, 3, [])]);
    invariantsHold(dax);
  });

  test(`${f.name}: createDevice is ENOSPC when nothing is available, and ENXIO on no live region`, () => {
    const dax = f.createDax();
    assert.equal(dax.createRegion({ kind: 'contiguous', start: BASE, sizeBytes: 4n * MiB, align: 2n * MiB }), okId(0));
    assert.equal(dax.createDevice(0, 0n), err('ENOSPC'));
    assert.equal(dax.createRegion({ kind: 'dynamic', start: 2n * GiB, sizeBytes: 4n * MiB, align: 2n * MiB }), okId(1));
    assert.equal(dax.createDevice(1, 0n), err('ENOSPC'));
    assert.equal(dax.createDevice(2, 0n), err('ENXIO'));
    assert.equal(regionOf(dax, 0).devices.length + regionOf(dax, 1).devices.length, 2);
    invariantsHold(dax);
  });

  test(`${f.name}: createDevice with a size on a dynamic region is EINVAL, checked before the available size`, () => {
    const dax = f.createDax();
    dynamic(dax, 8n * MiB);
    assert.equal(dax.createDevice(0, 2n * MiB), err('EINVAL'));
    assert.equal(dax.addExtent(0, 0n, 4n * MiB, 'e0'), okId(0));
    assert.equal(dax.createDevice(0, 2n * MiB), err('EINVAL'));
    assert.equal(regionOf(dax).devices, [dev(0, 0, [])]);
    invariantsHold(dax);
  });

  test(`${f.name}: createDevice with a size that is not a multiple of 2 MiB is EINVAL, checked before the available size`, () => {
    const dax = f.createDax();
    assert.equal(dax.createRegion({ kind: 'contiguous', start: BASE, sizeBytes: 4n * MiB, align: 2n * MiB }), okId(0));
    assert.equal(dax.createDevice(0, 1n * MiB), err('EINVAL'));
    assert.equal(dax.createDevice(0, 4n * KiB), err('EINVAL'));
    invariantsHold(dax);
  });

  test(`${f.name}: on a region of align 4 MiB, createDevice of 2 MiB is EINVAL (not a multiple of the new device's effective alignment) and of 4 MiB is ok`, () => {
    const dax = f.createDax();
    assert.equal(dax.createRegion({ kind: 'contiguous', start: BASE, sizeBytes: 16n * MiB, align: 4n * MiB, seed: 'empty' }), okId(0));
    assert.equal(dax.createDevice(0, 2n * MiB), err('EINVAL'));
    assert.equal(dax.createDevice(0, 6n * MiB), err('EINVAL'));
    assert.equal(regionOf(dax).devices, [dev(0, 0, [], { align: 4n * MiB })]);
    assert.equal(dax.createDevice(0, 4n * MiB), okId(1));
    assert.equal(deviceOf(dax, 0, 1), dev(0, 1, [rng(BASE, BASE + 4n * MiB - 1n, 0n)], { align: 4n * MiB }));
    assert.equal(dax.resize(0, 1, 8n * MiB), OK, 'the sized device grows by its align');
    invariantsHold(dax);
  });

  test(`${f.name}: on a region of align 1 GiB, a sized createDevice takes whole GiB only (the size check comes before the available size)`, () => {
    const dax = f.createDax();
    assert.equal(dax.createRegion({ kind: 'contiguous', start: BASE, sizeBytes: 2n * GiB, align: 1n * GiB }), okId(0));
    assert.equal(dax.createDevice(0, 2n * MiB), err('EINVAL'), 'EINVAL, not ENOSPC, on a full region');
    assert.equal(dax.resize(0, 0, 1n * GiB), OK);
    assert.equal(dax.createDevice(0, 512n * MiB), err('EINVAL'));
    assert.equal(dax.createDevice(0, 0n), okId(1));
    invariantsHold(dax);
  });

  test(`${f.name}: createDevice with a size on a contiguous region allocates it at the region start`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * MiB);
    assert.equal(dax.createDevice(0, 4n * MiB), okId(1));
    const r = regionOf(dax);
    assert.equal(r.devices, [dev(0, 0, []), dev(0, 1, [rng(BASE, BASE + 4n * MiB - 1n, 0n)])]);
    assert.equal(r.resource, res(BASE, BASE + 16n * MiB - 1n, 'region0', [res(BASE, BASE + 4n * MiB - 1n, 'dax0.1')]));
    assert.equal(r.availBytes, 12n * MiB);
    invariantsHold(dax);
  });

  test(`${f.name}: createDevice with a size that conflicts or leaves the region is ENOMEM and leaves no device behind`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * MiB);
    assert.equal(dax.mapping(0, 0, BASE + 2n * MiB, BASE + 4n * MiB - 1n), OK);
    assert.equal(dax.createDevice(0, 4n * MiB), err('ENOMEM'));
    assert.equal(dax.createDevice(0, 32n * MiB), err('ENOMEM'));
    assert.equal(regionOf(dax).devices, [dev(0, 0, [rng(BASE + 2n * MiB, BASE + 4n * MiB - 1n, 0n)])]);
    assert.equal(dax.createDevice(0, 2n * MiB), okId(1));
    assert.equal(deviceOf(dax, 0, 1).ranges, [rng(BASE, BASE + 2n * MiB - 1n, 0n)]);
    invariantsHold(dax);
  });

  test(`${f.name}: deleteDevice is ENXIO for no device, EBUSY for device 0, a bound device or a non-empty one`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * MiB);
    assert.equal(dax.deleteDevice(0, 1), err('ENXIO'));
    assert.equal(dax.deleteDevice(0, 0), err('EBUSY'));
    assert.equal(dax.createDevice(0, 0n), okId(1));
    assert.equal(dax.resize(0, 1, 2n * MiB), OK);
    assert.equal(dax.deleteDevice(0, 1), err('EBUSY'));
    assert.equal(dax.bind(0, 1), OK);
    assert.equal(dax.deleteDevice(0, 1), err('EBUSY'));
    assert.equal(dax.unbind(0, 1), OK);
    assert.equal(dax.resize(0, 1, 0n), OK);
    assert.equal(dax.deleteDevice(0, 1), OK);
    assert.equal(dax.deleteDevice(0, 1), err('ENXIO'));
    assert.equal(regionOf(dax).devices, [dev(0, 0, [])]);
    invariantsHold(dax);
  });

  test(`${f.name}: bind needs a device of size > 0 (ENXIO) and not bound (EBUSY); unbind needs a bound device (ENXIO)`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * MiB);
    assert.equal(dax.bind(0, 1), err('ENXIO'));
    assert.equal(dax.unbind(0, 1), err('ENXIO'));
    assert.equal(dax.bind(0, 0), err('ENXIO'));
    assert.equal(dax.unbind(0, 0), err('ENXIO'));
    assert.equal(dax.resize(0, 0, 2n * MiB), OK);
    assert.equal(dax.bind(0, 0), OK);
    assert.equal(deviceOf(dax, 0, 0).bound, true);
    assert.equal(dax.bind(0, 0), err('EBUSY'));
    assert.equal(dax.unbind(0, 0), OK);
    assert.equal(dax.unbind(0, 0), err('ENXIO'));
    assert.equal(deviceOf(dax, 0, 0).bound, false);
    invariantsHold(dax);
  });

  test(`${f.name}: setAlign accepts only 4 KiB, 2 MiB and 1 GiB (EINVAL), checked before bound (EBUSY)`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * MiB);
    for (const a of [0n, 8n * KiB, 1n * MiB, 4n * MiB, 2n * GiB]) assert.equal(dax.setAlign(0, 0, a), err('EINVAL'));
    assert.equal(dax.setAlign(0, 1, 2n * MiB), err('ENXIO'));
    assert.equal(dax.resize(0, 0, 2n * MiB), OK);
    assert.equal(dax.bind(0, 0), OK);
    assert.equal(dax.setAlign(0, 0, 8n * KiB), err('EINVAL'));
    assert.equal(dax.setAlign(0, 0, 4n * KiB), err('EBUSY'));
    assert.equal(dax.unbind(0, 0), OK);
    assert.equal(dax.setAlign(0, 0, 4n * KiB), OK);
    assert.equal(deviceOf(dax, 0, 0).align, 4n * KiB);
    invariantsHold(dax);
  });

  test(`${f.name}: setAlign is EINVAL, align unchanged, when a range is not a multiple of max(A, 2 MiB)`, () => {
    const dax = f.createDax();
    contiguous(dax, 2n * GiB);
    assert.equal(dax.resize(0, 0, 2n * MiB), OK);
    assert.equal(dax.setAlign(0, 0, 1n * GiB), err('EINVAL'));
    assert.equal(deviceOf(dax, 0, 0).align, 2n * MiB);
    assert.equal(dax.resize(0, 0, 0n), OK);
    assert.equal(dax.setAlign(0, 0, 1n * GiB), OK);
    assert.equal(dax.resize(0, 0, 2n * MiB), err('EINVAL'));
    assert.equal(dax.resize(0, 0, 1n * GiB), OK);
    assert.equal(deviceOf(dax, 0, 0), dev(0, 0, [rng(BASE, BASE + GiB - 1n, 0n)], { align: 1n * GiB }));
    invariantsHold(dax);
  });

  test(`${f.name}: a 4 KiB align still means an effective alignment of 2 MiB`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * MiB);
    assert.equal(dax.setAlign(0, 0, 4n * KiB), OK);
    assert.equal(dax.resize(0, 0, 4n * KiB), err('EINVAL'));
    assert.equal(dax.mapping(0, 0, BASE, BASE + 4n * KiB - 1n), err('ENXIO'));
    assert.equal(dax.resize(0, 0, 2n * MiB), OK);
    invariantsHold(dax);
  });

  test(`${f.name}: mapping allocates exactly the range as the new last range, pgoff after the earlier ones, even when bound`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * MiB);
    assert.equal(dax.mapping(0, 0, BASE + 4n * MiB, BASE + 8n * MiB - 1n), OK);
    assert.equal(dax.bind(0, 0), OK);
    assert.equal(dax.mapping(0, 0, BASE, BASE + 2n * MiB - 1n), OK);
    const r = regionOf(dax);
    assert.equal(r.devices, [dev(0, 0, [
      rng(BASE + 4n * MiB, BASE + 8n * MiB - 1n, 0n),
      rng(BASE, BASE + 2n * MiB - 1n, 1024n),
    ], { bound: true })]);
    assert.equal(r.resource.children, [res(BASE, BASE + 2n * MiB - 1n, 'dax0.0'), res(BASE + 4n * MiB, BASE + 8n * MiB - 1n, 'dax0.0')]);
    invariantsHold(dax);
  });

  test(`${f.name}: mapping is EINVAL on a dynamic region or with end < start, ENXIO for a misaligned length, ENOMEM on a conflict or outside the region`, () => {
    const dax = f.createDax();
    dynamic(dax, 8n * MiB, [[0n, 4n * MiB]]);
    assert.equal(dax.mapping(0, 0, BASE, BASE + 2n * MiB - 1n), err('EINVAL'));
    assert.equal(dax.mapping(0, 0, BASE, BASE + 1n * MiB - 1n), err('EINVAL'));
    assert.equal(dax.createRegion({ kind: 'contiguous', start: 2n * GiB, sizeBytes: 16n * MiB, align: 2n * MiB, seed: 'empty' }), okId(1));
    const B = 2n * GiB;
    assert.equal(dax.mapping(1, 0, B + 2n * MiB, B + 2n * MiB - 1n), err('EINVAL'));
    assert.equal(dax.mapping(1, 0, B + 4n * MiB, B), err('EINVAL'));
    assert.equal(dax.mapping(1, 0, B, B + 1n * MiB - 1n), err('ENXIO'));
    assert.equal(dax.mapping(1, 0, B, B + 2n * MiB - 1n), OK);
    assert.equal(dax.mapping(1, 0, B, B + 2n * MiB - 1n), err('ENOMEM'));
    assert.equal(dax.mapping(1, 0, B, B + 4n * MiB - 1n), err('ENOMEM'));
    assert.equal(dax.mapping(1, 0, B + 14n * MiB, B + 18n * MiB - 1n), err('ENOMEM'));
    assert.equal(dax.mapping(1, 0, B - 2n * MiB, B - 1n), err('ENOMEM'));
    assert.equal(dax.mapping(1, 1, B + 4n * MiB, B + 6n * MiB - 1n), err('ENXIO'));
    assert.equal(deviceOf(dax, 1, 0).ranges, [rng(B, B + 2n * MiB - 1n, 0n)]);
    invariantsHold(dax);
  });

  test(`${f.name}: mapping whose start is not a multiple of the effective alignment from the region start is ENXIO (RULES), after the length check`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * MiB);
    assert.equal(dax.mapping(0, 0, BASE + 4n * KiB, BASE + 2n * MiB + 4n * KiB - 1n), err('ENXIO'));
    assert.equal(dax.mapping(0, 0, BASE + 1n * MiB, BASE + 3n * MiB - 1n), err('ENXIO'));
    assert.equal(dax.setAlign(0, 0, 1n * GiB), OK);
    assert.equal(dax.mapping(0, 0, BASE + 2n * MiB, BASE + 2n * MiB + GiB - 1n), err('ENXIO'));
    assert.equal(dax.mapping(0, 0, BASE, BASE + GiB - 1n), err('ENOMEM'));
    assert.equal(regionOf(dax).devices, [dev(0, 0, [], { align: 1n * GiB })]);
    invariantsHold(dax);
  });

  test(`${f.name}: u64: mapping of [0, 2^64 - 1] has length 0 mod 2^64, passes the alignment check and is ENOMEM`, () => {
    const dax = f.createDax();
    assert.equal(dax.createRegion({ kind: 'contiguous', start: 0n, sizeBytes: 4n * MiB, align: 2n * MiB, seed: 'empty' }), okId(0));
    assert.equal(dax.mapping(0, 0, 0n, U64_MAX), err('ENOMEM'));
    assert.equal(dax.mapping(0, 0, 1n, U64_MAX), err('ENXIO'));
    assert.equal(regionOf(dax).devices, [dev(0, 0, [])]);
    invariantsHold(dax);
  });
}

test.run();
