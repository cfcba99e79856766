/**
 * The resource-tree operations' argument domains in buckets (properties/domains.ts,
 * docs/argument-domains.md): addresses and sizes by binade over all of u64 (a size
 * whose end wraps past 2^64 − 1 is invalid; a root may span 2^64), and the resources
 * arguments name by kind: root or inner, first, middle, last or only among its
 * siblings, or dead (released, or never created: a snapshot cannot tell them apart);
 * for adjust, also a root that has children.
 */
import type { TreeNode, TreeSnapshot } from '../../sut/interface.ts';
import { U64_MAX } from '../../sut/u64.ts';
import { binade, binadeNames, BucketTable, position, type ArgumentDomains, type Position } from '../domains.ts';
import type { TreeCall } from './treeCommand.ts';

const ADDRESS = ['0', ...binadeNames(0, 63)];
/** Sizes of requests: 1 .. 2^64 − 1 by binade; 0 or an end past 2^64 − 1 is invalid. */
const SIZE = [...binadeNames(0, 63), 'invalid'];
/** Sizes of roots: up to all of u64 (2^64); end < start is invalid. */
const ROOT_SIZE = [...binadeNames(0, 64), 'invalid'];
const POSITIONS: readonly Position[] = ['first', 'middle', 'last', 'only'];
const KIND_NAMES = { root: Object.fromEntries(POSITIONS.map((p) => [p, `root ${p}`])), inner: Object.fromEntries(POSITIONS.map((p) => [p, `inner ${p}`])) } as Record<'root' | 'inner', Record<Position, string>>;
const KINDS = [...Object.values(KIND_NAMES.root), ...Object.values(KIND_NAMES.inner)];
const RESOURCE = [...KINDS, 'dead'];

const TABLE: Record<TreeCall['op'], Record<string, readonly string[]>> = {
  addRoot: { start: ADDRESS, size: ROOT_SIZE },
  requestResource: { parent: RESOURCE, start: ADDRESS, size: SIZE },
  requestRegion: { parent: RESOURCE, start: ADDRESS, n: ['0', ...binadeNames(0, 63)] },
  releaseRegion: { parent: RESOURCE, start: ADDRESS, n: ['0', ...binadeNames(0, 63)] },
  adjustResource: { res: [...RESOURCE, 'root with children'], start: ADDRESS, size: SIZE },
  releaseResource: { res: RESOURCE },
  failNth: {},
};

/** The live resource id among siblings (depth first): its siblings and index, or null. */
function find(siblings: readonly TreeNode[], id: number): { siblings: readonly TreeNode[]; i: number } | null {
  for (let i = 0; i < siblings.length; i++) {
    const n = siblings[i]!;
    if (n.id === id) return { siblings, i };
    const below = n.children.length > 0 ? find(n.children, id) : null;
    if (below !== null) return below;
  }
  return null;
}

/** The bucket of a resource argument: its kind and place among its siblings, or dead. */
function resourceBuckets(s: TreeSnapshot, id: number): string[] {
  const at = find(s.roots, id);
  if (at === null) return ['dead'];
  const root = at.siblings === s.roots;
  const kind = KIND_NAMES[root ? 'root' : 'inner'][position(at.i, at.siblings.length)];
  return root && at.siblings[at.i]!.children.length > 0 ? [kind, 'root with children'] : [kind];
}

/** A size from start to an inclusive end: by binade, invalid when end < start (wrapped). */
const span = (start: bigint, end: bigint) => (end < start ? 'invalid' : binade(end - start + 1n === 1n << 64n ? U64_MAX : end - start + 1n));
const rootSpan = (start: bigint, end: bigint) => (end < start ? 'invalid' : end - start + 1n === 1n << 64n ? '2^64' : binade(end - start + 1n));
/** A size given as a count: by binade, invalid when 0 or when start + size − 1 passes 2^64 − 1. */
const count = (start: bigint, size: bigint) => (size === 0n || start + size - 1n > U64_MAX ? 'invalid' : binade(size));

function hits(c: TreeCall, s: TreeSnapshot): [string, string[]][] {
  switch (c.op) {
    case 'addRoot': return [['start', [binade(c.start)]], ['size', [rootSpan(c.start, c.end)]]];
    case 'requestResource': return [['parent', resourceBuckets(s, c.parent)], ['start', [binade(c.start)]], ['size', [span(c.start, c.end)]]];
    case 'requestRegion':
    case 'releaseRegion': return [['parent', resourceBuckets(s, c.parent)], ['start', [binade(c.start)]], ['n', [binade(c.n)]]];
    case 'adjustResource': return [['res', resourceBuckets(s, c.res)], ['start', [binade(c.start)]], ['size', [count(c.start, c.size)]]];
    case 'releaseResource': return [['res', resourceBuckets(s, c.res)]];
    case 'failNth': return []; // its n is the sweep's (properties/failNthSweep.ts), not a generated argument
  }
}

const BUCKETS = new BucketTable(TABLE);

/** The tree suite's argument domains. */
export const treeDomains: ArgumentDomains<TreeCall, TreeSnapshot> = {
  all: BUCKETS.all,
  buckets: (c, before) => {
    const out: string[] = [];
    for (const [arg, values] of hits(c, before)) {
      for (const v of values) {
        const b = BUCKETS.name(c.op, arg, v);
        if (b !== null) out.push(b);
      }
    }
    return out;
  },
};
