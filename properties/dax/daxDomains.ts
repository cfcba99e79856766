/**
 * The DAX operations' argument domains in buckets (properties/domains.ts,
 * docs/argument-domains.md): region aligns by power of two, starts, sizes, offsets and
 * lengths by binade (the 2 MiB granule and up; "invalid" for a value off the 2 MiB
 * granule or past u64), and the regions, devices and extents arguments name by kind.
 */
import type { DaxSnapshot, FailPoint, RegionSnap } from '../../sut/interface.ts';
import { MiB } from '../../sut/u64.ts';
import { alignBucket, binade, binadeNames, BucketTable, OBJECT_BUCKETS, objectBucket, REGION_ALIGN_BUCKETS, type ArgumentDomains } from '../domains.ts';
import type { DaxCall } from './daxCommand.ts';

const GRANULE = 2n * MiB;
/** 0 and every binade a multiple of 2 MiB reaches, then invalid. */
const GRANULAR_ADDRESS = ['0', ...binadeNames(21, 63), 'invalid'];
/** Every binade a non-zero multiple of 2 MiB reaches, then invalid (0 included). */
const GRANULAR_SIZE = [...binadeNames(21, 63), 'invalid'];
const SET_ALIGNS = ['4KiB', '2MiB', '1GiB', 'invalid'];

/** A u64 on the 2 MiB granule by binade; anything else invalid. */
const granular = (v: bigint) => (v % GRANULE === 0n ? binade(v) : 'invalid');
/** A non-zero size on the 2 MiB granule by binade; 0 and anything else invalid. */
const granularSize = (v: bigint) => (v === 0n ? 'invalid' : granular(v));

/** Which buckets each argument of each operation has. */
function argumentTable(kinds: readonly RegionSnap['kind'][], points: readonly FailPoint[]): Record<string, Record<string, readonly string[]>> {
  const region = { region: OBJECT_BUCKETS };
  const device = { ...region, device: OBJECT_BUCKETS };
  return {
    createRegion: { kind: kinds, align: [...REGION_ALIGN_BUCKETS, 'invalid'], start: GRANULAR_ADDRESS, size: GRANULAR_SIZE, ...(kinds.includes('contiguous') ? { seed: ['whole', 'empty', 'default'] } : {}) },
    destroyRegion: region,
    addExtent: { ...region, offset: GRANULAR_ADDRESS, length: GRANULAR_SIZE },
    removeExtent: { ...region, extent: OBJECT_BUCKETS },
    createDevice: { ...region, size: GRANULAR_ADDRESS },
    deleteDevice: device,
    bind: device,
    unbind: device,
    resize: { ...device, size: GRANULAR_ADDRESS },
    mapping: { ...device, start: GRANULAR_ADDRESS, length: GRANULAR_SIZE },
    setAlign: { ...device, align: SET_ALIGNS },
    failAllocation: { point: points },
  };
}

function regionBucket(s: DaxSnapshot, r: number): string {
  return objectBucket(s.regions.filter((x) => !x.destroyed), r, (id) => s.regions.some((x) => x.id === id));
}

/** A device of a live region; a dead one is an id below the highest live id that no device has (the ida hands out the lowest). */
function deviceBucket(r: RegionSnap | undefined, d: number): string | null {
  if (r === undefined || r.destroyed) return null;
  const top = r.devices.at(-1)?.id ?? -1;
  return objectBucket(r.devices, d, (id) => id < top);
}

function extentBucket(r: RegionSnap | undefined, e: number): string | null {
  if (r === undefined || r.destroyed) return null;
  return objectBucket(r.extents.filter((x) => x.visible), e, (id) => r.extents.some((x) => x.id === id));
}

const SET_ALIGN_NAMES = new Map([[4096n, '4KiB'], [GRANULE, '2MiB'], [1n << 30n, '1GiB']]);

/** The [argument, bucket] pairs a call hits (an argument of a missing region's call that names nothing real is left out). */
function hits(c: DaxCall, s: DaxSnapshot): [string, string | null][] {
  const r = 'region' in c ? s.regions.find((x) => x.id === c.region) : undefined;
  const region = (): [string, string] => ['region', regionBucket(s, (c as { region: number }).region)];
  const device = (d: number): [string, string | null] => ['device', deviceBucket(r, d)];
  switch (c.op) {
    case 'createRegion': {
      const size = c.sizeBytes === 0n || c.start + c.sizeBytes > 1n << 64n ? 'invalid' : granularSize(c.sizeBytes);
      return [['kind', c.kind], ['align', alignBucket(c.align)], ['start', granular(c.start)], ['size', size], ['seed', c.kind === 'contiguous' ? c.seed : null]];
    }
    case 'destroyRegion': return [region()];
    case 'addExtent': return [region(), ['offset', granular(c.offset)], ['length', granularSize(c.length)]];
    case 'removeExtent': return [region(), ['extent', extentBucket(r, c.extent)]];
    case 'createDevice': return [region(), ['size', granular(c.sizeBytes)]];
    case 'deleteDevice':
    case 'bind':
    case 'unbind': return [region(), device(c.device)];
    case 'resize': return [region(), device(c.device), ['size', granular(c.sizeBytes)]];
    case 'mapping': return [region(), device(c.device), ['start', granular(c.start)], ['length', granularSize((c.end - c.start + 1n) & ((1n << 64n) - 1n))]];
    case 'setAlign': return [region(), device(c.device), ['align', SET_ALIGN_NAMES.get(c.align) ?? 'invalid']];
    case 'failAllocation': return [['point', c.point]];
  }
}

/** The argument domains of a DAX suite of the given operations, region kinds and failure points. */
export function daxDomains(ops: readonly string[], kinds: readonly RegionSnap['kind'][], points: readonly FailPoint[]): ArgumentDomains<DaxCall, DaxSnapshot> {
  const table = new BucketTable(Object.fromEntries(ops.map((op) => [op, argumentTable(kinds, points)[op] ?? {}])));
  return {
    all: table.all,
    buckets: (c, before) => {
      const out: string[] = [];
      for (const [arg, v] of hits(c, before)) {
        const b = v === null ? null : table.name(c.op, arg, v);
        if (b !== null) out.push(b);
      }
      return out;
    },
  };
}
