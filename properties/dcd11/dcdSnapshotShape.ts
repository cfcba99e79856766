/**
 * The documented shape of a DcdSnapshot (sut/dcdInterface.ts): a port's misshapen answer
 * is sut-malformed, not an invariant tripping over it. (The v11/v10 profile's records
 * are not in sut/snapshotSchema.ts: `pending` is a list of strings, a kind it lacks.)
 */
type Kind = 'u64' | 'int' | 'string' | { list: Record<string, Kind> | 'string' };

const RANGE: Record<string, Kind> = { start: 'u64', end: 'u64', pgoff: 'u64' };
const DEVICE: Record<string, Kind> = { id: 'int', name: 'string', sizeBytes: 'u64', mappings: 'int', ranges: { list: RANGE } };
const RESOURCE: Record<string, Kind> = { start: 'u64', size: 'u64', tag: 'string', seq: 'int', useCount: 'int' };
const REGION: Record<string, Kind> = {
  id: 'int', start: 'u64', sizeBytes: 'u64', align: 'u64', resources: { list: RESOURCE }, devices: { list: DEVICE }, pending: { list: 'string' }, warnings: 'int',
};

const got = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

function kindProblem(v: unknown, kind: Kind, path: string): string | null {
  if (kind === 'u64') return typeof v === 'bigint' ? null : `${path}: expected bigint, got ${got(v)}`;
  if (kind === 'int') return typeof v === 'number' && Number.isInteger(v) ? null : `${path}: expected an integer, got ${got(v)}`;
  if (kind === 'string') return typeof v === 'string' ? null : `${path}: expected string, got ${got(v)}`;
  if (!Array.isArray(v)) return `${path}: expected an array, got ${got(v)}`;
  for (let i = 0; i < v.length; i++) {
    const p = kind.list === 'string' ? kindProblem(v[i], 'string', `${path}[${i}]`) : recordProblem(v[i], kind.list, `${path}[${i}]`);
    if (p !== null) return p;
  }
  return null;
}

function recordProblem(v: unknown, fields: Record<string, Kind>, path: string): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${path}: expected an object, got ${got(v)}`;
  for (const [key, kind] of Object.entries(fields)) {
    const p = kindProblem((v as Record<string, unknown>)[key], kind, path === '' ? key : `${path}.${key}`);
    if (p !== null) return p;
  }
  return null;
}

/** The first misshapen place of a DcdSnapshot, or null. */
export function dcdSnapshotProblem(snap: unknown): string | null {
  return recordProblem(snap, { regions: { list: REGION } }, '');
}
