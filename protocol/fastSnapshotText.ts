/**
 * The canonical snapshot text (PROTOCOL.md "The snapshot") on the hot path: the same
 * text as snapshotText.ts's serializers, built without the field paths those carry for
 * their error messages, by writers generated once from sut/snapshotSchema.ts. A field of the wrong type makes it return null; the caller then
 * runs the checked serializer, which names the field. Batch mode serializes the model's
 * snapshot after every step, so this is most of the client's own cost per command.
 */
import type { DaxSnapshot, TreeSnapshot } from '../sut/interface.ts';
import { compilePerRecord, SNAPSHOT_SCHEMA, type Field, type FieldKind, type RecordName } from '../sut/snapshotSchema.ts';
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

function wrong(): never {
  throw WRONG;
}

/** A field's value as an expression of generated code (`value` an expression of the field). */
function fieldCode(kind: FieldKind, value: string): string {
  switch (kind) {
    case 'u64': return `u64(${value})`;
    case 'int': return `int(${value})`;
    case 'int|null': return `(${value} === null ? 'null' : int(${value}))`;
    case 'string': return `str(${value})`;
    case 'string[]': return `list(${value}, str)`;
    case 'bool': return `bool(${value})`;
  }
  if ('choice' in kind) return `(${kind.choice.map((c) => `${value} === ${JSON.stringify(c)} ? ${JSON.stringify(JSON.stringify(c))} : `).join('')}wrong())`;
  if ('record' in kind) return `w_${kind.record}(${value})`;
  return `list(${value}, w_${kind.list})`;
}

/** One writer function per record of the schema, as source: a template literal with the keys in canonical order. */
function writerSource(record: RecordName): string {
  const parts = (SNAPSHOT_SCHEMA[record] as readonly Field[]).map(([key, kind], i) => `${i === 0 ? '{' : ','}"${key}":\${${fieldCode(kind, `o.${key}`)}}`);
  return `function w_${record}(v) {\n  const o = obj(v);\n  return \`${parts.join('')}}\`;\n}\n`;
}

/**
 * The writers, generated from sut/snapshotSchema.ts once at load: the same code as
 * hand-written template literals (one per record), so the schema costs nothing per call.
 */
const WRITERS = compilePerRecord<(v: unknown) => string>('w_', writerSource, { u64, int, str, bool, list, obj, wrong });

/** f(snap), or null when a field has the wrong shape. */
function orNull<T>(f: (snap: unknown) => string, snap: T): string | null {
  try {
    return f(snap);
  } catch (e) {
    if (e === WRONG) return null;
    throw e;
  }
}

/** The canonical text of a tree snapshot (without `snap `), or null when it is malformed. */
export function fastTreeText(snap: TreeSnapshot): string | null {
  return orNull(WRITERS.treeSnapshot, snap);
}

/** The canonical text of a DAX snapshot (without `snap `), or null when it is malformed. */
export function fastDaxText(snap: DaxSnapshot): string | null {
  return orNull(WRITERS.daxSnapshot, snap);
}

/** The canonical text of a snapshot whose top-level record is `top` (sut/snapshotSchema.ts), or null when it is malformed. */
export function fastSnapshotText(top: RecordName, snap: unknown): string | null {
  return orNull(WRITERS[top], snap);
}
