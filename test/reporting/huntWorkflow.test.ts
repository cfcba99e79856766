/**
 * .github/workflows/hunt.yml as CI runs it: each shard uploads its run.json with the
 * folder its findings are in, and the merge job's own command line, run on the artifacts
 * as they unpack, draws every shard's findings.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { saveCounterexample } from '../../properties/counterexampleFile.ts';
import { daxcheck } from '../cli/daxcheck.ts';
import { counterexampleOf, entry, RICH_DAX_COMMANDS, summaryOf, tempDir, TREE_COMMANDS } from './fixtures.ts';

const WORKFLOW = readFileSync(resolve(import.meta.dirname, '../../.github/workflows/hunt.yml'), 'utf8');

/** The paths of the upload step of the hunt job (the lines under its `path: |`). */
function shardUploadPaths(): string[] {
  const hunt = WORKFLOW.slice(WORKFLOW.indexOf('  hunt:'), WORKFLOW.indexOf('  merge:'));
  const block = /path: \|\n((?:\s{12}\S.*\n)+)/.exec(hunt);
  assert.ok(block, 'the hunt job uploads a list of paths');
  return block![1]!.trim().split('\n').map((l) => l.trim());
}

test('each shard uploads its run.json and the findings folder of an implementation hunt (shrinks/) and of a port hunt (daxcheck-findings/)', () => {
  const paths = shardUploadPaths();
  for (const p of ['reports/run.json', 'shrinks/', 'daxcheck-findings/']) assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);
  assert.match(WORKFLOW, /--sut-exec "\$SUT_EXEC"/);
});

test('the merge job\'s command, run on the artifacts as they unpack, draws the findings of every shard (an implementation shard and a port shard)', async () => {
  const line = /run: (npx daxcheck report --merge .*)$/m.exec(WORKFLOW)?.[1];
  assert.ok(line, 'the merge job runs daxcheck report --merge');
  const dir = tempDir();
  const download = /download-artifact@v4\n\s+with:\n(?:\s+\w+: .*\n)*?\s+path: (\S+)/.exec(WORKFLOW)?.[1] ?? '.';
  const a = counterexampleOf('dax', RICH_DAX_COMMANDS);
  const b = counterexampleOf('tree', TREE_COMMANDS);
  // As the hunt writes them: reports/run.json with findingsDir relative to reports/.
  const shards: [string, string, string][] = [['shard-1', 'shrinks', a.id], ['shard-2', 'daxcheck-findings', b.id]];
  for (const [i, [name, findings, id]] of shards.entries()) {
    const root = join(dir, download, name);
    saveCounterexample(join(root, findings), id === a.id ? a : b);
    mkdirSync(join(root, 'reports'), { recursive: true });
    const summary = summaryOf([entry({ passed: false, counterexamples: [id] })], { shard: `${i + 1}/2`, findingsDir: `../${findings}` });
    writeFileSync(join(root, 'reports', 'run.json'), JSON.stringify(summary));
  }
  // The shell's glob, expanded as bash would (sorted).
  const words = line!.split(/\s+/).slice(2).flatMap((w) => {
    if (!w.includes('*')) return [w];
    const [before, after] = w.split('*') as [string, string];
    const parent = before.slice(0, before.lastIndexOf('/') + 1);
    const prefix = before.slice(parent.length);
    return readdirSync(join(dir, parent)).filter((n) => n.startsWith(prefix)).sort().map((n) => `${parent}${n}${after}`);
  });
  const r = await daxcheck(words, dir);
  assert.is(r.code, 1, r.stderr);
  const out = words[words.indexOf('--out') + 1] ?? 'reports';
  const html = readFileSync(join(dir, out, 'index.html'), 'utf8');
  const drawn = [...html.matchAll(/<section class="counterexample[^"]*" id="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(drawn.sort(), [a.id, b.id].sort());
});

test.run();
