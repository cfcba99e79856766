/**
 * The documented shapes of what a system under test returns (sut/interface.ts): results
 * and both snapshots (the snapshots' derived from sut/snapshotSchema.ts). A port's answer of the wrong shape is a counterexample of kind
 * sut-malformed naming the path and the expected type
 * (`regions[0].availBytes: expected bigint, got number`), not an invariant that trips
 * over it (`Cannot mix BigInt and other types`).
 */
import { ERRNOS } from '../sut/interface.ts';
import { SNAPSHOT_SCHEMA, type Field, type FieldKind, type RecordName } from '../sut/snapshotSchema.ts';

const got = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : typeof v);

const at = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/** The first place where v is not of kind, as "path: expected …, got …"; null when it is. */
function fieldProblem(v: unknown, kind: FieldKind, path: string): string | null {
  switch (kind) {
    case 'u64': return typeof v === 'bigint' ? null : `${path}: expected bigint, got ${got(v)}`;
    case 'int': return typeof v === 'number' && Number.isInteger(v) ? null : `${path}: expected an integer, got ${got(v)}`;
    case 'int|null': return v === null || (typeof v === 'number' && Number.isInteger(v)) ? null : `${path}: expected number|null, got ${got(v)}`;
    case 'string': return typeof v === 'string' ? null : `${path}: expected string, got ${got(v)}`;
    case 'string[]': {
      if (!Array.isArray(v)) return `${path}: expected an array, got ${got(v)}`;
      const i = v.findIndex((x) => typeof x !== 'string');
      return i < 0 ? null : `${path}[${i}]: expected string, got ${got(v[i])}`;
    }
    case 'bool': return typeof v === 'boolean' ? null : `${path}: expected boolean, got ${got(v)}`;
  }
  if ('choice' in kind) return typeof v === 'string' && kind.choice.includes(v) ? null : `${path}: expected one of ${kind.choice.join(', ')}, got ${got(v)}`;
  if ('record' in kind) return recordProblem(v, kind.record, path);
  if (!Array.isArray(v)) return `${path}: expected an array, got ${got(v)}`;
  for (let i = 0; i < v.length; i++) {
    const p = recordProblem(v[i], kind.list, `${path}[${i}]`);
    if (p !== null) return p;
  }
  return null;
}

/** The first misshapen place of a record of the schema (sut/snapshotSchema.ts), or null. */
function recordProblem(v: unknown, record: RecordName, path: string): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${path}: expected an object, got ${got(v)}`;
  for (const [key, kind] of SNAPSHOT_SCHEMA[record] as readonly Field[]) {
    const p = fieldProblem((v as Record<string, unknown>)[key], kind, at(path, key));
    if (p !== null) return p;
  }
  return null;
}

/** The first misshapen place of a snapshot whose top-level record is `top` (sut/snapshotSchema.ts), or null. */
export function snapshotProblem(top: RecordName, snap: unknown): string | null {
  return recordProblem(snap, top, '');
}

/** The first misshapen place of a TreeSnapshot, or null. */
export function treeSnapshotProblem(snap: unknown): string | null {
  return recordProblem(snap, 'treeSnapshot', '');
}

/** The first misshapen place of a DaxSnapshot, or null. */
export function daxSnapshotProblem(snap: unknown): string | null {
  return recordProblem(snap, 'daxSnapshot', '');
}

/** What is wrong with a Result's shape ({ok: true, id?} or {ok: false, errno, conflict?}), or null. */
export function resultProblem(r: unknown): string | null {
  if (typeof r !== 'object' || r === null || typeof (r as { ok?: unknown }).ok !== 'boolean') {
    return `result: expected {ok: true, id?} or {ok: false, errno}, got ${typeof r === 'object' && r !== null ? JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)).slice(0, 60) : got(r)}`;
  }
  const x = r as { ok: boolean; id?: unknown; errno?: unknown; conflict?: unknown };
  if (x.ok) return x.id === undefined || (typeof x.id === 'number' && Number.isInteger(x.id)) ? null : `result.id: expected an integer, got ${got(x.id)}`;
  if (!(ERRNOS as readonly unknown[]).includes(x.errno)) return `result.errno: expected one of ${ERRNOS.join(', ')}, got ${got(x.errno)}`;
  return x.conflict === undefined || (typeof x.conflict === 'number' && Number.isInteger(x.conflict)) ? null : `result.conflict: expected an integer, got ${got(x.conflict)}`;
}
