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
import { C_PORT_MUTANTS, QUICK_C_MUTANTS } from '../../bench/mutants/cPortMutants.ts';
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

test('the C port\'s catalog holds at least 12 mutants with unique names, the planted leak and request-buffer pointer among them, each edit\'s find text occurring exactly once in its file of ports/c or ports/shared', () => {
  assert.ok(C_PORT_MUTANTS.length >= 12, `${C_PORT_MUTANTS.length} mutants`);
  const names = C_PORT_MUTANTS.map((m) => m.name);
  assert.is(new Set([...names, ...MUTANTS.map((m) => m.name)]).size, names.length + MUTANTS.length, 'names unique across both catalogs');
  for (const n of ['c-leak-on-delete', 'c-label-request-buffer', ...QUICK_C_MUTANTS]) assert.ok(names.includes(n), n);
  for (const m of C_PORT_MUTANTS) {
    assert.ok(m.edits.length >= 1, m.name);
    for (const e of m.edits) {
      const text = readFileSync(join(root, 'ports', e.file), 'utf8');
      assert.is(text.split(e.find).length - 1, 1, `${m.name}: ${e.file}`);
      assert.is.not(e.find, e.replace, m.name);
    }
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
    // The C port's quick mutant: built, hunted through the process protocol, its own section.
    const c = (json as unknown as { cPortMutants: { rows: { name: string; killed: boolean; error: string | null; file: string }[] } }).cPortMutants;
    assert.equal(mutantsProblems(c), []);
    assert.equal(c.rows.map((r) => r.name), [...QUICK_C_MUTANTS]);
    assert.ok(c.rows.every((r) => r.error === null && r.killed && /^ports\/(c|shared)\//.test(r.file)), JSON.stringify(c.rows));
    assert.ok(run.stdout.includes('The C port (ports/c'), 'prints the C port\'s table');
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
