/**
 * The documented shapes of what a system under test returns (sut/interface.ts): results
 * and both snapshots. A port's answer of the wrong shape is a counterexample of kind
 * sut-malformed naming the path and the expected type
 * (`regions[0].availBytes: expected bigint, got number`), not an invariant that trips
 * over it (`Cannot mix BigInt and other types`).
 */
import { ERRNOS } from '../sut/interface.ts';

/** A shape: a primitive type, a list of allowed strings, a nullable number, an array or an object of shapes. */
export type Shape = 'bigint' | 'number' | 'string' | 'boolean' | 'number|null' | readonly string[] | { array: () => Shape } | { object: Record<string, () => Shape> };

const isChoice = (s: Shape): s is readonly string[] => Array.isArray(s);

const got = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : typeof v);

/** The first place where v does not have shape, as "path: expected …, got …"; null when it has. */
function problem(v: unknown, shape: Shape, path: string): string | null {
  if (typeof shape === 'string') {
    const ok = shape === 'number|null' ? v === null || (typeof v === 'number' && Number.isInteger(v)) : shape === 'number' ? typeof v === 'number' && Number.isInteger(v) : typeof v === shape;
    return ok ? null : `${path}: expected ${shape === 'number' ? 'an integer' : shape}, got ${got(v)}`;
  }
  if (isChoice(shape)) return typeof v === 'string' && shape.includes(v) ? null : `${path}: expected one of ${shape.join(', ')}, got ${got(v)}`;
  if ('array' in shape) {
    if (!Array.isArray(v)) return `${path}: expected an array, got ${got(v)}`;
    for (let i = 0; i < v.length; i++) {
      const p = problem(v[i], shape.array(), `${path}[${i}]`);
      if (p !== null) return p;
    }
    return null;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${path}: expected an object, got ${got(v)}`;
  for (const [key, sub] of Object.entries(shape.object)) {
    const p = problem((v as Record<string, unknown>)[key], sub(), path === '' ? key : `${path}.${key}`);
    if (p !== null) return p;
  }
  return null;
}

const TREE_NODE: Shape = { object: { id: () => 'number', start: () => 'bigint', end: () => 'bigint', name: () => 'string', busy: () => 'boolean', children: () => ({ array: () => TREE_NODE }) } };
const RES_NODE: Shape = { object: { start: () => 'bigint', end: () => 'bigint', name: () => 'string', busy: () => 'boolean', children: () => ({ array: () => RES_NODE }) } };
const EXTENT: Shape = { object: { id: () => 'number', start: () => 'bigint', end: () => 'bigint', label: () => 'string', visible: () => 'boolean', refs: () => 'number', released: () => 'boolean' } };
const RANGE: Shape = { object: { start: () => 'bigint', end: () => 'bigint', pgoff: () => 'bigint', extent: () => 'number|null' } };
const DEVICE: Shape = { object: { id: () => 'number', name: () => 'string', align: () => 'bigint', bound: () => 'boolean', sizeBytes: () => 'bigint', ranges: () => ({ array: () => RANGE }) } };
const REGION: Shape = {
  object: {
    id: () => 'number', kind: () => ['contiguous', 'dynamic'], destroyed: () => 'boolean', start: () => 'bigint', sizeBytes: () => 'bigint',
    align: () => 'bigint', availBytes: () => 'bigint', resource: () => RES_NODE, extents: () => ({ array: () => EXTENT }),
    devices: () => ({ array: () => DEVICE }), badReleases: () => 'number',
  },
};

/** The first misshapen place of a TreeSnapshot, or null. */
export function treeSnapshotProblem(snap: unknown): string | null {
  return problem(snap, { object: { roots: () => ({ array: () => TREE_NODE }) } }, '');
}

/** The first misshapen place of a DaxSnapshot, or null. */
export function daxSnapshotProblem(snap: unknown): string | null {
  return problem(snap, { object: { regions: () => ({ array: () => REGION }) } }, '');
}

/** The first place of v that does not have shape, or null (for the suites' own snapshot shapes). */
export function shapeProblem(v: unknown, shape: Shape): string | null {
  return problem(v, shape, '');
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
