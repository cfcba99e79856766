/**
 * The canonical text of a snapshot (PROTOCOL.md "The snapshot"): compact JSON, keys in
 * the order sut/interface.ts declares them, u64 fields as "0x…" strings. One text per
 * snapshot, so equal snapshots give byte-equal text and a run can be compared as text
 * first. Both directions validate the shape and name the path of a malformed field
 * (`regions[0].availBytes: expected u64 hex string, got 12`).
 */
import type {
  DaxSnapshot, DeviceSnap, ExtentSnap, RangeSnap, RegionSnap, ResNode, TreeNode, TreeSnapshot,
} from '../../sut/interface.ts';
import { U64_MAX } from '../../sut/u64.ts';
import { fastDaxText, fastTreeText, jsonString } from './fastSnapshotText.ts';

export { jsonString };

/** A snapshot (or a value meant to be one) that does not have the interface's shape. */
export class SnapshotShapeError extends Error {
  constructor(readonly path: string, readonly expected: string, readonly got: unknown) {
    super(`${path}: expected ${expected}, got ${show(got)}`);
    this.name = 'SnapshotShapeError';
  }
}

function show(v: unknown): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (v === undefined) return 'nothing';
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

// ---------------------------------------------------------------------------
// Serializing: TS snapshot → canonical text
// ---------------------------------------------------------------------------

function u64(v: unknown, path: string): string {
  if (typeof v !== 'bigint' || v < 0n || v > U64_MAX) throw new SnapshotShapeError(path, 'u64 bigint', v);
  return `"0x${v.toString(16)}"`;
}

function int(v: unknown, path: string): string {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new SnapshotShapeError(path, 'integer', v);
  return String(v);
}

function str(v: unknown, path: string): string {
  if (typeof v !== 'string') throw new SnapshotShapeError(path, 'string', v);
  return jsonString(v);
}

function bool(v: unknown, path: string): string {
  if (typeof v !== 'boolean') throw new SnapshotShapeError(path, 'boolean', v);
  return v ? 'true' : 'false';
}

function list<T>(v: unknown, path: string, item: (x: T, p: string) => string): string {
  if (!Array.isArray(v)) throw new SnapshotShapeError(path, 'array', v);
  let out = '[';
  for (let i = 0; i < v.length; i++) out += (i === 0 ? '' : ',') + item(v[i] as T, `${path}[${i}]`);
  return `${out}]`;
}

function obj(v: unknown, path: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new SnapshotShapeError(path, 'object', v);
  return v as Record<string, unknown>;
}

function treeNodeText(v: TreeNode, p: string): string {
  const n = obj(v, p);
  return `{"id":${int(n.id, `${p}.id`)},"start":${u64(n.start, `${p}.start`)},"end":${u64(n.end, `${p}.end`)},"name":${str(n.name, `${p}.name`)},"busy":${bool(n.busy, `${p}.busy`)},"children":${list(n.children, `${p}.children`, treeNodeText)}}`;
}

/** The canonical text of a tree snapshot (without the `snap ` prefix); fastSnapshotText.ts's, checked here only when that finds it malformed. */
export function treeSnapshotText(snap: TreeSnapshot): string {
  return fastTreeText(snap) ?? `{"roots":${list(obj(snap, 'snapshot').roots, 'roots', treeNodeText)}}`;
}

function resNodeText(v: ResNode, p: string): string {
  const n = obj(v, p);
  return `{"start":${u64(n.start, `${p}.start`)},"end":${u64(n.end, `${p}.end`)},"name":${str(n.name, `${p}.name`)},"busy":${bool(n.busy, `${p}.busy`)},"children":${list(n.children, `${p}.children`, resNodeText)}}`;
}

function extentText(v: ExtentSnap, p: string): string {
  const e = obj(v, p);
  return `{"id":${int(e.id, `${p}.id`)},"start":${u64(e.start, `${p}.start`)},"end":${u64(e.end, `${p}.end`)},"label":${str(e.label, `${p}.label`)},"visible":${bool(e.visible, `${p}.visible`)},"refs":${int(e.refs, `${p}.refs`)},"released":${bool(e.released, `${p}.released`)}}`;
}

