/**
 * The address map of a v11/v10 profile snapshot: one lane per DC region; its resources
 * are a band above (hatched when their group's release is pending), device ranges are
 * boxes coloured per device. Every shape names itself on hover.
 */
import type { DcdRegionSnap, DcdSnapshot } from '../../sut/dcdInterface.ts';
import { groupName } from '../../sut/dcdInterface.ts';
import { hex, sizeText } from '../../sut/u64.ts';
import { AddressScale } from './addressScale.ts';
import { COLOURS, deviceColour } from './palette.ts';
import { MAP_MARGIN, MAP_WIDTH, rect, svgShell, text, type MapSide } from './svgShell.ts';

const LANE = 78;

/** The SVG address map of snap; `title` is its accessible name. */
export function dcdAddressMap(snap: DcdSnapshot, side: MapSide, title: string, width = MAP_WIDTH): string {
  const lanes = snap.regions.map((r, i) => regionLane(r, i * LANE, width));
  const empty = snap.regions.length === 0 ? [text(MAP_MARGIN, 20, 'no region yet', 'class="caption"')] : [];
  return svgShell(side, title, Math.max(snap.regions.length * LANE, 30), [...empty, ...lanes.flat()], width);
}

function regionLane(r: DcdRegionSnap, top: number, width: number): string[] {
  const end = r.start + r.sizeBytes - 1n;
  const scale = new AddressScale(r.start, end, width);
  const at = (start: bigint, last: bigint, y: number, h: number, attrs: string, hover: string) => {
    const { x, w } = scale.span(start, last);
    return rect(MAP_MARGIN + x, top + y, w, h, attrs, hover);
  };
  const pending = r.pending.length === 0 ? '' : ` · pending ${r.pending.join(' ')}`;
  const out = [text(MAP_MARGIN, top + 12, `region${r.id} · DC · [${hex(r.start)}-${hex(end)}] · align ${sizeText(r.align)}${pending}`, 'class="caption"')];
  if (r.warnings > 0) out.push(text(MAP_MARGIN + width / 2, top + LANE - 8, `${r.warnings} warning(s)`, `text-anchor="middle" fill="${COLOURS.warn}" class="caption"`));
  out.push(at(r.start, end, 32, 26, `fill="${COLOURS.outside}" stroke="${COLOURS.stroke}" stroke-width="0.5"`, `region${r.id}`));
  for (const x of r.resources) {
    const held = r.pending.includes(groupName(x.tag, x.start - r.start));
    const fill = held ? 'url(#released-hatch)' : COLOURS.extent;
    out.push(at(x.start, x.start + x.size - 1n, 18, 10, `class="extent" fill="${fill}" stroke="${COLOURS.extentStroke}"`, `resource ${hex(x.start)} ${sizeText(x.size)} · tag ${x.tag} · seq ${x.seq} · useCount ${x.useCount}${held ? ' · release pending' : ''}`));
  }
  for (const d of r.devices) {
    for (const [i, g] of d.ranges.entries()) out.push(at(g.start, g.end, 32, 26, `class="range" fill="${deviceColour(d.id)}" stroke="#fff" stroke-width="0.5"`, `${d.name} range ${i} [${hex(g.start)}-${hex(g.end)}] · pgoff ${hex(g.pgoff)} · ${d.mappings} mapping(s)`));
  }
  out.push(text(MAP_MARGIN, top + LANE - 8, hex(r.start), 'class="axis"'));
  out.push(text(MAP_MARGIN + width, top + LANE - 8, hex(end), 'text-anchor="end" class="axis"'));
  return out;
}
