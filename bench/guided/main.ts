/**
 * npm run bench:guided [-- --runs N] [--seeds K] [--out FILE]: what guided generation
 * buys in label coverage (labelGrowth.ts): each suite hunted from K fixed base seeds for
 * N runs, unguided and guided; the `guided` section of bench.json (other sections kept)
 * and a table on stdout. The mutation-score side is `npm run mutants -- --guided`.
 */
import { resolve } from 'node:path';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';
import { writeSections } from '../jsonSections.ts';
import { describeMachine } from '../machine.ts';
import { labelGrowth, type Growth } from './labelGrowth.ts';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : fallback;
}

/** Mean of the defined values, or null when one is missing (a stream that never reached every label). */
const mean = (xs: (number | null)[]) => (xs.some((x) => x === null) ? null : xs.reduce<number>((a, b) => a + b!, 0) / xs.length);

/** One summary row per suite and mode. */
function summary(rows: Growth[]) {
  const keys = [...new Set(rows.map((r) => `${r.suite} ${r.guided}`))];
  return keys.map((k) => {
    const rs = rows.filter((r) => `${r.suite} ${r.guided}` === k);
    return {
      suite: rs[0]!.suite, guided: rs[0]!.guided, streams: rs.length,
      allLabelsReached: rs.filter((r) => r.runsToAllLabels !== null).length,
      meanRunsToAllLabels: mean(rs.map((r) => r.runsToAllLabels)), meanCommandsToAllLabels: mean(rs.map((r) => r.commandsToAllLabels)),
      meanDistinctLabelSets: mean(rs.map((r) => r.distinctLabelSets)), meanFeatures: mean(rs.map((r) => r.features)),
      meanCommandsPerRun: rs.reduce((a, r) => a + r.commands / r.runs, 0) / rs.length, meanSeconds: mean(rs.map((r) => r.seconds)),
    };
  });
}

const runs = Number(flag('--runs', '2000'));
const seeds = Number(flag('--seeds', '4'));
const out = resolve(flag('--out', 'reports/bench.json'));
const rows: Growth[] = [];
for (const suite of [treeSuite, daxSuite]) {
  for (let k = 0; k < seeds; k++) {
    for (const guided of [false, true]) {
      const g = labelGrowth(suite, guided, 1 + 1000 * k, runs);
      rows.push(g);
      console.error(`guided bench: ${g.suite} base ${g.baseSeed} ${guided ? 'guided  ' : 'unguided'}: all ${g.labels} labels at run ${g.runsToAllLabels ?? '-'} (${g.labelsReached} reached), ${g.distinctLabelSets} label sets, ${g.features} features, ${(g.commands / g.runs).toFixed(1)} commands/run, ${g.seconds.toFixed(1)} s`);
    }
  }
}
const section = { generatedAt: new Date().toISOString(), runsPerStream: runs, streams: seeds, machine: describeMachine(), summary: summary(rows), rows };
writeSections(out, { guided: section });
console.log(JSON.stringify(section.summary, null, 2));
