/**
 * How invariant messages and snapshot printouts name addresses and resources.
 */
import { hex } from '../../sut/u64.ts';

/** An inclusive address range as "[0x200000-0x3fffff]". */
export function span(start: bigint, end: bigint): string {
  return `[${hex(start)}-${hex(end)}]`;
}

/** Length of an inclusive range (≤ 0 when end < start). */
export function lengthOf(r: { start: bigint; end: bigint }): bigint {
  return r.end - r.start + 1n;
}

/** The canonical device name dax{R}.{N}. */
export function deviceName(region: number, device: number): string {
  return `dax${region}.${device}`;
}

/** Up to this many items, SpanIndex scans them instead of building its map. */
const SCAN_LIMIT = 16;

/**
 * Resources (or ranges) looked up by their exact bounds, without building string keys:
 * the first or the last of those with equal bounds, as a Map keyed by the bounds would
 * keep them (filled without overwriting, or with). Few items are scanned; more are
 * indexed by start. Bounds are bigint (sut/interface.ts).
 */
export class SpanIndex<T extends { start: bigint; end: bigint }> {
  private readonly byStart: Map<bigint, T[]> | null = null;

  constructor(private readonly items: readonly T[]) {
    if (items.length <= SCAN_LIMIT) return;
    this.byStart = new Map();
    for (const x of items) {
      const list = this.byStart.get(x.start);
      if (list === undefined) this.byStart.set(x.start, [x]);
      else list.push(x);
    }
  }

  /** The first item with exactly r's bounds. */
  first(r: { start: bigint; end: bigint }): T | undefined {
    const list = this.byStart === null ? this.items : this.byStart.get(r.start);
    if (list !== undefined) for (const x of list) if (x.start === r.start && x.end === r.end) return x;
    return undefined;
  }

  /** The last item with exactly r's bounds. */
  last(r: { start: bigint; end: bigint }): T | undefined {
    const list = this.byStart === null ? this.items : this.byStart.get(r.start);
    if (list !== undefined) {
      for (let i = list.length - 1; i >= 0; i--) if (list[i]!.start === r.start && list[i]!.end === r.end) return list[i];
    }
    return undefined;
  }
}
