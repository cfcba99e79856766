/**
 * The CI gate: both suites against the implementation with fixed seeds, coverage
 * enforced; and for every named fault a fresh search that must find it.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FAULT_NAMES } from '../../impl/faults.ts';
import { implFactory } from '../../impl/index.ts';
import { modelFactory } from '../../model/index.ts';
import { runWithCoverage } from '../../properties/checkCoverage.ts';
import { formatCoverage } from '../../properties/coverage.ts';
import { searchFault } from '../../properties/faultSearch.ts';
import { CI_FAULT_SEARCH, CI_PROFILE } from '../../properties/profiles.ts';
import { SUITE_NAMES, SUITES } from '../../properties/suites.ts';

for (const name of SUITE_NAMES) {
  test(`${name} suite: the implementation agrees with the model at every step and every label is covered`, () => {
    const p = CI_PROFILE[name];
    const out = runWithCoverage({ suite: SUITES[name], model: modelFactory, sut: implFactory, ...p });
    const cps = Math.round((out.commands / out.durationMs) * 1000);
    console.log(`\n  ${name}: ${out.runs} runs, ${out.commands} commands, ${(out.durationMs / 1000).toFixed(1)} s, ${cps} commands/s, seeds ${out.seeds[0]}..${out.seeds.at(-1)}`);
    console.log(formatCoverage(out.coverage));
    if (out.counterexample) assert.unreachable(`${out.counterexample.failure.message}\ncommands: ${out.counterexample.commands.length}`);
    assert.is(out.verdict, 'covered', `coverage ${out.verdict}:\n${formatCoverage(out.coverage)}`);
  });
}

for (const fault of FAULT_NAMES) {
  test(`fault ${fault}: a fresh search finds it within ${CI_FAULT_SEARCH.numRuns} runs`, () => {
    const out = searchFault({ fault, ...CI_FAULT_SEARCH });
    const cx = out.counterexample;
    assert.ok(cx, `the search ran ${out.runs} runs without finding ${fault}: a defect of the generators`);
    console.log(`\n  ${fault}: found after ${out.runs} passing runs, shrunk to ${cx.commands.length} commands: ${cx.failure.kind} at ${cx.failure.call}`);
  });
}

test.run();
