/**
 * The CI gate: both suites against the implementation with fixed seeds, coverage
 * enforced; for every named fault a fresh search that must find it; every saved
 * counterexample replayed; the same suites and searches for the C port. The items and their judgement are campaign/ciGate.ts, the
 * same code `npm run coverage` runs (which is how `npm test` runs the gate: this file is
 * skipped there so that the suites do not run twice). Run it alone with
 * `node --import tsx test/run.ts ciGate`.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { gateItems, runGateItem, type GateItem } from '../../campaign/ciGate.ts';
import { formatCoverage } from '../../properties/coverage.ts';
import { formatBuckets } from '../../properties/domains.ts';
import { CI_FAULT_SEARCH } from '../../properties/profiles.ts';

const WHO = { impl: 'the implementation', 'c-port': 'the C port (through the protocol, under ASan/UBSan)' } as const;

const title = (item: GateItem): string => {
  switch (item.kind) {
    case 'suite': return `${item.suite} suite${item.big ? ' (big runs)' : ''}: ${WHO[item.system]} agrees with the model at every step and every label is covered${item.big ? '' : ', every argument bucket hit'}`;
    case 'fault-search': return `fault ${item.fault} in ${WHO[item.system]}: a fresh search finds it within ${CI_FAULT_SEARCH.numRuns} runs`;
    case 'replay': return `${item.file} replays as recorded`;
  }
};

for (const item of gateItems()) {
  test(title(item), () => {
    const { entry } = runGateItem(item);
    console.log(`\n  ${entry.name}: ${entry.runs} runs, ${entry.commands} commands, ${(entry.durationMs / 1000).toFixed(1)} s, ${entry.commandsPerSecond} commands/s: ${entry.message}`);
    if (item.kind === 'suite') console.log(formatCoverage(entry.labels));
    if (item.kind === 'suite' && entry.buckets && !item.big) console.log(formatBuckets(entry.buckets));
    assert.ok(entry.passed, entry.message);
  });
}

test.run();
