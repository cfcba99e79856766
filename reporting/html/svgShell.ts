/**
 * The frame shared by the address maps: an <svg class="address-map"> with a viewBox
 * (it scales to the page width), and the page-wide pattern definitions it refers to.
 */
import { esc } from './escape.ts';
import { COLOURS } from './palette.ts';

/** Width in pixels of the address axis (a full-width map; side-by-side maps are narrower), and the margin on each side. */
export const MAP_WIDTH = 880;
export const PAIR_MAP_WIDTH = 560;
export const MAP_MARGIN = 8;

/** Which system a drawing shows. */
export type MapSide = 'model' | 'sut';

/** An address map: `inner` is drawn in a box mapWidth + 2 × MAP_MARGIN wide and `height` high. */
export function svgShell(side: MapSide, title: string, height: number, inner: string[], mapWidth = MAP_WIDTH): string {
  const width = mapWidth + 2 * MAP_MARGIN;
  return [
    `<svg class="address-map" data-side="${side}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" style="max-width:${width}px" width="100%" role="img" aria-label="${esc(title)}">`,
    `<title>${esc(title)}</title>`,
    ...inner,
    '</svg>',
  ].join('\n');
}

/** Patterns the maps use (hatching of released extents), defined once per page in a hidden SVG. */
export function svgDefs(): string {
  return [
    '<svg class="svg-defs" width="0" height="0" style="position:absolute" aria-hidden="true"><defs>',
    `<pattern id="released-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`,
    `<rect width="6" height="6" fill="#eeeeee"/><line x1="0" y1="0" x2="0" y2="6" stroke="${COLOURS.released}" stroke-width="3"/></pattern>`,
    '</defs></svg>',
  ].join('');
}

/** A rectangle with a hover label (<title>) and extra attributes. */
export function rect(x: number, y: number, w: number, h: number, attrs: string, hover: string): string {
  return `<rect x="${px(x)}" y="${px(y)}" width="${px(w)}" height="${px(h)}" ${attrs}><title>${esc(hover)}</title></rect>`;
}

/** Text at (x, y); anchor start, middle or end. */
export function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${px(x)}" y="${px(y)}" ${attrs}>${esc(content)}</text>`;
}

/** A pixel value with at most two decimals. */
export function px(v: number): string {
  return String(Math.round(v * 100) / 100);
}
