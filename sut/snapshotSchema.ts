/**
 * The snapshot schema, written once: every record of a TreeSnapshot and a DaxSnapshot
 * (sut/interface.ts) as a table of its fields in canonical order, each with its kind.
 * The canonical order is the order of the snapshot text (PROTOCOL.md "The snapshot"):
 * every writer, in TypeScript, C or Python, emits a record's keys in this order. The
 * shape check (properties/snapshotShape.ts), the canonical writer and parser
 * (protocol/snapshotText.ts) and the fast writer (protocol/fastSnapshotText.ts) are
 * derived from this table; the compile-time check at the end ties it to the interface,
 * so a field added to one and not the other does not typecheck.
 */
import type { DcdDeviceSnap, DcdRangeSnap, DcdRegionSnap, DcdResourceSnap, DcdSnapshot } from './dcdInterface.ts';
import type { DaxSnapshot, DeviceSnap, ExtentSnap, RangeSnap, RegionSnap, ResNode, TreeNode, TreeSnapshot } from './interface.ts';

/** The records a snapshot is made of. */
export type RecordName =
  | 'treeSnapshot' | 'treeNode' | 'daxSnapshot' | 'region' | 'resNode' | 'extent' | 'device' | 'range'
  | 'dcdSnapshot' | 'dcdRegion' | 'dcdResource' | 'dcdDevice' | 'dcdRange';

/**
 * A field's kind: `u64` a bigint in [0, 2^64) (text: a "0x…" string, lower-case, no
 * leading zeros); `int` a safe integer; `int|null` one or null; `string`; `string[]` an
 * array of strings; `bool`;
 * `{choice}` one of these strings; `{record}` one nested record; `{list}` an array of them.
 */
export type FieldKind =
  | 'u64'
  | 'int'
  | 'int|null'
  | 'string'
  | 'string[]'
  | 'bool'
  | { readonly choice: readonly string[] }
  | { readonly record: RecordName }
  | { readonly list: RecordName };

/** One field: its key and its kind. */
export type Field = readonly [key: string, kind: FieldKind];

/** Every record's fields, in canonical order. The top-level records are treeSnapshot, daxSnapshot and dcdSnapshot (the v11/v10 profile, sut/dcdInterface.ts). */
export const SNAPSHOT_SCHEMA = {
  treeSnapshot: [['roots', { list: 'treeNode' }]],
  treeNode: [['id', 'int'], ['start', 'u64'], ['end', 'u64'], ['name', 'string'], ['busy', 'bool'], ['children', { list: 'treeNode' }]],
  daxSnapshot: [['regions', { list: 'region' }]],
  region: [
    ['id', 'int'], ['kind', { choice: ['contiguous', 'dynamic'] }], ['destroyed', 'bool'], ['start', 'u64'], ['sizeBytes', 'u64'],
    ['align', 'u64'], ['availBytes', 'u64'], ['resource', { record: 'resNode' }], ['extents', { list: 'extent' }],
    ['devices', { list: 'device' }], ['badReleases', 'int'],
  ],
  resNode: [['start', 'u64'], ['end', 'u64'], ['name', 'string'], ['busy', 'bool'], ['children', { list: 'resNode' }]],
  extent: [['id', 'int'], ['start', 'u64'], ['end', 'u64'], ['label', 'string'], ['visible', 'bool'], ['refs', 'int'], ['released', 'bool']],
  device: [['id', 'int'], ['name', 'string'], ['align', 'u64'], ['bound', 'bool'], ['sizeBytes', 'u64'], ['ranges', { list: 'range' }]],
  range: [['start', 'u64'], ['end', 'u64'], ['pgoff', 'u64'], ['extent', 'int|null']],
  dcdSnapshot: [['regions', { list: 'dcdRegion' }]],
  dcdRegion: [
    ['id', 'int'], ['start', 'u64'], ['sizeBytes', 'u64'], ['align', 'u64'], ['resources', { list: 'dcdResource' }],
    ['devices', { list: 'dcdDevice' }], ['pending', 'string[]'], ['warnings', 'int'],
  ],
  dcdResource: [['start', 'u64'], ['size', 'u64'], ['tag', 'string'], ['seq', 'int'], ['useCount', 'int']],
  dcdDevice: [['id', 'int'], ['name', 'string'], ['sizeBytes', 'u64'], ['mappings', 'int'], ['ranges', { list: 'dcdRange' }]],
  dcdRange: [['start', 'u64'], ['end', 'u64'], ['pgoff', 'u64']],
} as const satisfies Record<RecordName, readonly Field[]>;

