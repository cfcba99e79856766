/**
 * struct kref: a reference count whose release callback runs exactly once, when the
 * count drops from 1 to 0 (include/linux/kref.h).
 */

export interface Kref {
  refcount: number;
}

/** kref_init: the count starts at 1 (the creator's reference). */
export function krefInit(): Kref {
  return { refcount: 1 };
}

/** kref_get: takes one more reference. */
export function krefGet(kref: Kref): void {
  kref.refcount += 1;
}

/**
 * kref_put: drops one reference; calls release when it was the last and returns true.
 * A put on a count already at 0 changes nothing and returns false (the count never goes
 * below 0, and release never runs twice).
 */
export function krefPut(kref: Kref, release: () => void): boolean {
  if (kref.refcount === 0) return false;
  kref.refcount -= 1;
  if (kref.refcount > 0) return false;
  release();
  return true;
}
