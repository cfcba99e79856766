/**
 * `daxcheck hunt --sut PORT` for a port outside the repository, followed as docs/ports.md
 * says: the right verdict and exit code, findings where a port's findings belong, hints
 * that reproduce, the same figures on the terminal as in the reports, and a Ctrl-C that
 * keeps what the batches in progress found.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadCounterexample } from '../../properties/counterexampleFile.ts';
import type { RunSummary } from '../../reporting/runSummary.ts';
import { daxcheck } from './daxcheck.ts';
import { outsidePort } from './outsidePorts.ts';
import { readRunJson, runHunt, savedFiles } from './runHunt.ts';

test('a correct port outside the repository (.ts, no package.json) is hunted: exit 0, both suites ran on it', async () => {
  const port = outsidePort();
  const r = await runHunt(['--sut', port, '--seconds', '2', '--workers', '2']);
  assert.is(r.code, 0, r.stderr);
  const entries = readRunJson(r).entries;
  assert.equal(entries.map((e) => [e.suite, e.sut]), [['tree', port], ['dax', port]]);
  assert.ok(entries.every((e) => e.runs > 0 && e.passed));
});

test('a plain ES module .js port outside the repository is hunted too', async () => {
  const r = await runHunt(['--sut', outsidePort({ name: 'port.js' }), '--suite', 'tree', '--seconds', '1', '--workers', '1']);
  assert.is(r.code, 0, r.stderr);
});

test('a port with a planted off-by-one: exit 1, its findings go to ./daxcheck-findings/ (not shrinks/), and the printed replay hint reproduces the failure', async () => {
  const port = outsidePort({ offByOne: true });
  const cwd = mkdtempSync(join(tmpdir(), 'daxcheck-cwd-'));
  const r = await daxcheck(['hunt', '--sut', port, '--suite', 'dax', '--seconds', '3', '--workers', '2', '--reports', join(cwd, 'r')], cwd);
  assert.is(r.code, 1, r.stderr);
  const found = join(cwd, 'daxcheck-findings');
  assert.ok(existsSync(found) && readdirSync(found).some((f) => f.endsWith('.json')), `findings in ${found}`);
  assert.not.ok(existsSync(join(cwd, 'shrinks')), 'nothing written to ./shrinks');
  const hint = /replay one: (daxcheck replay .*)\)$/m.exec(r.stdout)?.[1];
  assert.ok(hint !== undefined && hint.includes(`--sut ${port}`), `hint with --sut: ${r.stdout}`);
  const replay = await daxcheck(hint!.split(' ').slice(1), cwd);
  assert.is(replay.code, 1, `following the hint fails again:\n${replay.stdout}${replay.stderr}`);
  assert.match(replay.stdout, /FAILS at step/);
});

test('the terminal prints each suite\'s commands/s and worker time exactly as run.json (and so index.html) has them', async () => {
  const r = await runHunt(['--suite', 'tree', '--seconds', '1', '--workers', '1']);
  const e = readRunJson(r).entries[0]!;
  assert.ok(r.stdout.includes(`${e.commandsPerSecond} commands/s per worker, ${(e.durationMs / 1000).toFixed(1)} s worker time`), r.stdout);
  const html = readFileSync(join(r.reportsDir, 'index.html'), 'utf8');
  assert.ok(html.includes(e.commandsPerSecond.toLocaleString('en')) && html.includes(`${(e.durationMs / 1000).toFixed(1)} s`));
});

test('--workers above the machine\'s threads is capped with a line saying so', async () => {
  const r = await runHunt(['--suite', 'tree', '--seconds', '1', '--workers', '1000']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, /--workers 1000 is more than the \d+ threads this machine runs at once; using \d+/);
});

test('one Ctrl-C lets the batches in progress finish: the failure a slow port\'s batch found is kept and listed, run.json says interrupted, exit 1', async () => {
  const port = outsidePort({ offByOne: true, delayMs: 1 });
  const r = await runHunt(['--sut', port, '--suite', 'dax', '--seconds', '120', '--workers', '1'], { interruptAfter: /budget starts now/, interruptDelayMs: 1500 });
  const summary: RunSummary = readRunJson(r);
  assert.is(summary.interrupted, true);
  const saved = savedFiles(r).map((f) => loadCounterexample(f).id);
  assert.ok(saved.length > 0, `a counterexample kept; stderr:\n${r.stderr}`);
  assert.equal([...summary.entries[0]!.counterexamples].sort(), [...saved].sort());
  assert.is(r.code, 1, r.stderr);
});

test('Ctrl-C with nothing found exits 130 (interrupted), not 0', async () => {
  const r = await runHunt(['--suite', 'tree', '--seconds', '120', '--workers', '1'], { interruptAfter: /budget starts now/, interruptDelayMs: 500 });
  assert.is(r.code, 130, r.stderr);
  assert.is(readRunJson(r).interrupted, true);
});

test.run();
