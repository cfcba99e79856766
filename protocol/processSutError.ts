/**
 * How a port process failed, as the runner records it: sut-crashed (it could not be
 * started, or ended: exit code or signal, a sanitizer's SUMMARY line or else the last
 * lines of stderr), hang (no answer in time), sut-malformed (an answer that does not
 * parse), protocol (wrong handshake, a suite the port lacks, a value the protocol cannot
 * carry; recorded as sut-malformed), sut-leaked (a sanitizer's leak report at the exit
 * after `quit`: exitVerdict.ts).
 */
import { SutFailure } from '../sut/runCheck.ts';

export type ProcessFailureKind = 'sut-crashed' | 'sut-malformed' | 'hang' | 'protocol' | 'sut-leaked';

export interface ProcessFailureInfo {
  /** The port's command line. */
  command: string[];
  /** Exit code when the process ended by itself, else null. */
  exitCode?: number | null;
  /** The signal that ended it (SIGKILL after a hang), else null. */
  signal?: string | null;
  /** The last request written before the failure. */
  lastRequest?: string | null;
  /** The first lines of stderr. */
  stderrHead?: string[];
  /** The last non-blank lines of stderr (a traceback's last line names the error). */
  stderrTail?: string[];
  /** A sanitizer's `SUMMARY:` line, with the working directory stripped from paths. */
  summary?: string | null;
  /** Answers received for the batch in flight before the failure. */
  answered?: number;
}

/** Every failure of a process SUT: a SutFailure whose kind the runner records ('protocol' is recorded as sut-malformed). */
export class ProcessSutError extends SutFailure {
  readonly command: string[];
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly lastRequest: string | null;
  readonly stderrHead: string[];
  readonly stderrTail: string[];
  readonly summary: string | null;
  readonly answered: number;

  /**
   * The message is what happened, without the kind (the runner prints the kind before it;
   * only 'protocol', recorded as sut-malformed, says "protocol error"): the request, and
   * for a crash a sanitizer's SUMMARY line, else the last lines of stderr.
   */
  constructor(readonly reason: ProcessFailureKind, what: string, info: ProcessFailureInfo) {
    const summary = info.summary ?? null;
    const last = info.lastRequest ?? null;
    const stderr = info.stderrHead ?? [];
    const tail = info.stderrTail ?? [];
    const detail = summary ?? (reason === 'sut-crashed' && tail.length > 0 ? `stderr ends: ${tail.slice(-3).join(' | ')}` : null);
    const head = reason === 'protocol' ? 'protocol error: ' : '';
    super(reason === 'protocol' ? 'sut-malformed' : reason, `${head}${what}${last === null ? '' : ` (last request: ${last})`}${detail === null ? '' : `: ${detail}`}`);
    this.name = 'ProcessSutError';
    this.command = info.command;
    this.exitCode = info.exitCode ?? null;
    this.signal = info.signal ?? null;
    this.lastRequest = last;
    this.stderrHead = stderr;
    this.stderrTail = tail;
    this.summary = summary;
    this.answered = info.answered ?? 0;
  }
}
