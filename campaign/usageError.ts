/**
 * A mistake in how daxcheck was called (a bad flag, a missing file, a module that does
 * not implement the interface): printed as one line, exit code 2, never a stack trace.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
/** A hunt that completed no run of some suite: it checked nothing, which is not a pass. */
export const EXIT_NO_RUNS = 3;
/** `daxcheck kernel`: the tree does not build against the shims (campaign/kernelBuildError.ts). */
export const EXIT_BUILD = 4;
/** Stopped by Ctrl-C (or SIGTERM) before the budget ended, with nothing failed (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;
