/**
 * The text of a DCD snapshot (PROTOCOL.md "The v11/v10 profile") parsed into a
 * DcdSnapshot, every field validated as the DAX one is (snapshotText.ts): u64 values as
 * "0x…" strings (lower case, no leading zeros), integers, strings, exactly the documented
 * keys. A misshapen field is a SnapshotShapeError naming its path.
 */
import type { DcdDeviceSnap, DcdRangeSnap, DcdRegionSnap, DcdResourceSnap, DcdSnapshot } from '../sut/dcdInterface.ts';
import { AnswerError } from './protocol.ts';
import { SnapshotShapeError } from './snapshotText.ts';

const U64_TEXT = /^0x(0|[1-9a-f][0-9a-f]{0,15})$/;

/** v as an object with exactly these keys (in any order). */
function fields(v: unknown, path: string, keys: readonly string[]): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SnapshotShapeError(path, 'object', v);
  const o = v as Record<string, unknown>;
  for (const k of keys) if (!(k in o)) throw new SnapshotShapeError(`${path}.${k}`, 'a value', undefined);
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new SnapshotShapeError(path, `only the keys ${keys.join(',')}`, `key "${k}"`);
  return o;
}

function pU64(v: unknown, path: string): bigint {
  if (typeof v !== 'string' || !U64_TEXT.test(v)) throw new SnapshotShapeError(path, 'u64 hex string', v);
  return BigInt(v);
}

function pInt(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new SnapshotShapeError(path, 'integer', v);
  return v;
}

function pStr(v: unknown, path: string): string {
  if (typeof v !== 'string') throw new SnapshotShapeError(path, 'string', v);
  return v;
}

function pList<T>(v: unknown, path: string, item: (x: unknown, p: string) => T): T[] {
  if (!Array.isArray(v)) throw new SnapshotShapeError(path, 'array', v);
  return v.map((x, i) => item(x, `${path}[${i}]`));
}

function pResource(v: unknown, p: string): DcdResourceSnap {
  const r = fields(v, p, ['start', 'size', 'tag', 'seq', 'useCount']);
  return { start: pU64(r.start, `${p}.start`), size: pU64(r.size, `${p}.size`), tag: pStr(r.tag, `${p}.tag`), seq: pInt(r.seq, `${p}.seq`), useCount: pInt(r.useCount, `${p}.useCount`) };
}

function pRange(v: unknown, p: string): DcdRangeSnap {
  const r = fields(v, p, ['start', 'end', 'pgoff']);
  return { start: pU64(r.start, `${p}.start`), end: pU64(r.end, `${p}.end`), pgoff: pU64(r.pgoff, `${p}.pgoff`) };
}

function pDevice(v: unknown, p: string): DcdDeviceSnap {
  const d = fields(v, p, ['id', 'name', 'sizeBytes', 'mappings', 'ranges']);
  return {
    id: pInt(d.id, `${p}.id`), name: pStr(d.name, `${p}.name`), sizeBytes: pU64(d.sizeBytes, `${p}.sizeBytes`),
    mappings: pInt(d.mappings, `${p}.mappings`), ranges: pList(d.ranges, `${p}.ranges`, pRange),
  };
}

function pRegion(v: unknown, p: string): DcdRegionSnap {
  const r = fields(v, p, ['id', 'start', 'sizeBytes', 'align', 'resources', 'devices', 'pending', 'warnings']);
  return {
    id: pInt(r.id, `${p}.id`), start: pU64(r.start, `${p}.start`), sizeBytes: pU64(r.sizeBytes, `${p}.sizeBytes`), align: pU64(r.align, `${p}.align`),
    resources: pList(r.resources, `${p}.resources`, pResource), devices: pList(r.devices, `${p}.devices`, pDevice),
    pending: pList(r.pending, `${p}.pending`, pStr), warnings: pInt(r.warnings, `${p}.warnings`),
  };
}

/** Parses an answer `snap JSON` of a DCD instance; AnswerError when it is not one, SnapshotShapeError for the first malformed field. */
export function parseDcdSnapshot(answer: string, request = 'observe'): DcdSnapshot {
  if (!answer.startsWith('snap ')) throw new AnswerError(`expected "snap JSON" in answer to ${request}, got ${JSON.stringify(answer.slice(0, 120))}`);
  let json: unknown;
  try {
    json = JSON.parse(answer.slice(5));
  } catch (e) {
    throw new SnapshotShapeError('snapshot', 'JSON', `${answer.slice(5, 45)} (${(e as Error).message})`);
  }
  const top = fields(json, 'snapshot', ['regions']);
  return { regions: pList(top.regions, 'regions', pRegion) };
}
