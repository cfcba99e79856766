/**
 * Ports written where a user keeps them: a fresh folder under os.tmpdir(), outside the
 * repository, with no package.json. They wrap daxcheck's implementation (imported by
 * absolute file URL), optionally with a planted off-by-one and a delay per call.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const IMPL = pathToFileURL(resolve(import.meta.dirname, '../../impl/index.ts')).href;

export interface PortOptions {
  /** resize(dev, size) asks the implementation for size + 2 MiB: a planted off-by-one. */
  offByOne?: boolean;
  /** Milliseconds every DAX call waits before it runs. */
  delayMs?: number;
  /** The file name (its extension picks the form): port.ts by default. */
  name?: string;
}

/** Writes a port into a new folder under os.tmpdir(); its absolute path. */
export function outsidePort(o: PortOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'daxcheck-userport-'));
  const path = join(dir, o.name ?? 'port.ts');
  const delay = o.delayMs ?? 0;
  writeFileSync(path, `import { implFactory } from '${IMPL}';
const cell = new Int32Array(new SharedArrayBuffer(4));
const wait = () => { if (${delay} > 0) Atomics.wait(cell, 0, 0, ${delay}); };
function createDax() {
  const inner = implFactory.createDax();
  return new Proxy(inner, {
    get(target, key) {
      const v = target[key];
      if (typeof v !== 'function') return v;
      if (key === 'resize' && ${o.offByOne === true}) return (region, dev, size) => { wait(); return v.call(target, region, dev, size > 0n ? size + 0x200000n : size); };
      return (...args) => { wait(); return v.apply(target, args); };
    },
  });
}
export default { name: 'user-port', createTree: () => implFactory.createTree(), createDax };
`);
  return path;
}
