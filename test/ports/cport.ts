/**
 * What the port tests share: the repository root, building the C port once (make, whose
 * output is kept so that a test can show that the build is clean), and its command.
 */
import { resolve } from 'node:path';
import { buildCPort as build, C_PORT_BINARY } from '../../campaign/cPort.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const C_PORT = C_PORT_BINARY;
export const PYTHON_PORT = ['python3', resolve(ROOT, 'ports/python/tree_port.py')];
export const FAKE_PORT = (mode: string) => ['python3', resolve(ROOT, 'test/ports/fixtures/fake_port.py'), mode];
/** The Python tree port dying with a traceback (RuntimeError: boom) on adjustResource, after 25 lines of chatter on stderr. */
export const BOOM_PORT = ['python3', resolve(ROOT, 'test/ports/fixtures/boom_port.py')];
/** The Python tree port never answering adjustResource with size 1; with `wrap`, run by a `sh -c` wrapper as its child. */
export const HANG_ADJUST_PORT = (...args: string[]) => ['python3', resolve(ROOT, 'test/ports/fixtures/hang_adjust_port.py'), ...args];

/** Builds ports/c (make; once per test process) and returns make's output. Throws if the build fails. */
export function buildCPort(): string {
  const b = build();
  if (!b.ok) throw new Error(b.why);
  return b.log;
}
