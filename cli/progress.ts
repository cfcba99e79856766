/**
 * A hunt's progress on stderr: on a terminal one line rewritten in place; otherwise a
 * plain line every interval (10 s by default), so that CI logs stay short. Lines about
 * findings are printed between updates without garbling the live line.
 */

export interface ProgressFigures {
  elapsedMs: number;
  budgetMs: number;
  runs: number;
  commands: number;
  failures: number;
  workers: number;
}

/** The progress text: elapsed / budget, runs, commands per second, failures found. */
export function formatProgress(f: ProgressFigures): string {
  const secs = (ms: number) => `${Math.floor(ms / 1000)}s`;
  const cps = f.elapsedMs > 0 ? Math.round((f.commands / f.elapsedMs) * 1000) : 0;
  const failures = `${f.failures} failure${f.failures === 1 ? '' : 's'} found`;
  return `hunt ${secs(f.elapsedMs)}/${secs(f.budgetMs)}  ${f.workers} worker${f.workers === 1 ? '' : 's'}  ${f.runs} runs  ${f.commands} commands (${cps}/s)  ${failures}`;
}

/** The progress display of one hunt. */
export class Progress {
  private lastPrinted = -Infinity;
  private live = false;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly intervalMs = 10_000,
  ) {}

  private get tty(): boolean {
    return this.out.isTTY === true;
  }

  /** Shows the figures: always on a terminal, at most once per interval otherwise. */
  update(f: ProgressFigures): void {
    const text = formatProgress(f);
    if (this.tty) {
      this.out.write(`\r\x1b[2K${text}`);
      this.live = true;
    } else if (f.elapsedMs - this.lastPrinted >= this.intervalMs) {
      this.out.write(`${text}\n`);
      this.lastPrinted = f.elapsedMs;
    }
  }

  /** Prints a line of its own (a finding, a warning). */
  log(line: string): void {
    this.clear();
    this.out.write(`${line}\n`);
  }

  /** Ends the display with the final figures, always shown (on a terminal in place of the live line). */
  finish(final: ProgressFigures): void {
    this.clear();
    this.out.write(`${formatProgress(final)}\n`);
  }

  private clear(): void {
    if (this.live) this.out.write('\r\x1b[2K');
    this.live = false;
  }
}
