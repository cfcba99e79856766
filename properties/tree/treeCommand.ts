/**
 * Resource-tree-suite commands as plain values. Resources are named by index into the
 * model's live resources in depth-first order (resolved at run time, -1 = missing), and
 * positions are anchored to the chosen resource, its children or siblings, so that
 * adjacent, overlapping, nested and out-of-range requests come up all the time.
 */

/** Start of a request: parent start/end, a child's start, or just after a child. */
export type RequestAnchor = 'parentStart' | 'parentTop' | 'childStart' | 'afterChild';
/** Start of an adjust: its own start, its previous sibling's end, its next sibling's start, its parent's start. */
export type AdjustAnchor = 'self' | 'prevEnd' | 'nextStart' | 'parentStart';

export type TreeCommand =
  | { op: 'addRoot'; start: bigint; end: bigint; name: string }
  | { op: 'requestResource' | 'requestRegion'; parent: number; at: RequestAnchor; child: number; deltaBytes: bigint; sizeBytes: bigint; name: string }
  | { op: 'releaseRegion'; target: number; from: 'root' | 'parent'; deltaBytes: bigint; sizeDeltaBytes: bigint }
  | { op: 'adjustResource'; res: number; at: AdjustAnchor; deltaBytes: bigint; sizeDeltaBytes: bigint }
  | { op: 'releaseResource'; res: number };

export type TreeCall =
  | { op: 'addRoot'; start: bigint; end: bigint; name: string }
  | { op: 'requestResource'; parent: number; start: bigint; end: bigint; name: string }
  | { op: 'requestRegion'; parent: number; start: bigint; n: bigint; name: string }
  | { op: 'releaseRegion'; parent: number; start: bigint; n: bigint }
  | { op: 'adjustResource'; res: number; start: bigint; size: bigint }
  | { op: 'releaseResource'; res: number };
