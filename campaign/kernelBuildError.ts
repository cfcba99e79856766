/**
 * A kernel tree that does not build against daxcheck's shims: not a usage mistake (the
 * tree exists and has every file), and not a finding (nothing was run), so it has its own
 * exit code, EXIT_BUILD (4). It carries the first compiler error and the full log's path.
 */
export class KernelBuildError extends Error {
  /** The compiler's first error line, as it printed it. */
  readonly firstError: string;
  /** The whole build output, kept beside the cache. */
  readonly logFile: string;

  constructor(treeDir: string, firstError: string, logFile: string) {
    super(`daxcheck kernel: cannot build ${treeDir} against the shims: ${firstError} (full log: ${logFile})`);
    this.name = 'KernelBuildError';
    this.firstError = firstError;
    this.logFile = logFile;
  }
}

/**
 * The line of a build log that says what went wrong first: the compiler's first
 * "FILE:LINE[:COL]: error:" (or "fatal error:"), else the linker's first undefined reference, else make's
 * first complaint, else the log's first line.
 */
export function firstBuildError(log: string): string {
  const lines = log.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const first = (re: RegExp) => lines.find((l) => re.test(l));
  return first(/:\d+(:\d+)?: (fatal )?error:/) ?? first(/undefined reference/) ?? first(/error|Error|No rule/) ?? lines[0] ?? '(empty build log)';
}
