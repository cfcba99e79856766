/**
 * Generators of DAX-suite commands, biased to where allocator bugs live: sizes that are
 * multiples of the alignments and one unit off, 4 GiB multiples (extents of 4 GiB and
 * more, free space an exact multiple of 4 GiB), regions at 0 and at the top of the
 * address space, extents and mappings adjacent to and overlapping existing ones, and
 * names of existing objects most of the time, missing ones sometimes.
 */
import fc from 'fast-check';
import { FAIL_POINTS } from '../../sut/interface.ts';
import { GiB, KiB, MiB, U64_MAX } from '../../sut/u64.ts';
import type { DaxCommand } from './daxCommand.ts';

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const one = <T>(...values: T[]) => fc.constantFrom(...values);

/** Index of an existing object (resolved modulo the list), -1 for a missing one. */
const ref = fc.oneof(w(12, fc.integer({ min: 0, max: 3 })), w(1, fc.constant(-1)));
const regionRef = fc.oneof(w(20, fc.integer({ min: 0, max: 2 })), w(2, fc.constant(3)), w(1, fc.constant(-1)));

const regionAlign = fc.oneof(w(20, fc.constant(2n * MiB)), w(4, fc.constant(GiB)), w(1, one(MiB, 3n * MiB)));

const regionSize = (align: bigint) =>
  fc.oneof(
    w(20, one(8n * GiB, 16n * GiB, 64n * GiB)),
    w(8, fc.integer({ min: 1, max: 8 }).map((k) => BigInt(k) * (align > 2n * MiB ? align : 2n * MiB))),
    w(1, one(0n, align + 4n * KiB)),
  );

const regionKind = fc.oneof(w(3, fc.constant('dynamic' as const)), w(2, fc.constant('contiguous' as const)));

const createRegionOf = (kind: fc.Arbitrary<'contiguous' | 'dynamic'>): fc.Arbitrary<DaxCommand> => fc
  .tuple(kind, regionAlign, fc.oneof(w(4, one('whole' as const, 'empty' as const)), w(1, fc.constant('default' as const))))
  .chain(([kind, align, seed]) =>
    regionSize(align).chain((sizeBytes) =>
      fc
        .oneof(
          w(6, fc.integer({ min: 0, max: 4 }).map((k) => BigInt(k) * align)),
          w(3, fc.constant(((1n << 64n) - sizeBytes) & U64_MAX)),
          w(1, one(4n * KiB, U64_MAX - 2n * MiB)),
          w(1, fc.constant(((1n << 64n) - sizeBytes + align) & U64_MAX)),
        )
        .map((start) => ({ op: 'createRegion' as const, kind, start, sizeBytes, align, seed })),
    ),
  );
const createRegion = createRegionOf(regionKind);

const extentLength = fc.oneof(
  w(6, one(2n * MiB, 4n * MiB, GiB, 2n * GiB)),
  w(6, one(4n * GiB, 4n * GiB + 2n * MiB, 6n * GiB, 8n * GiB)),
  w(1, one(0n, 4n * KiB)),
);
const delta = fc.oneof(w(12, fc.constant(0n)), w(3, one(2n * MiB, -2n * MiB, GiB, 4n * GiB, -4n * GiB)), w(1, one(4n * KiB, -4n * KiB)));

const addExtent: fc.Arbitrary<DaxCommand> = fc.record({
  op: fc.constant('addExtent' as const),
  region: regionRef,
  at: fc.oneof(w(6, fc.constant('afterLast' as const)), w(2, one('abs' as const, 'overLast' as const)), w(1, fc.constant('top' as const))),
  deltaBytes: delta,
  lengthBytes: extentLength,
  label: one('a', 'b', 'c'),
});

const deviceOp = (op: 'deleteDevice' | 'bind' | 'unbind'): fc.Arbitrary<DaxCommand> =>
  fc.record({ op: fc.constant(op), region: regionRef, device: ref });

const resize: fc.Arbitrary<DaxCommand> = fc.record({
  op: fc.constant('resize' as const),
  region: regionRef,
  device: ref,
  to: fc.oneof(w(4, fc.constant('grow' as const)), w(5, fc.constant('size' as const)), w(3, fc.constant('half' as const)), w(2, fc.constant('abs' as const))),
  deltaBytes: fc.oneof(
    w(8, fc.constant(0n)),
    w(6, one(2n * MiB, 4n * MiB, GiB, 4n * GiB, -2n * MiB, -GiB)),
    w(1, one(4n * KiB, -4n * KiB, 1n << 63n)),
  ),
});

const mapping: fc.Arbitrary<DaxCommand> = fc.record({
  op: fc.constant('mapping' as const),
  region: regionRef,
  device: ref,
  at: one('abs' as const, 'firstGap' as const, 'afterLast' as const, 'overLast' as const),
  deltaBytes: fc.oneof(w(6, fc.constant(0n)), w(4, one(2n * MiB, 4n * MiB, GiB, -2n * MiB)), w(1, fc.constant(4n * KiB))),
  lengthBytes: fc.oneof(w(6, one(2n * MiB, 4n * MiB, GiB)), w(1, one(MiB, 0n))),
});

/** Any DAX command, weighted towards the allocator's paths. */
export function daxCommand(): fc.Arbitrary<DaxCommand> {
  return fc.oneof(
    w(3, createRegion),
    w(1, fc.record({ op: fc.constant('destroyRegion' as const), region: regionRef })),
    w(12, addExtent),
    w(5, fc.record({ op: fc.constant('removeExtent' as const), region: regionRef, extent: ref })),
    w(6, fc.record({ op: fc.constant('createDevice' as const), region: regionRef, sizeBytes: fc.oneof(w(8, fc.constant(0n)), w(2, one(2n * MiB, 4n * MiB, GiB)), w(1, fc.constant(4n * KiB))) })),
    w(3, deviceOp('deleteDevice')),
    w(3, deviceOp('bind')),
    w(3, deviceOp('unbind')),
    w(22, resize),
    w(5, mapping),
    w(3, fc.record({ op: fc.constant('setAlign' as const), region: regionRef, device: ref, align: one(4n * KiB, 2n * MiB, GiB, 8n * KiB) })),
    w(4, fc.record({ op: fc.constant('failAllocation' as const), point: one(...FAIL_POINTS), nth: fc.oneof(w(8, fc.constant(1)), w(2, fc.integer({ min: 2, max: 3 })), w(1, one(0, -1))) })),
  );
}

/**
 * The commands every run starts with: almost always a dynamic and a contiguous region
 * (either may be invalid). Each is optional so that shrinking can drop the one a
 * counterexample does not need.
 */
export function daxPrefix(): fc.Arbitrary<DaxCommand[]> {
  const optional = (kind: 'dynamic' | 'contiguous') => fc.option(createRegionOf(fc.constant(kind)), { freq: 20, nil: null });
  return fc.tuple(optional('dynamic'), optional('contiguous')).map((regions) => regions.filter((r) => r !== null));
}
