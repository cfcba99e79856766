/**
 * The system under test (SUT): the one interface that the reference model (model/),
 * the optimized implementation (impl/) and a user's own port implement.
 *
 * Every operation returns a Result: success (with the id of what it created, where it
 * creates something) or a kernel errno name. No operation throws on bad arguments;
 * a throw is a bug of the SUT and is reported as such by the runner.
 *
 * Handles: objects are named by small integer ids that the SUT assigns
 * deterministically (rules below), so that the model and the SUT agree on them.
 * An id that names nothing live gives ENXIO.
 *
 * The behaviour, with the order of checks and every errno, is docs/SPECIFICATION.md;
 * the comments below summarize it per operation (handles, failure injection, sized create).
 */
import { address, count, device, extent, oneOf, record, region, resource, size, string, type DeclaredArgs } from './arguments.ts';

/** Kernel errno names that operations return. ENOENT: release_region found nothing to release. */
export type Errno = 'EINVAL' | 'EBUSY' | 'ENOSPC' | 'ENOMEM' | 'ENXIO' | 'ENOENT' | 'EOPNOTSUPP';

export const ERRNOS: readonly Errno[] = ['EINVAL', 'EBUSY', 'ENOSPC', 'ENOMEM', 'ENXIO', 'ENOENT', 'EOPNOTSUPP'];

/**
 * Outcome of one operation. `id` is set when the operation created an object.
 * `conflict` is set by requestResource when it fails: the id of the conflicting
 * resource (the parent itself when the range is empty or outside it).
 */
export type Result =
  | { ok: true; id?: number }
  | { ok: false; errno: Errno; conflict?: number };

// ---------------------------------------------------------------------------
// Resource tree (docs/SPECIFICATION.md §1)
// ---------------------------------------------------------------------------

/** A resource in a tree snapshot: children sorted by start. */
export interface TreeNode {
  id: number;
  start: bigint;
  end: bigint;
  name: string;
  busy: boolean;
  children: TreeNode[];
}

/** Snapshot of a resource forest: roots in the order they were added. */
export interface TreeSnapshot {
  roots: TreeNode[];
}

/**
 * A forest of independent resource trees.
 *
 * Ids: every resource created (root or not) takes the next integer, starting at 0,
 * counted over the whole forest; ids are never reused. A resource is live while it is
 * reachable from a root; a resource unlinked by releaseRegion or releaseResource, and
 * everything below it, is dead, and naming it gives ENXIO.
 */
export interface ResourceTreeSut {
  /** Adds a root [start, end], not busy. EINVAL when end < start. */
  addRoot(start: bigint, end: bigint, name: string): Result;
  /**
   * request_resource: inserts [start, end] (not busy) as a child of parent.
   * Fails with EBUSY and `conflict` = parent when end < start or the range is not inside
   * parent, or `conflict` = the lowest overlapping child. ENXIO: parent is not live.
   */
  requestResource(parent: number, start: bigint, end: bigint, name: string): Result;
  /**
   * __request_region: a busy resource [start, start + n - 1] (u64 wrap), descending into
   * non-busy conflicts. EBUSY when it cannot be placed. ENXIO: parent is not live.
   */
  requestRegion(parent: number, start: bigint, n: bigint, name: string): Result;
  /**
   * __release_region: unlinks the busy resource exactly [start, start + n - 1] found by
   * descending through non-busy resources that contain the range. ENOENT when there is
   * none (a partial range, a range spanning two resources). ENXIO: parent is not live.
   */
  releaseRegion(parent: number, start: bigint, n: bigint): Result;
  /**
   * adjust_resource: moves res to [start, start + size - 1]. EBUSY when it would leave
   * the parent, reach the next sibling, reach back to the previous sibling, or no longer
   * contain a child. EINVAL when size = 0 or start + size - 1 wraps (daxcheck's rule; the
   * kernel does not check and DAX never passes them). ENXIO: res is not live.
   */
  adjustResource(res: number, start: bigint, size: bigint): Result;
  /** release_resource: unlinks res with its subtree. EINVAL for a root; ENXIO: not live. */
  releaseResource(res: number): Result;
  /** The canonical snapshot. */
  observe(): TreeSnapshot;
  /** Optional (fail-nth): arms the next operation's nth allocation to fail (see DaxSut.failNth). */
  failNth?(n: number): void;
  /** Optional, with failNth: what the last operation allocated (see DaxSut.takeAllocations). */
  takeAllocations?(): OpAllocations;
  /** Optional: the port's own internal invariants (see DaxSut.selfCheck). */
  selfCheck?(): string[];
  /** Optional: ends the run and says what it left behind (see DaxSut.endRun). */
  endRun?(): string[];
}

