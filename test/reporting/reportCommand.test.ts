import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../../cli/main.ts';
import { saveCounterexample } from '../../properties/counterexampleFile.ts';
import { counterexampleOf, entry, RICH_DAX_COMMANDS, summaryOf, tempDir, TREE_COMMANDS } from './fixtures.ts';

/** Runs main(argv) with console output captured. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const [log, error] = [console.log, console.error];
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  try {
    return { code: await main(argv), out: out.join('\n'), err: err.join('\n') };
  } finally {
    [console.log, console.error] = [log, error];
  }
}

function shard(dir: string, name: string, entries = [entry()], shardText: string | null = null): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(summaryOf(entries, { shard: shardText })));
  return file;
}

test('report --merge of passing shards writes run.json, junit.xml and index.html and exits 0', async () => {
  const dir = tempDir();
  const out = join(dir, 'out');
  const r = await run(['report', '--merge', shard(dir, 'a.json'), shard(dir, 'b.json'), '--out', out, '--shrinks', tempDir()]);
  assert.is(r.code, 0, r.err);
  for (const f of ['run.json', 'junit.xml', 'index.html']) assert.ok(existsSync(join(out, f)), f);
  const merged = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
  assert.is(merged.command, 'merge');
  assert.is(merged.entries[0].runs, 200);
});

test('report --merge exits 1 when a merged entry failed, and names it', async () => {
  const dir = tempDir();
  const r = await run(['report', '--merge', shard(dir, 'a.json'), shard(dir, 'b.json', [entry({ passed: false, message: 'counterexample cx-1' })]), '--out', join(dir, 'out')]);
  assert.is(r.code, 1);
  assert.match(r.out, 'failed: dax: 2 shards: ok | counterexample cx-1');
});

test('report --merge exits 2 with one line naming a missing, non-JSON or foreign file', async () => {
  const dir = tempDir();
  const good = shard(dir, 'a.json');
  writeFileSync(join(dir, 'text.json'), 'not json');
  writeFileSync(join(dir, 'other.json'), JSON.stringify({ format: 1, tool: 'daxcheck', entries: [{ name: 'x' }] }));
  const cases: [string, RegExp][] = [
    [join(dir, 'missing.json'), /missing\.json: cannot be read \(ENOENT\)$/],
    [join(dir, 'text.json'), /text\.json: is not valid JSON/],
    [join(dir, 'other.json'), /other\.json: entry 0 has no string "kind"$/],
  ];
  for (const [file, why] of cases) {
    const r = await run(['report', '--merge', good, file, '--out', join(dir, 'out')]);
    assert.is(r.code, 2, file);
    assert.is(r.err.split('\n').length, 1);
    assert.match(r.err, why);
  }
});

test('report exits 2 for --merge without files, for files without --merge, and for a missing run.json', async () => {
  const dir = tempDir();
  assert.is((await run(['report', '--merge', '--out', dir])).code, 2);
  assert.is((await run(['report', shard(dir, 'a.json'), '--out', dir])).code, 2);
  const r = await run(['report', '--out', join(dir, 'empty')]);
  assert.is(r.code, 2);
  assert.match(r.err, /empty\/run\.json: cannot be read \(ENOENT\)/);
});

test('report exits 2 for a --shrinks folder that does not exist, naming it', async () => {
  const dir = tempDir();
  const r = await run(['report', '--out', dir, '--shrinks', join(dir, 'missing')]);
  assert.is(r.code, 2);
  assert.is(r.err, `daxcheck report: --shrinks ${join(dir, 'missing')}: not a directory`);
});

test('report alone regenerates junit.xml and index.html from an existing run.json', async () => {
  const dir = tempDir();
  shard(dir, 'run.json');
  const r = await run(['report', '--out', dir, '--shrinks', tempDir()]);
  assert.is(r.code, 0, r.err);
  assert.match(readFileSync(join(dir, 'junit.xml'), 'utf8'), /<testcase classname="daxcheck.suite.dax" name="dax"/);
  assert.match(readFileSync(join(dir, 'index.html'), 'utf8'), /daxcheck report/);
});

test('the daxcheck process itself exits 2 on a bad merge input, with one line on stderr and no stack trace', () => {
  const dir = tempDir();
  const bin = resolve(import.meta.dirname, '../../cli/bin.js');
  const p = spawnSync(process.execPath, [bin, 'report', '--merge', join(dir, 'nope.json'), '--out', dir], { encoding: 'utf8' });
  assert.is(p.status, 2);
  assert.is(p.stderr.trim(), `daxcheck report: ${join(dir, 'nope.json')}: cannot be read (ENOENT)`);
});

test('report --merge refuses the same file given twice, naming it (exit 2, nothing written)', async () => {
  const dir = tempDir();
  const a = shard(dir, 'a.json', [entry()], '1/2');
  const r = await run(['report', '--merge', a, shard(dir, 'b.json', [entry()], '2/2'), join(dir, '.', 'a.json'), '--out', join(dir, 'out'), '--shrinks', tempDir()]);
  assert.is(r.code, 2);
  assert.match(r.err, /are the same file/);
  assert.ok(r.err.includes(a));
  assert.not.ok(existsSync(join(dir, 'out', 'run.json')));
});

test('report --merge refuses two files of the same shard, naming the shard', async () => {
  const dir = tempDir();
  const r = await run(['report', '--merge', shard(dir, 'a.json', [entry()], '1/2'), shard(dir, 'b.json', [entry()], '1/2'), '--out', join(dir, 'out'), '--shrinks', tempDir()]);
  assert.is(r.code, 2);
  assert.match(r.err, /are both shard 1\/2/);
});

test('report --merge refuses shards of different counts (1/2 with 2/3)', async () => {
  const dir = tempDir();
  const r = await run(['report', '--merge', shard(dir, 'a.json', [entry()], '1/2'), shard(dir, 'b.json', [entry()], '2/3'), '--out', join(dir, 'out'), '--shrinks', tempDir()]);
  assert.is(r.code, 2);
  assert.match(r.err, /different counts .*1\/2.*2\/3/);
});

test('the merged run.json records daxcheck\'s version', async () => {
  const dir = tempDir();
  const out = join(dir, 'out');
  await run(['report', '--merge', shard(dir, 'a.json', [entry()], '1/2'), shard(dir, 'b.json', [entry()], '2/2'), '--out', out, '--shrinks', tempDir()]);
  const version = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')).version;
  assert.is(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).version, version);
});

/** Ids of the drawn counterexample sections of an index.html, and its in-page links. */
function drawnIds(html: string): { sections: string[]; links: string[] } {
  const sections = [...html.matchAll(/<section class="counterexample[^"]*" id="([^"]+)"/g)].map((m) => m[1]!);
  const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
  return { sections, links };
}

/** Two shards as CI unpacks them: shard-1 keeps its findings beside reports/ (relative findingsDir), shard-2 in an absolute folder. */
function twoShards(dir: string): { files: string[]; ids: string[] } {
  const a = counterexampleOf('dax', RICH_DAX_COMMANDS);
  const b = counterexampleOf('tree', TREE_COMMANDS);
  const absFindings = join(dir, 'elsewhere', 'findings');
  saveCounterexample(join(dir, 'shard-1', 'shrinks'), a);
  saveCounterexample(absFindings, b);
  const files = [
    shardIn(join(dir, 'shard-1', 'reports'), entry({ passed: false, counterexamples: [a.id] }), '1/2', '../shrinks'),
    shardIn(join(dir, 'shard-2', 'reports'), entry({ passed: false, counterexamples: [b.id] }), '2/2', absFindings),
  ];
  return { files, ids: [a.id, b.id] };
}

function shardIn(reports: string, e: ReturnType<typeof entry>, shardText: string, findingsDir: string): string {
  mkdirSync(reports, { recursive: true });
  const file = join(reports, 'run.json');
  writeFileSync(file, JSON.stringify(summaryOf([e], { shard: shardText, findingsDir })));
  return file;
}

test('report --merge draws what the shards found (from the findings folder each run.json records), not ./shrinks, and every in-page link has its target', async () => {
  const dir = tempDir();
  const { files, ids } = twoShards(dir);
  const out = join(dir, 'merged');
  const r = await run(['report', '--merge', ...files, '--out', out]);
  assert.is(r.code, 1, r.err);
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  const { sections, links } = drawnIds(html);
  assert.equal(sections.sort(), [...ids].sort());
  assert.ok(links.length >= 2);
  for (const link of links) assert.ok(sections.includes(link), `#${link} leads nowhere`);
  // Copied beside the merged run.json, so that `report` draws them again from there alone.
  for (const id of ids) assert.ok(existsSync(join(out, 'counterexamples', `${id}.json`)), id);
  assert.is(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).findingsDir, 'counterexamples');
  const again = await run(['report', '--out', out]);
  assert.is(again.code, 1, again.err);
  assert.equal(drawnIds(readFileSync(join(out, 'index.html'), 'utf8')).sections.sort(), [...ids].sort());
});

