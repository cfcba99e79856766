/**
 * The v11/v10 profile's system-under-test interface (docs/SPECIFICATION.md §12): DC
 * regions of tagged resources (the series' dax_resource), devices that claim them by
 * tag, and whole-group release. Every method returns a Result (never throws).
 */
import { address, count, device, flag, list, record, region, size, string, type DeclaredArgs } from './arguments.ts';
import type { Result, SutFactory } from './interface.ts';

/** The profile of a DCD instance: its seq base is 0 (v11) or 1 (v10). */
export type DcdProfile = 'v11' | 'v10';

export const DCD_PROFILES: readonly DcdProfile[] = ['v11', 'v10'];

/** The seq number a tag group's first member carries in a profile (§12). */
export const seqBase = (p: DcdProfile): number => (p === 'v11' ? 0 : 1);

/** "0" (untagged) or a UUID in lowercase text. */
export type Tag = string;

export const UNTAGGED: Tag = '0';

/** One extent of a tag group: region-relative offset and length, bytes. */
export interface GroupExtent {
  offset: bigint;
  length: bigint;
}

/** A tag group as the device sends it (§12.5). */
export interface TagGroup {
  tag: Tag;
  extents: readonly GroupExtent[];
  seqBase: number;
}

export interface DcdResourceSnap {
  start: bigint;
  size: bigint;
  tag: Tag;
  seq: number;
  useCount: number;
}

export interface DcdRangeSnap {
  start: bigint;
  end: bigint;
  pgoff: bigint;
}

export interface DcdDeviceSnap {
  id: number;
  name: string;
  sizeBytes: bigint;
  mappings: number;
  ranges: DcdRangeSnap[];
}

export interface DcdRegionSnap {
  id: number;
  start: bigint;
  sizeBytes: bigint;
  align: bigint;
  resources: DcdResourceSnap[];
  devices: DcdDeviceSnap[];
  /** Names of the groups whose release was refused and is owed (§12.6), sorted. */
  pending: string[];
  warnings: number;
}

export interface DcdSnapshot {
  regions: DcdRegionSnap[];
}

/** The name of a group (§12.1): its tag, or `0@<offset hex>` for an untagged resource. */
export function groupName(tag: Tag, offset: bigint): string {
  return tag === UNTAGGED ? `0@0x${offset.toString(16)}` : tag;
}

export interface DcdSut {
  /** §12.2: EINVAL for bad align, size or start; returns the region id. */
  createRegion(start: bigint, sizeBytes: bigint, align: bigint): Result;
  /** §12.3: ENXIO; returns the device id. */
  createDevice(region: number): Result;
  /** §12.3: ENXIO, EBUSY (device 0, or size ≠ 0). */
  deleteDevice(region: number, device: number): Result;
  /** §12.4: ENXIO; EOPNOTSUPP for S ≠ 0; S = 0 trims every range. */
  resize(region: number, device: number, sizeBytes: bigint): Result;
  /** §12.5: ENXIO, EINVAL, EBUSY, ENOSPC; accepted or refused as a whole. */
  addTagGroup(region: number, group: TagGroup): Result;
  /** §12.7: ENXIO, EBUSY, ENOENT, EINVAL. */
  claim(region: number, device: number, tag: Tag): Result;
  /** §12.8: the claim's answer; the group is added after it. */
  claimRacing(region: number, device: number, tag: Tag, group: TagGroup): Result;
  /** §12.6: ENXIO, ENOENT, EBUSY (then pending). */
  releaseTagGroup(region: number, tag: Tag, forced: boolean, offset: bigint): Result;
  observe(): DcdSnapshot;
  /** Optional: the implementation's own invariants, one line each. */
  selfCheck?(): string[];
}

/** A tag group's fields (TagGroup). */
const TAG_GROUP = [string('tag'), list('extents', [address('offset'), size('length')]), count('seqBase', 'seq')] as const;

/** The arguments of each DcdSut operation with their kinds (sut/arguments.ts), declared once (as sut/interface.ts DAX_ARGS). */
export const DCD_ARGS = {
  createRegion: [address('start'), size('sizeBytes'), size('align', { label: 'align' })],
  createDevice: [region('region')],
  deleteDevice: [region('region'), device('device')],
  resize: [region('region'), device('device'), size('sizeBytes')],
  addTagGroup: [region('region'), record('group', TAG_GROUP, { flat: true })],
  claim: [region('region'), device('device'), string('tag')],
  claimRacing: [region('region'), device('device'), string('tag'), record('group', TAG_GROUP)],
  releaseTagGroup: [region('region'), string('tag'), flag('forced'), address('offset', { label: 'offset' })],
} as const satisfies DeclaredArgs<DcdSut>;

/** A SutFactory that also makes instances of the v11/v10 profile (createDcd is optional for a port). */
export interface DcdSutFactory extends SutFactory {
  createDcd?(profile: DcdProfile): DcdSut;
}
