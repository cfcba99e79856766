/**
 * The canonical text of a snapshot (PROTOCOL.md "The snapshot"): compact JSON, keys in
 * the schema's order (sut/snapshotSchema.ts, from which both directions here are
 * derived), u64 fields as "0x…" strings. One text per
 * snapshot, so equal snapshots give byte-equal text and a run can be compared as text
 * first. Both directions validate the shape and name the path of a malformed field
 * (`regions[0].availBytes: expected u64 hex string, got 12`).
 */
import type { DaxSnapshot, TreeSnapshot } from '../sut/interface.ts';
import { SNAPSHOT_SCHEMA, snapshotKeys, type Field, type FieldKind, type RecordName } from '../sut/snapshotSchema.ts';
import { U64_MAX } from '../sut/u64.ts';
import { fastDaxText, fastSnapshotText, fastTreeText, jsonString } from './fastSnapshotText.ts';

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

const at = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

function obj(v: unknown, path: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new SnapshotShapeError(path === '' ? 'snapshot' : path, 'object', v);
  return v as Record<string, unknown>;
}

function integer(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new SnapshotShapeError(path, 'integer', v);
  return v;
}

const choiceText = (choice: readonly string[]) => choice.map((c) => JSON.stringify(c)).join(' or ');

/** One field's canonical text, checked against its kind (SnapshotShapeError names the path). */
function fieldText(v: unknown, kind: FieldKind, path: string): string {
  switch (kind) {
    case 'u64':
      if (typeof v !== 'bigint' || v < 0n || v > U64_MAX) throw new SnapshotShapeError(path, 'u64 bigint', v);
      return `"0x${v.toString(16)}"`;
    case 'int|null':
      return v === null ? 'null' : String(integer(v, path));
    case 'int':
      return String(integer(v, path));
    case 'string':
      if (typeof v !== 'string') throw new SnapshotShapeError(path, 'string', v);
      return jsonString(v);
    case 'string[]':
      if (!Array.isArray(v)) throw new SnapshotShapeError(path, 'array', v);
      return `[${v.map((x, i) => fieldText(x, 'string', `${path}[${i}]`)).join(',')}]`;
    case 'bool':
      if (typeof v !== 'boolean') throw new SnapshotShapeError(path, 'boolean', v);
      return v ? 'true' : 'false';
  }
  if ('choice' in kind) {
    if (typeof v !== 'string' || !kind.choice.includes(v)) throw new SnapshotShapeError(path, choiceText(kind.choice), v);
    return jsonString(v);
  }
  if ('record' in kind) return recordText(v, kind.record, path);
  if (!Array.isArray(v)) throw new SnapshotShapeError(path, 'array', v);
  let out = '[';
  for (let i = 0; i < v.length; i++) out += (i === 0 ? '' : ',') + recordText(v[i], kind.list, `${path}[${i}]`);
  return `${out}]`;
}

/** A record's canonical text: its keys in the schema's order (sut/snapshotSchema.ts). */
function recordText(v: unknown, record: RecordName, path: string): string {
  const o = obj(v, path);
  let out = '{';
  for (const [key, kind] of SNAPSHOT_SCHEMA[record] as readonly Field[]) out += `${out === '{' ? '' : ','}"${key}":${fieldText(o[key], kind, at(path, key))}`;
  return `${out}}`;
}

/** The canonical text of a snapshot whose top-level record is `top` (sut/snapshotSchema.ts); SnapshotShapeError names a malformed field. */
export function snapshotText(top: RecordName, snap: unknown): string {
  return fastSnapshotText(top, snap) ?? recordText(snap, top, '');
}

/** The canonical text of a tree snapshot (without the `snap ` prefix); fastSnapshotText.ts's, checked here only when that finds it malformed. */
export function treeSnapshotText(snap: TreeSnapshot): string {
  return fastTreeText(snap) ?? recordText(snap, 'treeSnapshot', '');
}