/** A record's keys in canonical order (what a writer in any language must emit, in this order). */
export function snapshotKeys(record: RecordName): string[] {
  return SNAPSHOT_SCHEMA[record].map(([key]) => key);
}

/**
 * One function per record of the schema, compiled once at load from generated source:
 * `source(record)` defines `function PREFIX_record(...)`, which may call the others and
 * the helpers, passed in by name. The fast writer (protocol/fastSnapshotText.ts) and the
 * field-by-field comparer (properties/sameRecord.ts) are made this way, so that the schema
 * costs nothing per call.
 */
export function compilePerRecord<F>(prefix: string, source: (record: RecordName) => string, helpers: Readonly<Record<string, unknown>>): Record<RecordName, F> {
  const records = Object.keys(SNAPSHOT_SCHEMA) as RecordName[];
  const body = `${records.map(source).join('')}return { ${records.map((r) => `${r}: ${prefix}${r}`).join(', ')} };`;
  return new Function(...Object.keys(helpers), body)(...Object.values(helpers)) as Record<RecordName, F>;
}

/** The record each list or nested record field holds, by record and key: where a key-order test descends. */
export function nestedRecord(record: RecordName, key: string): RecordName | null {
  const field = (SNAPSHOT_SCHEMA[record] as readonly Field[]).find(([k]) => k === key);
  if (field === undefined) return null;
  const kind = field[1];
  if (typeof kind === 'string' || 'choice' in kind) return null;
  return 'list' in kind ? kind.list : kind.record;
}

// ---------------------------------------------------------------------------
// Compile-time: the table has exactly the interface's keys, record by record, each
// with the type its kind says (u64 a bigint, a list an array of its record, ...).
// ---------------------------------------------------------------------------

type KeysOf<R extends RecordName> = (typeof SNAPSHOT_SCHEMA)[R][number][0];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
interface Interfaces {
  treeSnapshot: TreeSnapshot; treeNode: TreeNode; daxSnapshot: DaxSnapshot; region: RegionSnap;
  resNode: ResNode; extent: ExtentSnap; device: DeviceSnap; range: RangeSnap;
  dcdSnapshot: DcdSnapshot; dcdRegion: DcdRegionSnap; dcdResource: DcdResourceSnap; dcdDevice: DcdDeviceSnap; dcdRange: DcdRangeSnap;
}
type TypeOf<K> = K extends 'u64' ? bigint : K extends 'int' ? number : K extends 'int|null' ? number | null
  : K extends 'string' ? string : K extends 'string[]' ? string[] : K extends 'bool' ? boolean : K extends { readonly choice: readonly (infer C)[] } ? C
  : K extends { readonly record: infer R extends RecordName } ? Interfaces[R]
  : K extends { readonly list: infer R extends RecordName } ? Interfaces[R][] : never;
type FieldOk<R extends RecordName, F> = F extends readonly [infer K, infer T]
  ? K extends keyof Interfaces[R] ? Same<TypeOf<T>, Interfaces[R][K]> : false
  : false;
type RecordOk<R extends RecordName> = false extends FieldOk<R, (typeof SNAPSHOT_SCHEMA)[R][number]> ? false : Same<KeysOf<R>, keyof Interfaces[R]>;
type AllSame = { [R in RecordName]: RecordOk<R> };
const SCHEMA_MATCHES_INTERFACE: AllSame = {
  treeSnapshot: true, treeNode: true, daxSnapshot: true, region: true, resNode: true, extent: true, device: true, range: true,
  dcdSnapshot: true, dcdRegion: true, dcdResource: true, dcdDevice: true, dcdRange: true,
};
void SCHEMA_MATCHES_INTERFACE;