/**
 * The arguments of each ResourceTreeSut operation with their kinds (sut/arguments.ts),
 * declared once: the suites' calls and printed calls, the protocol's request lines and
 * the process system are derived from it. The compiler checks it against the interface.
 */
export const TREE_ARGS = {
  addRoot: [address('start'), address('end', { joined: true }), string('name')],
  requestResource: [resource('parent'), address('start'), address('end', { joined: true }), string('name')],
  requestRegion: [resource('parent'), address('start'), size('n', { label: 'n', hex: true }), string('name')],
  releaseRegion: [resource('parent'), address('start'), size('n', { label: 'n', hex: true })],
  adjustResource: [resource('res'), address('start'), size('size', { label: 'size', hex: true })],
  releaseResource: [resource('res')],
  failNth: [count('n')],
} as const satisfies DeclaredArgs<ResourceTreeSut>;

// ---------------------------------------------------------------------------
// DAX regions, devices and extents (docs/SPECIFICATION.md §2–§4)
// ---------------------------------------------------------------------------

export type RegionKind = 'contiguous' | 'dynamic';

/**
 * Named allocation points where failure can be injected (see DaxSut.failAllocation).
 * - resource:     allocating the resource of a request_region made by DAX code (a new
 *                 device range, a mapping, a sized create, the seed range of a region,
 *                 an extent). Counted once per such request, before its conflict check.
 *                 Extending a range in place allocates nothing.
 * - ranges:       growing a device's ranges array, once per new range, after its
 *                 resource was obtained. Failure releases that resource.
 * - mapping:      registering the mapping object of a new range, once per new range,
 *                 after the ranges array grew. Failure trims the new range again
 *                 (releases its resource and, on a dynamic region, its extent reference).
 * - extentDevice: registering an extent's device, once per addExtent, after its
 *                 resource was obtained. Failure releases the resource (exactly once) and
 *                 the extent is not added.
 * Every failure makes the operation return ENOMEM; what was done before stays.
 */
export type FailPoint = 'resource' | 'ranges' | 'mapping' | 'extentDevice';

export const FAIL_POINTS: readonly FailPoint[] = ['resource', 'ranges', 'mapping', 'extentDevice'];

/**
 * What one operation allocated under fail-nth (docs/SPECIFICATION.md §8.2, docs/fail-nth.md):
 * every allocation site it reached, in order, each named `function:object` after the
 * code that allocates (e.g. `alloc_dev_dax_range:ranges`); and the site whose allocation
 * was failed, or null when the operation made fewer allocations than the armed n.
 */
export interface OpAllocations {
  sites: string[];
  failed: string | null;
}

/** A resource inside a region snapshot (no ids: DAX resources are named by address). */
export interface ResNode {
  start: bigint;
  end: bigint;
  name: string;
  busy: boolean;
  children: ResNode[];
}

export interface RangeSnap {
  start: bigint;
  end: bigint;
  /** Σ lengths of the ranges before it in the device's array, in 4 KiB pages. */
  pgoff: bigint;
  /** Id of the extent the range lies in (dynamic regions); null on a contiguous region. */
  extent: number | null;
}

export interface DeviceSnap {
  id: number;
  /** dax{R}.{N} */
  name: string;
  /** At creation the region's align; afterwards what setAlign set. Effective alignment: max(align, 2 MiB). */
  align: bigint;
  bound: boolean;
  sizeBytes: bigint;
  ranges: RangeSnap[];
}

export interface ExtentSnap {
  /** Index in the region's extent order (the order extents were added). */
  id: number;
  start: bigint;
  end: bigint;
  label: string;
  visible: boolean;
  /** (visible ? 1 : 0) + ranges in it; 0 once released. */
  refs: number;
  /** Its resource was released from the region (refs reached 0). */
  released: boolean;
}

