/** The advice printed for suites that completed no run: it fits what happened. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { noRunLines } from '../../../cli/hunt/summaryLines.ts';
import type { RunSummary, SuiteRunSummary } from '../../../reporting/runSummary.ts';

const entry = (name: string, runs: number, counterexamples: string[]) => ({ name, runs, counterexamples }) as unknown as SuiteRunSummary;
const summary = (entries: SuiteRunSummary[]) => ({ entries }) as unknown as RunSummary;

test('a suite whose runs all stopped at a finding (a hang) is not told to take a longer --seconds', () => {
  const lines = noRunLines(summary([entry('tree', 0, ['cx-1'])]));
  assert.is(lines.length, 1);
  assert.match(lines[0]!, /^no run completed for tree: every run stopped at the failure saved above/);
  assert.match(lines[0]!, /--command-timeout-ms/);
});

test('a suite that found nothing and completed no run is told to take a longer --seconds; a suite that ran is not named', () => {
  assert.equal(noRunLines(summary([entry('tree', 3, []), entry('dax', 0, [])])), ['no run completed for dax: nothing was checked (a longer --seconds, or fewer --max-commands)']);
});

test.run();
