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

/** A size printed with the largest binary unit that divides it exactly (e.g. 4GiB, 2MiB, 4096B). */
export function sizeText(v: bigint): string {
  for (const [unit, name] of [[GiB, 'GiB'], [MiB, 'MiB'], [KiB, 'KiB']] as const) {
    if (v !== 0n && v % unit === 0n) return `${v / unit}${name}`;
  }
  return `${v}B`;
}