export interface RegionSnap {
  id: number;
  kind: RegionKind;
  /** A destroyed region stays in the snapshot, with no devices and no children. */
  destroyed: boolean;
  start: bigint;
  sizeBytes: bigint;
  align: bigint;
  availBytes: bigint;
  /** The region's resource, name region{R}, with its subtree. */
  resource: ResNode;
  extents: ExtentSnap[];
  /** Live devices sorted by id. */
  devices: DeviceSnap[];
  /** Releases of a resource that was not in the tree (the kernel's "Trying to free nonexistent resource"). */
  badReleases: number;
}

export interface DaxSnapshot {
  /** Every region ever created, by id. */
  regions: RegionSnap[];
}

export interface CreateRegionArgs {
  kind: RegionKind;
  start: bigint;
  sizeBytes: bigint;
  align: bigint;
  /** Contiguous only: 'whole' gives dax{R}.0 the whole region (default), 'empty' size 0. */
  seed?: 'whole' | 'empty';
}

/**
 * DAX regions with their devices and extents.
 *
 * Ids: regions are numbered 0, 1, 2, … in creation order and never reused (a failed
 * create uses no id). Devices take the lowest id unused in their region. Extents are
 * numbered by their index in the region's extent order (a failed addExtent uses none).
 */
export interface DaxSut {
  /**
   * Creates region{R} and dax{R}.0, whose align is the region's align (as for every
   * device of the region). EINVAL: align not a power of two ≥ 2 MiB, size 0,
   * start or size not a multiple of align, start + size > 2^64. ENOMEM: allocating the
   * seed range of a 'whole' contiguous region failed (the region is not created).
   */
  createRegion(args: CreateRegionArgs): Result;
  /** Tears every device down as if shrunk to 0, then removes every remaining extent. ENXIO: no such live region. */
  destroyRegion(region: number): Result;
  /**
   * Adds an extent at region.start + offset. ENXIO: no live region. EINVAL: contiguous
   * region, offset or length not a multiple of the region align, length 0. ENOSPC: the
   * range conflicts or is outside the region. ENOMEM: an injected failure.
   */
  addExtent(region: number, offset: bigint, length: bigint, label: string): Result;
  /** Makes the extent invisible and drops its own reference. ENXIO: no such extent, or already removed. */
  removeExtent(region: number, extent: number): Result;
  /**
   * region/create: a device of the lowest unused id with the region's align (which may be
   * a value setAlign refuses, e.g. 4 MiB). ENXIO: no live region. EINVAL: sizeBytes ≠ 0 on a dynamic region, or
   * not a multiple of the new device's effective alignment, max(region align, 2 MiB). ENOSPC: available size is 0. sizeBytes ≠ 0 on a contiguous
   * region allocates [region.start, +sizeBytes) as the first range; a conflict or an
   * injected failure gives ENOMEM and no device.
   */
  createDevice(region: number, sizeBytes: bigint): Result;
  /** region/delete. ENXIO: no such device. EBUSY: id 0, bound, or size ≠ 0. */
  deleteDevice(region: number, device: number): Result;
  /** Driver attach. ENXIO: no such device or size 0. EBUSY: already bound. */
  bind(region: number, device: number): Result;
  /** Driver detach. ENXIO: no such device or not bound. */
  unbind(region: number, device: number): Result;
  /** dev/size (docs/SPECIFICATION.md §3.6). EINVAL, EBUSY, ENOSPC, ENOMEM (injected), ENXIO (no device). */
  resize(region: number, device: number, sizeBytes: bigint): Result;
  /**
   * dev/mapping = "start-end". ENXIO: no such device, length not a multiple of the
   * effective alignment, or start − region start not a multiple of it (daxcheck's rule:
   * the kernel checks only the length, and an unaligned start lets a later grow fill the
   * gap before it with a range shorter than 2 MiB; docs/SPECIFICATION.md §3.9). EINVAL: dynamic region,
   * or end < start. ENOMEM: conflict or injected failure.
   */
  mapping(region: number, device: number, start: bigint, end: bigint): Result;
  /** dev/align. ENXIO: no device. EINVAL: not 4 KiB, 2 MiB or 1 GiB, or a range not a multiple of max(A, 2 MiB). EBUSY: bound. */
  setAlign(region: number, device: number, align: bigint): Result;
  /**
   * Arms failure injection: the nth (1 = the next) allocation at point, counted over the
   * whole system from now, fails with ENOMEM. Re-arming a point replaces its count.
   * EINVAL: unknown point or nth < 1.
   */
  failAllocation(point: FailPoint, nth: number): Result;
  /** The canonical snapshot. */
  observe(): DaxSnapshot;
  /**
   * Optional: observe().regions[region] alone (null when there is no such region), for a
   * runner that re-observes only the region a step named (properties/changedPart.ts).
   */
  observeRegion?(region: number): RegionSnap | null;
  /**
   * Optional instrumentation: the failure points whose injected failure fired since the
   * last call (then forgotten). The runner asks the reference side only, to label runs
   * that reached each point; a port need not provide it.
   */
  takeFiredFailures?(): FailPoint[];
  /**
   * Optional: the port's own internal invariants, beyond what observe() shows (index
   * augmentation, heap order, cached sums), one line per violation, none when all hold.
   * The runner calls it after every successful step and at a run's end, so a corrupt
   * index is a counterexample (kind self-check) at the step that corrupted it, or at the
   * next success after refused steps (the message names them); a search with
   * selfCheckRegion samples it (docs/SPECIFICATION.md §5, "What is checked when").
   */
  selfCheck?(): string[];
  /** Optional, with selfCheck: the part of selfCheck() that concerns one region ([] when there is no such region). */
  selfCheckRegion?(region: number): string[];
  /**
   * Optional: ends the run (called once, after the last step's self-check; the instance
   * is not used after it) and says what it left behind, e.g. allocations a port's ledger
   * still counts (PROTOCOL.md "Leaks"), one line each; none when nothing. Lines are a
   * counterexample of kind sut-leaked at the run's last step.
   */
  endRun?(): string[];
  /**
   * Optional (fail-nth, docs/SPECIFICATION.md §8.2): arms the next operation so that its
   * nth allocation (1 = its first), at any site of the system's own code, fails. The
   * operation then takes that allocation's error path. Disarmed by the next operation.
   */
  failNth?(n: number): void;
  /** Optional, with failNth: what the last operation allocated and which site failed (forgotten after the call). */
  takeAllocations?(): OpAllocations;
}

