/** The outcomes that ndctl's test/daxctl-create.sh checks on a contiguous region (docs/SPECIFICATION.md §7), on every SUT. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SUTS } from '../suts.ts';
import { BASE, contiguous, dev, deviceOf, invariantsHold, MiB, OK, okId, regionOf, rng } from './helpers.ts';

const M = MiB;
const r = (a: bigint, b: bigint, pgoff: bigint) => rng(BASE + a * M, BASE + b * M - 1n, pgoff);

for (const f of SUTS) {
  test(`${f.name}: ndctl: a device grown to the whole region has 1 range`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * M);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    assert.equal(dax.resize(0, 1, 16n * M), OK);
    assert.equal(deviceOf(dax, 0, 1).ranges, [r(0n, 16n, 0n)]);
    assert.equal(regionOf(dax).availBytes, 0n);
    invariantsHold(dax);
  });

  test(`${f.name}: ndctl: two devices grown alternately get one new range per growth step`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * M);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    for (const size of [2n, 4n, 6n]) {
      assert.equal(dax.resize(0, 0, size * M), OK);
      assert.equal(dax.resize(0, 1, size * M), OK);
    }
    assert.equal(regionOf(dax).devices, [
      dev(0, 0, [r(0n, 2n, 0n), r(4n, 6n, 512n), r(8n, 10n, 1024n)]),
      dev(0, 1, [r(2n, 4n, 0n), r(6n, 8n, 512n), r(10n, 12n, 1024n)]),
    ]);
    invariantsHold(dax);
  });

  test(`${f.name}: ndctl: after a hole is freed before a device's last range, growing it fills the hole first: 2 ranges`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * M);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    assert.equal(dax.resize(0, 1, 4n * M), OK);
    assert.equal(dax.createDevice(0, 0n), okId(2));
    assert.equal(dax.resize(0, 2, 4n * M), OK);
    assert.equal(dax.resize(0, 1, 0n), OK);
    assert.equal(dax.deleteDevice(0, 1), OK);
    assert.equal(dax.resize(0, 2, 8n * M), OK);
    assert.equal(deviceOf(dax, 0, 2).ranges, [r(4n, 8n, 0n), r(0n, 4n, 1024n)]);
    invariantsHold(dax);
  });

  test(`${f.name}: ndctl: growing into the space right after the device's own last range extends it: still 1 range`, () => {
    const dax = f.createDax();
    contiguous(dax, 16n * M);
    assert.equal(dax.createDevice(0, 0n), okId(1));
    assert.equal(dax.resize(0, 1, 4n * M), OK);
    assert.equal(dax.resize(0, 1, 8n * M), OK);
    assert.equal(deviceOf(dax, 0, 1).ranges, [r(0n, 8n, 0n)]);
    invariantsHold(dax);
  });
}

test.run();
