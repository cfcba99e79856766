/**
 * An id allocator handing out the lowest unused id (the kernel's ida_alloc): freed ids
 * are kept in a binary min-heap, so alloc and free are O(log n).
 */

export class Ida {
  /** Every id >= next is unused. */
  private next = 0;
  /** Min-heap of the unused ids below next. */
  private readonly free: number[] = [];

  /** The lowest unused id, now taken. */
  alloc(): number {
    if (this.free.length === 0) return this.next++;
    const top = this.free[0]!;
    const last = this.free.pop()!;
    if (this.free.length > 0) {
      this.free[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  /** What the self-check reads (impl/selfCheck.ts): the first never-used id and the free heap, as stored. */
  state(): { next: number; free: readonly number[] } {
    return { next: this.next, free: this.free };
  }

  /** Gives id back (it must be taken). */
  remove(id: number): void {
    const heap = this.free;
    heap.push(id);
    for (let i = heap.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if (heap[up]! <= heap[i]!) break;
      [heap[up], heap[i]] = [heap[i]!, heap[up]!];
      i = up;
    }
  }

  private siftDown(i: number): void {
    const heap = this.free;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && heap[l]! < heap[m]!) m = l;
      if (r < heap.length && heap[r]! < heap[m]!) m = r;
      if (m === i) return;
      [heap[m], heap[i]] = [heap[i]!, heap[m]!];
      i = m;
    }
  }
}