test('a counterexample run.json names but whose file is nowhere is listed without a link that leads nowhere', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'run.json'), JSON.stringify(summaryOf([entry({ passed: false, counterexamples: ['cx-00000000000000aa'] })], { findingsDir: 'gone' })));
  const r = await run(['report', '--out', dir]);
  assert.is(r.code, 1, r.err);
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  assert.equal(drawnIds(html).links, []);
  assert.match(html, /cx-00000000000000aa <small class="bad"[^>]*>\(file not found\)<\/small>/);
});

test('report --shrinks A --shrinks B draws the files of both folders', async () => {
  const dir = tempDir();
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  const cxA = counterexampleOf('dax', RICH_DAX_COMMANDS);
  const cxB = counterexampleOf('tree', TREE_COMMANDS);
  saveCounterexample(a, cxA);
  saveCounterexample(b, cxB);
  shard(dir, 'run.json');
  const r = await run(['report', '--out', dir, '--shrinks', a, '--shrinks', b]);
  assert.is(r.code, 0, r.err);
  assert.equal(drawnIds(readFileSync(join(dir, 'index.html'), 'utf8')).sections.sort(), [cxA.id, cxB.id].sort());
});

test('a run.json whose findingsDir is not a folder name is refused with one line naming the file', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'run.json'), JSON.stringify(summaryOf([entry()], { findingsDir: 7 as unknown as string })));
  const r = await run(['report', '--out', dir]);
  assert.is(r.code, 2);
  assert.match(r.err, /run\.json: has a "findingsDir" that is not a folder name$/);
});

test.run();
