/**
 * npm run bench [-- --quick] [--no-hunts] [--out FILE]: measures throughput (in process and through
 * the protocol against the C port, built on first use with make), time to failure of each
 * named fault and cost growth with size in one process, writes bench.json (default
 * reports/bench.json) and prints the tables. --quick: small sizes, for the test that
 * checks the benchmark runs (its figures mean nothing). Other top-level sections of an
 * existing bench.json (`mutants`, written by `npm run mutants`) are kept. Hunt speed
 * (huntSpeed.ts) runs child hunts: --no-hunts leaves it out.
 */
import { resolve } from 'node:path';
import { writeSections } from './jsonSections.ts';
import { measureHuntSpeed, type HuntSpeedOptions } from './huntSpeed.ts';
import { huntSpeedGoals, huntSpeedTable } from './huntSpeedTable.ts';
import { describeMachine } from './machine.ts';
import { judgeGoals, REPORT_SCHEMA, type BenchReport } from './report.ts';
import { logReference, measureScaling, type ScalingOptions } from './scaling.ts';
import { measureProtocol } from './protocol.ts';
import { formatReport } from './table.ts';
import { measureThroughput, type ThroughputOptions } from './throughput.ts';
import { measureTimeToFailure } from './timeToFailure.ts';

interface Settings {
  hunts: HuntSpeedOptions;
  throughput: ThroughputOptions;
  ttfSeeds: number;
  scaling: ScalingOptions;
}

const FULL: Settings = {
  hunts: { seconds: 10, pairs: 3, dcdSeconds: 40, tailSeconds: 10, crashSeconds: 10, cutRuns: 300 },
  throughput: { seed: 20231, numRuns: 1000, maxCommands: 100, repeats: 5 },
  ttfSeeds: 30,
  scaling: { sizes: [10, 100, 1000, 10000], batchMs: 40, batches: 5 },
};

const QUICK: Settings = {
  hunts: { seconds: 2, pairs: 1, dcdSeconds: 2, tailSeconds: 0, crashSeconds: 3, cutRuns: 30 },
  throughput: { seed: 20231, numRuns: 50, maxCommands: 100, repeats: 1 },
  ttfSeeds: 2,
  scaling: { sizes: [10, 100, 1000], batchMs: 2, batches: 3 },
};

/** --out FILE (or --out=FILE) and --quick; exits with a usage message on anything else. */
function parseArgs(argv: string[]): { out: string; quick: boolean; hunts: boolean } {
  let out = 'reports/bench.json';
  let quick = false;
  let hunts = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--quick') quick = true;
    else if (a === '--no-hunts') hunts = false;
    else if (a === '--out' && i + 1 < argv.length) out = argv[++i]!;
    else if (a.startsWith('--out=')) out = a.slice('--out='.length);
    else {
      console.error(`bench: unknown argument ${a}\nusage: npm run bench -- [--quick] [--no-hunts] [--out FILE]`);
      process.exit(2);
    }
  }
  return { out: resolve(out), quick, hunts };
}

/** Runs the three measurements and writes the report. */
function main(): void {
  const { out, quick, hunts: withHunts } = parseArgs(process.argv.slice(2));
  const s = quick ? QUICK : FULL;
  const started = performance.now();
  const machine = describeMachine();
  const log = (what: string) => console.error(`bench: ${what} (${((performance.now() - started) / 1000).toFixed(1)}s)`);
  log('throughput');
  const throughput = { ...measureThroughput(s.throughput), options: s.throughput };
  log('protocol (C port)');
  const protocol = { ...measureProtocol(s.throughput), options: s.throughput };
  log('time to failure');
  const timeToFailure = measureTimeToFailure({ seeds: s.ttfSeeds });
  log('scaling');
  const workloads = measureScaling(s.scaling);
  if (withHunts) log('hunt speed (child hunts: kernel trees from DAXCHECK_KERNEL_SRC and DAXCHECK_DCD_SRC, the C port)');
  const hunts = withHunts ? measureHuntSpeed(s.hunts) : undefined;
  const partial = {
    schema: REPORT_SCHEMA,
    generatedAt: new Date().toISOString(),
    quick,
    durationSeconds: (performance.now() - started) / 1000,
    machine,
    throughput,
    protocol,
    timeToFailure,
    scaling: { options: s.scaling, logReference: logReference(s.scaling.sizes), workloads },
    ...(hunts === undefined ? {} : { hunts }),
  } satisfies Omit<BenchReport, 'goals'>;
  const report: BenchReport = { ...partial, goals: [...judgeGoals(partial), ...(hunts === undefined ? [] : huntSpeedGoals(hunts))] };
  writeSections(out, { ...report }); // keeps sections other programs own (npm run mutants)
  if (hunts !== undefined) console.log(`${huntSpeedTable(hunts)}\n`);
  console.log(formatReport(report));
  console.log(`\nwrote ${out}`);
}

main();
