/**
 * A system under test as data: what a counterexample file records it was found on and
 * what crosses to worker threads. The campaign layer (campaign/systems.ts) turns it into
 * running systems.
 */
export type SystemSpec =
  /** daxcheck's own implementation (impl/), with the file's fault switched on. */
  | { kind: 'impl' }
  /** A user's JavaScript/TypeScript module exporting a SutFactory; the path as given (relative to the working directory). */
  | { kind: 'module'; path: string }
  /**
   * A process speaking PROTOCOL.md: its command line (program and arguments), relative
   * paths against cwd: the absolute folder it was started in (absent in files written
   * before it was recorded: the current one).
   */
  | { kind: 'exec'; command: string[]; cwd?: string };

/** Whether v is a SystemSpec (for validating files). */
export function isSystemSpec(v: unknown): v is SystemSpec {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as { kind?: unknown; path?: unknown; command?: unknown; cwd?: unknown };
  if (s.kind === 'exec') return Array.isArray(s.command) && s.command.length > 0 && s.command.every((w) => typeof w === 'string' && w !== '') && (s.cwd === undefined || (typeof s.cwd === 'string' && s.cwd !== ''));
  return s.kind === 'impl' || (s.kind === 'module' && typeof s.path === 'string' && s.path !== '');
}