/** The arguments of each DaxSut operation with their kinds, declared once (as TREE_ARGS). */
export const DAX_ARGS = {
  createRegion: [record('args', [
    oneOf('kind', ['contiguous', 'dynamic']), address('start', { label: 'start' }), size('sizeBytes', { label: 'size' }),
    size('align', { label: 'align' }), oneOf('seed', ['whole', 'empty', 'default'], { label: 'seed', when: ['kind', 'contiguous'], absent: 'default', fallback: 'default' }),
  ], { flat: true })],
  destroyRegion: [region('region')],
  addExtent: [region('region'), address('offset', { label: 'offset' }), size('length', { label: 'length' }), string('label')],
  removeExtent: [region('region'), extent('extent')],
  createDevice: [region('region'), size('sizeBytes', { label: 'size', omit: 0n })],
  deleteDevice: [region('region'), device('device')],
  bind: [region('region'), device('device')],
  unbind: [region('region'), device('device')],
  resize: [region('region'), device('device'), size('sizeBytes')],
  mapping: [region('region'), device('device'), address('start'), address('end', { joined: true })],
  setAlign: [region('region'), device('device'), size('align')],
  failAllocation: [oneOf('point', FAIL_POINTS, { open: true }), count('nth', 'nth')],
  failNth: [count('n')],
} as const satisfies DeclaredArgs<DaxSut>;

/** What a SUT module provides: fresh, empty instances. */
export interface SutFactory {
  /** A short name for reports, e.g. "impl" or "my-port". */
  name: string;
  createTree(): ResourceTreeSut;
  createDax(): DaxSut;
}

/** Shorthand constructors for results. */
export const ok = (id?: number): Result => (id === undefined ? { ok: true } : { ok: true, id });
export const fail = (errno: Errno, conflict?: number): Result =>
  conflict === undefined ? { ok: false, errno } : { ok: false, errno, conflict };
