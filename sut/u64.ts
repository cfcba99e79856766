/**
 * Exact unsigned 64-bit arithmetic on bigint, wrapping modulo 2^64 as C does.
 * Every address and size in daxcheck is a bigint in [0, U64_MAX].
 */

export const U64_MAX = (1n << 64n) - 1n;
export const KiB = 1024n;
export const MiB = 1024n * KiB;
export const GiB = 1024n * MiB;
export const PAGE_SIZE = 4n * KiB;

/** a + b mod 2^64. */
export function add64(a: bigint, b: bigint): bigint {
  return (a + b) & U64_MAX;
}

/** a - b mod 2^64. */
export function sub64(a: bigint, b: bigint): bigint {
  return (a - b) & U64_MAX;
}

/** The inclusive end of [start, start + n - 1] in u64 arithmetic (n = 0 or a wrap gives end < start). */
export function endOf(start: bigint, n: bigint): bigint {
  return sub64(add64(start, n), 1n);
}

/** Size of the inclusive range [start, end] (caller guarantees start <= end; [0, U64_MAX] gives 2^64). */
export function rangeSize(start: bigint, end: bigint): bigint {
  return end - start + 1n;
}

/** True when v is a u64 value. */
export function isU64(v: unknown): v is bigint {
  return typeof v === 'bigint' && v >= 0n && v <= U64_MAX;
}

/** True when v is a multiple of align (align > 0). */
export function isAligned(v: bigint, align: bigint): boolean {
  return v % align === 0n;
}

/** True when v is a power of two. */
export function isPowerOfTwo(v: bigint): boolean {
  return v > 0n && (v & (v - 1n)) === 0n;
}

/** Hex form used in every printed address: 0x1f_ffff style without separators, e.g. 0x200000. */
export function hex(v: bigint): string {
  return '0x' + v.toString(16);
}

const SIZE_UNITS = [[1n << 60n, 'EiB'], [1n << 50n, 'PiB'], [1n << 40n, 'TiB'], [1n << 30n, 'GiB'], [1n << 20n, 'MiB'], [1n << 10n, 'KiB']] as const;

/** v in the largest binary unit that divides it exactly ("4GiB"), or null. */
function unitText(v: bigint): string | null {
  for (const [unit, name] of SIZE_UNITS) {
    if (v !== 0n && v % unit === 0n) return `${v / unit}${name}`;
  }
  return null;
}

/**
 * A size as people read it: in the largest binary unit that divides it exactly (4GiB,
 * 2MiB, 4KiB); one byte short of such a size as that size minus one (4MiB-1, 16EiB-1:
 * the length of an inclusive end); under 1 KiB in bytes (512B, 0B); anything else in
 * hex like addresses (0x1001). Never a long decimal byte count.
 */
export function sizeText(v: bigint): string {
  const exact = unitText(v);
  if (exact !== null) return exact;
  const under = v >= 1023n ? unitText(v + 1n) : null;
  if (under !== null) return `${under}-1`;
  return v < 1024n ? `${v}B` : hex(v);
}
