/** Snapshots of a resource subtree, walked through the kernel-style child/sibling links. */
import type { Resource } from './resource.ts';

/**
 * The plain-data copy of res and its subtree: leaf(r) makes each node (with an empty
 * children array), children follow in sibling order, i.e. by start. Iterative, so deep
 * trees need no recursion.
 */
export function snapshotSubtree<N extends { children: N[] }>(res: Resource, leaf: (r: Resource) => N): N {
  const top = leaf(res);
  const stack: [Resource, N][] = [[res, top]];
  while (stack.length > 0) {
    const [r, node] = stack.pop()!;
    for (let c = r.child; c !== null; c = c.sibling) {
      const n = leaf(c);
      node.children.push(n);
      stack.push([c, n]);
    }
  }
  return top;
}
