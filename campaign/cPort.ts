/**
 * daxcheck's own C port (ports/c/: the kernel-style resource tree and DAX allocator under
 * AddressSanitizer and UBSan, speaking PROTOCOL.md), built with make on first use.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { SystemSpec } from '../properties/systemSpec.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** The port's binary, once built. */
export const C_PORT_BINARY = resolve(ROOT, 'ports/c/build/daxcheck-port');

let built: { ok: true; log: string } | { ok: false; why: string } | null = null;

/** Builds ports/c (make, once per process); make's output, or why it failed (its last lines). */
export function buildCPort(): { ok: true; log: string } | { ok: false; why: string } {
  if (built !== null) return built;
  try {
    built = { ok: true, log: execFileSync('make', ['-C', resolve(ROOT, 'ports/c')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (e) {
    const err = e as { stderr?: string; message?: string };
    const tail = (err.stderr ?? err.message ?? String(e)).trim().split('\n').slice(-3).join(' | ');
    built = { ok: false, why: `cannot build ports/c with make: ${tail}` };
  }
  return built;
}

/** The C port as a system under test (built first); throws an Error saying why it cannot be built. */
export function cPortSystem(): SystemSpec {
  const b = buildCPort();
  if (!b.ok) throw new Error(b.why);
  return { kind: 'exec', command: [C_PORT_BINARY] };
}
