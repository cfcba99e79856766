/**
 * The fields of a saved command checked against its operation: every field the
 * operation's generators make, of the type they make it (a u64 as a hex string, a ref as
 * a whole number no lower than the generators go, an enumerated field one of its
 * values), and no other. A hand-edited file with `"deltaBytes": "lots"` or `"region": -5`
 * is refused with the command, the field and why, before anything runs.
 */
import fc from 'fast-check';
import type { AnyOperation } from './operation.ts';

interface FieldSpec {
  /** typeof of the values the generators make: 'bigint', 'number', 'string', 'boolean'. */
  types: Set<string>;
  /** The lowest number generated (refs: negative ones name a missing or dead object). */
  min: number;
  /** In every command generated (else the field may be left out). */
  required: boolean;
}

const SAMPLES = 400;
const specs = new WeakMap<AnyOperation, Map<string, FieldSpec>>();

/** The fields of op's commands, learned from its generators (fixed seed: the same every time). */
function fieldsOf(op: AnyOperation): Map<string, FieldSpec> {
  const known = specs.get(op);
  if (known !== undefined) return known;
  const fields = new Map<string, FieldSpec & { seen: number }>();
  const arbitraries = [op.arbitrary, ...(op.scale ? [op.scale.arbitrary] : [])] as fc.Arbitrary<Record<string, unknown>>[];
  let generated = 0;
  for (const arbitrary of arbitraries) {
    for (const cmd of fc.sample(arbitrary, { seed: 0x5eed, numRuns: SAMPLES })) {
      generated += 1;
      for (const [field, value] of Object.entries(cmd)) {
        if (field === 'op') continue;
        const spec = fields.get(field) ?? { types: new Set<string>(), min: Infinity, required: false, seen: 0 };
        spec.types.add(typeof value);
        spec.seen += 1;
        if (typeof value === 'number') spec.min = Math.min(spec.min, value);
        fields.set(field, spec);
      }
    }
  }
  for (const spec of fields.values()) spec.required = spec.seen === generated;
  for (const [field, type] of Object.entries(op.extraFields ?? {})) {
    const spec = fields.get(field) ?? { types: new Set<string>(), min: 0, required: false, seen: 0 };
    spec.types.add(type);
    fields.set(field, spec);
  }
  specs.set(op, fields);
  return fields;
}

const TYPE_TEXT: Record<string, string> = { bigint: 'a hex number such as "0x200000"', number: 'a whole number', string: 'a string', boolean: 'true or false' };

/** Why cmd is not a command op's generators could make (one phrase naming the field), or null. */
export function commandFieldProblem(op: AnyOperation, cmd: Record<string, unknown>): string | null {
  const fields = fieldsOf(op);
  const shown = (v: unknown) => (typeof v === 'bigint' ? `0x${v.toString(16)}` : JSON.stringify(v));
  for (const [field, spec] of fields) {
    if (!(field in cmd)) {
      if (spec.required) return `has no "${field}"`;
      continue;
    }
    const value = cmd[field];
    if (!spec.types.has(typeof value)) return `has "${field}": ${shown(value)}, which is not ${[...spec.types].map((t) => TYPE_TEXT[t] ?? t).join(' or ')}`;
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) return `has "${field}": ${shown(value)}, which is not a whole number`;
      if (value < spec.min) return `has "${field}": ${value}, below ${spec.min}, the lowest the generators make (a negative ref names a missing or destroyed object: -1 to ${spec.min})`;
    }
    const values = op.simplest?.[field];
    if (typeof value === 'string' && values !== undefined && !values.includes(value)) return `has "${field}": ${shown(value)}, which is none of ${values.map((v) => `"${v}"`).join(', ')}`;
  }
  const extra = Object.keys(cmd).find((f) => f !== 'op' && !fields.has(f));
  return extra === undefined ? null : `has a field "${extra}" that ${op.op} does not take (its fields: ${[...fields.keys()].join(', ')})`;
}
