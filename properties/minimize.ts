/**
 * Minimizes a counterexample again without its generator: delta debugging over the
 * command list, then simplification of the values inside the commands, repeated until
 * neither changes anything. A candidate is kept only when it fails the same way: the
 * same suite, systems and failure kind, and the same signature as the input's failure
 * (sameFailure.ts: a trigger of one defect is not shrunk into another's); for a hang also at the same operation, and at
 * the candidate's own last command (a hang is a property of the call that got no answer:
 * a try that stopped answering earlier, or elsewhere, is another hang, or a slow
 * machine). Deterministic: same input, same output.
 */
import type { SutFactory } from '../sut/interface.ts';
import { ddmin, type Attempt } from './ddmin.ts';
import { replayCommands } from './replay.ts';
import { sameSignature, type FailureSeen, type SameFailure } from './sameFailure.ts';
import { simplestOf, simplifyValues } from './simplifyValues.ts';
import type { FailureKind, StepFailure } from './stepFailure.ts';
import type { AnySuite } from './suiteSpec.ts';

export interface MinimizeOptions<Cmd extends { op: string }> {
  suite: AnySuite;
  /** The reference (the model, or the fault's reference). */
  model: SutFactory;
  sut: SutFactory;
  commands: readonly Cmd[];
  /** The failure kind to keep. */
  kind: FailureKind;
  /** Is a candidate's failure the input's (default sameSignature: kind, operation, result pair class)? */
  sameFailure?: SameFailure;
  /** Give up improving after this many replays (default 20000); the result still fails. */
  maxReplays?: number;
  /** Give up improving after this many milliseconds (default: no limit); the result still fails. */
  timeLimitMs?: number;
  /**
   * commands already replayed by the caller (runSuite's counterexample is): what ran and
   * how it failed, so that the input is not replayed again (on a port that crashes, a
   * replay costs a fresh process). Default: replay it first.
   */
  replayed?: { executed: Cmd[]; failure: StepFailure };
}

export interface Minimized<Cmd> {
  /** The commands that ran up to the failure: the minimized counterexample. */
  commands: Cmd[];
  failure: StepFailure;
  /** Replays done, the first (of the input) included. */
  replays: number;
  /** True when maxReplays or timeLimitMs stopped it before a fixpoint. */
  exhausted: boolean;
}

/** The input's failure, once replayed: what every candidate must fail like (null: the input itself is being replayed). */
interface Original {
  seen: FailureSeen;
  hangOp: string | null;
}

/**
 * Replays a candidate; the failure when it fails with the wanted kind and the original's
 * signature (a hang, once hangOp is known from the input: at that operation, the
 * candidate's own last command), else null (a harness error counts as not failing).
 */
function failsSameWay<Cmd extends { op: string }>(o: MinimizeOptions<Cmd>, commands: readonly Cmd[], original: Original | null): { executed: Cmd[]; failure: StepFailure } | null {
  const hangOp = original?.hangOp ?? null;
  try {
    const out = replayCommands(o.suite, o.model, o.sut, commands, false);
    if (out.failure === null || out.failure.kind !== o.kind) return null;
    if (original !== null && !(o.sameFailure ?? sameSignature)(original.seen, { failure: out.failure, commands: out.executed })) return null;
    if (o.kind === 'hang' && hangOp !== null && !hangsAtItsEnd(o, commands, out.executed, hangOp)) return null;
    return { executed: out.executed, failure: out.failure };
  } catch {
    return null;
  }
}

/** A hang replay (executed: up to the call that got no answer) is the same hang: that call is hangOp and the candidate's last applicable command. */
function hangsAtItsEnd<Cmd extends { op: string }>(o: MinimizeOptions<Cmd>, commands: readonly Cmd[], executed: readonly Cmd[], hangOp: string): boolean {
  const last = executed.at(-1);
  if (last === undefined || last.op !== hangOp) return false;
  return replayCommands(o.suite, o.model, o.model, commands, false).executed.length === executed.length;
}

const same = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && JSON.stringify(a, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) === JSON.stringify(b, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

/** Lists up to this long are also made 2-minimal (every pair tried: at most 66 replays). */
const PAIRS_UP_TO = 12;

/**
 * Removes pairs of commands while the list still fails: ddmin leaves a 1-minimal list,
 * but two commands may only matter together (a destroyed region that redirects a later
 * ref; an object made only to be freed). Short lists only; returns the (still failing) list.
 */
function removePairs<C>(commands: C[], attempt: Attempt<C>): C[] {
  let current = commands;
  for (let i = 0; i < current.length && current.length <= PAIRS_UP_TO; i++) {
    for (let j = i + 1; j < current.length; j++) {
      const kept = attempt(current.filter((_, k) => k !== i && k !== j));
      if (kept !== null) {
        current = kept;
        i = -1; // start over on the shorter list
        break;
      }
    }
  }
  return current;
}

/**
 * The minimized form of o.commands, or null when o.commands does not fail with o.kind
 * (then there is nothing to keep failing).
 */
export function minimize<Cmd extends { op: string }>(o: MinimizeOptions<Cmd>): Minimized<Cmd> | null {
  const budget = o.maxReplays ?? 20000;
  const until = o.timeLimitMs === undefined ? Infinity : performance.now() + o.timeLimitMs;
  const first = o.replayed?.failure.kind === o.kind ? o.replayed : failsSameWay(o, o.commands, null);
  if (first === null) return null;
  const original: Original = { seen: { failure: first.failure, commands: first.executed }, hangOp: o.kind === 'hang' ? first.executed.at(-1)!.op : null };
  let replays = 1;
  let exhausted = false;
  let best = first;
  const attempt: Attempt<Cmd> = (candidate) => {
    if (replays >= budget || performance.now() >= until) {
      exhausted = true;
      return null;
    }
    replays++;
    const found = failsSameWay(o, candidate, original);
    if (found === null) return null;
    best = found;
    return found.executed;
  };
  let current = first.executed;
  for (;;) {
    const reduced = removePairs(ddmin(current, attempt), attempt);
    const simplified = simplifyValues(reduced, attempt, simplestOf(o.suite.operations));
    const done = same(simplified, current) || exhausted;
    current = simplified;
    if (done) break;
  }
  // `best` is the last candidate that failed; current is always one such list.
  const last = same(best.executed, current) ? best : failsSameWay(o, current, original)!;
  return { commands: current, failure: last.failure, replays, exhausted };
}
