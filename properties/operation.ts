/**
 * One operation of a suite, all in one place (fast-check's one class per command,
 * Hypothesis's rule with its strategy): the command's generator and weight, how it
 * resolves against the model's snapshot into a call, how the call runs and prints, the
 * labels it reaches, the order of simplicity of its enumerated fields (for minimizing),
 * and the interface method it calls (for checking a port's shape). A suite is its list
 * of operations plus what concerns the whole state (invariants, cross-cutting labels).
 */
import fc from 'fast-check';
import type { Result } from '../sut/interface.ts';

export interface Operation<Cmd extends { op: string }, Call extends { op: string }, Sut, Snap> {
  readonly op: Cmd['op'];
  /** The interface method the call runs (e.g. "resize"). */
  readonly method: string;
  /** Its weight among the suite's commands. */
  readonly weight: number;
  readonly arbitrary: fc.Arbitrary<Cmd>;
  /** The concrete call for cmd in the model's state; null when cmd does not apply. */
  resolve(cmd: Cmd, snap: Snap): Call | null;
  call(sut: Sut, call: Call): Result;
  /** The call as a person reads it, e.g. `resize(dax0.1, 4GiB)`. */
  show(call: Call): string;
  /** Labels this step reached, judged on the model's snapshots. */
  labels?(before: Snap, call: Call, result: Result, after: Snap): string[];
  /** Enumerated (string) fields of the command, each with its values simplest first. */
  readonly simplest?: Readonly<Record<string, readonly string[]>>;
  /** Its generator and weight in big runs (many live objects, refs reaching any of them); absent: not used there. */
  readonly scale?: { readonly weight: number; readonly arbitrary: fc.Arbitrary<Cmd> };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = Operation<any, any, any, any>;

/** A weighted arbitrary, as fc.oneof takes it. */
export const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });

/** One of the values, uniformly. */
export const one = <T>(...values: T[]) => fc.constantFrom(...values);

/** What a suite derives from its operations: dispatch by op name. */
export interface OperationTable<Cmd extends { op: string }, Call extends { op: string }, Sut, Snap> {
  readonly operations: readonly AnyOperation[];
  resolve(cmd: Cmd, snap: Snap): Call | null;
  call(sut: Sut, call: Call): Result;
  show(call: Call): string;
  /** The labels of the call's own operation. */
  labels(before: Snap, call: Call, result: Result, after: Snap): string[];
  /** Any command, weighted. */
  command(): fc.Arbitrary<Cmd>;
  /** Any command of a big run, weighted by each operation's scale. */
  bigCommand(): fc.Arbitrary<Cmd>;
}

/** The dispatch table of a list of operations; throws for a duplicated op name. */
export function operationTable<Cmd extends { op: string }, Call extends { op: string }, Sut, Snap>(
  operations: readonly AnyOperation[],
): OperationTable<Cmd, Call, Sut, Snap> {
  const byOp = new Map<string, AnyOperation>();
  for (const o of operations) {
    if (byOp.has(o.op)) throw new Error(`Two operations named ${o.op}: give each operation module its own op name`);
    byOp.set(o.op, o);
  }
  const of = (op: string): AnyOperation => {
    const o = byOp.get(op);
    if (o === undefined) throw new Error(`No operation "${op}" in this suite (known: ${[...byOp.keys()].join(', ')}): a command of another suite reached it`);
    return o;
  };
  return {
    operations,
    resolve: (cmd, snap) => of(cmd.op).resolve(cmd, snap),
    call: (sut, call) => of(call.op).call(sut, call),
    show: (call) => of(call.op).show(call),
    labels: (before, call, result, after) => of(call.op).labels?.(before, call, result, after) ?? [],
    command: () => fc.oneof(...operations.map((o) => w(o.weight, o.arbitrary))) as fc.Arbitrary<Cmd>,
    bigCommand: () => fc.oneof(...operations.flatMap((o) => (o.scale ? [w(o.scale.weight, o.scale.arbitrary)] : []))) as fc.Arbitrary<Cmd>,
  };
}
