/**
 * The arbitrary of one property run of a suite: its prefix, then fast-check commands of
 * its generator; with the suite's big runs, a share of runs instead draws many more
 * commands from the big-run generator. What runSuite generates, and what anything that
 * must generate the very same runs (the benchmarks) uses.
 */
import fc from 'fast-check';
import { w } from './operation.ts';
import { SuiteCommand } from './suiteCommand.ts';
import type { AnySuite } from './suiteSpec.ts';

/** One generated run: the prefix commands and fast-check's commands iterable. */
export type RunValue = [{ op: string }[], Iterable<fc.Command<object, object>>];

const commands = (arb: fc.Arbitrary<{ op: string }>, maxCommands: number) =>
  fc.commands([arb.map((data: { op: string }) => new SuiteCommand(data))], { maxCommands, size: 'max' });

/** The run arbitrary of suite with runs of up to maxCommands, bigPercent of them big runs (the suite's own bound). */
export function runArbitrary(suite: AnySuite, maxCommands: number, bigPercent = 0): fc.Arbitrary<RunValue> {
  const big = suite.bigRuns;
  if (big === undefined || bigPercent <= 0) return fc.tuple(suite.prefix(), commands(suite.command(), maxCommands)) as unknown as fc.Arbitrary<RunValue>;
  const bigRun = fc.tuple(big.prefix?.() ?? suite.prefix(), commands(big.command(), big.maxCommands));
  const run = bigPercent >= 100 ? bigRun : fc.oneof(w(100 - bigPercent, fc.tuple(suite.prefix(), commands(suite.command(), maxCommands))), w(bigPercent, bigRun));
  return run as unknown as fc.Arbitrary<RunValue>;
}
