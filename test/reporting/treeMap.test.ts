/**
 * The tree suite's address map (reporting/html/treeMap.ts) on a broken tree: siblings on
 * the same bytes are drawn in lanes of their own, none under another, and marked as
 * overlapping; a correct tree keeps one row per level.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { treeAddressMap } from '../../reporting/html/treeMap.ts';
import type { TreeNode, TreeSnapshot } from '../../sut/interface.ts';

const node = (id: number, start: bigint, end: bigint, busy: boolean, children: TreeNode[] = []): TreeNode =>
  ({ id, start, end, name: `r${id}`, busy, children }) as TreeNode;

/** The rectangles drawn, by the resource id their hover text names: x, y, width, height and class. */
function boxes(svg: string): Map<number, { x: number; y: number; w: number; h: number; cls: string; hover: string }> {
  const out = new Map<number, { x: number; y: number; w: number; h: number; cls: string; hover: string }>();
  for (const m of svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" class="([^"]+)"[^>]*><title>#(\d+) ([^<]*)<\/title>/g)) {
    out.set(Number(m[6]), { x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]), cls: m[5]!, hover: m[7]! });
  }
  return out;
}

/** Do two boxes cover a common point? */
const cover = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

test('a busy #2 on the same bytes as #1 is drawn in its own lane: no box covers another, both marked as overlapping', () => {
  const snap = { roots: [node(0, 0n, 0xffffn, false, [node(1, 0x1000n, 0x1fffn, true), node(2, 0x1000n, 0x1fffn, true), node(3, 0x4000n, 0x4fffn, true)])] } as unknown as TreeSnapshot;
  const drawn = boxes(treeAddressMap(snap, 'sut', 'broken'));
  assert.equal([...drawn.keys()].sort(), [0, 1, 2, 3]);
  const [one, two, three] = [drawn.get(1)!, drawn.get(2)!, drawn.get(3)!];
  assert.not.ok(cover(one, two), '#2 is not drawn under #1');
  assert.ok(two.y > one.y, '#2 is one lane further down');
  assert.is(three.y, one.y, '#3, which overlaps nothing, stays in the first lane');
  assert.match(one.cls, /\boverlap\b/);
  assert.match(two.cls, /\boverlap\b/);
  assert.not.match(three.cls, /\boverlap\b/);
  assert.match(two.hover, /overlaps #1$/);
});

test('the children of an overlapping sibling are drawn below its own lane, and the map is tall enough for every lane', () => {
  const snap = { roots: [node(0, 0n, 0xffffn, false, [node(1, 0n, 0x7fffn, false, [node(3, 0n, 0xfffn, true)]), node(2, 0x4000n, 0xbfffn, false, [node(4, 0x8000n, 0x8fffn, true)])])] } as unknown as TreeSnapshot;
  const svg = treeAddressMap(snap, 'sut', 'broken');
  const drawn = boxes(svg);
  for (const [a, b] of [[1, 2], [1, 4], [3, 2], [3, 4]] as const) assert.not.ok(cover(drawn.get(a)!, drawn.get(b)!), `#${a} and #${b}`);
  const height = Number(/viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(svg)![1]);
  for (const b of drawn.values()) assert.ok(b.y + b.h <= height, 'inside the drawing');
});

test('a correct tree keeps one row per level: siblings side by side, children one row down', () => {
  const snap = { roots: [node(0, 0n, 0xffffn, false, [node(1, 0n, 0xfffn, true, [node(3, 0n, 0xffn, true)]), node(2, 0x1000n, 0x1fffn, true)])] } as unknown as TreeSnapshot;
  const drawn = boxes(treeAddressMap(snap, 'model', 'ok'));
  assert.is(drawn.get(1)!.y, drawn.get(2)!.y);
  assert.is(drawn.get(3)!.y - drawn.get(1)!.y, drawn.get(1)!.y - drawn.get(0)!.y);
  for (const b of drawn.values()) assert.not.match(b.cls, /\boverlap\b/);
});

test.run();
