/**
 * Small hand-built snapshots that satisfy every invariant, for the property tests to
 * break one thing at a time. Fresh objects on every call.
 */
import type { DaxSnapshot, RegionSnap, ResNode, TreeSnapshot } from '../../sut/interface.ts';
import { MiB, GiB } from '../../sut/u64.ts';

/** A resource [start, start + size - 1]. */
export function res(name: string, start: bigint, size: bigint, busy = true, children: ResNode[] = []): ResNode {
  return { start, end: start + size - 1n, name, busy, children };
}

/**
 * Contiguous region R = [0, 16MiB): dax{R}.0 has [0, 2MiB) and [6MiB, 8MiB) (pgoff 0,
 * 0x200), dax{R}.1 has [2MiB, 6MiB); 8MiB available.
 */
export function contiguousRegion(id = 0): RegionSnap {
  const d0 = `dax${id}.0`;
  const d1 = `dax${id}.1`;
  return {
    id, kind: 'contiguous', destroyed: false, start: 0n, sizeBytes: 16n * MiB, align: 2n * MiB,
    availBytes: 8n * MiB, extents: [], badReleases: 0,
    resource: res(`region${id}`, 0n, 16n * MiB, false, [
      res(d0, 0n, 2n * MiB), res(d1, 2n * MiB, 4n * MiB), res(d0, 6n * MiB, 2n * MiB),
    ]),
    devices: [
      { id: 0, name: d0, align: 2n * MiB, bound: false, sizeBytes: 4n * MiB, ranges: [
        { start: 0n, end: 2n * MiB - 1n, pgoff: 0n, extent: null },
        { start: 6n * MiB, end: 8n * MiB - 1n, pgoff: 0x200n, extent: null },
      ] },
      { id: 1, name: d1, align: 2n * MiB, bound: true, sizeBytes: 4n * MiB, ranges: [
        { start: 2n * MiB, end: 6n * MiB - 1n, pgoff: 0n, extent: null },
      ] },
    ],
  };
}

const B = GiB; // base of the dynamic region

/**
 * Dynamic region R = [1GiB, 2GiB): extent 0 at +0 (8MiB, visible, 3 refs), extent 1 at
 * +16MiB (4MiB, removed, still used by one range), extent 2 at +32MiB (4MiB, released).
 * dax{R}.0 has [+0, +2MiB) in extent 0 and [+16MiB, +20MiB) in extent 1; dax{R}.1 has
 * [+4MiB, +8MiB) in extent 0. Available: 8 − 6 = 2MiB.
 */
export function dynamicRegion(id = 1): RegionSnap {
  const d0 = `dax${id}.0`;
  const d1 = `dax${id}.1`;
  return {
    id, kind: 'dynamic', destroyed: false, start: B, sizeBytes: GiB, align: 2n * MiB,
    availBytes: 2n * MiB, badReleases: 0,
    extents: [
      { id: 0, start: B, end: B + 8n * MiB - 1n, label: 'a', visible: true, refs: 3, released: false },
      { id: 1, start: B + 16n * MiB, end: B + 20n * MiB - 1n, label: 'b', visible: false, refs: 1, released: false },
      { id: 2, start: B + 32n * MiB, end: B + 36n * MiB - 1n, label: 'c', visible: false, refs: 0, released: true },
    ],
    resource: res(`region${id}`, B, GiB, false, [
      res('extent', B, 8n * MiB, true, [res(d0, B, 2n * MiB), res(d1, B + 4n * MiB, 4n * MiB)]),
      res('extent', B + 16n * MiB, 4n * MiB, true, [res(d0, B + 16n * MiB, 4n * MiB)]),
    ]),
    devices: [
      { id: 0, name: d0, align: 2n * MiB, bound: false, sizeBytes: 6n * MiB, ranges: [
        { start: B, end: B + 2n * MiB - 1n, pgoff: 0n, extent: 0 },
        { start: B + 16n * MiB, end: B + 20n * MiB - 1n, pgoff: 0x200n, extent: 1 },
      ] },
      { id: 1, name: d1, align: 2n * MiB, bound: false, sizeBytes: 4n * MiB, ranges: [
        { start: B + 4n * MiB, end: B + 8n * MiB - 1n, pgoff: 0n, extent: 0 },
      ] },
    ],
  };
}

/** A destroyed dynamic region R at [2GiB, 3GiB) whose one extent was released. */
export function destroyedRegion(id = 2): RegionSnap {
  return {
    id, kind: 'dynamic', destroyed: true, start: 2n * GiB, sizeBytes: GiB, align: 2n * MiB,
    availBytes: 0n, badReleases: 0, devices: [],
    extents: [{ id: 0, start: 2n * GiB, end: 2n * GiB + 2n * MiB - 1n, label: '', visible: false, refs: 0, released: true }],
    resource: res(`region${id}`, 2n * GiB, GiB, false),
  };
}

/** Regions 0 (contiguous), 1 (dynamic) and 2 (destroyed), all valid. */
export function validDax(): DaxSnapshot {
  return { regions: [contiguousRegion(0), dynamicRegion(1), destroyedRegion(2)] };
}

/** A valid forest: root 0 [0, 0xffff] with children 1 [0x0-0xfff] (holding 2) and 3 [0x2000-0x2fff]; root 4. */
export function validTree(): TreeSnapshot {
  return {
    roots: [
      { id: 0, start: 0n, end: 0xffffn, name: 'root', busy: false, children: [
        { id: 1, start: 0n, end: 0xfffn, name: 'a', busy: false, children: [
          { id: 2, start: 0x100n, end: 0x1ffn, name: 'a1', busy: true, children: [] },
        ] },
        { id: 3, start: 0x2000n, end: 0x2fffn, name: 'b', busy: true, children: [] },
      ] },
      { id: 4, start: 0x10000n, end: 0x1ffffn, name: 'other', busy: false, children: [] },
    ],
  };
}
