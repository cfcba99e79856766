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

/** A key that identifies a range by its exact bounds. */
export function spanKey(r: { start: bigint; end: bigint }): string {
  return `${r.start}:${r.end}`;
}

/** The canonical device name dax{R}.{N}. */
export function deviceName(region: number, device: number): string {
  return `dax${region}.${device}`;
}
