/**
 * The shape of the house (docs/DESIGN.md §3, issue "One campaign layer"): which folder may import
 * which, no cycle between folders, and none inside model/. Read from the sources' import
 * lines, type-only imports included.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = resolve(import.meta.dirname, '..');
const FOLDERS = ['sut', 'model', 'impl', 'properties', 'protocol', 'campaign', 'reporting', 'cli', 'bench', 'examples'];

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|js)$/.test(entry)) out.push(path);
  }
  return out;
}

/** Every relative import of every source file, as repository paths. */
function imports(): { from: string; to: string }[] {
  const edges: { from: string; to: string }[] = [];
  for (const folder of FOLDERS) {
    for (const file of sources(join(ROOT, folder))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.[^']+)'/g)) {
        edges.push({ from: relative(ROOT, file), to: relative(ROOT, resolve(dirname(file), m[1]!)) });
      }
    }
  }
  return edges;
}

const top = (path: string) => path.split('/')[0]!;
const EDGES = imports();

/** Imports from files under `from` into files matching `to`. */
function offending(from: string, to: (path: string) => boolean): string[] {
  return EDGES.filter((e) => top(e.from) === from && to(e.to)).map((e) => `${e.from} → ${e.to}`);
}

test('the import scan sees the imports (a scan that finds nothing proves nothing)', () => {
  assert.ok(EDGES.length > 300, `${EDGES.length} imports`);
  assert.ok(EDGES.some((e) => e.from === 'campaign/systems.ts' && e.to === 'impl/index.ts'));
});

test('properties/ imports only sut/ and itself', () => {
  assert.equal(offending('properties', (p) => !['sut', 'properties'].includes(top(p))), []);
});

test('reporting/ imports no system, no runner and no command: only sut/, the plain data of properties/ and itself', () => {
  const runners = ['properties/runSuite.ts', 'properties/world.ts', 'properties/replay.ts', 'properties/replaySaved.ts', 'properties/minimize.ts'];
  assert.equal(offending('reporting', (p) => ['impl', 'model', 'cli', 'campaign', 'protocol', 'bench'].includes(top(p)) || runners.includes(p)), []);
});

test('protocol/ (the port protocol client, beside PROTOCOL.md) imports only sut/, itself and the plain-data equality of properties/', () => {
  assert.equal(offending('protocol', (p) => !['sut', 'protocol'].includes(top(p)) && p !== 'properties/sameData.ts'), []);
});

test('model/ and impl/ import only sut/ and themselves', () => {
  assert.equal(offending('model', (p) => !['sut', 'model'].includes(top(p))), []);
  assert.equal(offending('impl', (p) => !['sut', 'impl'].includes(top(p))), []);
});

test('only campaign/ (and the benchmarks and tests) know both model/ and impl/: cli/ imports neither', () => {
  assert.equal(offending('cli', (p) => ['model', 'impl'].includes(top(p)) && !p.endsWith('impl/faults.ts')), []);
});

test('cli/ handles no signal and spawns no worker: the lifecycle of the hunt pool lives in campaign/hunt/runPool.ts', () => {
  const found = sources(join(ROOT, 'cli'))
    .filter((f) => /process\.on\(\s*'SIG|new Worker\(/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f));
  assert.equal(found, []);
  assert.ok(/process\.on\(\s*'SIGINT'/.test(readFileSync(join(ROOT, 'campaign/hunt/runPool.ts'), 'utf8')), 'the scan looks for what runPool.ts has');
});

test('the run summary is built in one place: only reporting/runSummary.ts stamps the run.json format (its reader checks it)', () => {
  const stamping = FOLDERS.flatMap((f) => sources(join(ROOT, f)))
    .filter((f) => /RUN_SUMMARY_FORMAT|format:\s*1\b/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f));
  assert.equal(stamping.sort(), ['reporting/readRunSummary.ts', 'reporting/runSummary.ts']);
});

/** The strongly connected parts of a graph with more than one node (or a self-loop), as sorted lists. */
function cycles(nodes: string[], next: (n: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    on.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const part: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      on.delete(w);
      part.push(w);
    } while (w !== v);
    if (part.length > 1 || next(v).includes(v)) found.push(part.sort());
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return found;
}

test('no import cycle between folders', () => {
  const next = (f: string) => [...new Set(EDGES.filter((e) => top(e.from) === f && top(e.to) !== f).map((e) => top(e.to)))];
  assert.equal(cycles(FOLDERS, next), []);
});

test('no import cycle between the files of model/: it reads top to bottom', () => {
  const files = [...new Set(EDGES.filter((e) => top(e.from) === 'model').map((e) => e.from))];
  const next = (f: string) => EDGES.filter((e) => e.from === f && top(e.to) === 'model').map((e) => e.to);
  assert.equal(cycles(files, next), []);
});

test('the cycle finder finds a planted cycle (it could fail)', () => {
  assert.equal(cycles(['a', 'b', 'c'], (n) => ({ a: ['b'], b: ['c'], c: ['a'] })[n] ?? []), [['a', 'b', 'c']]);
});

test.run();
