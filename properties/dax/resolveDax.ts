/**
 * Resolves a DAX command against the model's snapshot into the concrete call that both
 * systems receive, runs a call on a system, and prints a call readably.
 */
import type { DaxSnapshot, DaxSut, RegionSnap, Result } from '../../sut/interface.ts';
import { add64, hex, MiB, sizeText, sub64, U64_MAX } from '../../sut/u64.ts';
import type { DaxCall, DaxCommand } from './daxCommand.ts';

/** An id that no region, device or extent ever takes in a run (runs are far shorter). */
export const MISSING_ID = 4095;

const TWO_MIB = 2n * MiB;

/**
 * The live region a ref names. Extent commands prefer dynamic regions and mapping prefers
 * contiguous ones (where they mean something); ref 3 picks among all live regions, so
 * the kind-mismatch errors still come up.
 */
function liveRegion(snap: DaxSnapshot, ref: number, prefer?: RegionSnap['kind']): RegionSnap | null | 'missing' {
  if (ref < 0) return 'missing';
  const live = snap.regions.filter((r) => !r.destroyed);
  const preferred = live.filter((r) => r.kind === prefer);
  const from = ref !== 3 && preferred.length > 0 ? preferred : live;
  return from.length === 0 ? null : from[ref % from.length]!;
}

function preferredKind(op: DaxCommand['op']): RegionSnap['kind'] | undefined {
  if (op === 'addExtent' || op === 'removeExtent') return 'dynamic';
  return op === 'mapping' ? 'contiguous' : undefined;
}

function pick<T extends { id: number }>(list: T[], ref: number): number {
  if (ref < 0 || list.length === 0) return MISSING_ID;
  return list[ref % list.length]!.id;
}

/** First address of the region not covered by a child of its resource (region end + 1 when full). */
export function firstGap(region: RegionSnap): bigint {
  let at = region.resource.start;
  for (const child of region.resource.children) {
    if (child.start > at) return at;
    at = add64(child.end, 1n);
  }
  return at;
}

function resizeTarget(region: RegionSnap, device: number, cmd: Extract<DaxCommand, { op: 'resize' }>): bigint {
  const dev = region.devices.find((d) => d.id === device);
  const size = dev?.sizeBytes ?? 0n;
  switch (cmd.to) {
    case 'abs': return cmd.deltaBytes & U64_MAX;
    case 'size': return add64(size, cmd.deltaBytes & U64_MAX);
    case 'grow': return add64(add64(size, region.availBytes), cmd.deltaBytes & U64_MAX);
    case 'half': return add64((size / 2n / TWO_MIB) * TWO_MIB, cmd.deltaBytes & U64_MAX);
  }
}

function extentOffset(region: RegionSnap, cmd: Extract<DaxCommand, { op: 'addExtent' }>): bigint {
  const last = region.extents[region.extents.length - 1];
  const delta = cmd.deltaBytes & U64_MAX;
  switch (cmd.at) {
    case 'abs': return delta;
    case 'afterLast': return last ? add64(sub64(add64(last.end, 1n), region.start), delta) : delta;
    case 'overLast': return last ? add64(sub64(last.start, region.start), delta) : delta;
    case 'top': return add64(sub64(region.sizeBytes, cmd.lengthBytes), delta);
  }
}

function mappingStart(region: RegionSnap, device: number, cmd: Extract<DaxCommand, { op: 'mapping' }>): bigint {
  const ranges = region.devices.find((d) => d.id === device)?.ranges ?? [];
  const last = ranges[ranges.length - 1];
  const delta = cmd.deltaBytes & U64_MAX;
  switch (cmd.at) {
    case 'abs': return add64(region.start, delta);
    case 'firstGap': return add64(firstGap(region), delta);
    case 'afterLast': return add64(last ? add64(last.end, 1n) : region.start, delta);
    case 'overLast': return add64(last ? last.start : region.start, delta);
  }
}