/** The canonical text of a DAX snapshot (without the `snap ` prefix); fastSnapshotText.ts's, checked here only when that finds it malformed. */
export function daxSnapshotText(snap: DaxSnapshot): string {
  return fastDaxText(snap) ?? recordText(snap, 'daxSnapshot', '');
}

// ---------------------------------------------------------------------------
// Parsing: text → TS snapshot (bigints), validating every field
// ---------------------------------------------------------------------------

const U64_TEXT = /^0x(0|[1-9a-f][0-9a-f]{0,15})$/;

const KEYS = Object.fromEntries(Object.keys(SNAPSHOT_SCHEMA).map((r) => [r, snapshotKeys(r as RecordName)])) as Record<RecordName, string[]>;

/** v as an object with exactly the record's keys (in any order). */
function fields(v: unknown, record: RecordName, path: string): Record<string, unknown> {
  const o = obj(v, path);
  const where = path === '' ? 'snapshot' : path;
  const schema = SNAPSHOT_SCHEMA[record] as readonly Field[];
  for (const [k, kind] of schema) if (!(k in o)) throw new SnapshotShapeError(`${where}.${k}`, kind === 'string[]' || (typeof kind === 'object' && 'list' in kind) ? 'array' : 'a value', undefined);
  const keys = KEYS[record];
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new SnapshotShapeError(where, `only the keys ${keys.join(',')}`, `key "${k}"`);
  return o;
}

/** One field's value from its parsed JSON, checked against its kind. */
function parseField(v: unknown, kind: FieldKind, path: string): unknown {
  switch (kind) {
    case 'u64':
      if (typeof v !== 'string' || !U64_TEXT.test(v)) throw new SnapshotShapeError(path, 'u64 hex string', v);
      return BigInt(v);
    case 'int|null':
      return v === null ? null : integer(v, path);
    case 'int':
      return integer(v, path);
    case 'string':
      if (typeof v !== 'string') throw new SnapshotShapeError(path, 'string', v);
      return v;
    case 'string[]':
      if (!Array.isArray(v)) throw new SnapshotShapeError(path, 'array', v);
      return v.map((x, i) => parseField(x, 'string', `${path}[${i}]`));
    case 'bool':
      if (typeof v !== 'boolean') throw new SnapshotShapeError(path, 'boolean', v);
      return v;
  }
  if ('choice' in kind) {
    if (typeof v !== 'string' || !kind.choice.includes(v)) throw new SnapshotShapeError(path, choiceText(kind.choice), v);
    return v;
  }
  if ('record' in kind) return parseRecord(v, kind.record, path);
  if (!Array.isArray(v)) throw new SnapshotShapeError(path, 'array', v);
  return v.map((x, i) => parseRecord(x, kind.list, `${path}[${i}]`));
}

/** A record of the schema from its parsed JSON: a fresh object with the keys in canonical order. */
function parseRecord(v: unknown, record: RecordName, path: string): Record<string, unknown> {
  const o = fields(v, record, path);
  const out: Record<string, unknown> = {};
  for (const [key, kind] of SNAPSHOT_SCHEMA[record] as readonly Field[]) out[key] = parseField(o[key], kind, at(path, key));
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SnapshotShapeError('snapshot', 'JSON', `${text.slice(0, 40)} (${(e as Error).message})`);
  }
}

/** Parses the text of a snapshot whose top-level record is `top`; SnapshotShapeError names the first malformed field. */
export function parseSnapshot(top: RecordName, text: string): unknown {
  return parseRecord(parseJson(text), top, '');
}

/** Parses a tree snapshot's text; SnapshotShapeError names the first malformed field. */
export function parseTreeSnapshot(text: string): TreeSnapshot {
  return parseRecord(parseJson(text), 'treeSnapshot', '') as unknown as TreeSnapshot;
}

/** Parses a DAX snapshot's text; SnapshotShapeError names the first malformed field. */
export function parseDaxSnapshot(text: string): DaxSnapshot {
  return parseRecord(parseJson(text), 'daxSnapshot', '') as unknown as DaxSnapshot;
}
