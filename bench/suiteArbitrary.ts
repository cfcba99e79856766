/**
 * The arbitrary of one property run, built exactly as properties/runSuite.ts builds it
 * (the suite's prefix, then fast-check commands of the suite's command generator), so
 * that the benchmarks generate the very runs the suite generates for a seed.
 */
import fc from 'fast-check';
import { SuiteCommand } from '../properties/suiteCommand.ts';
import type { AnySuite } from '../properties/suiteSpec.ts';

/** One generated run: the prefix commands and fast-check's commands iterable. */
export type RunValue = [{ op: string }[], Iterable<fc.Command<object, object>>];

/** The run arbitrary of runSuite for suite and maxCommands. */
export function suiteArbitrary(suite: AnySuite, maxCommands: number): fc.Arbitrary<RunValue> {
  const commandArb = suite.command().map((data: { op: string }) => new SuiteCommand(data));
  return fc.tuple(suite.prefix(), fc.commands([commandArb], { maxCommands, size: 'max' })) as unknown as fc.Arbitrary<RunValue>;
}
