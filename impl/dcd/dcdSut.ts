/**
 * The profile's kernel-style implementation (docs/SPECIFICATION.md §12), after the v11
 * series' bus.c: the uuid claim counts and collects its members, sorts them by seq,
 * allocates each and rolls back by trimming; a tag group's release walks its members
 * twice (refuse if any is in use, then release). The series' defects are faults.
 */
import { fail, ok, type Errno, type Result } from '../../sut/interface.ts';
import { groupName, seqBase, UNTAGGED, type DcdProfile, type DcdSnapshot, type DcdSut, type Tag, type TagGroup } from '../../sut/dcdInterface.ts';
import { MiB, U64_MAX } from '../../sut/u64.ts';
import type { DcdFaultFlags } from './dcdFaults.ts';
import { allocDevDaxRange, regionSelfCheck, resourceSize, trimDevDaxRange, type DaxRegion, type DaxResource, type DevDax } from './dcdRegion.ts';

const BLOCK = 2n * MiB;
const MAX_GROUP = 8;

export class ImplDcd implements DcdSut {
  private readonly regions: DaxRegion[] = [];
  private readonly base: number;

  constructor(profile: DcdProfile, private readonly faults: DcdFaultFlags) {
    this.base = seqBase(profile);
  }

  createRegion(start: bigint, sizeBytes: bigint, align: bigint): Result {
    if (align < BLOCK || align > U64_MAX || (align & (align - 1n)) !== 0n) return fail('EINVAL');
    if (sizeBytes === 0n || sizeBytes > U64_MAX || start < 0n) return fail('EINVAL');
    if ((start & (align - 1n)) !== 0n || (sizeBytes & (align - 1n)) !== 0n || start + sizeBytes - 1n > U64_MAX) return fail('EINVAL');
    const id = this.regions.length;
    this.regions.push({ id, start, size: sizeBytes, align, resources: [], devs: [newDev(0)], pending: new Set(), warnings: 0 });
    return ok(id);
  }

  createDevice(region: number): Result {
    const r = this.regions[region];
    if (r === undefined) return fail('ENXIO');
    // create_store: no available size (every resource claimed) is ENOSPC.
    if (!r.resources.some((x) => x.useCnt === 0)) return fail('ENOSPC');
    let id = 0;
    let at = 0;
    while (at < r.devs.length && r.devs[at]!.id === id) { id++; at++; }
    r.devs.splice(at, 0, newDev(id));
    return ok(id);
  }

  deleteDevice(region: number, device: number): Result {
    const r = this.regions[region];
    const at = r === undefined ? -1 : r.devs.findIndex((d) => d.id === device);
    if (r === undefined || at < 0) return fail('ENXIO');
    if (device === 0 || r.devs[at]!.size !== 0n) return fail('EBUSY');
    r.devs.splice(at, 1);
    return ok();
  }

  resize(region: number, device: number, sizeBytes: bigint): Result {
    const r = this.regions[region];
    const dev = r?.devs.find((d) => d.id === device);
    if (r === undefined || dev === undefined) return fail('ENXIO');
    // size_store: alignment, then nothing to do, then the DC refusal.
    if ((sizeBytes & ((r.align > BLOCK ? r.align : BLOCK) - 1n)) !== 0n) return fail('EINVAL');
    if (sizeBytes === dev.size) return ok();
    if (sizeBytes !== 0n) return fail('EOPNOTSUPP');
    while (dev.ranges.length > 0) trimDevDaxRange(dev, false);
    this.retryPending(r);
    return ok();
  }

  addTagGroup(region: number, g: TagGroup): Result {
    const r = this.regions[region];
    if (r === undefined) return fail('ENXIO');
    const errno = this.groupRefusal(r, g);
    if (errno !== null) return fail(errno);
    for (let i = 0; i < g.extents.length; i++) {
      const e = g.extents[i]!;
      r.resources.push({ start: r.start + e.offset, end: r.start + e.offset + e.length - 1n, tag: g.tag, seqNum: g.seqBase + i, useCnt: 0 });
    }
    return ok();
  }

  claim(region: number, device: number, tag: Tag): Result {
    return this.uuidStore(region, device, tag, null);
  }

  claimRacing(region: number, device: number, tag: Tag, group: TagGroup): Result {
    let added = false;
    const arrive = () => {
      added = true;
      this.addTagGroup(region, group);
    };
    const rc = this.uuidStore(region, device, tag, this.faults.claimTwoPass ? arrive : null);
    if (!added) arrive();
    return rc;
  }

  releaseTagGroup(region: number, tag: Tag, _forced: boolean, offset: bigint): Result {
    const r = this.regions[region];
    if (r === undefined) return fail('ENXIO');
    const members = groupOf(r, tag, offset);
    if (members.length === 0) return fail('ENOENT');
    // dax_region_rm_resources: refuse if any member is in use, else release all.
    if (members.some((m) => m.useCnt > 0)) {
      if (this.faults.refusedReleaseForgotten) return ok();
      r.pending.add(groupName(tag, offset));
      return fail('EBUSY');
    }
    r.resources = r.resources.filter((x) => !members.includes(x));
    r.pending.delete(groupName(tag, offset));
    return ok();
  }

