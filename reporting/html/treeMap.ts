/**
 * The address map of a resource-tree snapshot: one lane per root, the root's [start, end]
 * scaled to the drawing width, and every resource below it a box one row further down
 * per level of nesting (busy: orange, not busy: blue outline). Each box names itself on hover.
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

/** Levels of nesting under and including node. */
export function depth(node: TreeNode): number {
  return 1 + Math.max(0, ...node.children.map(depth));
}

const nodeText = (n: TreeNode) => `#${n.id} "${n.name}" [${hex(n.start)}-${hex(n.end)}] ${sizeText(n.end - n.start + 1n)}${n.busy ? ' · busy' : ''}`;

function rootLane(root: TreeNode, top: number, rows: number, width: number): string[] {
  const scale = new AddressScale(root.start, root.end, width);
  const out = [text(MAP_MARGIN, top + 12, `root ${nodeText(root)}`, 'class="caption"')];
  const draw = (n: TreeNode, level: number) => {
    const { x, w } = scale.span(n.start, n.end);
    const fill = n.busy ? COLOURS.busy : COLOURS.idle;
    const cls = n.busy ? 'resource busy' : 'resource';
    out.push(rect(MAP_MARGIN + x, top + CAPTION + level * ROW, w, BOX, `class="${cls}" fill="${fill}" stroke="${COLOURS.stroke}" stroke-width="0.5"`, nodeText(n)));
    if (w > 60) out.push(text(MAP_MARGIN + x + 3, top + CAPTION + level * ROW + 10, `#${n.id} ${n.name}`, 'class="in-box dark"'));
    for (const c of n.children) draw(c, level + 1);
  };
  draw(root, 0);
  const axisY = top + CAPTION + rows * ROW + 10;
  out.push(text(MAP_MARGIN, axisY, hex(root.start), 'class="axis"'));
  out.push(text(MAP_MARGIN + width, axisY, hex(root.end), 'text-anchor="end" class="axis"'));
  return out;
}
