/**
 * A fresh clone reads completely (issue 21): no markdown file or source comment points
 * outside the repository or at a retired document, every relative markdown link reaches
 * an existing file and heading, and every cited section of docs/SPECIFICATION.md exists.
 * The scanners are first shown to catch planted mistakes, then run on the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { anchors, badCitations, brokenLinks, outsideReferences, repoFiles, specSections, slug } from './docs/references.ts';

const ROOT = resolve(import.meta.dirname, '..');
const FILES = repoFiles(ROOT);
const SPEC = readFileSync(join(ROOT, 'docs/SPECIFICATION.md'), 'utf8');
const exists = (path: string) => existsSync(join(ROOT, path));

/**
 * Documents other branches add (announced in issue 21's work plan), linked from the
 * README before they are merged. A listed file that exists is checked like any other;
 * delete its entry once it is merged.
 */
const PENDING = ['docs/kernel-dcd.md'];

test('the scan reads the documentation and the sources (a scan that reads nothing proves nothing)', () => {
  const paths = FILES.map((f) => f.path);
  for (const p of ['README.md', 'docs/SPECIFICATION.md', 'sut/interface.ts', 'ports/c/bus.c', 'ports/python/tree_port.py', 'ports/kernel/Makefile']) {
    assert.ok(paths.includes(p), `${p} not scanned`);
  }
  assert.not.ok(paths.some((p) => p.startsWith('node_modules/')), 'node_modules scanned');
});

test('a path climbing out of the repository and a retired document are caught, with file and line', () => {
  const beside = '../sha' + 'red';
  const retired = 'SEMAN' + 'TICS.md';
  const planted = [
    { path: 'sut/interface.ts', text: `/**\n * See ../${beside}/${retired} for the behaviour.\n */` },
    { path: 'README.md', text: `ok ${beside}/DESIGN.md` },
    { path: 'model/x.ts', text: "import { a } from '../sut/u64.ts';" },
  ];
  const found = outsideReferences(planted);
  assert.ok(found.some((l) => l.startsWith(`sut/interface.ts:2: "../${beside}`) && l.includes('leaves the repository')), found.join('\n'));
  assert.ok(found.some((l) => l.startsWith(`sut/interface.ts:2: cites ${retired}`)), found.join('\n'));
  assert.ok(found.some((l) => l.startsWith(`README.md:1: "${beside}`)), found.join('\n'));
  assert.not.ok(found.some((l) => l.startsWith('model/x.ts')), 'an import inside the repository was flagged');
});

test('a link to a missing file or heading is caught; links to existing ones, URLs and pending files are not', () => {
  const outside = '..' + '/../etc/passwd'; // written in two parts: this file is scanned too
  const docs = [
    { path: 'README.md', text: '[a](docs/a.md) [b](docs/gone.md) [c](docs/a.md#there) [d](docs/a.md#nowhere) [e](https://x.org/y) [p](docs/later.md)\n```\n[f](in-code.md)\n```' },
    { path: 'docs/a.md', text: `# A\n## There\n[up](../README.md) [out](${outside})` },
  ];
  const found = brokenLinks(docs, (p) => ['README.md', 'docs/a.md'].includes(p), ['docs/later.md']);
  assert.equal(found.sort(), [
    'README.md:1: link "docs/a.md#nowhere": no heading #nowhere in docs/a.md',
    'README.md:1: link "docs/gone.md": docs/gone.md does not exist',
    `docs/a.md:3: link "${outside}" leaves the repository`,
  ]);
});

test('anchors follow GitHub: punctuation dropped, spaces as hyphens, repeats numbered', () => {
  assert.is(slug("7. Oracles from ndctl's tests"), '7-oracles-from-ndctls-tests');
  assert.is(slug('Checking a kernel tree: `daxcheck kernel`'), 'checking-a-kernel-tree-daxcheck-kernel');
  assert.equal([...anchors('# A\n## A\n```\n# not a heading\n```\n### A')], ['a', 'a-1', 'a-2']);
});

test('a citation of a section the specification lacks is caught', () => {
  const sections = specSections('## 3. Devices\n### 3.6 resize\n## 5. Invariants\n1. **Tree shape.**\n');
  assert.equal([...sections].sort(), ['3', '3.6', '5', '5.1']);
  const found = badCitations([
    { path: 'model/devDaxResize.ts', text: '(docs/SPECIFICATION.md §3.6) (docs/SPECIFICATION.md §3.7)' },
    { path: 'ports/c/bus.c', text: '(docs/SPECIFICATION.md sections 5.1) (docs/SPECIFICATION.md section 5.2)' },
  ], sections);
  assert.equal(found, [
    'model/devDaxResize.ts:1: cites section 3.7, which docs/SPECIFICATION.md does not have',
    'ports/c/bus.c:1: cites section 5.2, which docs/SPECIFICATION.md does not have',
  ]);
});

test('no file of the repository points outside it or cites a retired document', () => {
  const found = outsideReferences(FILES);
  assert.equal(found, [], found.join('\n'));
});

test('every relative markdown link reaches an existing file and heading', () => {
  const found = brokenLinks(FILES, exists, PENDING);
  assert.equal(found, [], found.join('\n'));
});

test('every cited section of docs/SPECIFICATION.md exists, §0 to §11 with the invariants §5.1–§5.8', () => {
  const sections = specSections(SPEC);
  for (const n of ['0', '0.3', '1.7', '3.9', '3.11', '5.1', '5.8', '6.6', '11']) assert.ok(sections.has(n), `no §${n}`);
  const found = badCitations(FILES, sections);
  assert.equal(found, [], found.join('\n'));
  assert.ok(FILES.filter((f) => f.text.includes('SPECIFICATION.md §')).length > 40, 'the code cites the specification');
});

test.run();
