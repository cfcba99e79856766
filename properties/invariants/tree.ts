/**
 * I1 tree shape, checked on any resource tree: start ≤ end, and every resource's
 * children sorted by start, pairwise disjoint and inside it.
 */
import type { ResNode, TreeNode, TreeSnapshot } from '../../sut/interface.ts';
import { span } from './text.ts';

/** A resource of either snapshot kind (tree nodes also carry an id). */
type AnyNode = ResNode | TreeNode;

/** Names a resource in messages: `resource 3 "foo" [..]` or `"dax0.1" [..]`. */
function label(n: AnyNode): string {
  const id = 'id' in n ? `resource ${n.id} ` : '';
  return `${id}"${n.name}" ${span(n.start, n.end)}`;
}

/**
 * Checks I1 on the subtree under `root`, appending one sentence per violation to
 * `out`. `where` prefixes every message (e.g. "region0: "). Children are compared
 * with their predecessor only (linear); unsorted children are reported as such.
 */
export function checkShape(root: AnyNode, where: string, out: string[]): void {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.end < n.start) say(out, where, `${label(n)} has end before start`);
    const children = n.children as AnyNode[];
    let prev: AnyNode | null = null;
    for (const c of children) {
      if (c.start < n.start || c.end > n.end) say(out, where, `${label(c)} is not inside its parent ${label(n)}`);
      if (prev && c.start < prev.start) {
        say(out, where, `children of ${label(n)} are not sorted: ${label(c)} comes after ${label(prev)}`);
      } else if (prev && c.start <= prev.end) {
        say(out, where, `${label(prev)} overlaps its sibling ${label(c)}`);
      }
      prev = c;
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

function say(out: string[], where: string, text: string): void {
  out.push(`I1 tree shape: ${where}${text}`);
}

/**
 * Checks a resource-tree snapshot: I1 on every root's tree, and resource ids unique
 * over the forest. Returns one readable sentence per violation (empty = all hold).
 */
export function checkTreeInvariants(s: TreeSnapshot): string[] {
  const out: string[] = [];
  const seen = new Set<number>();
  const stack: TreeNode[] = [...s.roots];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (seen.has(n.id)) out.push(`ids: resource id ${n.id} appears more than once (again at "${n.name}" ${span(n.start, n.end)})`);
    seen.add(n.id);
    stack.push(...n.children);
  }
  for (const r of s.roots) checkShape(r, '', out);
  return out;
}
