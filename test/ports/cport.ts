/**
 * What the port tests share: the repository root, building the C port once (make, whose
 * output is kept so that a test can show that the build is clean), and its command.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const C_PORT = resolve(ROOT, 'ports/c/build/daxcheck-port');
export const PYTHON_PORT = ['python3', resolve(ROOT, 'ports/python/tree_port.py')];
export const FAKE_PORT = (mode: string) => ['python3', resolve(ROOT, 'test/ports/fixtures/fake_port.py'), mode];

let built: string | null = null;

/** Builds ports/c (make; once per test process) and returns make's output. Throws if the build fails. */
export function buildCPort(): string {
  built ??= execFileSync('make', ['-C', resolve(ROOT, 'ports/c')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return built;
}
