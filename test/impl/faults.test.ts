/**
 * Each named fault (impl/faults.ts) on its minimal trigger from docs/SPECIFICATION.md §6: the
 * defective result with the fault on, the correct one with it off.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createImplFactory, implFactory } from '../../impl/index.ts';
import { expandFaults, FAULT_NAMES, FAULTS, type FaultName } from '../../impl/faults.ts';
import { checkDaxInvariants } from '../../properties/invariants.ts';
import { at, BASE, consistent, contiguous, dax, dynamic, GiB, MiB, OK, region, res, rng, U } from './helpers.ts';

test('registry: one entry per name, S1..S5 then K1 in order, s5 implies s2', () => {
  assert.equal(FAULTS.map((f) => f.name), [...FAULT_NAMES]);
  assert.equal(FAULTS.map((f) => f.id), ['S1', 'S2', 'S3', 'S4', 'S5', 'K1']);
  assert.ok(FAULTS.every((f) => f.summary.length > 0));
  assert.equal([...expandFaults(['s5-no-gap-success'])].sort(), ['s2-free-space-int', 's5-no-gap-success']);
  assert.equal([...expandFaults(['s1-shrink-adjusts-extent'])], ['s1-shrink-adjusts-extent']);
});

test('factory names: impl, impl+<faults> in registry order; unknown fault throws', () => {
  assert.is(implFactory.name, 'impl');
  assert.is(createImplFactory(['s1-shrink-adjusts-extent']).name, 'impl+s1-shrink-adjusts-extent');
  assert.is(createImplFactory(['s5-no-gap-success', 's3-double-release']).name, 'impl+s3-double-release+s5-no-gap-success');
  assert.throws(() => createImplFactory(['nope' as FaultName]), /unknown fault nope/);
});

const S1: FaultName[] = ['s1-shrink-adjusts-extent'];

test('S1: one extent, grow, shrink to half: EBUSY with the fault, shortened range without', () => {
  for (const faults of [S1, []]) {
    const d = dynamic(faults, 64n * MiB, [[0n, 8n * MiB]]);
    assert.equal(d.resize(0, 0, 8n * MiB), OK);
    const shrink = d.resize(0, 0, 4n * MiB);
    const r = region(d);
    if (faults.length > 0) {
      assert.equal(shrink, { ok: false, errno: 'EBUSY' });
      assert.equal(r.devices[0]!.ranges, [rng(...at(0n, 8n * MiB), 0n, 0)]);
      assert.equal(r.resource.children, [res(...at(0n, 8n * MiB), 'extent', [res(...at(0n, 8n * MiB), 'dax0.0')])]);
      assert.is(r.availBytes, 0n);
    } else {
      assert.equal(shrink, OK);
      assert.equal(r.devices[0]!.ranges, [rng(...at(0n, 4n * MiB), 0n, 0)]);
      assert.equal(r.resource.children, [res(...at(0n, 8n * MiB), 'extent', [res(...at(0n, 4n * MiB), 'dax0.0')])]);
      assert.is(r.availBytes, 4n * MiB);
    }
    assert.is(r.extents[0]!.refs, 2);
    consistent(d);
  }
});

test('S1: whole ranges after the partial one are trimmed before the EBUSY', () => {
  for (const faults of [S1, []]) {
    const d = dynamic(faults, 64n * MiB, [[0n, 4n * MiB], [8n * MiB, 4n * MiB]]);
    assert.equal(d.resize(0, 0, 8n * MiB), OK);
    assert.equal(d.resize(0, 0, U), faults.length > 0 ? { ok: false, errno: 'EBUSY' } : OK);
    const r = region(d);
    const kept = faults.length > 0 ? 4n * MiB : U;
    assert.equal(r.devices[0]!.ranges, [rng(...at(0n, kept), 0n, 0)]);
    assert.equal(r.extents.map((e) => e.refs), [2, 1]);
    assert.is(r.availBytes, 8n * MiB - kept);
    consistent(d);
  }
});

const S2: FaultName[] = ['s2-free-space-int'];

test('S2: an extent with 4 GiB free is skipped: first fit moves to the next extent', () => {
  for (const faults of [S2, []]) {
    const d = dynamic(faults, 16n * GiB, [[0n, 4n * GiB], [8n * GiB, U]]);
    assert.equal(d.resize(0, 0, U), OK);
    const expected = faults.length > 0 ? rng(...at(8n * GiB, U), 0n, 1) : rng(...at(0n, U), 0n, 0);
    assert.equal(region(d).devices[0]!.ranges, [expected]);
    consistent(d);
  }
});

test('S2: no other extent qualifies: ENOSPC after partial growth', () => {
  for (const faults of [S2, []]) {
    const d = dynamic(faults, 16n * GiB, [[0n, U], [4n * GiB, 4n * GiB]]);
    const grow = d.resize(0, 0, 4n * GiB + U);
    const dev = region(d).devices[0]!;
    if (faults.length > 0) {
      assert.equal(grow, { ok: false, errno: 'ENOSPC' });
      assert.equal(dev.ranges, [rng(...at(0n, U), 0n, 0)]);
    } else {
      assert.equal(grow, OK);
      assert.equal(dev.ranges, [rng(...at(0n, U), 0n, 0), rng(...at(4n * GiB, 4n * GiB), U / 4096n, 1)]);
    }
    consistent(d);
  }
});

test('S3: extent device failure releases the extent resource twice: one bad release', () => {
  for (const faults of [['s3-double-release'] as FaultName[], []]) {
    const d = dynamic(faults, 64n * MiB, []);
    assert.equal(d.failAllocation('extentDevice', 1), OK);
    assert.equal(d.addExtent(0, 0n, 8n * MiB, 'e'), { ok: false, errno: 'ENOMEM' });
    const r = region(d);
    assert.is(r.badReleases, faults.length);
    assert.equal(r.extents, []);
    assert.equal(r.resource.children, []);
    assert.equal(d.addExtent(0, 0n, 8n * MiB, 'e'), { ok: true, id: 0 });
  }
});

const S4: FaultName[] = ['s4-sized-create-dynamic'];

test('S4: sized create on a dynamic region allocates at the region start, outside any extent', () => {
  for (const faults of [S4, []]) {
    const d = dynamic(faults, 64n * MiB, [[8n * MiB, 8n * MiB]]);
    const create = d.createDevice(0, 4n * MiB);
    const s = d.observe();
    const r = s.regions[0]!;
    if (faults.length > 0) {
      assert.equal(create, { ok: true, id: 1 });
      assert.equal(r.devices[1]!.ranges, [rng(...at(0n, 4n * MiB), 0n, null)]);
      assert.equal(r.resource.children, [res(...at(0n, 4n * MiB), 'dax0.1'), res(...at(8n * MiB, 8n * MiB), 'extent')]);
      assert.is(r.availBytes, 8n * MiB);
      assert.ok(checkDaxInvariants(s).length > 0, 'the stray range breaks an invariant');
    } else {
      assert.equal(create, { ok: false, errno: 'EINVAL' });
      assert.equal(r.devices.map((x) => x.id), [0]);
      consistent(d);
    }
  }
});

test('S4: the region start inside an extent: the sized create conflicts (ENOMEM, no device)', () => {
  const d = dynamic(S4, 64n * MiB, [[0n, 8n * MiB]]);
  assert.equal(d.createDevice(0, 4n * MiB), { ok: false, errno: 'ENOMEM' });
  assert.equal(region(d).devices.map((x) => x.id), [0]);
  consistent(d);
});

test('S5 (with S2 implied): no extent found is success with a smaller device', () => {
  const cases: [FaultName[], unknown, bigint][] = [
    [['s5-no-gap-success'], OK, 0n],
    [S2, { ok: false, errno: 'ENOSPC' }, 0n],
    [[], OK, U],
  ];
  for (const [faults, result, size] of cases) {
    const d = dynamic(faults, 16n * GiB, [[0n, 4n * GiB]]);
    assert.equal(d.resize(0, 0, U), result, faults.join());
    assert.is(region(d).devices[0]!.sizeBytes, size);
    consistent(d);
  }
});

test('S5: partial growth then success reported', () => {
  const d = dynamic(['s5-no-gap-success'], 16n * GiB, [[0n, U], [4n * GiB, 4n * GiB]]);
  assert.equal(d.resize(0, 0, 4n * GiB + U), OK);
  assert.equal(region(d).devices[0]!.ranges, [rng(BASE, BASE + U - 1n, 0n, 0)]);
});

const K1: FaultName[] = ['k1-whole-space-mapping'];
const TOP = (1n << 64n) - 1n;

test('K1: mapping 0-ffffffffffffffff on a device without ranges: ok with nothing allocated with the fault, ENOMEM without', () => {
  for (const faults of [K1, []]) {
    const d = dax(faults);
    assert.equal(d.createRegion({ kind: 'contiguous', start: 0n, sizeBytes: 64n * MiB, align: U, seed: 'empty' }), { ok: true, id: 0 });
    const before = d.observe();
    assert.equal(d.mapping(0, 0, 0n, TOP), faults.length > 0 ? OK : { ok: false, errno: 'ENOMEM' });
    assert.equal(d.observe(), before, 'nothing allocated');
    consistent(d);
  }
});

test('K1: mapping 0-ffffffffffffffff on a device with a range: EBUSY (the kernel WARNs) with the fault, ENOMEM without', () => {
  for (const faults of [K1, []]) {
    const d = contiguous(faults, 64n * MiB);
    assert.equal(d.resize(0, 0, 4n * MiB), OK);
    const before = d.observe();
    assert.equal(d.mapping(0, 0, 0n, TOP), { ok: false, errno: faults.length > 0 ? 'EBUSY' : 'ENOMEM' });
    assert.equal(d.observe(), before, 'nothing changed');
    consistent(d);
  }
});

test('K1: the size-0 path comes before the resource failpoint (the fault consumes no injected failure)', () => {
  for (const faults of [K1, []]) {
    const d = contiguous(faults, 64n * MiB);
    assert.equal(d.failAllocation('resource', 1), OK);
    assert.equal(d.mapping(0, 0, 0n, TOP), faults.length > 0 ? OK : { ok: false, errno: 'ENOMEM' });
    assert.equal(d.resize(0, 0, 2n * MiB), faults.length > 0 ? { ok: false, errno: 'ENOMEM' } : OK);
  }
});

test('K1 changes nothing else: a non-zero mapping and [1, 2^64 - 1] behave as without the fault', () => {
  for (const faults of [K1, []]) {
    const d = contiguous(faults, 64n * MiB);
    assert.equal(d.mapping(0, 0, 1n, TOP), { ok: false, errno: 'ENXIO' });
    assert.equal(d.mapping(0, 0, ...at(0n, 4n * MiB)), OK);
    assert.equal(region(d).devices[0]!.ranges, [rng(...at(0n, 4n * MiB), 0n)]);
  }
});

test.run();
