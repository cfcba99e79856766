/**
 * Mutations of corpus runs (AFL's havoc, Zest's structured mutations, on commands): a
 * corpus run is copied, then changed one to four times by splicing it with another
 * corpus run, inserting fresh commands, appending fresh commands (to go past where the
 * kept run was cut), deleting a stretch, or regenerating one field of one command from
 * its operation's own generator with a strong bias (fast-check's bias draws boundary
 * values: smallest, largest, zero). Fields keep their generator's domain, so a mutated
 * command is always one the suite could have generated. Every choice is drawn from
 * fast-check's Random: the same Random and corpus give the same run.
 */
import type fc from 'fast-check';
import type { AnyOperation } from '../operation.ts';
import type { CorpusEntry } from './corpus.ts';

type Data = { op: string } & Record<string, unknown>;

/** What mutation needs of a suite: fresh commands, and each operation's generators. */
export interface Mutator {
  /** A fresh command of the suite (a normal or a big-run command). */
  fresh(mrng: fc.Random): { op: string };
  /** The generators of op (its normal and, if any, its big-run generator). */
  generators(op: string): readonly fc.Arbitrary<{ op: string }>[];
  /** Longest run a mutation may produce. */
  maxCommands: number;
}

/** fast-check's bias factor for regenerated fields: small means strongly biased toward boundaries. */
const BOUNDARY_BIAS = 2;

/** A mutator for a suite's operations and command arbitraries. */
export function suiteMutator(operations: readonly AnyOperation[], commands: readonly fc.Arbitrary<{ op: string }>[], maxCommands: number): Mutator {
  const byOp = new Map(operations.map((o) => [o.op, o.scale ? [o.arbitrary, o.scale.arbitrary] : [o.arbitrary]]));
  return {
    fresh: (mrng) => commands[mrng.nextInt(0, commands.length - 1)]!.generate(mrng, undefined).value,
    generators: (op) => byOp.get(op) ?? [],
    maxCommands,
  };
}

/** A mutated copy of a corpus run (corpus must not be empty). */
export function mutateRun(corpus: readonly CorpusEntry[], m: Mutator, mrng: fc.Random): { op: string }[] {
  const pick = () => corpus[mrng.nextInt(0, corpus.length - 1)]!.commands;
  let run = [...pick()];
  const rounds = mrng.nextInt(1, 4);
  for (let r = 0; r < rounds; r++) run = mutateOnce(run, pick, m, mrng);
  return run.slice(0, m.maxCommands);
}

function mutateOnce(run: { op: string }[], pick: () => readonly { op: string }[], m: Mutator, mrng: fc.Random): { op: string }[] {
  const at = (n: number) => mrng.nextInt(0, n);
  const freshList = () => Array.from({ length: mrng.nextInt(1, 8) }, () => m.fresh(mrng));
  switch (mrng.nextInt(0, 4)) {
    case 0: { // splice: a head of this run, a tail of another
      const other = pick();
      return [...run.slice(0, at(run.length)), ...other.slice(at(other.length))];
    }
    case 1: { // insert fresh commands
      const i = at(run.length);
      return [...run.slice(0, i), ...freshList(), ...run.slice(i)];
    }
    case 2: // append fresh commands
      return [...run, ...freshList(), ...freshList()];
    case 3: { // delete a stretch
      if (run.length === 0) return run;
      const i = at(run.length - 1);
      return [...run.slice(0, i), ...run.slice(i + mrng.nextInt(1, Math.min(8, run.length - i)))];
    }
    default:
      return changeValue(run, m, mrng);
  }
}

/** Regenerates one field of one command from its operation's generator, biased toward boundaries. */
function changeValue(run: { op: string }[], m: Mutator, mrng: fc.Random): { op: string }[] {
  if (run.length === 0) return run;
  const i = mrng.nextInt(0, run.length - 1);
  const cmd = run[i] as Data;
  const gens = m.generators(cmd.op);
  if (gens.length === 0) return run;
  const fresh = gens[mrng.nextInt(0, gens.length - 1)]!.generate(mrng, BOUNDARY_BIAS).value as Data;
  const fields = Object.keys(fresh).filter((k) => k !== 'op');
  const out = [...run];
  const sameShape = fields.length === Object.keys(cmd).length - 1 && fields.every((k) => Object.hasOwn(cmd, k));
  if (!sameShape || fields.length === 0) { // another variant of the command: take it whole
    out[i] = fresh;
    return out;
  }
  const field = fields[mrng.nextInt(0, fields.length - 1)]!;
  out[i] = { ...cmd, [field]: fresh[field] };
  return out;
}
