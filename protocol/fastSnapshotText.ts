/**
 * The canonical snapshot text (PROTOCOL.md "The snapshot") on the hot path: the same
 * text as snapshotText.ts's serializers, built without the field paths those carry for
 * their error messages. A field of the wrong type makes it return null; the caller then
 * runs the checked serializer, which names the field. Batch mode serializes the model's
 * snapshot after every step, so this is most of the client's own cost per command.
 */
import type { DaxSnapshot, DeviceSnap, ExtentSnap, RangeSnap, RegionSnap, ResNode, TreeNode, TreeSnapshot } from '../sut/interface.ts';
import { U64_MAX } from '../sut/u64.ts';

/** Thrown inside, turned into null at the top: some field is not what the interface says. */
const WRONG = new Error('wrong shape');

const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;

/** A JSON string: `"` and `\` escaped, code units below 0x20 as \u00xx, everything else as is. */
export function jsonString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c < 0x20) out += `\\u00${c.toString(16).padStart(2, '0')}`;
    else out += s[i];
  }
  return `${out}"`;
}

function u64(v: unknown): string {
  if (typeof v !== 'bigint' || v < 0n || v > U64_MAX) throw WRONG;
  return `"0x${v.toString(16)}"`;
}

function int(v: unknown): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw WRONG;
  return v;
}

function str(v: unknown): string {
  if (typeof v !== 'string') throw WRONG;
  return jsonString(v);
}

function bool(v: unknown): boolean {
  if (typeof v !== 'boolean') throw WRONG;
  return v;
}

function list<T>(v: unknown, item: (x: T) => string): string {
  if (!Array.isArray(v)) throw WRONG;
  let out = '[';
  for (let i = 0; i < v.length; i++) out += (i === 0 ? '' : ',') + item(v[i] as T);
  return `${out}]`;
}

function obj<T>(v: T): T {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw WRONG;
  return v;
}

function treeNode(v: TreeNode): string {
  const n = obj(v);
  return `{"id":${int(n.id)},"start":${u64(n.start)},"end":${u64(n.end)},"name":${str(n.name)},"busy":${bool(n.busy)},"children":${list(n.children, treeNode)}}`;
}

function resNode(v: ResNode): string {
  const n = obj(v);
  return `{"start":${u64(n.start)},"end":${u64(n.end)},"name":${str(n.name)},"busy":${bool(n.busy)},"children":${list(n.children, resNode)}}`;
}

function extent(v: ExtentSnap): string {
  const e = obj(v);
  return `{"id":${int(e.id)},"start":${u64(e.start)},"end":${u64(e.end)},"label":${str(e.label)},"visible":${bool(e.visible)},"refs":${int(e.refs)},"released":${bool(e.released)}}`;
}

function range(v: RangeSnap): string {
  const r = obj(v);
  return `{"start":${u64(r.start)},"end":${u64(r.end)},"pgoff":${u64(r.pgoff)},"extent":${r.extent === null ? 'null' : int(r.extent)}}`;
}

function device(v: DeviceSnap): string {
  const d = obj(v);
  return `{"id":${int(d.id)},"name":${str(d.name)},"align":${u64(d.align)},"bound":${bool(d.bound)},"sizeBytes":${u64(d.sizeBytes)},"ranges":${list(d.ranges, range)}}`;
}

function region(v: RegionSnap): string {
  const r = obj(v);
  if (r.kind !== 'contiguous' && r.kind !== 'dynamic') throw WRONG;
  return `{"id":${int(r.id)},"kind":"${r.kind}","destroyed":${bool(r.destroyed)},"start":${u64(r.start)},"sizeBytes":${u64(r.sizeBytes)},"align":${u64(r.align)},"availBytes":${u64(r.availBytes)},"resource":${resNode(r.resource)},"extents":${list(r.extents, extent)},"devices":${list(r.devices, device)},"badReleases":${int(r.badReleases)}}`;
}

/** f(snap), or null when a field has the wrong shape. */
function orNull<T>(f: (snap: T) => string, snap: T): string | null {
  try {
    return f(snap);
  } catch (e) {
    if (e === WRONG) return null;
    throw e;
  }
}

/** The canonical text of a tree snapshot (without `snap `), or null when it is malformed. */
export function fastTreeText(snap: TreeSnapshot): string | null {
  return orNull((s: TreeSnapshot) => `{"roots":${list(obj(s).roots, treeNode)}}`, snap);
}

/** The canonical text of a DAX snapshot (without `snap `), or null when it is malformed. */
export function fastDaxText(snap: DaxSnapshot): string | null {
  return orNull((s: DaxSnapshot) => `{"regions":${list(obj(s).regions, region)}}`, snap);
}
