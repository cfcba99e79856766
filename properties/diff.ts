/**
 * The first difference between two plain-data values (snapshots, results), described
 * with its path in domain terms, for failure messages of the differential runner.
 */
import { hex } from '../sut/u64.ts';
import { span } from './invariants/text.ts';


type Labels = readonly [string, string] | string[];
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => a === b || Object.is(a, b);

/** "regions" → "region", "children" → "child", "ranges" → "range". */
function singular(key: string): string {
  if (key === 'children') return 'child';
  return key.endsWith('s') ? key.slice(0, -1) : key;
}

/** The domain name of an array element: its `name`, else its `id` ("region0", "extent 2"), else null. */
function elementName(v: unknown, key: string): string | null {
  if (!isObj(v)) return null;
  if (typeof v.name === 'string') return v.name;
  if (typeof v.id === 'number') return key === 'regions' ? `region${v.id}` : `${singular(key)} ${v.id}`;
  return null;
}

/** " [start-end]" of an object with start and end (or start and sizeBytes), else "". */
function spanOf(v: Obj): string {
  if (typeof v.start !== 'bigint') return '';
  if (typeof v.end === 'bigint') return ` ${span(v.start, v.end)}`;
  if (typeof v.sizeBytes === 'bigint') return ` ${span(v.start, v.start + v.sizeBytes - 1n)}`;
  return '';
}

/** A value in one short token: bigint in hex, strings quoted, arrays by count, objects by name and span. */
function valueText(v: unknown, key = ''): string {
  if (typeof v === 'bigint') return v < 0n ? `-${hex(-v)}` : hex(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return '(absent)';
  if (Array.isArray(v)) return `${v.length} items`;
  if (isObj(v)) {
    const name = elementName(v, key) ?? (key ? singular(key) : 'object');
    return name + spanOf(v);
  }
  return String(v);
}

/** Deep equality of plain data. */
function equal(a: unknown, b: unknown): boolean {
  return walk(a, b, [], ['', '']) === null;
}

/** "path: detail", or just the detail at the top. */
function at(path: string[], detail: string): string {
  return path.length === 0 ? detail : `${path.join(' › ')}: ${detail}`;
}

/** Two leaves (or values of different shapes) that differ. Types are named when they differ. */
function leaf(a: unknown, b: unknown, path: string[], labels: Labels, key: string): string {
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  const typed = kind(a) !== kind(b) && a !== undefined && b !== undefined && a !== null && b !== null;
  const show = (v: unknown) => valueText(v, key) + (typed ? ` (${kind(v)})` : '');
  return at(path, `${labels[0]} ${show(a)}, ${labels[1]} ${show(b)}`);
}

function walk(a: unknown, b: unknown, path: string[], labels: Labels, key = ''): string | null {
  if (same(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) return walkArray(a, b, path, labels, key);
  if (isObj(a) && isObj(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const k of keys) {
      const found = walk(a[k], b[k], [...path, k], labels, k);
      if (found !== null) return found;
    }
    return null;
  }
  return leaf(a, b, path, labels, key);
}

/** The path segment of element i: "devices[1] (dax0.1)". */
function elementPath(path: string[], key: string, i: number, v: unknown): string[] {
  const name = elementName(v, key);
  const seg = `[${i}]${name ? ` (${name})` : ''}`;
  return path.length === 0 ? [seg] : [...path.slice(0, -1), path[path.length - 1] + seg];
}

/**
 * Arrays: of equal length, the first differing element. Of different lengths: the
 * count, naming the first missing (or extra) element when the rest lines up after
 * it; otherwise the first differing common element.
 */
function walkArray(a: unknown[], b: unknown[], path: string[], labels: Labels, key: string): string | null {
  const common = Math.min(a.length, b.length);
  let i = 0;
  while (i < common && equal(a[i], b[i])) i++;
  if (a.length !== b.length) {
    const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
    const extra = longer.length - shorter.length;
    if (i === common || equal(longer.slice(i + extra), shorter.slice(i))) {
      const what = `${a.length > b.length ? 'missing' : 'extra'} ${valueText(longer[i], key)}${extra > 1 ? ` and ${extra - 1} more` : ''}`;
      return at(path, `${labels[0]} has ${a.length}, ${labels[1]} has ${b.length} (${what})`);
    }
  }
  if (i === common) return null;
  return walk(a[i], b[i], elementPath(path, key, i, isObj(a[i]) ? a[i] : b[i]), labels);
}

/**
 * Compares two plain-data values (objects, arrays, bigint, number, string, boolean,
 * null; an undefined property counts as absent). Returns null when they are deeply
 * equal, else the first difference with its path, e.g.
 * `regions[0] (region0) › devices[1] (dax0.1) › ranges[2] › end: model 0x5fffff, impl 0x3fffff`.
 * `labels` name the two sides.
 */
export function firstDifference(a: unknown, b: unknown, labels: Labels = ['model', 'impl']): string | null {
  return walk(a, b, [], labels);
}
