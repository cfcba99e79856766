import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sameData } from '../../properties/sameData.ts';
import { sameRecord } from '../../properties/sameRecord.ts';
import type { RegionSnap } from '../../sut/interface.ts';
import { contiguousRegion, destroyedRegion, dynamicRegion } from './snapshots.ts';

const REGIONS = [contiguousRegion, dynamicRegion, destroyedRegion];

/** Every path to a leaf (a primitive or null) of value. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => leafPaths((value as Record<string | number, unknown>)[k], [...path, k]));
}

/** A copy of region with the leaf at path changed to another value of its type. */
function withLeafChanged(region: RegionSnap, path: (string | number)[]): RegionSnap {
  const copy = structuredClone(region);
  let at = copy as unknown as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  const key = path.at(-1)!;
  const v = at[key];
  at[key] = typeof v === 'bigint' ? v + 1n : typeof v === 'number' ? v + 1 : typeof v === 'string' ? `${v}x` : typeof v === 'boolean' ? !v : 0;
  return copy;
}

test('sameRecord answers as sameData when one leaf of a region anywhere is changed (every leaf of three regions)', () => {
  let leaves = 0;
  for (const make of REGIONS) {
    assert.ok(sameRecord('region', make(), make()), `${make.name}: equal copies`);
    for (const path of leafPaths(make())) {
      const changed = withLeafChanged(make(), path);
      assert.not.ok(sameData(make(), changed), `sameData sees ${path.join('.')}`);
      assert.not.ok(sameRecord('region', make(), changed), `${make.name}: a change at ${path.join('.')} is seen`);
      assert.not.ok(sameRecord('region', changed, make()), `${make.name}: the same, the other way round`);
      leaves++;
    }
  }
  assert.ok(leaves > 60, `${leaves} leaves tried`);
});

test('sameRecord sees a list one item longer or shorter, a list for a record, and a missing part', () => {
  const longer = contiguousRegion();
  longer.devices.push(structuredClone(longer.devices[0]!));
  assert.not.ok(sameRecord('region', contiguousRegion(), longer));
  const shorter = dynamicRegion();
  shorter.extents.pop();
  assert.not.ok(sameRecord('region', dynamicRegion(), shorter));
  const listForRecord = { ...contiguousRegion(), resource: [] } as unknown as RegionSnap;
  assert.not.ok(sameRecord('region', contiguousRegion(), listForRecord));
  assert.not.ok(sameRecord('region', contiguousRegion(), null));
  assert.ok(sameRecord('region', null, null));
  const numberForBigint = { ...contiguousRegion(), start: Number(contiguousRegion().start) } as unknown as RegionSnap;
  assert.not.ok(sameRecord('region', contiguousRegion(), numberForBigint), 'a number is not the bigint of the same value');
});

test('what sameRecord leaves to the run\'s end (its file comment): a key the schema does not have', () => {
  const extra = { ...contiguousRegion(), note: 'x' } as RegionSnap;
  assert.ok(sameRecord('region', contiguousRegion(), extra), 'an extra key passes the step');
  assert.not.ok(sameData(contiguousRegion(), extra), 'the run\'s end check (sameData) finds it');
});

test.run();
