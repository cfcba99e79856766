/**
 * The DAX operations' argument domains in buckets (properties/domains.ts,
 * docs/argument-domains.md): region aligns by power of two, starts, sizes, offsets and
 * lengths by binade (the 2 MiB granule and up; "invalid" for a value off the 2 MiB
 * granule or past u64), and the regions, devices and extents arguments name by kind.
 */
import type { DaxSnapshot, FailPoint, RegionSnap } from '../../sut/interface.ts';
import { MiB } from '../../sut/u64.ts';
import { alignBucket, binade, binadeNames, BucketTable, OBJECT_BUCKETS, position, REGION_ALIGN_BUCKETS, type ArgumentDomains } from '../domains.ts';
import type { DaxCall } from './daxCommand.ts';

const GRANULE = 2n * MiB;
/** 0 and every binade a multiple of 2 MiB reaches, then invalid. */
const GRANULAR_ADDRESS = ['0', ...binadeNames(21, 63), 'invalid'];
/** Every binade a non-zero multiple of 2 MiB reaches, then invalid (0 included). */
const GRANULAR_SIZE = [...binadeNames(21, 63), 'invalid'];
const SET_ALIGNS = ['4KiB', '2MiB', '1GiB', 'invalid'];

const GRANULE_MASK = GRANULE - 1n;
/** A u64 on the 2 MiB granule by binade; anything else invalid. */
const granular = (v: bigint) => ((v & GRANULE_MASK) === 0n ? binade(v) : 'invalid');
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

/** A region argument: by position among the live regions, dead (destroyed) or missing; one pass, no allocation. */
function regionBucket(s: DaxSnapshot, id: number): string {
  let live = 0;
  let at = -1;
  let dead = false;
  for (const x of s.regions) {
    if (x.id === id) {
      if (x.destroyed) dead = true;
      else at = live;
    }
    if (!x.destroyed) live++;
  }
  if (at >= 0) return LIVE_AT[position(at, live)];
  return dead ? 'dead' : 'missing';
}

/** A device of a live region; a dead one is an id below the highest live id that no device has (the ida hands out the lowest). */
function deviceBucket(r: RegionSnap | undefined, d: number): string | null {
  if (r === undefined || r.destroyed) return null;
  const { devices } = r;
  for (let i = 0; i < devices.length; i++) if (devices[i]!.id === d) return LIVE_AT[position(i, devices.length)];
  return d < (devices.at(-1)?.id ?? -1) ? 'dead' : 'missing';
}

/** An extent of a live region: by position among the visible extents, dead (not visible) or missing; one pass. */
function extentBucket(r: RegionSnap | undefined, e: number): string | null {
  if (r === undefined || r.destroyed) return null;
  let visible = 0;
  let at = -1;
  let dead = false;
  for (const x of r.extents) {
    if (x.id === e) {
      if (x.visible) at = visible;
      else dead = true;
    }
    if (x.visible) visible++;
  }
  if (at >= 0) return LIVE_AT[position(at, visible)];
  return dead ? 'dead' : 'missing';
}

const LIVE_AT = { first: 'live first', middle: 'live middle', last: 'live last', only: 'live only' } as const;

const SET_ALIGN_NAMES = new Map([[4096n, '4KiB'], [GRANULE, '2MiB'], [1n << 30n, '1GiB']]);

type ArgBuckets = ReadonlyMap<string, ReadonlyMap<string, string>>;

const TWO_64 = 1n << 64n;
const U64_MASK = TWO_64 - 1n;

/** The region with id r (its index, unless the snapshot is not in id order). */
function regionOf(s: DaxSnapshot, r: number): RegionSnap | undefined {
  const at = s.regions[r];
  if (at?.id === r) return at;
  for (const x of s.regions) if (x.id === r) return x;
  return undefined;
}

/** Appends the bucket of argument arg with value v to out (none for a null value or one the table lacks). */
function add(out: string[], t: ArgBuckets, arg: string, v: string | null): void {
  const b = v === null ? undefined : t.get(arg)?.get(v);
  if (b !== undefined) out.push(b);
}

/** Appends the buckets a call hits (an argument of a missing region's call that names nothing real is left out). */
function hits(c: DaxCall, s: DaxSnapshot, table: BucketTable, out: string[]): void {
  const { op } = c;
  const t = table.of(op);
  if (op === 'createRegion') {
    const size = c.sizeBytes === 0n || c.start + c.sizeBytes > TWO_64 ? 'invalid' : granularSize(c.sizeBytes);
    add(out, t, 'kind', c.kind);
    add(out, t, 'align', alignBucket(c.align));
    add(out, t, 'start', granular(c.start));
    add(out, t, 'size', size);
    add(out, t, 'seed', c.kind === 'contiguous' ? c.seed : null);
    return;
  }
  if (op === 'failAllocation') return add(out, t, 'point', c.point);
  if (op === 'failNth') return; // its n is the sweep's (properties/failNthSweep.ts), not a generated argument
  add(out, t, 'region', regionBucket(s, c.region));
  const r = regionOf(s, c.region);
  switch (op) {
    case 'destroyRegion': return;
    case 'addExtent': return add(out, t, 'offset', granular(c.offset)), add(out, t, 'length', granularSize(c.length));
    case 'removeExtent': return add(out, t, 'extent', extentBucket(r, c.extent));
    case 'createDevice': return add(out, t, 'size', granular(c.sizeBytes));
    case 'deleteDevice':
    case 'bind':
    case 'unbind': return add(out, t, 'device', deviceBucket(r, c.device));
    case 'resize': return add(out, t, 'device', deviceBucket(r, c.device)), add(out, t, 'size', granular(c.sizeBytes));
    case 'mapping':
      add(out, t, 'device', deviceBucket(r, c.device));
      add(out, t, 'start', granular(c.start));
      return add(out, t, 'length', granularSize((c.end - c.start + 1n) & U64_MASK));
    case 'setAlign': return add(out, t, 'device', deviceBucket(r, c.device)), add(out, t, 'align', SET_ALIGN_NAMES.get(c.align) ?? 'invalid');
  }
}

/** The argument domains of a DAX suite of the given operations, region kinds and failure points. */
export function daxDomains(ops: readonly string[], kinds: readonly RegionSnap['kind'][], points: readonly FailPoint[]): ArgumentDomains<DaxCall, DaxSnapshot> {
  const table = new BucketTable(Object.fromEntries(ops.map((op) => [op, argumentTable(kinds, points)[op] ?? {}])));
  return {
    all: table.all,
    buckets: (c, before) => {
      const out: string[] = [];
      hits(c, before, table, out);
      return out;
    },
  };
}
