/**
 * `daxcheck kernel`'s known findings in the reports: a run whose only findings are known
 * (K1 under --known-defects report, a gap G1) is passed in run.json, junit.xml and
 * index.html alike and exits 0; the known ones are shown as known everywhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { classifyFindings, exitCodeAfterClassifying, withKnownFindings } from '../../campaign/knownFindings.ts';
import { writeRunReports } from '../../campaign/reports.ts';
import { saveCounterexample, type CounterexampleFile } from '../../properties/counterexampleFile.ts';
import type { RunSummary } from '../../reporting/runSummary.ts';
import { MiB } from '../../sut/u64.ts';
import { record, tempDir } from '../properties/counterexamples.ts';
import { entry, summaryOf } from '../reporting/fixtures.ts';

const K1_COMMANDS = [
  { op: 'createRegion', kind: 'contiguous', start: 0n, sizeBytes: 64n * MiB, align: 2n * MiB, seed: 'empty' },
  { op: 'mapping', region: 0, device: 0, at: 'abs', deltaBytes: 0n, lengthBytes: 0n },
];

function k1File(): CounterexampleFile {
  const cx = record('dax-contiguous', null, K1_COMMANDS, 'result-mismatch', 2);
  return { ...cx, broke: { kind: 'result-mismatch', step: 2, call: 'mapping(dax0.0, 0x0-0xffffffffffffffff)', detail: 'model ENOMEM, sut EBUSY' } };
}

function newFile(): CounterexampleFile {
  return record('dax-contiguous', null, K1_COMMANDS.slice(0, 1), 'result-mismatch', 1);
}

/** A hunt summary of one failed entry with the given counterexamples, saved in a fresh out folder. */
function huntOf(files: CounterexampleFile[], over: Parameters<typeof entry>[0] = {}): { summary: RunSummary; outDir: string } {
  const outDir = tempDir();
  for (const f of files) saveCounterexample(outDir, f);
  const e = entry({ name: 'dax-contiguous', suite: 'dax-contiguous', passed: false, errors: 0, counterexamples: files.map((f) => f.id), message: 'failed', ...over });
  return { summary: summaryOf([e]), outDir };
}

async function reportsOf(summary: RunSummary, outDir: string): Promise<{ run: RunSummary; junit: string; html: string }> {
  const dir = tempDir();
  await writeRunReports(summary, dir, { foundDirs: [outDir], shrinksDir: null });
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  return { run: JSON.parse(read('run.json')) as RunSummary, junit: read('junit.xml'), html: read('index.html') };
}

test('a run whose only finding is K1 under --known-defects report is passed in run.json, junit.xml and index.html, shows K1 as known, and exits 0', async () => {
  const k1 = k1File();
  const { summary, outDir } = huntOf([k1]);
  const classified = withKnownFindings(summary, classifyFindings(summary, outDir), 'report');
  assert.is(exitCodeAfterClassifying(1, classified, false), 0);
  const { run, junit, html } = await reportsOf(classified, outDir);
  assert.is(run.entries[0]!.passed, true);
  assert.equal(run.entries[0]!.known!.map((k) => [k.counterexample, k.id, k.failsRun]), [[k1.id, 'K1', false]]);
  assert.match(junit, /<testsuites [^>]*failures="0"/);
  assert.not.match(junit, /<failure/);
  assert.match(junit, new RegExp(`known: K1 \\(upstream defect\\) ${k1.id}`));
  assert.match(html, /<h1>daxcheck report — <span class="good">passed<\/span> <span class="known">\(1 known: K1\)/);
  assert.match(html, new RegExp(`<a href="#${k1.id}">${k1.id}</a> <span class="tag known"[^>]*>known K1</span>`));
  assert.match(html, /<p class="known">Known: <b>K1<\/b> \(upstream defect\)/);
});

test('with --known-defects fail, K1 fails the run everywhere and is still shown as known', async () => {
  const { summary, outDir } = huntOf([k1File()]);
  const classified = withKnownFindings(summary, classifyFindings(summary, outDir), 'fail');
  assert.is(exitCodeAfterClassifying(1, classified, false), 1);
  const { run, junit, html } = await reportsOf(classified, outDir);
  assert.is(run.entries[0]!.passed, false);
  assert.match(junit, /<testsuites [^>]*failures="1"/);
  assert.match(html, /<span class="bad">1 failed<\/span> <span class="known">\(1 known: K1\)/);
});

test('a new finding beside a known one, or an error, still fails the entry; an interrupted run of known findings exits 130', () => {
  const both = huntOf([k1File(), newFile()]);
  assert.is(withKnownFindings(both.summary, classifyFindings(both.summary, both.outDir), 'report').entries[0]!.passed, false);
  const errored = huntOf([k1File()], { errors: 1 });
  assert.is(withKnownFindings(errored.summary, classifyFindings(errored.summary, errored.outDir), 'report').entries[0]!.passed, false);
  const { summary, outDir } = huntOf([k1File()]);
  assert.is(exitCodeAfterClassifying(1, withKnownFindings(summary, classifyFindings(summary, outDir), 'report'), true), 130);
  assert.is(exitCodeAfterClassifying(3, summary, false), 3, 'a suite with no run stays exit 3');
});

test.run();
