/**
 * `--sut MODULE` from anywhere on disk: ports written to a fresh folder outside the
 * repository (no package.json beside them) in every form a user may write, and port
 * modules that cannot be loaded, each named with where and why.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadPort } from '../../campaign/loadPort.ts';
import { UsageError } from '../../campaign/usageError.ts';

const IMPL_URL = pathToFileURL(resolve(import.meta.dirname, '../../impl/index.ts')).href;

/** Writes file name with text into its own new folder under os.tmpdir(); its path. */
function portFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'daxcheck-port-'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const ESM_TS = `import { implFactory } from '${IMPL_URL}';
import type { SutFactory } from '${IMPL_URL.replace('impl/index.ts', 'sut/interface.ts')}';
const port: SutFactory = { name: 'outside-ts', createTree: () => implFactory.createTree(), createDax: () => implFactory.createDax() };
export default port;
`;
const ESM_JS = `import { implFactory } from '${IMPL_URL}';
export default { name: 'outside-js', createTree: () => implFactory.createTree(), createDax: () => implFactory.createDax() };
`;
const CJS = `module.exports = { name: 'outside-cjs', createTree: () => ({}), createDax: () => ({}) };\n`;

/** The message of the UsageError loadPort throws for path. */
async function loadError(path: string): Promise<string> {
  try {
    await loadPort(path, `daxcheck hunt: --sut ${path}`);
  } catch (e) {
    assert.instance(e, UsageError);
    return (e as Error).message;
  }
  throw new Error(`${path} loaded`);
}

for (const [name, text, expected] of [
  ['port.ts', ESM_TS, 'outside-ts'],
  ['port.mts', ESM_TS, 'outside-ts'],
  ['port.js', ESM_JS, 'outside-js'],
  ['port.mjs', ESM_JS, 'outside-js'],
  ['port.cjs', CJS, 'outside-cjs'],
  ['commonjs.js', CJS, 'outside-cjs'],
] as const) {
  test(`a port ${name} in a folder outside the repository with no package.json loads and gives its factory`, async () => {
    const port = await loadPort(portFile(name, text), 'daxcheck hunt: --sut');
    assert.is(port.name, expected);
    assert.type(port.createDax, 'function');
  });
}

test('an ES module port that really runs: createDax() of a .ts port outside the repository returns a working DAX system', async () => {
  const port = await loadPort(portFile('port.ts', ESM_TS), 'daxcheck hunt: --sut');
  const dax = port.createDax();
  assert.equal(dax.observe(), { regions: [] });
});

test('a TypeScript syntax error names the file, line and column', async () => {
  const path = portFile('broken.ts', 'export default {\n  name: "x",\n  createTree: () => ({ a: }),\n};\n');
  const message = await loadError(path);
  assert.ok(message.includes(`${path}:3:`), message);
  assert.ok(!message.includes('\n'), 'one line');
});

test('a JavaScript syntax error in an ES module names the file and line', async () => {
  const path = portFile('broken.js', 'export default {\n  name: "x",\n  createTree: () => ({ a: }),\n};\n');
  const message = await loadError(path);
  assert.ok(message.includes(`${path}:3`), message);
});

test('an error thrown at import time names where it was thrown', async () => {
  const path = portFile('throws.mjs', 'const x = 1;\nthrow new TypeError("no hardware");\nexport default {};\n');
  const message = await loadError(path);
  assert.ok(message.includes('TypeError: no hardware'), message);
  assert.ok(message.includes(`${path}:2`), message);
});

test('a port that loops at import time is stopped after the import time limit with a message, not waited for', async () => {
  const path = portFile('loops.js', 'while (true) {}\nexport default {};\n');
  process.env.DAXCHECK_IMPORT_TIMEOUT_MS = '3000';
  try {
    const message = await loadError(path);
    assert.ok(message.includes('did not finish within 3 s'), message);
  } finally {
    delete process.env.DAXCHECK_IMPORT_TIMEOUT_MS;
  }
});

test('a folder given as the module is named as a folder', async () => {
  const path = mkdtempSync(join(tmpdir(), 'daxcheck-port-'));
  assert.ok((await loadError(path)).includes('is a directory'));
});

test.run();
