/** Resolves tree commands against the model's snapshot, runs and prints tree calls. */
import type { ResourceTreeSut, Result, TreeNode, TreeSnapshot } from '../../sut/interface.ts';
import { add64, hex, sub64, U64_MAX } from '../../sut/u64.ts';
import type { TreeCall, TreeCommand } from './treeCommand.ts';

/** An id no resource takes in a run. */
export const MISSING_RESOURCE = 100000;

interface Placed {
  node: TreeNode;
  parent: TreeNode | null;
  root: TreeNode;
}

/** Live resources in depth-first order with their parent and root. */
export function liveResources(snap: TreeSnapshot): Placed[] {
  const out: Placed[] = [];
  const walk = (node: TreeNode, parent: TreeNode | null, root: TreeNode) => {
    out.push({ node, parent, root });
    for (const c of node.children) walk(c, node, root);
  };
  for (const r of snap.roots) walk(r, null, r);
  return out;
}

const size = (n: TreeNode) => n.end - n.start + 1n;

/** A resource that was released (an id below the highest live one that is not live), else one that never was. */
function deadOrMissing(live: Placed[]): number {
  const ids = new Set(live.map((p) => p.node.id));
  const top = Math.max(-1, ...ids);
  for (let id = 0; id < top; id++) if (!ids.has(id)) return id;
  return MISSING_RESOURCE;
}

function requestStart(p: TreeNode, cmd: Extract<TreeCommand, { op: 'requestResource' | 'requestRegion' }>): bigint {
  const child = p.children.length === 0 ? undefined : p.children[cmd.child % p.children.length];
  const d = cmd.deltaBytes & U64_MAX;
  switch (cmd.at) {
    case 'parentStart': return add64(p.start, d);
    case 'parentTop': return add64(sub64(add64(p.end, 1n), cmd.sizeBytes), d);
    case 'childStart': return add64(child ? child.start : p.start, d);
    case 'afterChild': return add64(child ? add64(child.end, 1n) : p.start, d);
  }
}

function adjustStart(x: Placed, cmd: Extract<TreeCommand, { op: 'adjustResource' }>): bigint {
  const siblings = x.parent?.children ?? [];
  const i = siblings.indexOf(x.node);
  const d = cmd.deltaBytes & U64_MAX;
  switch (cmd.at) {
    case 'self': return add64(x.node.start, d);
    case 'prevEnd': return add64(i > 0 ? siblings[i - 1]!.end : x.node.start, d);
    case 'nextStart': return add64(i >= 0 && i + 1 < siblings.length ? siblings[i + 1]!.start : x.node.end, d);
    case 'parentStart': return add64(x.parent ? x.parent.start : x.node.start, d);
  }
}

/** The call for cmd in the model's state; null when it names a resource and none is live. */
export function resolveTree(cmd: TreeCommand, snap: TreeSnapshot): TreeCall | null {
  if (cmd.op === 'addRoot') return cmd;
  const live = liveResources(snap);
  const at = (ref: number): Placed | null | 'missing' => (ref < 0 ? 'missing' : live.length === 0 ? null : live[ref % live.length]!);
  const dead = () => deadOrMissing(live);
  switch (cmd.op) {
    case 'requestResource':
    case 'requestRegion': {
      const p = at(cmd.parent);
      if (p === null) return null;
      const parent = p === 'missing' ? dead() : p.node.id;
      const start = p === 'missing' ? cmd.deltaBytes & U64_MAX : requestStart(p.node, cmd);
      return cmd.op === 'requestRegion'
        ? { op: cmd.op, parent, start, n: cmd.sizeBytes, name: cmd.name }
        : { op: cmd.op, parent, start, end: sub64(add64(start, cmd.sizeBytes), 1n), name: cmd.name };
    }
    case 'releaseRegion': {
      // Only busy resources can be released: aim at one of them when there is any.
      const busy = live.filter((p) => p.node.busy);
      const t = cmd.target < 0 ? 'missing' : busy.length > 0 ? busy[cmd.target % busy.length]! : at(cmd.target);
      if (t === null) return null;
      if (t === 'missing') return { op: cmd.op, parent: dead(), start: 0n, n: 1n };
      const from = cmd.from === 'root' || t.parent === null ? t.root : t.parent;
      return { op: cmd.op, parent: from.id, start: add64(t.node.start, cmd.deltaBytes & U64_MAX), n: add64(size(t.node), cmd.sizeDeltaBytes & U64_MAX) };
    }
    case 'adjustResource': {
      // Roots have no parent or siblings: aim at a non-root resource when there is any.
      const inner = live.filter((p) => p.parent !== null);
      const x = cmd.res >= 0 && inner.length > 0 ? inner[cmd.res % inner.length]! : at(cmd.res);
      if (x === null) return null;
      if (x === 'missing') return { op: cmd.op, res: dead(), start: 0n, size: 1n };
      return { op: cmd.op, res: x.node.id, start: adjustStart(x, cmd), size: add64(size(x.node), cmd.sizeDeltaBytes & U64_MAX) };
    }
    case 'releaseResource': {
      const x = at(cmd.res);
      if (x === null) return null;
      return { op: cmd.op, res: x === 'missing' ? dead() : x.node.id };
    }
  }
}

/** Runs one resolved tree call. */
export function callTree(sut: ResourceTreeSut, c: TreeCall): Result {
  switch (c.op) {
    case 'addRoot': return sut.addRoot(c.start, c.end, c.name);
    case 'requestResource': return sut.requestResource(c.parent, c.start, c.end, c.name);
    case 'requestRegion': return sut.requestRegion(c.parent, c.start, c.n, c.name);
    case 'releaseRegion': return sut.releaseRegion(c.parent, c.start, c.n);
    case 'adjustResource': return sut.adjustResource(c.res, c.start, c.size);
    case 'releaseResource': return sut.releaseResource(c.res);
  }
}

/** A tree call as a person reads it, e.g. `requestRegion(#3, 0x1000, n=0x100, "b")`. */
export function showTreeCall(c: TreeCall): string {
  switch (c.op) {
    case 'addRoot': return `addRoot(${hex(c.start)}-${hex(c.end)}, "${c.name}")`;
    case 'requestResource': return `requestResource(#${c.parent}, ${hex(c.start)}-${hex(c.end)}, "${c.name}")`;
    case 'requestRegion': return `requestRegion(#${c.parent}, ${hex(c.start)}, n=${hex(c.n)}, "${c.name}")`;
    case 'releaseRegion': return `releaseRegion(#${c.parent}, ${hex(c.start)}, n=${hex(c.n)})`;
    case 'adjustResource': return `adjustResource(#${c.res}, ${hex(c.start)}, size=${hex(c.size)})`;
    case 'releaseResource': return `releaseResource(#${c.res})`;
  }
}
