/**
 * Equality of two snapshot records field by field, as sut/snapshotSchema.ts lists them:
 * the runner's per-step comparison of one part (properties/changedPart.ts), several
 * times faster than sameData because the fields are known. The comparers are generated
 * once at load from the schema (as protocol/fastSnapshotText.ts's writers are), so the
 * schema costs nothing per call.
 *
 * On records of the interface's types the answer is sameData's. What it does not look
 * at: fields the schema does not have (an extra key), and the sign of a zero. A part
 * with such a difference passes the step; the run's end compares the whole snapshots
 * with sameData, which finds it (docs/SPECIFICATION.md §5, "What is checked when").
 */
import { compilePerRecord, SNAPSHOT_SCHEMA, type Field, type FieldKind, type RecordName } from '../sut/snapshotSchema.ts';

/** Both values arrays of the same length whose items are pairwise equal under same. */
function sameList(a: unknown, b: unknown, same: (x: unknown, y: unknown) => boolean): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
  return true;
}

/** Both values objects (not null, not arrays). */
function bothObjects(a: unknown, b: unknown): boolean {
  return typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && !Array.isArray(a) && !Array.isArray(b);
}

const strictlyEqual = (x: unknown, y: unknown): boolean => x === y;

/** A field's comparison as an expression of generated code (x and y the two values). */
function fieldCode(kind: FieldKind, x: string, y: string): string {
  switch (kind) {
    case 'u64':
    case 'int':
    case 'int|null':
    case 'string':
    case 'bool': return `${x} === ${y}`;
    case 'string[]': return `sameList(${x}, ${y}, strictlyEqual)`;
  }
  if ('choice' in kind) return `${x} === ${y}`;
  if ('record' in kind) return `s_${kind.record}(${x}, ${y})`;
  return `sameList(${x}, ${y}, s_${kind.list})`;
}

/** One comparer per record of the schema, as source. */
function comparerSource(record: RecordName): string {
  const fields = (SNAPSHOT_SCHEMA[record] as readonly Field[]).map(([key, kind]) => fieldCode(kind, `a.${key}`, `b.${key}`));
  return `function s_${record}(a, b) {\n  return a === b || (bothObjects(a, b) && ${fields.join(' && ')});\n}\n`;
}

const COMPARERS = compilePerRecord<(a: unknown, b: unknown) => boolean>('s_', comparerSource, { sameList, bothObjects, strictlyEqual });

/** Whether a and b are the same record `record` field by field (see the file comment for what it leaves to the run's end). */
export function sameRecord(record: RecordName, a: unknown, b: unknown): boolean {
  return COMPARERS[record](a, b);
}
