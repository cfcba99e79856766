/**
 * A port's exit after `quit` as part of the verdict (PROTOCOL.md "Leaks"): a port that
 * exits with status 0 and printed no sanitizer SUMMARY line passed; a LeakSanitizer
 * report (`SUMMARY: AddressSanitizer: 48 byte(s) leaked in 1 allocation(s).`) is a
 * `sut-leaked` failure; any other non-zero status, signal or SUMMARY line (UBSan
 * reports and continues: its SUMMARY alone counts) is `sut-crashed`.
 */
import type { PortChannel, ProcessExit } from './portChannel.ts';
import { ProcessSutError } from './portChannel.ts';

/** Whether a sanitizer's SUMMARY line reports leaked memory. */
export function isLeakSummary(summary: string | null): boolean {
  return summary !== null && /\bleaked\b|LeakSanitizer/.test(summary);
}

/** The failure an exit is, or null when it is clean. */
export function exitFailure(x: ProcessExit, command: string[]): ProcessSutError | null {
  if (x.code === 0 && x.signal === null && x.summary === null) return null;
  const how = x.signal !== null ? `signal ${x.signal}` : `exit code ${x.code}`;
  const kind = isLeakSummary(x.summary) ? 'sut-leaked' : 'sut-crashed';
  return new ProcessSutError(kind, `the port ${command.join(' ')} ended with ${how} after quit`, {
    command, exitCode: x.code, signal: x.signal, lastRequest: 'quit', stderrHead: x.stderrHead, stderrTail: x.stderrTail, summary: x.summary,
  });
}

/** Ends the process behind ch with `quit` and judges its exit: the failure, or null (a port that does not exit in time: a 'hang'). */
export function quitFailure(ch: PortChannel): ProcessSutError | null {
  try {
    return exitFailure(ch.quitAndWait(), ch.command);
  } catch (e) {
    if (e instanceof ProcessSutError) return e;
    throw e;
  }
}
