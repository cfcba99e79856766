/**
 * The address map of a DAX snapshot: one lane per region, its [start, end] scaled to the
 * drawing width. In a lane, extents are a band above (visible: blue; removed but still in
 * use: dashed; released: hatched grey), device ranges are boxes coloured per device, and
 * free space (what a grow could take) is green. Every shape names itself on hover.
 */
import type { DaxSnapshot, ExtentSnap, RegionSnap } from '../../sut/interface.ts';
import { hex, sizeText } from '../../sut/u64.ts';
import { AddressScale } from './addressScale.ts';
import { COLOURS, deviceColour } from './palette.ts';
import { MAP_MARGIN, MAP_WIDTH, rect, svgShell, text, type MapSide } from './svgShell.ts';

const LANE = 78;
const EXTENT_Y = 18;
const EXTENT_H = 10;
const RANGE_Y = 32;
const RANGE_H = 26;

interface Span {
  start: bigint;
  end: bigint;
}

/** The SVG address map of snap; `title` is its accessible name. */
export function daxAddressMap(snap: DaxSnapshot, side: MapSide, title: string, width = MAP_WIDTH): string {
  const lanes = snap.regions.map((r, i) => regionLane(r, i * LANE, width));
  const empty = snap.regions.length === 0 ? [text(MAP_MARGIN, 20, 'no region yet', 'class="caption"')] : [];
  return svgShell(side, title, Math.max(snap.regions.length * LANE, 30), [...empty, ...lanes.flat()], width);
}

const spanText = (s: Span) => `[${hex(s.start)}-${hex(s.end)}] ${sizeText(s.end - s.start + 1n)}`;

function regionLane(r: RegionSnap, top: number, width: number): string[] {
  const end = r.start + r.sizeBytes - 1n;
  const scale = new AddressScale(r.start, end, width);
  const at = (s: Span, y: number, h: number, attrs: string, hover: string) => {
    const { x, w } = scale.span(s.start, s.end);
    return rect(MAP_MARGIN + x, top + y, w, h, attrs, hover);
  };
  const caption = `region${r.id} · ${r.kind} · ${spanText({ start: r.start, end })} · align ${sizeText(r.align)} · avail ${sizeText(r.availBytes)}`;
  const out = [text(MAP_MARGIN, top + 12, caption + (r.destroyed ? ' · destroyed' : ''), 'class="caption"')];
  if (r.badReleases > 0) out.push(text(MAP_MARGIN + width / 2, top + LANE - 8, `${r.badReleases} release(s) of a nonexistent resource`, `text-anchor="middle" fill="${COLOURS.warn}" class="caption"`));
  const background = r.kind === 'contiguous' ? COLOURS.capacity : COLOURS.outside;
  out.push(at({ start: r.start, end }, RANGE_Y, RANGE_H, `fill="${background}" stroke="${COLOURS.stroke}" stroke-width="0.5"`, `region${r.id} ${spanText({ start: r.start, end })}`));
  for (const e of r.extents) out.push(...extentShapes(e, at));
  for (const f of freeSpans(r)) out.push(at(f, RANGE_Y + 2, RANGE_H - 4, `class="free" fill="${COLOURS.free}"`, `free ${spanText(f)}`));
  for (const d of r.devices) {
    for (const [i, g] of d.ranges.entries()) {
      const hover = `${d.name} range ${i} ${spanText(g)} · pgoff ${hex(g.pgoff)}${g.extent === null ? '' : ` · extent ${g.extent}`}${d.bound ? ' · bound' : ''}`;
      out.push(at(g, RANGE_Y, RANGE_H, `class="range" fill="${deviceColour(d.id)}" stroke="#fff" stroke-width="0.5"`, hover));
      const { x, w } = scale.span(g.start, g.end);
      if (w > 44) out.push(text(MAP_MARGIN + x + w / 2, top + RANGE_Y + 17, d.name, 'text-anchor="middle" class="in-box"'));
    }
  }
  out.push(text(MAP_MARGIN, top + LANE - 8, hex(r.start), 'class="axis"'));
  out.push(text(MAP_MARGIN + width, top + LANE - 8, hex(end), 'text-anchor="end" class="axis"'));
  return out;
}

type At = (s: Span, y: number, h: number, attrs: string, hover: string) => string;

function extentShapes(e: ExtentSnap, at: At): string[] {
  const state = e.released ? 'released' : e.visible ? 'visible' : 'removed, still in use';
  const hover = `extent ${e.id} "${e.label}" ${spanText(e)} · refs ${e.refs} · ${state}`;
  if (e.released) return [at(e, EXTENT_Y, EXTENT_H, 'class="extent released" fill="url(#released-hatch)" stroke="#999" stroke-width="0.5"', hover)];
  const dash = e.visible ? '' : ' stroke-dasharray="3 2"';
  const fill = e.visible ? COLOURS.extent : '#fff';
  return [
    at(e, EXTENT_Y, EXTENT_H, `class="extent" fill="${fill}" stroke="${COLOURS.extentStroke}"${dash}`, hover),
    // The capacity an extent gives, behind the ranges.
    at(e, RANGE_Y, RANGE_H, `fill="${e.visible ? COLOURS.capacity : '#fff'}" stroke="${COLOURS.extentStroke}" stroke-width="0.5"${dash}`, hover),
  ];
}

/** Free space of a region: contiguous, the region less its children; dynamic, visible extents less the ranges in them. */
export function freeSpans(r: RegionSnap): Span[] {
  if (r.destroyed) return [];
  const used = r.devices.flatMap((d) => d.ranges);
  if (r.kind === 'contiguous') return gaps({ start: r.start, end: r.start + r.sizeBytes - 1n }, [...r.resource.children, ...used]);
  return r.extents.filter((e) => e.visible && !e.released).flatMap((e) => gaps(e, used));
}

/** The parts of `within` that none of `taken` covers, in address order. */
export function gaps(within: Span, taken: readonly Span[]): Span[] {
  const inside = taken.filter((t) => t.end >= within.start && t.start <= within.end).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const out: Span[] = [];
  let next = within.start;
  for (const t of inside) {
    if (t.start > next) out.push({ start: next, end: t.start - 1n });
    if (t.end + 1n > next) next = t.end + 1n;
  }
  if (next <= within.end) out.push({ start: next, end: within.end });
  return out;
}