/** Resolves cmd against the model's snapshot; null when it names an existing object and there is none. */
export function resolveDax(cmd: DaxCommand, snap: DaxSnapshot): DaxCall | null {
  switch (cmd.op) {
    case 'createRegion': return cmd;
    case 'failAllocation': return cmd;
    default: break;
  }
  const found = liveRegion(snap, cmd.region, preferredKind(cmd.op));
  if (found === null) return null;
  if (found === 'missing') return missingRegionCall(cmd);
  const r = found;
  switch (cmd.op) {
    case 'destroyRegion': return { op: cmd.op, region: r.id };
    case 'addExtent': return { op: cmd.op, region: r.id, offset: extentOffset(r, cmd), length: cmd.lengthBytes, label: cmd.label };
    case 'removeExtent': {
      // Aim at a visible extent; -1 (or none visible) at one already removed, else one that never was.
      const visible = r.extents.filter((e) => e.visible);
      const gone = r.extents.find((e) => !e.visible);
      const missing = gone ? gone.id : r.extents.length;
      return { op: cmd.op, region: r.id, extent: cmd.extent < 0 || visible.length === 0 ? missing : visible[cmd.extent % visible.length]!.id };
    }
    case 'createDevice': return { op: cmd.op, region: r.id, sizeBytes: cmd.sizeBytes };
    case 'deleteDevice': case 'bind': case 'unbind': return { op: cmd.op, region: r.id, device: pick(r.devices, cmd.device) };
    case 'setAlign': return { op: cmd.op, region: r.id, device: pick(r.devices, cmd.device), align: cmd.align };
    case 'resize': {
      const device = pick(r.devices, cmd.device);
      return { op: cmd.op, region: r.id, device, sizeBytes: resizeTarget(r, device, cmd) };
    }
    case 'mapping': {
      const device = pick(r.devices, cmd.device);
      const start = mappingStart(r, device, cmd);
      return { op: cmd.op, region: r.id, device, start, end: sub64(add64(start, cmd.lengthBytes), 1n) };
    }
  }
}

function missingRegionCall(cmd: Exclude<DaxCommand, { op: 'createRegion' | 'failAllocation' }>): DaxCall {
  const region = MISSING_ID;
  switch (cmd.op) {
    case 'destroyRegion': return { op: cmd.op, region };
    case 'addExtent': return { op: cmd.op, region, offset: cmd.deltaBytes & U64_MAX, length: cmd.lengthBytes, label: cmd.label };
    case 'removeExtent': return { op: cmd.op, region, extent: 0 };
    case 'createDevice': return { op: cmd.op, region, sizeBytes: cmd.sizeBytes };
    case 'deleteDevice': case 'bind': case 'unbind': return { op: cmd.op, region, device: 0 };
    case 'setAlign': return { op: cmd.op, region, device: 0, align: cmd.align };
    case 'resize': return { op: cmd.op, region, device: 0, sizeBytes: cmd.deltaBytes & U64_MAX };
    case 'mapping': return { op: cmd.op, region, device: 0, start: 0n, end: sub64(cmd.lengthBytes, 1n) };
  }
}

/** Runs one resolved call on a system. */
export function callDax(sut: DaxSut, c: DaxCall): Result {
  switch (c.op) {
    case 'createRegion': {
      const args = { kind: c.kind, start: c.start, sizeBytes: c.sizeBytes, align: c.align };
      return sut.createRegion(c.seed === 'default' ? args : { ...args, seed: c.seed });
    }
    case 'destroyRegion': return sut.destroyRegion(c.region);
    case 'addExtent': return sut.addExtent(c.region, c.offset, c.length, c.label);
    case 'removeExtent': return sut.removeExtent(c.region, c.extent);
    case 'createDevice': return sut.createDevice(c.region, c.sizeBytes);
    case 'deleteDevice': return sut.deleteDevice(c.region, c.device);
    case 'bind': return sut.bind(c.region, c.device);
    case 'unbind': return sut.unbind(c.region, c.device);
    case 'resize': return sut.resize(c.region, c.device, c.sizeBytes);
    case 'mapping': return sut.mapping(c.region, c.device, c.start, c.end);
    case 'setAlign': return sut.setAlign(c.region, c.device, c.align);
    case 'failAllocation': return sut.failAllocation(c.point, c.nth);
  }
}

/** The call as a person reads it, e.g. `resize(dax0.1, 4GiB)` or `addExtent(region0, 0x0, 4GiB, "a")`. */
export function showDaxCall(c: DaxCall): string {
  const dev = (r: number, d: number) => `dax${r}.${d}`;
  switch (c.op) {
    case 'createRegion': return `createRegion(${c.kind}, start=${hex(c.start)}, size=${sizeText(c.sizeBytes)}, align=${sizeText(c.align)}${c.kind === 'contiguous' ? `, seed=${c.seed}` : ''})`;
    case 'destroyRegion': return `destroyRegion(region${c.region})`;
    case 'addExtent': return `addExtent(region${c.region}, offset=${hex(c.offset)}, length=${sizeText(c.length)}, "${c.label}")`;
    case 'removeExtent': return `removeExtent(region${c.region}, extent${c.extent})`;
    case 'createDevice': return `createDevice(region${c.region}${c.sizeBytes === 0n ? '' : `, size=${sizeText(c.sizeBytes)}`})`;
    case 'deleteDevice': case 'bind': case 'unbind': return `${c.op}(${dev(c.region, c.device)})`;
    case 'resize': return `resize(${dev(c.region, c.device)}, ${sizeText(c.sizeBytes)})`;
    case 'mapping': return `mapping(${dev(c.region, c.device)}, ${hex(c.start)}-${hex(c.end)})`;
    case 'setAlign': return `setAlign(${dev(c.region, c.device)}, ${sizeText(c.align)})`;
    case 'failAllocation': return `failAllocation(${c.point}, nth=${c.nth})`;
  }
}
