/**
 * The index of a dynamic region's extents by extent order (their ids): a segment tree
 * whose leaf i holds extent i's contribution to the available size (its free bytes while
 * visible, else 0) and its search key (what the allocator reads as its free space while
 * visible, else 0). Internal nodes hold the sum of contributions and the max key, so
 * the region's available size is O(1) and the first extent with free space O(log n).
 * Append-only, like the extent order; capacity doubles (amortized O(1)).
 */

export class ExtentIndex {
  /** Leaves live at [cap, 2 cap); node i has children 2i and 2i + 1. */
  private cap = 1;
  private count = 0;
  private sum: bigint[] = [0n, 0n];
  private key: bigint[] = [0n, 0n];

  /** Number of extents indexed. */
  get size(): number {
    return this.count;
  }

  /** Appends a leaf for the next extent id, with contribution and key 0; returns its id. */
  push(): number {
    if (this.count === this.cap) this.grow();
    return this.count++;
  }

  /** Sets extent i's contribution (avail bytes) and search key. O(log n). */
  set(i: number, avail: bigint, key: bigint): void {
    let n = this.cap + i;
    this.sum[n] = avail;
    this.key[n] = key;
    for (n >>= 1; n >= 1; n >>= 1) this.pull(n);
  }

  /** Extent i's contribution (avail bytes). */
  availOf(i: number): bigint {
    return this.sum[this.cap + i]!;
  }

  /** Extent i's search key. */
  keyOf(i: number): bigint {
    return this.key[this.cap + i]!;
  }

  /** Σ contributions: the dynamic region's available size. O(1). */
  total(): bigint {
    return this.sum[1]!;
  }

  /** The lowest extent id whose key is > 0, or -1. O(log n). */
  first(): number {
    if (this.count === 0 || this.key[1]! === 0n) return -1;
    let n = 1;
    while (n < this.cap) n = this.key[2 * n]! > 0n ? 2 * n : 2 * n + 1;
    return n - this.cap;
  }

  private pull(n: number): void {
    const l = 2 * n;
    this.sum[n] = this.sum[l]! + this.sum[l + 1]!;
    const a = this.key[l]!;
    const b = this.key[l + 1]!;
    this.key[n] = a > b ? a : b;
  }

  /** Doubles the capacity, moving the leaves and rebuilding the internal nodes. O(n). */
  private grow(): void {
    const old = this.cap;
    this.cap = old * 2;
    const sum = new Array<bigint>(2 * this.cap).fill(0n);
    const key = new Array<bigint>(2 * this.cap).fill(0n);
    for (let i = 0; i < old; i++) {
      sum[this.cap + i] = this.sum[old + i]!;
      key[this.cap + i] = this.key[old + i]!;
    }
    this.sum = sum;
    this.key = key;
    for (let n = this.cap - 1; n >= 1; n--) this.pull(n);
  }
}
