/**
 * The text of a DCD snapshot (PROTOCOL.md "The v11/v10 profile") parsed into a
 * DcdSnapshot, every field validated as the DAX one is (snapshotText.ts): u64 values
 * as "0x…" strings, integers, strings, exactly the documented keys.
 */
import type { DcdDeviceSnap, DcdRangeSnap, DcdRegionSnap, DcdResourceSnap, DcdSnapshot } from '../../sut/dcdInterface.ts';
import { AnswerError } from './protocol.ts';
import { fields, parseJson, pInt, pList, pStr, pU64 } from './snapshotText.ts';

const RESOURCE_KEYS = ['start', 'size', 'tag', 'seq', 'useCount'] as const;
const RANGE_KEYS = ['start', 'end', 'pgoff'] as const;
const DEVICE_KEYS = ['id', 'name', 'sizeBytes', 'mappings', 'ranges'] as const;
const REGION_KEYS = ['id', 'start', 'sizeBytes', 'align', 'resources', 'devices', 'pending', 'warnings'] as const;

function pResource(v: unknown, p: string): DcdResourceSnap {
  const r = fields(v, p, RESOURCE_KEYS);
  return { start: pU64(r.start, `${p}.start`), size: pU64(r.size, `${p}.size`), tag: pStr(r.tag, `${p}.tag`), seq: pInt(r.seq, `${p}.seq`), useCount: pInt(r.useCount, `${p}.useCount`) };
}

function pRange(v: unknown, p: string): DcdRangeSnap {
  const r = fields(v, p, RANGE_KEYS);
  return { start: pU64(r.start, `${p}.start`), end: pU64(r.end, `${p}.end`), pgoff: pU64(r.pgoff, `${p}.pgoff`) };
}

function pDevice(v: unknown, p: string): DcdDeviceSnap {
  const d = fields(v, p, DEVICE_KEYS);
  return {
    id: pInt(d.id, `${p}.id`), name: pStr(d.name, `${p}.name`), sizeBytes: pU64(d.sizeBytes, `${p}.sizeBytes`),
    mappings: pInt(d.mappings, `${p}.mappings`), ranges: pList(d.ranges, `${p}.ranges`, pRange),
  };
}

function pRegion(v: unknown, p: string): DcdRegionSnap {
  const r = fields(v, p, REGION_KEYS);
  return {
    id: pInt(r.id, `${p}.id`), start: pU64(r.start, `${p}.start`), sizeBytes: pU64(r.sizeBytes, `${p}.sizeBytes`), align: pU64(r.align, `${p}.align`),
    resources: pList(r.resources, `${p}.resources`, pResource), devices: pList(r.devices, `${p}.devices`, pDevice),
    pending: pList(r.pending, `${p}.pending`, pStr), warnings: pInt(r.warnings, `${p}.warnings`),
  };
}

/** Parses the text after `snap ` of a DCD snapshot; SnapshotShapeError names the first malformed field. */
export function parseDcdSnapshot(answer: string, request = 'observe'): DcdSnapshot {
  if (!answer.startsWith('snap ')) throw new AnswerError(`expected "snap JSON" in answer to ${request}, got ${JSON.stringify(answer.slice(0, 120))}`);
  const top = fields(parseJson(answer.slice(5)), 'snapshot', ['regions']);
  return { regions: pList(top.regions, 'regions', pRegion) };
}