  observe(): DcdSnapshot {
    return {
      regions: this.regions.map((r) => ({
        id: r.id, start: r.start, sizeBytes: r.size, align: r.align,
        resources: r.resources.map((x) => ({ start: x.start, size: resourceSize(x), tag: x.tag, seq: x.seqNum, useCount: x.useCnt })),
        devices: r.devs.map((d) => ({ id: d.id, name: `dax${r.id}.${d.id}`, sizeBytes: d.size, mappings: d.mappings, ranges: d.ranges.map((g) => ({ start: g.start, end: g.end, pgoff: g.pgoff })) })),
        pending: [...r.pending].sort(),
        warnings: r.warnings,
      })),
    };
  }

  selfCheck(): string[] {
    return this.regions.flatMap(regionSelfCheck);
  }

  /** uuid_store: between (T4 only) runs between the tagged claim's count and collect passes. */
  private uuidStore(region: number, device: number, tag: Tag, between: (() => void) | null): Result {
    const r = this.regions[region];
    const dev = r?.devs.find((d) => d.id === device);
    if (r === undefined || dev === undefined) return fail('ENXIO');
    if (dev.size !== 0n) return fail('EBUSY');
    const errno = tag === UNTAGGED ? claimUntagged(r, dev) : this.claimTagged(r, dev, tag, between);
    return errno === null ? ok() : fail(errno);
  }

  /** uuid_claim_tagged: count, collect into an array of that size, sort by seq, check the seqs, allocate each, roll back on failure. */
  private claimTagged(r: DaxRegion, dev: DevDax, tag: Tag, between: (() => void) | null): Errno | null {
    const unused = (x: DaxResource) => x.useCnt === 0 && x.tag === tag;
    const cap = r.resources.filter(unused).length;
    if (between !== null) between();
    if (cap === 0) return 'ENOENT';
    const arr: DaxResource[] = [];
    for (const x of r.resources) {
      if (!unused(x)) continue;
      if (arr.length === cap) return 'ENOSPC';
      arr.push(x);
    }
    arr.sort((a, b) => a.seqNum - b.seqNum);
    // dev_WARN_ONCE and EINVAL on a seq gap: reachable only through T5 (§12.5 step 5 keeps seqs dense)
    if (arr.some((x, i) => x.seqNum !== this.base + i)) return warn(r);
    let i = 0;
    for (; i < arr.length; i++) {
      if ((resourceSize(arr[i]!) & (r.align - 1n)) !== 0n) break;
      allocDevDaxRange(dev, arr[i]!);
    }
    if (i === arr.length) return null;
    while (i-- > 0) trimDevDaxRange(dev, this.faults.rollbackKeepsMapping);
    return 'EINVAL';
  }

  /** The errno refusing group g (§12.5), or null; T5 skips the tag's seq check. */
  private groupRefusal(r: DaxRegion, g: TagGroup): Errno | null {
    const xs = g.extents;
    if (xs.length === 0 || xs.length > MAX_GROUP) return 'EINVAL';
    for (const e of xs) {
      if (e.length === 0n || e.offset < 0n || e.length < 0n || (e.offset & (BLOCK - 1n)) !== 0n || (e.length & (BLOCK - 1n)) !== 0n || e.offset + e.length > r.size) return 'EINVAL';
    }
    const sorted = [...xs].sort((a, b) => (a.offset < b.offset ? -1 : a.offset > b.offset ? 1 : 0));
    for (let i = 1; i < sorted.length; i++) if (sorted[i]!.offset < sorted[i - 1]!.offset + sorted[i - 1]!.length) return 'EINVAL';
    if (g.tag !== UNTAGGED) {
      let n = 0;
      for (const x of r.resources) {
        if (x.tag !== g.tag) continue;
        if (x.useCnt > 0) return 'EBUSY';
        n++;
      }
      if (!this.faults.seqGapWarn && g.seqBase !== this.base + n) return 'EINVAL';
    }
    for (const e of xs) {
      const s = r.start + e.offset;
      const end = s + e.length - 1n;
      if (r.resources.some((x) => s <= x.end && x.start <= end)) return 'ENOSPC';
    }
    return null;
  }

  /** The host owes every pending release: done once none of the group's members is in use. */
  private retryPending(r: DaxRegion): void {
    for (const name of [...r.pending]) {
      const members = name.startsWith('0@') ? groupOf(r, UNTAGGED, BigInt(name.slice(2))) : groupOf(r, name, 0n);
      if (members.some((m) => m.useCnt > 0)) continue;
      r.resources = r.resources.filter((x) => !members.includes(x));
      r.pending.delete(name);
    }
  }
}

/** dev_WARN_ONCE: the region counts the warning; the claim answers EINVAL. */
function warn(r: DaxRegion): Errno {
  r.warnings++;
  return 'EINVAL';
}

function newDev(id: number): DevDax {
  return { id, ranges: [], size: 0n, mappings: 0 };
}

function groupOf(r: DaxRegion, tag: Tag, offset: bigint): DaxResource[] {
  return r.resources.filter((x) => x.tag === tag && (tag !== UNTAGGED || x.start === r.start + offset));
}

/** uuid_claim_untagged: the first unused untagged resource, whole. */
function claimUntagged(r: DaxRegion, dev: DevDax): Errno | null {
  const x = r.resources.find((y) => y.tag === UNTAGGED && y.useCnt === 0);
  if (x === undefined) return 'ENOENT';
  if ((resourceSize(x) & (r.align - 1n)) !== 0n) return 'EINVAL';
  allocDevDaxRange(dev, x);
  return null;
}
