/**
 * The address map of a resource-tree snapshot: one lane per root, the root's [start, end]
 * scaled to the drawing width, and every resource below it a box one row further down
 * per level of nesting (busy: orange, not busy: blue outline). Siblings that overlap (a
 * broken tree) are stacked in lanes of their own and outlined in red, dashed, so that
 * none hides another. Each box names itself (and what it overlaps) on hover.
 */
import type { TreeNode, TreeSnapshot } from '../../sut/interface.ts';
import { hex, sizeText } from '../../sut/u64.ts';
import { AddressScale } from './addressScale.ts';
import { COLOURS } from './palette.ts';
import { MAP_MARGIN, MAP_WIDTH, rect, svgShell, text, type MapSide } from './svgShell.ts';

const ROW = 16;
const BOX = 13;
const CAPTION = 18;
const AXIS = 16;

/** The SVG address map of snap; `title` is its accessible name. */
export function treeAddressMap(snap: TreeSnapshot, side: MapSide, title: string, width = MAP_WIDTH): string {
  const out: string[] = [];
  let top = 0;
  for (const root of snap.roots) {
    const rows = depth(root);
    out.push(...rootLane(root, top, rows, width));
    top += CAPTION + rows * ROW + AXIS;
  }
  if (snap.roots.length === 0) out.push(text(MAP_MARGIN, 20, 'no root yet', 'class="caption"'));
  return svgShell(side, title, Math.max(top, 30), out, width);
}

/**
 * Siblings in lanes: each child goes to the first lane whose last child ends before it
 * starts. Children that do not overlap (every correct tree) share lane 0; a child that
 * overlaps an earlier sibling (what the no-overlap invariant reports) gets a lane of its
 * own below, so that no box hides another.
 */
export function siblingLanes(children: readonly TreeNode[]): TreeNode[][] {
  const lanes: TreeNode[][] = [];
  for (const c of [...children].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))) {
    const lane = lanes.find((l) => l.at(-1)!.end < c.start);
    if (lane) lane.push(c);
    else lanes.push([c]);
  }
  return lanes;
}

/** Rows node takes: its own, then its children's lanes stacked, each as tall as its tallest child. */
export function depth(node: TreeNode): number {
  return 1 + siblingLanes(node.children).reduce((t, lane) => t + Math.max(...lane.map(depth)), 0);
}

const nodeText = (n: TreeNode) => `#${n.id} "${n.name}" [${hex(n.start)}-${hex(n.end)}] ${sizeText(n.end - n.start + 1n)}${n.busy ? ' · busy' : ''}`;

/** The siblings of n among children whose bytes overlap n's. */
function overlapping(n: TreeNode, children: readonly TreeNode[]): TreeNode[] {
  return children.filter((c) => c !== n && c.start <= n.end && n.start <= c.end);
}

function rootLane(root: TreeNode, top: number, rows: number, width: number): string[] {
  const scale = new AddressScale(root.start, root.end, width);
  const out = [text(MAP_MARGIN, top + 12, `root ${nodeText(root)}`, 'class="caption"')];
  const draw = (n: TreeNode, row: number, siblings: readonly TreeNode[]) => {
    const { x, w } = scale.span(n.start, n.end);
    const fill = n.busy ? COLOURS.busy : COLOURS.idle;
    const over = overlapping(n, siblings);
    const cls = `resource${n.busy ? ' busy' : ''}${over.length > 0 ? ' overlap' : ''}`;
    const stroke = over.length > 0 ? `stroke="${COLOURS.overlap}" stroke-width="1.5" stroke-dasharray="3 2"` : `stroke="${COLOURS.stroke}" stroke-width="0.5"`;
    const hover = over.length > 0 ? `${nodeText(n)} · overlaps ${over.map((o) => `#${o.id}`).join(', ')}` : nodeText(n);
    out.push(rect(MAP_MARGIN + x, top + CAPTION + row * ROW, w, BOX, `class="${cls}" fill="${fill}" ${stroke}`, hover));
    if (w > 60) out.push(text(MAP_MARGIN + x + 3, top + CAPTION + row * ROW + 10, `#${n.id} ${n.name}`, 'class="in-box dark"'));
    let laneRow = row + 1;
    for (const lane of siblingLanes(n.children)) {
      for (const c of lane) draw(c, laneRow, n.children);
      laneRow += Math.max(...lane.map(depth));
    }
  };
  draw(root, 0, []);
  const axisY = top + CAPTION + rows * ROW + 10;
  out.push(text(MAP_MARGIN, axisY, hex(root.start), 'class="axis"'));
  out.push(text(MAP_MARGIN + width, axisY, hex(root.end), 'text-anchor="end" class="axis"'));
  return out;
}
