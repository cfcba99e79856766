/** createRegion: a contiguous or dynamic region, at 0, low, or at the top of the address space. */
import fc from 'fast-check';
import type { DaxSnapshot, DaxSut, RegionKind } from '../../../sut/interface.ts';
import { GiB, KiB, MiB, U64_MAX } from '../../../sut/u64.ts';
import { powerOfTwo } from '../../domains.ts';
import { one, w, type Operation } from '../../operation.ts';

/** The seed device of a region: as given, or 'default' to leave the argument out (the interface's default is 'whole'). */
export type SeedChoice = 'whole' | 'empty' | 'default';

export type CreateRegionCmd = { op: 'createRegion'; kind: RegionKind; start: bigint; sizeBytes: bigint; align: bigint; seed: SeedChoice };
export type CreateRegionCall = CreateRegionCmd;

/** Region aligns: mostly 2 MiB and 1 GiB, also every power of two 4 MiB .. 2^63 (argument buckets), rarely invalid. */
const regionAlign = fc.oneof(w(20, fc.constant(2n * MiB)), w(4, fc.constant(GiB)), w(4, powerOfTwo(22, 63)), w(1, one(MiB, 3n * MiB)));

const log2 = (v: bigint) => v.toString(2).length - 1;

/** v when it is a u64 (every argument crosses the protocol as one), else fallback. */
const inU64 = (v: bigint, fallback: bigint) => (v <= U64_MAX ? v : fallback);

/**
 * Region sizes: a few GiB, whole aligns, every power of two from the align to 2^63 (a
 * share of 16 TiB and more, where a device passes 2^32 pages), the largest a region at
 * 0 can be (2^64 − align), rarely invalid.
 */
const regionSize = (align: bigint) =>
  fc.oneof(
    w(20, one(8n * GiB, 16n * GiB, 64n * GiB)),
    w(8, fc.integer({ min: 1, max: 8 }).map((k) => inU64(BigInt(k) * (align > 2n * MiB ? align : 2n * MiB), align))),
    w(4, powerOfTwo(Math.max(21, log2(align)), 63)),
    w(1, fc.constant(((1n << 64n) - align) & U64_MAX)),
    w(1, one(0n, align + 4n * KiB)),
  );

/** A start of every binade from the align up, kept inside u64 (else the top of the address space). */
const binadeStart = (align: bigint, sizeBytes: bigint) =>
  powerOfTwo(Math.max(21, log2(align)), 63).map((s) => (s + sizeBytes <= 1n << 64n ? s : ((1n << 64n) - sizeBytes) & U64_MAX));

/** Regions of the given kinds: sizes in whole alignments, starts at 0, low, and ending at (or just past) 2^64. */
export function createRegionOf(kind: fc.Arbitrary<RegionKind>): fc.Arbitrary<CreateRegionCmd> {
  return fc
    .tuple(kind, regionAlign, fc.oneof(w(4, one('whole' as const, 'empty' as const)), w(1, fc.constant('default' as const))))
    .chain(([kind, align, seed]) =>
      regionSize(align).chain((sizeBytes) =>
        fc
          .oneof(
            w(6, fc.integer({ min: 0, max: 4 }).map((k) => inU64(BigInt(k) * align, 0n))),
            w(3, fc.constant(((1n << 64n) - sizeBytes) & U64_MAX)),
            w(1, one(4n * KiB, U64_MAX - 2n * MiB)),
            w(1, fc.constant(((1n << 64n) - sizeBytes + align) & U64_MAX)),
            w(3, binadeStart(align, sizeBytes)),
          )
          .map((start) => ({ op: 'createRegion' as const, kind, start, sizeBytes, align, seed })),
      ),
    );
}

/** Dynamic regions somewhat more often than contiguous ones. */
export const regionKind = fc.oneof(w(3, fc.constant('dynamic' as const)), w(2, fc.constant('contiguous' as const)));

/** createRegion of the given kinds (the suite's operation is createRegionOp(regionKind)). */
export function createRegionOp(kind: fc.Arbitrary<RegionKind>): Operation<CreateRegionCmd, CreateRegionCall, DaxSut, DaxSnapshot> {
  return {
    op: 'createRegion',
    method: 'createRegion',
    weight: 3,
    arbitrary: createRegionOf(kind),
    scale: { weight: 1, arbitrary: fc.tuple(kind, one(0n, 512n * GiB)).map(([k, start]) => ({ op: 'createRegion' as const, kind: k, start, sizeBytes: 256n * GiB, align: 2n * MiB, seed: 'empty' as const })) },
    resolve: (cmd) => cmd,
  };
}

export const createRegion = createRegionOp(regionKind);
