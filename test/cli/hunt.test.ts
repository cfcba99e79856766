/**
 * `daxcheck hunt` as a user runs it (a child process): exit codes, the files it writes,
 * the --json summary, and one clear line for every usage mistake.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FAULT_NAMES } from '../../impl/faults.ts';
import { failureSignature } from '../../campaign/hunt/failureSignature.ts';
import { loadCounterexample } from '../../properties/counterexampleFile.ts';
import type { RunSummary } from '../../reporting/runSummary.ts';
import { parseHuntOptions } from '../../cli/hunt/options.ts';
import { tempDir } from '../properties/counterexamples.ts';
import { daxcheck } from './daxcheck.ts';
import { readRunJson, ROOT, runHunt, savedFiles } from './runHunt.ts';

/** A usage error: exit 2, exactly one line on stderr, no stack trace, nothing on stdout. */
function assertUsageError(r: { code: number | null; stderr: string; stdout: string }, mentions: string[]): void {
  const lines = r.stderr.trimEnd().split('\n');
  assert.is(r.code, 2, `exit code; stderr: ${r.stderr}`);
  assert.is(lines.length, 1, `one line on stderr, got:\n${r.stderr}`);
  assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
  for (const m of mentions) assert.ok(lines[0]!.includes(m), `"${lines[0]}" mentions ${m}`);
  assert.is(r.stdout, '');
}

test('a hunt of the correct implementation finds nothing, exits 0, writes run.json and prints the same summary with --json', async () => {
  const r = await runHunt(['--seconds', '2', '--workers', '2', '--json']);
  assert.is(r.code, 0, r.stderr);
  const printed = JSON.parse(r.stdout) as RunSummary;
  assert.equal(readRunJson(r), printed);
  assert.is(printed.command, 'hunt');
  assert.equal(printed.entries.map((e) => e.suite), ['tree', 'dax']);
  for (const e of printed.entries) {
    assert.ok(e.runs > 0 && e.commands > 0 && e.commandsPerSecond > 0, `${e.name} ran`);
    assert.ok(e.seeds.length > 0 && e.labels.length > 0 && Object.keys(e.opCounts).length > 0, `${e.name} has seeds, labels, opCounts`);
    assert.equal(e.counterexamples, []);
    assert.ok(e.passed);
  }
  assert.equal(savedFiles(r), []);
  assert.is(printed.version, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version, 'run.json records daxcheck\'s version');
  assert.is(printed.interrupted, false);
});

test('a hunt with --fault s4-sized-create-dynamic exits 1 and saves one counterexample per failure, whose fault is s4-sized-create-dynamic', async () => {
  const r = await runHunt(['--seconds', '3', '--workers', '2', '--fault', 's4-sized-create-dynamic', '--shard', '2/3']);
  assert.is(r.code, 1, r.stderr);
  const files = savedFiles(r);
  assert.ok(files.length > 0, 'a counterexample file');
  const signatures = files.map((f) => failureSignature(loadCounterexample(f).broke));
  assert.equal(signatures, [...new Set(signatures)], 'no failure saved twice (dedup across workers)');
  for (const f of files) {
    const cx = loadCounterexample(f);
    assert.is(cx.fault, 's4-sized-create-dynamic');
    assert.is(cx.suite, 'dax');
    assert.is(`${cx.id}.json`, f.split('/').at(-1));
  }
  const summary = readRunJson(r);
  assert.is(summary.shard, '2/3');
  assert.is(resolve(r.reportsDir, summary.findingsDir!), r.outDir, 'run.json records where its findings are, relative to itself');
  const entry = summary.entries[0]!;
  assert.is(entry.fault, 's4-sized-create-dynamic');
  assert.not.ok(entry.passed);
  assert.equal([...entry.counterexamples].sort(), files.map((f) => f.split('/').at(-1)!.replace('.json', '')).sort());
  assert.ok(entry.seeds.every((s) => (s - 1) % 3 === 1), 'shard 2/3 uses only seeds with (seed - base) mod 3 = 1');
});

test('a hunt with --fault saves to ./daxcheck-findings/ unless --out says otherwise: never into the shrinks/ that npm test replays', () => {
  assert.is(parseHuntOptions(['--fault', 's4-sized-create-dynamic']).outDir, 'daxcheck-findings');
  assert.is(parseHuntOptions(['--fault', 's4-sized-create-dynamic', '--out', 'x']).outDir, 'x');
  assert.is(parseHuntOptions([]).outDir, 'shrinks');
});

test('an unknown flag is a usage error: exit 2 and one line naming it', async () => {
  assertUsageError(await runHunt(['--secnods', '3']), ['--secnods']);
});

test('a bad flag value is a usage error: exit 2 and one line naming the flag', async () => {
  assertUsageError(await runHunt(['--shard', '5/4']), ['--shard', '5/4']);
});

test('an unknown fault is a usage error: exit 2 and one line listing the known faults', async () => {
  const r = await runHunt(['--fault', 's9-no-such-fault']);
  assertUsageError(r, ['s9-no-such-fault', ...FAULT_NAMES]);
});

test('a --sut module that does not exist is a usage error: exit 2 and one line naming the module', async () => {
  assertUsageError(await runHunt(['--sut', 'test/cli/fixtures/noSuchModule.ts']), ['noSuchModule.ts', 'no such file']);
});

test('a --sut module without a SutFactory is a usage error: exit 2 and one line naming the module', async () => {
  assertUsageError(await runHunt(['--sut', 'test/cli/fixtures/notASut.ts']), ['notASut.ts', 'SutFactory']);
});

test('a --sut module whose objects lack methods of the interface is a usage error naming the missing methods', async () => {
  const r = await runHunt(['--sut', 'test/cli/fixtures/partialSut.ts']);
  assertUsageError(r, ['partialSut.ts', 'createDax()', 'resize', 'failAllocation']);
  assert.not.ok(existsSync(join(r.reportsDir, 'run.json')), 'no run.json for a hunt that never started');
});

test('--seed above 2^53 is refused naming the value as given, not a rounded one', async () => {
  assertUsageError(await runHunt(['--seed', '9007199254740993']), ['--seed', '9007199254740993']);
});

test('--seed above 2^31 - 1 is refused exactly', async () => {
  assertUsageError(await runHunt(['--seed', '2147483648']), ['--seed', '2147483647', '2147483648']);
});

test('--out naming a file is refused as not a directory', async () => {
  assertUsageError(await daxcheck(['hunt', '--seconds', '1', '--out', join(ROOT, 'package.json')]), ['--out', 'not a directory']);
});

test('--reports inside /proc is refused at once with one line (Node\'s recursive mkdir would loop there)', async () => {
  assertUsageError(await daxcheck(['hunt', '--seconds', '1', '--out', tempDir(), '--reports', '/proc/daxcheck-no/reports']), ['--reports', '/proc/daxcheck-no/reports', 'cannot be created']);
});

test('a --reports folder replaced by a file during the hunt: the summary is still printed and one line names --reports, no stack trace', async () => {
  const r = await runHunt(['--suite', 'tree', '--seconds', '120', '--workers', '1'], {
    interruptAfter: /budget starts now/,
    interruptDelayMs: 300,
    beforeInterrupt: ({ reportsDir }) => {
      rmSync(reportsDir, { recursive: true, force: true });
      writeFileSync(reportsDir, 'not a folder');
    },
  });
  assert.match(r.stdout, /^ok {3}tree \(impl\): \d+ runs/m);
  assert.match(r.stderr, /daxcheck hunt: --reports .*: the reports could not be written \(not a directory\)/);
  assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
  assert.is(r.code, 130);
});

test.run();
