/**
 * Simplification of the values inside commands, for minimizing a counterexample without
 * its generator: u64 values towards 0 and smaller powers of two, object refs towards 0,
 * `nth` towards 1, anchors towards the absolute one, labels towards the first. Every
 * candidate is strictly simpler than the value it replaces, so repeated passes end.
 */
import type { Attempt } from './ddmin.ts';
import type { AnyOperation } from './operation.ts';

type Command = { op: string } & Record<string, unknown>;

/**
 * The values of an enumerated (string) field of an op, simplest first (each operation's
 * `simplest`, properties/operation.ts); undefined for a field that is not enumerated.
 * Only values listed for that very op are proposed, so a candidate is always valid.
 */
export type SimplestOrder = (op: string, field: string) => readonly string[] | undefined;

/** The order lookup of a list of operations. */
export function simplestOf(operations: readonly AnyOperation[]): SimplestOrder {
  const byOp = new Map(operations.map((o) => [o.op as string, o.simplest ?? {}]));
  return (op, field) => byOp.get(op)?.[field];
}

/** Smallest value of a whole-number field: `nth` counts from 1, refs and indexes from 0. */
const numberFloor = (field: string) => (field === 'nth' ? 1 : 0);

/** Simpler bigints, simplest first: 0, then powers of two below |v| (with v's sign, and positive), then |v| for negative v. */
export function simplerBigints(v: bigint): bigint[] {
  if (v === 0n) return [];
  const mag = v < 0n ? -v : v;
  const out: bigint[] = [0n];
  for (let p = 1n; p < mag; p <<= 1n) {
    out.push(p);
    if (v < 0n) out.push(-p);
  }
  if (v < 0n) out.push(mag);
  return out;
}

/** Simpler whole numbers, simplest first: towards the field's floor (a negative ref goes to the floor). */
export function simplerNumbers(v: number, field: string): number[] {
  const floor = numberFloor(field);
  if (!Number.isInteger(v) || v <= floor) return v < floor ? [floor] : [];
  return Array.from({ length: v - floor }, (_, i) => floor + i);
}

/** The simpler values for one field of a command, simplest first. */
export function simplerValues(cmd: Command, field: string, orders: SimplestOrder): unknown[] {
  const v = cmd[field];
  if (typeof v === 'bigint') return simplerBigints(v);
  if (typeof v === 'number') return simplerNumbers(v, field);
  const order = orders(cmd.op, field);
  if (typeof v === 'string' && order) {
    const i = order.indexOf(v);
    return i < 0 ? [] : order.slice(0, i);
  }
  return [];
}

/** The first simpler variant of commands[i] (any field, simplest value first) that still fails; null when none does. */
function improveCommand(commands: Command[], i: number, attempt: Attempt<Command>, orders: SimplestOrder): Command[] | null {
  const cmd = commands[i]!;
  for (const field of Object.keys(cmd)) {
    if (field === 'op') continue;
    for (const value of simplerValues(cmd, field, orders)) {
      const candidate = commands.slice();
      candidate[i] = { ...cmd, [field]: value };
      const kept = attempt(candidate);
      if (kept !== null) return kept;
    }
  }
  return null;
}

/**
 * One pass over the commands, first to last: each command is simplified field by field
 * while a simpler value keeps the failure. Returns the resulting (still failing) list.
 */
export function simplifyValues<C extends { op: string }>(commands: readonly C[], attempt: Attempt<C>, orders: SimplestOrder): C[] {
  let current = [...commands] as unknown as Command[];
  const tryIt = attempt as unknown as Attempt<Command>;
  for (let i = 0; i < current.length; ) {
    const improved = improveCommand(current, i, tryIt, orders);
    if (improved === null) i++;
    else current = improved;
  }
  return current as unknown as C[];
}
