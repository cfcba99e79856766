/**
 * The impl never throws: arguments of the wrong type or out of the u64 range give an
 * errno (ids that name nothing: ENXIO; bad values: EINVAL), and nothing changes.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { implFactory } from '../../impl/index.ts';
import type { DaxSut, ResourceTreeSut } from '../../sut/interface.ts';
import { U64_MAX } from '../../sut/u64.ts';
import { consistent, dynamic, MiB, U } from './helpers.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const any = (v: unknown) => v as any;
const bad = [any(5), any(-1n), U64_MAX + 1n, any(undefined), any(null), any('0x200000')];
const badIds = [-1, 1.5, NaN, 99, any('0'), any(undefined)];

test('DAX operations with bad ids give ENXIO, bad values EINVAL, and change nothing', () => {
  const d = dynamic([], 64n * MiB, [[0n, 8n * MiB]]);
  assert.equal(d.resize(0, 0, 4n * MiB), { ok: true });
  const before = d.observe();
  const calls: ((x: bigint, id: number) => ReturnType<DaxSut['resize']>)[] = [
    (x) => d.createRegion({ kind: 'dynamic', start: x, sizeBytes: U, align: U }),
    (x) => d.createRegion({ kind: 'dynamic', start: 0n, sizeBytes: x, align: U }),
    (x) => d.createRegion({ kind: 'dynamic', start: 0n, sizeBytes: U, align: x }),
    (x) => d.addExtent(0, x, U, 'x'),
    (x) => d.addExtent(0, 16n * MiB, x, 'x'),
    (x) => d.createDevice(0, x),
    (x) => d.resize(0, 0, x),
    (x) => d.setAlign(0, 0, x),
    (_x, id) => d.removeExtent(0, id),
    (_x, id) => d.deleteDevice(0, id),
    (_x, id) => d.bind(id, 0),
    (_x, id) => d.unbind(0, id),
    (_x, id) => d.destroyRegion(id),
    (_x, id) => d.resize(id, 0, U),
  ];
  for (const call of calls) {
    for (const [i, x] of bad.entries()) {
      const result = call(x, badIds[i]!);
      assert.is(result.ok, false);
      assert.ok(!result.ok && ['EINVAL', 'ENXIO'].includes(result.errno), String(call));
    }
  }
  assert.equal(d.createRegion(any(null)), { ok: false, errno: 'EINVAL' });
  assert.equal(d.createRegion(any({ kind: 'sparse', start: 0n, sizeBytes: U, align: U })), { ok: false, errno: 'EINVAL' });
  assert.equal(d.failAllocation(any('disk'), 1), { ok: false, errno: 'EINVAL' });
  assert.equal(d.failAllocation('ranges', NaN), { ok: false, errno: 'EINVAL' });
  assert.equal(d.observe(), before);
  consistent(d);
});

test('resource tree operations with bad ids give ENXIO, bad values EINVAL, and change nothing', () => {
  const t: ResourceTreeSut = implFactory.createTree();
  assert.equal(t.addRoot(0n, 100n, 'r'), { ok: true, id: 0 });
  assert.equal(t.requestRegion(0, 10n, 10n, 'a'), { ok: true, id: 1 });
  const before = t.observe();
  for (const [i, x] of bad.entries()) {
    const id = badIds[i]!;
    for (const result of [
      t.addRoot(x, 5n, 'x'),
      t.requestResource(0, x, 50n, 'x'),
      t.requestRegion(0, 40n, x, 'x'),
      t.releaseRegion(0, x, 10n),
      t.adjustResource(1, 10n, x),
      t.requestResource(id, 1n, 2n, 'x'),
      t.releaseResource(id),
    ]) {
      assert.ok(!result.ok && ['EINVAL', 'ENXIO'].includes(result.errno));
    }
  }
  assert.equal(t.observe(), before);
});

test.run();
