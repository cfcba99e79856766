/** docs/SPECIFICATION.md §3.6–§3.8 (resize, grow, shrink), by example, on every SUT. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { DaxSut } from '../../sut/interface.ts';
import { SUTS } from '../suts.ts';
import {
  BASE, contiguous, dev, deviceOf, dynamic, err, ext, GiB, invariantsHold, MiB, observeDax, OK, okId, regionOf, res, rng,
} from './helpers.ts';

const M = MiB;
/** [BASE + a MiB, BASE + b MiB - 1] */
const at = (a: bigint, b: bigint): [bigint, bigint] => [BASE + a * M, BASE + b * M - 1n];
const r = (a: bigint, b: bigint, pgoff: bigint, extent: number | null = null) => rng(...at(a, b), pgoff, extent);
const map = (dax: DaxSut, d: number, a: bigint, b: bigint) => assert.equal(dax.mapping(0, d, ...at(a, b)), OK);

for (const f of SUTS) {
  test(`${f.name}: resize to a size not a multiple of the effective alignment is EINVAL, checked before bound (EBUSY)`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * M);
    assert.equal(dax.resize(0, 0, 2n * M), OK);
    assert.equal(dax.bind(0, 0), OK);
    assert.equal(dax.resize(0, 0, 1n * M), err('EINVAL'));
    assert.equal(dax.resize(0, 0, 4n * M), err('EBUSY'));
    assert.equal(dax.resize(0, 0, 2n * M), err('EBUSY'));
    assert.equal(dax.resize(0, 1, 2n * M), err('ENXIO'));
    invariantsHold(dax);
  });

  test(`${f.name}: resize to the current size is ok and changes nothing`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * M);
    map(dax, 0, 4n, 6n);
    const before = observeDax(dax);
    assert.equal(dax.resize(0, 0, 2n * M), OK);
    assert.equal(observeDax(dax), before);
    invariantsHold(dax);
  });

  test(`${f.name}: growing by more than the available size is ENOSPC and changes nothing; growing by exactly it fills the region`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * M);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    map(dax, 1, 6n, 8n);
    const before = observeDax(dax);
    assert.equal(dax.resize(0, 0, 16n * M), err('ENOSPC'));
    assert.equal(observeDax(dax), before);
    assert.equal(dax.resize(0, 0, 14n * M), OK);
    assert.equal(deviceOf(dax, 0, 0).ranges, [r(0n, 6n, 0n), r(8n, 16n, 1536n)]);
    assert.equal(regionOf(dax).availBytes, 0n);
    invariantsHold(dax);
  });

  test(`${f.name}: growing in an empty contiguous region allocates at the region start`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * M);
    assert.equal(dax.resize(0, 0, 4n * M), OK);
    assert.equal(regionOf(dax).resource, res(...at(0n, 16n), 'region0', [res(...at(0n, 4n), 'dax0.0')]));
    assert.equal(deviceOf(dax, 0, 0).ranges, [r(0n, 4n, 0n)]);
    invariantsHold(dax);
  });

  test(`${f.name}: the gap before the first child becomes a new range, never an extension; the gap after the last range extends it`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * M);
    map(dax, 0, 4n, 6n);
    assert.equal(dax.resize(0, 0, 4n * M), OK);
    assert.equal(deviceOf(dax, 0, 0).ranges, [r(4n, 6n, 0n), r(0n, 2n, 512n)]);
    assert.equal(dax.resize(0, 0, 6n * M), OK);
    assert.equal(deviceOf(dax, 0, 0).ranges, [r(4n, 6n, 0n), r(0n, 4n, 512n)]);
    assert.equal(regionOf(dax).resource.children, [res(...at(0n, 4n), 'dax0.0'), res(...at(4n, 6n), 'dax0.0')]);
    invariantsHold(dax);
  });

  test(`${f.name}: a gap after a range that is not the device's last one (its own or another device's) gives a new range at its end + 1`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * M);
    map(dax, 0, 0n, 2n);
    map(dax, 0, 8n, 10n);
    assert.equal(dax.resize(0, 0, 6n * M), OK);
    assert.equal(deviceOf(dax, 0, 0).ranges, [r(0n, 2n, 0n), r(8n, 10n, 512n), r(2n, 4n, 1024n)]);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    assert.equal(dax.resize(0, 1, 2n * M), OK);
    assert.equal(deviceOf(dax, 0, 1).ranges, [r(4n, 6n, 0n)]);
    invariantsHold(dax);
  });

  test(`${f.name}: a grow over several gaps takes them in address order, chunk = min(gap, what is left)`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * M);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    map(dax, 1, 2n, 4n);
    map(dax, 1, 6n, 8n);
    assert.equal(dax.resize(0, 0, 8n * M), OK);
    const s = regionOf(dax);
    assert.equal(s.devices[0], dev(0, 0, [r(0n, 2n, 0n), r(4n, 6n, 512n), r(8n, 12n, 1024n)]));
    assert.equal(s.availBytes, 4n * M);
    invariantsHold(dax);
  });

  test(`${f.name}: shrink trims whole ranges from the last one back, then shortens the first partly removed one in place (start kept)`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * M);
    map(dax, 0, 0n, 4n);
    map(dax, 0, 8n, 10n);
    map(dax, 0, 12n, 14n);
    assert.equal(dax.resize(0, 0, 4n * M), OK);
    assert.equal(deviceOf(dax, 0, 0).ranges, [r(0n, 4n, 0n)]);
    assert.equal(dax.resize(0, 0, 2n * M), OK);
    assert.equal(deviceOf(dax, 0, 0).ranges, [r(0n, 2n, 0n)]);
    assert.equal(regionOf(dax).resource.children, [res(...at(0n, 2n), 'dax0.0')]);
    assert.equal(dax.resize(0, 0, 0n), OK);
    const s = regionOf(dax);
    assert.equal([s.devices[0]!.ranges, s.resource.children, s.availBytes], [[], [], 16n * M]);
    invariantsHold(dax);
  });

  test(`${f.name}: shrink ranges in array order, not address order: the last range in the array goes first`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * M);
    map(dax, 0, 8n, 12n);
    map(dax, 0, 0n, 4n);
    assert.equal(dax.resize(0, 0, 6n * M), OK);
    assert.equal(deviceOf(dax, 0, 0).ranges, [r(8n, 12n, 0n), r(0n, 2n, 1024n)]);
    invariantsHold(dax);
  });

  test(`${f.name}: a dynamic device grows into extents in extent order, not address order`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * M, [[8n * M, 4n * M], [0n, 4n * M]]);
    assert.equal(dax.resize(0, 0, 6n * M), OK);
    const s = regionOf(dax);
    assert.equal(s.devices, [dev(0, 0, [r(8n, 12n, 0n, 0), r(0n, 2n, 1024n, 1)])]);
    assert.equal(s.resource, res(...at(0n, 16n), 'region0', [
      res(...at(0n, 4n), 'extent', [res(...at(0n, 2n), 'dax0.0')]),
      res(...at(8n, 12n), 'extent', [res(...at(8n, 12n), 'dax0.0')]),
    ]));
    assert.equal(s.extents, [ext(0, ...at(8n, 12n), 'e0', true, 2), ext(1, ...at(0n, 4n), 'e1', true, 2)]);
    assert.equal(s.availBytes, 2n * M);
    invariantsHold(dax);
  });

  test(`${f.name}: a dynamic device never extends a range: each chunk is a new range taking one extent reference`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * M, [[0n, 8n * M]]);
    assert.equal(dax.resize(0, 0, 2n * M), OK);
    assert.equal(dax.resize(0, 0, 4n * M), OK);
    const s = regionOf(dax);
    assert.equal(s.devices[0]!.ranges, [r(0n, 2n, 0n, 0), r(2n, 4n, 512n, 0)]);
    assert.equal(s.extents[0]!.refs, 3);
    invariantsHold(dax);
  });

  test(`${f.name}: a dynamic grow skips invisible extents and extents without free space`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * M, [[0n, 4n * M], [4n * M, 4n * M], [8n * M, 4n * M]]);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    assert.equal(dax.resize(0, 1, 4n * M), OK);
    assert.equal(dax.removeExtent(0, 1), OK);
    assert.equal(dax.resize(0, 0, 2n * M), OK);
    assert.equal(deviceOf(dax, 0, 0).ranges, [r(8n, 10n, 0n, 2)]);
    assert.equal(regionOf(dax).availBytes, 2n * M);
    invariantsHold(dax);
  });

  test(`${f.name}: inside an extent, first fit fills a hole before the space after the last range`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * M, [[0n, 8n * M]]);
    assert.equal(dax.resize(0, 0, 2n * M), OK);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    assert.equal(dax.resize(0, 1, 2n * M), OK);
    assert.equal(dax.resize(0, 0, 0n), OK);
    assert.equal(dax.resize(0, 1, 6n * M), OK);
    assert.equal(deviceOf(dax, 0, 1).ranges, [r(2n, 4n, 0n, 0), r(0n, 2n, 512n, 0), r(4n, 6n, 1024n, 0)]);
    invariantsHold(dax);
  });

  test(`${f.name}: a partial shrink on a dynamic region shortens the device's own resource inside the extent; the extent is unchanged`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * M, [[0n, 8n * M]]);
    assert.equal(dax.resize(0, 0, 4n * M), OK);
    assert.equal(dax.resize(0, 0, 2n * M), OK);
    const s = regionOf(dax);
    assert.equal(s.resource.children, [res(...at(0n, 8n), 'extent', [res(...at(0n, 2n), 'dax0.0')])]);
    assert.equal(s.devices[0]!.ranges, [r(0n, 2n, 0n, 0)]);
    assert.equal(s.extents, [ext(0, ...at(0n, 8n), 'e0', true, 2)]);
    assert.equal(s.availBytes, 6n * M);
    invariantsHold(dax);
  });

  test(`${f.name}: a dynamic shrink trims whole ranges and drops their extent references`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * M, [[0n, 4n * M], [8n * M, 4n * M]]);
    assert.equal(dax.resize(0, 0, 8n * M), OK);
    assert.equal(regionOf(dax).extents.map((e) => e.refs), [2, 2]);
    assert.equal(dax.resize(0, 0, 2n * M), OK);
    const s = regionOf(dax);
    assert.equal(s.devices[0]!.ranges, [r(0n, 2n, 0n, 0)]);
    assert.equal(s.extents.map((e) => e.refs), [2, 1]);
    invariantsHold(dax);
  });

  test(`${f.name}: growing a dynamic device with no visible extent is ENOSPC`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * M);
    assert.equal(dax.resize(0, 0, 2n * M), err('ENOSPC'));
    assert.equal(dax.addExtent(0, 0n, 2n * M, 'e0'), okId(0));
    assert.equal(dax.removeExtent(0, 0), OK);
    assert.equal(dax.resize(0, 0, 2n * M), err('ENOSPC'));
    assert.equal(regionOf(dax).devices, [dev(0, 0, [])]);
    invariantsHold(dax);
  });

  test(`${f.name}: an extent whose free space is a multiple of 4 GiB is chosen like any other (free space is exact u64)`, () => {
    const dax = f.createDax();
    dynamic(dax, 16n * GiB, [[0n, 4n * GiB], [8n * GiB, 2n * M]]);
    assert.equal(dax.resize(0, 0, 4n * GiB + 2n * M), OK);
    assert.equal(deviceOf(dax, 0, 0).ranges, [
      rng(BASE, BASE + 4n * GiB - 1n, 0n, 0),
      rng(BASE + 8n * GiB, BASE + 8n * GiB + 2n * M - 1n, 1048576n, 1),
    ]);
    assert.equal(regionOf(dax).availBytes, 0n);
    invariantsHold(dax);
  });
}

test.run();