function rangeText(v: RangeSnap, p: string): string {
  const r = obj(v, p);
  const extent = r.extent === null ? 'null' : int(r.extent, `${p}.extent`);
  return `{"start":${u64(r.start, `${p}.start`)},"end":${u64(r.end, `${p}.end`)},"pgoff":${u64(r.pgoff, `${p}.pgoff`)},"extent":${extent}}`;
}

function deviceText(v: DeviceSnap, p: string): string {
  const d = obj(v, p);
  return `{"id":${int(d.id, `${p}.id`)},"name":${str(d.name, `${p}.name`)},"align":${u64(d.align, `${p}.align`)},"bound":${bool(d.bound, `${p}.bound`)},"sizeBytes":${u64(d.sizeBytes, `${p}.sizeBytes`)},"ranges":${list(d.ranges, `${p}.ranges`, rangeText)}}`;
}

function regionText(v: RegionSnap, p: string): string {
  const r = obj(v, p);
  if (r.kind !== 'contiguous' && r.kind !== 'dynamic') throw new SnapshotShapeError(`${p}.kind`, '"contiguous" or "dynamic"', r.kind);
  return `{"id":${int(r.id, `${p}.id`)},"kind":"${r.kind}","destroyed":${bool(r.destroyed, `${p}.destroyed`)},"start":${u64(r.start, `${p}.start`)},"sizeBytes":${u64(r.sizeBytes, `${p}.sizeBytes`)},"align":${u64(r.align, `${p}.align`)},"availBytes":${u64(r.availBytes, `${p}.availBytes`)},"resource":${resNodeText(r.resource as ResNode, `${p}.resource`)},"extents":${list(r.extents, `${p}.extents`, extentText)},"devices":${list(r.devices, `${p}.devices`, deviceText)},"badReleases":${int(r.badReleases, `${p}.badReleases`)}}`;
}

/** The canonical text of a DAX snapshot (without the `snap ` prefix); fastSnapshotText.ts's, checked here only when that finds it malformed. */
export function daxSnapshotText(snap: DaxSnapshot): string {
  return fastDaxText(snap) ?? `{"regions":${list(obj(snap, 'snapshot').regions, 'regions', regionText)}}`;
}

// ---------------------------------------------------------------------------
// Parsing: text → TS snapshot (bigints), validating every field
// ---------------------------------------------------------------------------

const U64_TEXT = /^0x(0|[1-9a-f][0-9a-f]{0,15})$/;

type Fields = Record<string, unknown>;

/** v as an object with exactly these keys (in any order). */
export function fields(v: unknown, path: string, keys: readonly string[]): Fields {
  const o = obj(v, path);
  for (const k of keys) if (!(k in o)) throw new SnapshotShapeError(`${path}.${k}`, keyKind(k), undefined);
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new SnapshotShapeError(path, `only the keys ${keys.join(',')}`, `key "${k}"`);
  return o;
}

function keyKind(k: string): string {
  return k === 'children' || k === 'roots' || k === 'regions' || k === 'extents' || k === 'devices' || k === 'ranges' ? 'array' : 'a value';
}

export function pU64(v: unknown, path: string): bigint {
  if (typeof v !== 'string' || !U64_TEXT.test(v)) throw new SnapshotShapeError(path, 'u64 hex string', v);
  return BigInt(v);
}

export function pInt(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new SnapshotShapeError(path, 'integer', v);
  return v;
}

export function pStr(v: unknown, path: string): string {
  if (typeof v !== 'string') throw new SnapshotShapeError(path, 'string', v);
  return v;
}

function pBool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new SnapshotShapeError(path, 'boolean', v);
  return v;
}

export function pList<T>(v: unknown, path: string, item: (x: unknown, p: string) => T): T[] {
  if (!Array.isArray(v)) throw new SnapshotShapeError(path, 'array', v);
  return v.map((x, i) => item(x, `${path}[${i}]`));
}

const TREE_NODE_KEYS = ['id', 'start', 'end', 'name', 'busy', 'children'] as const;
const RES_NODE_KEYS = ['start', 'end', 'name', 'busy', 'children'] as const;
const EXTENT_KEYS = ['id', 'start', 'end', 'label', 'visible', 'refs', 'released'] as const;
const RANGE_KEYS = ['start', 'end', 'pgoff', 'extent'] as const;
const DEVICE_KEYS = ['id', 'name', 'align', 'bound', 'sizeBytes', 'ranges'] as const;
const REGION_KEYS = ['id', 'kind', 'destroyed', 'start', 'sizeBytes', 'align', 'availBytes', 'resource', 'extents', 'devices', 'badReleases'] as const;

