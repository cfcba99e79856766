/**
 * The mutation score's catalog and script (bench/mutants/): every mutant applies to the
 * current impl/ and changes it, and `npm run mutants -- --quick` runs, kills a known-easy
 * mutant and writes a well-formed `mutants` section while keeping bench.json's others.
 * Not a timed test: the score's figures are not judged here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MUTANTS, QUICK_MUTANTS } from '../../bench/mutants/catalog.ts';
import { applyMutant, MutantDoesNotApply } from '../../bench/mutants/mutant.ts';
import { mutantsProblems } from '../../bench/mutants/report.ts';
import { makeSandbox } from '../../bench/mutants/sandbox.ts';

const root = resolve(import.meta.dirname, '../..');

test('the catalog holds at least 30 mutants with unique names, each editing a file of impl/', () => {
  assert.ok(MUTANTS.length >= 30, `${MUTANTS.length} mutants`);
  assert.is(new Set(MUTANTS.map((m) => m.name)).size, MUTANTS.length);
  for (const m of MUTANTS) assert.ok(m.file.startsWith('impl/') && existsSync(join(root, m.file)), `${m.name}: ${m.file}`);
  for (const q of QUICK_MUTANTS) assert.ok(MUTANTS.some((m) => m.name === q), q);
});

test('every mutant applies cleanly to the current impl/ (its find text occurs exactly once) and changes the file', () => {
  for (const m of MUTANTS) {
    const text = readFileSync(join(root, m.file), 'utf8');
    const mutated = applyMutant(text, m);
    assert.is.not(mutated, text, `${m.name} changes nothing`);
  }
});

test('a mutant whose find text is missing or ambiguous does not apply', () => {
  const m = { name: 'x', file: 'impl/kref.ts', summary: '', find: 'a', replace: 'b' };
  assert.throws(() => applyMutant('no such text', { ...m, find: 'zzz' }), (e: unknown) => e instanceof MutantDoesNotApply && e.occurrences === 0);
  assert.throws(() => applyMutant('a a', m), (e: unknown) => e instanceof MutantDoesNotApply && e.occurrences === 2);
  assert.is(applyMutant('xay', m), 'xby');
});

test('a sandbox is a mutated copy: impl/ of the repository is untouched', () => {
  const m = MUTANTS[0]!;
  const before = readFileSync(join(root, m.file), 'utf8');
  const box = makeSandbox(root, m);
  try {
    assert.is(readFileSync(join(box.dir, m.file), 'utf8'), applyMutant(before, m));
    assert.ok(existsSync(join(box.dir, 'node_modules', 'fast-check')), 'node_modules is linked');
  } finally {
    box.remove();
  }
  assert.is(readFileSync(join(root, m.file), 'utf8'), before);
  assert.not.ok(existsSync(box.dir));
});

test('npm run mutants -- --quick kills a known-easy mutant and writes the mutants section, keeping the other sections', () => {
  const dir = mkdtempSync(join(tmpdir(), 'daxcheck-mutants-'));
  try {
    const out = join(dir, 'bench.json');
    writeFileSync(out, JSON.stringify({ schema: 'kept', throughput: { ratio: 1 } }));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/mutants/main.ts', '--quick', '--out', out], { cwd: root, encoding: 'utf8', timeout: 180_000 });
    assert.is(run.status, 0, `mutants exited with ${run.status}: ${run.stderr}`);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { schema: string; throughput: unknown; mutants: { quick: boolean; rows: { name: string; killed: boolean; error: string | null }[] } };
    assert.is(json.schema, 'kept');
    assert.equal(json.throughput, { ratio: 1 });
    assert.equal(mutantsProblems(json.mutants), []);
    assert.is(json.mutants.quick, true);
    assert.equal(json.mutants.rows.map((r) => r.name), [...QUICK_MUTANTS]);
    assert.ok(json.mutants.rows.every((r) => r.error === null), JSON.stringify(json.mutants.rows));
    assert.ok(json.mutants.rows.some((r) => r.killed), 'a known-easy mutant is killed');
    assert.ok(run.stdout.includes('| mutant | killed | seconds | shrunk length | caught by |'), 'prints the table');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('mutants refuses an unknown argument or mutant', () => {
  for (const args of [['--fast'], ['--only', 'no-such-mutant']]) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/mutants/main.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    assert.is(run.status, 2, args.join(' '));
    assert.match(run.stderr, /usage: npm run mutants/);
  }
});

test('mutantsProblems names what is missing', () => {
  assert.ok(mutantsProblems({}).length > 0);
  assert.ok(mutantsProblems(null).includes('one row per mutant'));
});

test.run();
