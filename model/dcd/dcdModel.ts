/**
 * The reference model of the v11/v10 profile (docs/SPECIFICATION.md §12): naive on
 * purpose. A resource's use count, a device's size and its ranges' pgoff are derived
 * from the ranges whenever they are read; nothing is cached.
 */
import { fail, ok, type Result } from '../../sut/interface.ts';
import { groupName, seqBase, UNTAGGED, type DcdProfile, type DcdSnapshot, type DcdSut, type Tag, type TagGroup } from '../../sut/dcdInterface.ts';
import { MiB, U64_MAX } from '../../sut/u64.ts';

interface Res { start: bigint; size: bigint; tag: Tag; seq: number }
interface Range { start: bigint; end: bigint }
interface Device { id: number; ranges: Range[] }
interface Region { id: number; start: bigint; size: bigint; align: bigint; resources: Res[]; devices: Device[]; pending: Set<string> }

const BLOCK = 2n * MiB;
const MAX_GROUP = 8;
const isPow2 = (v: bigint) => v > 0n && (v & (v - 1n)) === 0n;

/** The v11/v10 profile, naive. */
export class DcdModel implements DcdSut {
  private readonly regions: Region[] = [];
  private readonly base: number;

  constructor(profile: DcdProfile) {
    this.base = seqBase(profile);
  }

  createRegion(start: bigint, sizeBytes: bigint, align: bigint): Result {
    if (!isPow2(align) || align < BLOCK || align > U64_MAX) return fail('EINVAL');
    if (sizeBytes <= 0n || sizeBytes > U64_MAX || start < 0n) return fail('EINVAL');
    if (start % align !== 0n || sizeBytes % align !== 0n || start + sizeBytes > U64_MAX + 1n) return fail('EINVAL');
    const id = this.regions.length;
    this.regions.push({ id, start, size: sizeBytes, align, resources: [], devices: [{ id: 0, ranges: [] }], pending: new Set() });
    return ok(id);
  }

  createDevice(region: number): Result {
    const r = this.regions[region];
    if (r === undefined) return fail('ENXIO');
    if (!r.resources.some((x) => this.useCount(r, x) === 0)) return fail('ENOSPC');
    let id = 0;
    while (r.devices.some((d) => d.id === id)) id++;
    r.devices.push({ id, ranges: [] });
    r.devices.sort((a, b) => a.id - b.id);
    return ok(id);
  }

  deleteDevice(region: number, device: number): Result {
    const r = this.regions[region];
    const d = r?.devices.find((x) => x.id === device);
    if (r === undefined || d === undefined) return fail('ENXIO');
    if (device === 0 || d.ranges.length > 0) return fail('EBUSY');
    r.devices = r.devices.filter((x) => x !== d);
    return ok();
  }

  resize(region: number, device: number, sizeBytes: bigint): Result {
    const r = this.regions[region];
    const d = r?.devices.find((x) => x.id === device);
    if (r === undefined || d === undefined) return fail('ENXIO');
    if (sizeBytes % (r.align > BLOCK ? r.align : BLOCK) !== 0n) return fail('EINVAL');
    if (sizeBytes === d.ranges.reduce((n, x) => n + x.end - x.start + 1n, 0n)) return ok();
    if (sizeBytes !== 0n) return fail('EOPNOTSUPP');
    d.ranges = [];
    this.completePending(r);
    return ok();
  }

  addTagGroup(region: number, g: TagGroup): Result {
    const r = this.regions[region];
    if (r === undefined) return fail('ENXIO');
    const problem = this.groupProblem(r, g);
    if (problem !== null) return fail(problem);
    g.extents.forEach((e, i) => r.resources.push({ start: r.start + e.offset, size: e.length, tag: g.tag, seq: g.seqBase + i }));
    return ok();
  }

  claim(region: number, device: number, tag: Tag): Result {
    const r = this.regions[region];
    const d = r?.devices.find((x) => x.id === device);
    if (r === undefined || d === undefined) return fail('ENXIO');
    if (d.ranges.length > 0) return fail('EBUSY');
    const free = r.resources.filter((x) => x.tag === tag && this.useCount(r, x) === 0);
    if (free.length === 0) return fail('ENOENT');
    if (tag === UNTAGGED) {
      if (free[0]!.size % r.align !== 0n) return fail('EINVAL');
      d.ranges.push({ start: free[0]!.start, end: free[0]!.start + free[0]!.size - 1n });
      return ok();
    }
    // §12.7 step 4's seq check (a warning and EINVAL) cannot fire here: §12.5 step 5 keeps every
    // tag's seqs dense, so the model leaves it out (its warning count stays 0, D6).
    const members = [...free].sort((a, b) => a.seq - b.seq);
    if (members.some((m) => m.size % r.align !== 0n)) return fail('EINVAL');
    for (const m of members) d.ranges.push({ start: m.start, end: m.start + m.size - 1n });
    return ok();
  }

