/** Where requestResource and requestRegion start: anchored at the parent or one of its children. */
import fc from 'fast-check';
import type { TreeNode, TreeSnapshot } from '../../sut/interface.ts';
import { add64, sub64, U64_MAX } from '../../sut/u64.ts';
import { one, w } from '../operation.ts';
import { at, bigRef, deadOrMissing, delta, liveResources, name, ref, size } from './treeRefs.ts';

/** Start of a request: parent start/end, a child's start, or just after a child. */
export type RequestAnchor = 'parentStart' | 'parentTop' | 'childStart' | 'afterChild';

/** The fields both request commands share. */
export interface RequestFields {
  parent: number;
  at: RequestAnchor;
  child: number;
  deltaBytes: bigint;
  sizeBytes: bigint;
  name: string;
}

/** The arbitrary of a request command (big runs: any parent, small sizes that nest). */
export function requestArbitrary<Op extends string>(op: Op, big = false): fc.Arbitrary<{ op: Op } & RequestFields> {
  if (big) {
    return fc.record({
      op: fc.constant(op),
      parent: bigRef,
      at: one('childStart' as const, 'afterChild' as const, 'parentStart' as const),
      child: fc.nat({ max: 8 }),
      deltaBytes: fc.oneof(w(4, fc.constant(0n)), w(1, one(0x10n, -0x10n))),
      sizeBytes: one(0x10n, 0x20n, 0x40n),
      name,
    });
  }
  return fc.record({
    op: fc.constant(op),
    parent: ref,
    at: fc.oneof(w(3, one('parentStart' as const, 'afterChild' as const)), w(3, fc.constant('childStart' as const)), w(1, fc.constant('parentTop' as const))),
    child: fc.nat({ max: 4 }),
    deltaBytes: delta,
    sizeBytes: size,
    name,
  });
}

/** The start a request asks for in parent p. */
export function requestStart(p: TreeNode, cmd: RequestFields): bigint {
  const child = p.children.length === 0 ? undefined : p.children[cmd.child % p.children.length];
  const d = cmd.deltaBytes & U64_MAX;
  switch (cmd.at) {
    case 'parentStart': return add64(p.start, d);
    case 'parentTop': return add64(sub64(add64(p.end, 1n), cmd.sizeBytes), d);
    case 'childStart': return add64(child ? child.start : p.start, d);
    case 'afterChild': return add64(child ? add64(child.end, 1n) : p.start, d);
  }
}

/** Simplest values of a request's enumerated fields. */
export const REQUEST_SIMPLEST = { at: ['parentStart', 'childStart', 'afterChild', 'parentTop'] } as const;

/** The parent a request names (a dead or missing id for ref -1) and the start it asks for; null when no resource is live. */
export function resolveRequest(cmd: RequestFields, snap: TreeSnapshot): { parent: number; start: bigint } | null {
  const live = liveResources(snap);
  const p = at(live, cmd.parent);
  if (p === null) return null;
  if (p === 'missing') return { parent: deadOrMissing(live, cmd.parent), start: cmd.deltaBytes & U64_MAX };
  return { parent: p.node.id, start: requestStart(p.node, cmd) };
}
