/**
 * Linear scale of an inclusive address range [start, end] onto [0, width] pixels. The
 * arithmetic is done in bigint (addresses reach 2^64 - 1, beyond a double's precision)
 * and only the pixel result becomes a Number.
 */
export class AddressScale {
  private readonly size: bigint;

  constructor(
    readonly start: bigint,
    readonly end: bigint,
    readonly width: number,
  ) {
    this.size = end >= start ? end - start + 1n : 1n;
  }

  /** Pixel position of address a (clamped to the range); end + 1 maps to width. */
  x(a: bigint): number {
    const clamped = a < this.start ? this.start : a > this.end + 1n ? this.end + 1n : a;
    return Number(((clamped - this.start) * BigInt(Math.round(this.width * 100))) / this.size) / 100;
  }

  /** Pixel span [x, w] of the inclusive range [start, end]; at least minWidth wide so that nothing vanishes. */
  span(start: bigint, end: bigint, minWidth = 1): { x: number; w: number } {
    const x = this.x(start);
    const w = Math.max(this.x(end + 1n) - x, minWidth);
    return { x: Math.min(x, this.width - minWidth), w };
  }
}