  claimRacing(region: number, device: number, tag: Tag, group: TagGroup): Result {
    const result = this.claim(region, device, tag);
    this.addTagGroup(region, group);
    return result;
  }

  releaseTagGroup(region: number, tag: Tag, _forced: boolean, offset: bigint): Result {
    const r = this.regions[region];
    if (r === undefined) return fail('ENXIO');
    const members = this.group(r, tag, offset);
    if (members.length === 0) return fail('ENOENT');
    const name = groupName(tag, offset);
    if (members.some((m) => this.useCount(r, m) > 0)) {
      r.pending.add(name);
      return fail('EBUSY');
    }
    r.resources = r.resources.filter((x) => !members.includes(x));
    r.pending.delete(name);
    return ok();
  }

  observe(): DcdSnapshot {
    return {
      regions: this.regions.map((r) => ({
        id: r.id, start: r.start, sizeBytes: r.size, align: r.align,
        resources: r.resources.map((x) => ({ start: x.start, size: x.size, tag: x.tag, seq: x.seq, useCount: this.useCount(r, x) })),
        devices: r.devices.map((d) => ({
          id: d.id, name: `dax${r.id}.${d.id}`, sizeBytes: d.ranges.reduce((s, x) => s + x.end - x.start + 1n, 0n), mappings: d.ranges.length,
          ranges: d.ranges.map((x, i) => ({ start: x.start, end: x.end, pgoff: d.ranges.slice(0, i).reduce((s, y) => s + y.end - y.start + 1n, 0n) / 4096n })),
        })),
        pending: [...r.pending].sort(),
        warnings: 0,
      })),
    };
  }

  /** The errno that refuses group g on r (§12.5 steps 2–6), or null. */
  private groupProblem(r: Region, g: TagGroup): 'EINVAL' | 'EBUSY' | 'ENOSPC' | null {
    const xs = g.extents;
    if (xs.length === 0 || xs.length > MAX_GROUP) return 'EINVAL';
    if (xs.some((e) => e.length <= 0n || e.offset < 0n || e.offset % BLOCK !== 0n || e.length % BLOCK !== 0n || e.offset + e.length > r.size)) return 'EINVAL';
    if (xs.some((a, i) => xs.some((b, j) => i < j && a.offset < b.offset + b.length && b.offset < a.offset + a.length))) return 'EINVAL';
    if (g.tag !== UNTAGGED) {
      const same = r.resources.filter((x) => x.tag === g.tag);
      if (same.some((x) => this.useCount(r, x) > 0)) return 'EBUSY';
      if (g.seqBase !== this.base + same.length) return 'EINVAL';
    }
    const overlaps = (e: { offset: bigint; length: bigint }, x: Res) => r.start + e.offset < x.start + x.size && x.start < r.start + e.offset + e.length;
    if (xs.some((e) => r.resources.some((x) => overlaps(e, x)))) return 'ENOSPC';
    return null;
  }

  /** The members of the group named by tag (and offset, untagged). */
  private group(r: Region, tag: Tag, offset: bigint): Res[] {
    return r.resources.filter((x) => x.tag === tag && (tag !== UNTAGGED || x.start === r.start + offset));
  }

  /** The number of ranges, of every device, that lie in x. */
  private useCount(r: Region, x: Res): number {
    return r.devices.reduce((n, d) => n + d.ranges.filter((g) => g.start >= x.start && g.end <= x.start + x.size - 1n).length, 0);
  }

  /** Releases every pending group none of whose members is in use any more (§12.6). */
  private completePending(r: Region): void {
    for (const name of [...r.pending]) {
      const untagged = name.startsWith('0@');
      const members = untagged ? this.group(r, UNTAGGED, BigInt(name.slice(2))) : this.group(r, name, 0n);
      if (members.some((m) => this.useCount(r, m) > 0)) continue;
      r.resources = r.resources.filter((x) => !members.includes(x));
      r.pending.delete(name);
    }
  }
}