function pTreeNode(v: unknown, p: string): TreeNode {
  const n = fields(v, p, TREE_NODE_KEYS);
  return {
    id: pInt(n.id, `${p}.id`), start: pU64(n.start, `${p}.start`), end: pU64(n.end, `${p}.end`),
    name: pStr(n.name, `${p}.name`), busy: pBool(n.busy, `${p}.busy`), children: pList(n.children, `${p}.children`, pTreeNode),
  };
}

function pResNode(v: unknown, p: string): ResNode {
  const n = fields(v, p, RES_NODE_KEYS);
  return {
    start: pU64(n.start, `${p}.start`), end: pU64(n.end, `${p}.end`), name: pStr(n.name, `${p}.name`),
    busy: pBool(n.busy, `${p}.busy`), children: pList(n.children, `${p}.children`, pResNode),
  };
}

function pExtent(v: unknown, p: string): ExtentSnap {
  const e = fields(v, p, EXTENT_KEYS);
  return {
    id: pInt(e.id, `${p}.id`), start: pU64(e.start, `${p}.start`), end: pU64(e.end, `${p}.end`), label: pStr(e.label, `${p}.label`),
    visible: pBool(e.visible, `${p}.visible`), refs: pInt(e.refs, `${p}.refs`), released: pBool(e.released, `${p}.released`),
  };
}

function pRange(v: unknown, p: string): RangeSnap {
  const r = fields(v, p, RANGE_KEYS);
  return {
    start: pU64(r.start, `${p}.start`), end: pU64(r.end, `${p}.end`), pgoff: pU64(r.pgoff, `${p}.pgoff`),
    extent: r.extent === null ? null : pInt(r.extent, `${p}.extent`),
  };
}

function pDevice(v: unknown, p: string): DeviceSnap {
  const d = fields(v, p, DEVICE_KEYS);
  return {
    id: pInt(d.id, `${p}.id`), name: pStr(d.name, `${p}.name`), align: pU64(d.align, `${p}.align`), bound: pBool(d.bound, `${p}.bound`),
    sizeBytes: pU64(d.sizeBytes, `${p}.sizeBytes`), ranges: pList(d.ranges, `${p}.ranges`, pRange),
  };
}

function pRegion(v: unknown, p: string): RegionSnap {
  const r = fields(v, p, REGION_KEYS);
  if (r.kind !== 'contiguous' && r.kind !== 'dynamic') throw new SnapshotShapeError(`${p}.kind`, '"contiguous" or "dynamic"', r.kind);
  return {
    id: pInt(r.id, `${p}.id`), kind: r.kind, destroyed: pBool(r.destroyed, `${p}.destroyed`), start: pU64(r.start, `${p}.start`),
    sizeBytes: pU64(r.sizeBytes, `${p}.sizeBytes`), align: pU64(r.align, `${p}.align`), availBytes: pU64(r.availBytes, `${p}.availBytes`),
    resource: pResNode(r.resource, `${p}.resource`), extents: pList(r.extents, `${p}.extents`, pExtent),
    devices: pList(r.devices, `${p}.devices`, pDevice), badReleases: pInt(r.badReleases, `${p}.badReleases`),
  };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SnapshotShapeError('snapshot', 'JSON', `${text.slice(0, 40)} (${(e as Error).message})`);
  }
}

/** Parses a tree snapshot's text; SnapshotShapeError names the first malformed field. */
export function parseTreeSnapshot(text: string): TreeSnapshot {
  const top = fields(parseJson(text), 'snapshot', ['roots']);
  return { roots: pList(top.roots, 'roots', pTreeNode) };
}

/** Parses a DAX snapshot's text; SnapshotShapeError names the first malformed field. */
export function parseDaxSnapshot(text: string): DaxSnapshot {
  const top = fields(parseJson(text), 'snapshot', ['regions']);
  return { regions: pList(top.regions, 'regions', pRegion) };
}
