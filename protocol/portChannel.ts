/**
 * A synchronous line channel to a port process. The runner is synchronous, pipes are
 * not: a worker thread owns the child process and its pipes, and the caller blocks on
 * Atomics.wait over a SharedArrayBuffer until the worker has every answer, the child
 * exited, or no answer came for `commandTimeoutMs` (then the child is killed). Answers
 * travel back over a MessagePort read with receiveMessageOnPort, so no size limit.
 *
 * Every failure is a ProcessSutError: sut-crashed (the process could not be started, or
 * ended: exit code or signal, a sanitizer's SUMMARY line or else the last lines of
 * stderr), hang (no answer in
 * time), sut-malformed (an answer that does not parse), protocol (wrong handshake, a
 * suite the port lacks, a value the protocol cannot carry). The handshake answer's
 * capability words (`daxcheck 1 NAME check`) are kept for the callers. A port runs in
 * its own process group, killed whole (its children too) when the channel is done with
 * it; a process 'exit' handler kills every group still known (portReaper.ts finds the
 * rest).
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { signalGroup } from './portReaper.ts';
import { ANSWERED, CELL_BYTES, NAP, PID, SEQ, STATUS, WORKER_SOURCE, type PortExit } from './portWorkerSource.ts';
import { ProcessSutError } from './processSutError.ts';
import type { Chunk } from './delivery.ts';
import { HANDSHAKE } from './protocol.ts';

export { ProcessSutError, type ProcessFailureInfo, type ProcessFailureKind } from './processSutError.ts';

/** How a process ended (PortChannel.quitAndWait). */
export interface ProcessExit {
  code: number | null;
  signal: string | null;
  stderrHead: string[];
  /** The last non-blank lines of stderr. */
  stderrTail: string[];
  /** A sanitizer's first `SUMMARY:` line, with the working directory stripped from paths, or null. */
  summary: string | null;
}

/** How long a released port (sent `quit`, or already failed) has to exit before its group is killed. */
const RELEASE_GRACE_MS = 1000;

/** Live channels, and the process groups of released ones: killed when this thread or the node process exits. */
const live = new Set<PortChannel>();
const released = new Set<number>();
let exitHandler = false;

function killAllOnExit(): void {
  if (exitHandler) return;
  exitHandler = true;
  process.on('exit', () => {
    for (const ch of live) ch.kill();
    for (const pid of released) signalGroup(pid, 'SIGKILL');
  });
}

export interface ChannelOptions {
  /** No answer for this long: the process is killed, 'hang'. */
  commandTimeoutMs: number;
  /** The same for the handshake, which includes the process's start (default: max(commandTimeoutMs, 10 s)). */
  startupTimeoutMs?: number;
  /** Working directory (default: the current one). */
  cwd?: string;
  /** Lines of stderr kept for the error (default 20). */
  stderrLines?: number;
}

/** One running port process. */
export class PortChannel {
  private readonly cells: Int32Array;
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private dead: ProcessSutError | null = null;
  private lastRequest: string | null = null;
  /** The NAME token of the handshake answer. */
  readonly name: string;
  /** The capability words after NAME in the handshake answer (PROTOCOL.md "Handshake"), unknown ones included. */
  readonly capabilities: ReadonlySet<string>;

  constructor(readonly command: string[], private readonly opts: ChannelOptions) {
    if (command.length === 0) throw new ProcessSutError('protocol', 'empty port command', { command });
    const sab = new SharedArrayBuffer(CELL_BYTES);
    this.cells = new Int32Array(sab);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { command, cwd: opts.cwd ?? process.cwd(), sab, port: port2, stderrLines: opts.stderrLines ?? 20 },
      transferList: [port2],
      stdout: false,
      stderr: false,
    });
    this.worker.unref();
    this.port.unref();
    live.add(this);
    killAllOnExit();
    const [hello] = this.exchange([HANDSHAKE], opts.startupTimeoutMs ?? Math.max(opts.commandTimeoutMs, 10_000));
    const m = /^daxcheck 1 (\S+)((?: \S+)*)$/.exec(hello!);
    if (m === null) {
      this.close();
      throw new ProcessSutError('protocol', `the port at ${command.join(' ')} does not speak protocol version 1: expected "daxcheck 1 NAME" in answer to "${HANDSHAKE}", got ${JSON.stringify(hello!.slice(0, 120))}`, { command, lastRequest: HANDSHAKE });
    }
    this.name = m[1]!;
    this.capabilities = new Set(m[2]!.split(' ').filter((w) => w !== ''));
  }

  /** The process id (0 before it started). */
  get pid(): number {
    return Atomics.load(this.cells, PID);
  }

  /** The process still runs and answered everything so far. */
  get alive(): boolean {
    return this.dead === null;
  }

  /** The failure that ended this channel, if any. */
  get failure(): ProcessSutError | null {
    return this.dead;
  }

  /**
   * Writes the lines (one request each) and returns one answer per request (none for
   * `quit`). Throws ProcessSutError when the process ends or stops answering.
   */
  exchange(lines: readonly string[], timeoutMs = this.opts.commandTimeoutMs): string[] {
    return this.send(lines, timeoutMs)();
  }

  /**
   * Writes the lines now and returns what waits for their answers (as exchange does), so
   * the caller can work while the port answers. Send nothing else before waiting. With
   * chunks (delivery.ts chunksOf of the same lines), the text goes in those writes.
   */
  send(lines: readonly string[], timeoutMs = this.opts.commandTimeoutMs, chunks?: readonly Chunk[]): () => string[] {
    if (this.dead !== null) throw this.dead;
    const expect = lines.reduce((n, l) => (l === 'quit' ? n : n + 1), 0);
    const close = lines.includes('quit');
    const text = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
    this.lastRequest = lines.length === 0 ? this.lastRequest : lines[lines.length - 1]!;
    Atomics.compareExchange(this.cells, STATUS, 1, 0);
    const seq = Atomics.load(this.cells, SEQ);
    this.port.postMessage(chunks === undefined || chunks.length < 2 ? { text, expect, close } : { chunks, expect, close });
    return () => (expect === 0 ? [] : this.answers(lines, seq, timeoutMs));
  }

  /** Waits for the answers of lines, sent when the event counter was seq. */
  private answers(lines: readonly string[], seq: number, timeoutMs: number): string[] {
    if (this.dead !== null) throw this.dead;
    for (;;) {
      const status = Atomics.load(this.cells, STATUS);
      if (status === 1) return this.take<{ answers: string[] }>().answers;
      if (status === 2) {
        // The port may answer and exit at once (e.g. a refused handshake): its answers came first.
        const first = receiveMessageOnPort(this.port)?.message as { answers?: string[] } | undefined;
        if (first?.answers !== undefined && first.answers.length === lines.filter((l) => l !== 'quit').length) return first.answers;
        throw this.exited(lines, first);
      }
      const waited = Atomics.wait(this.cells, SEQ, seq, timeoutMs);
      const now = Atomics.load(this.cells, SEQ);
      if (waited === 'timed-out' && now === seq && Atomics.load(this.cells, STATUS) === 0) throw this.hang(lines, timeoutMs);
      seq = now;
    }
  }

  /** The next message from the worker (posted just before its status was set). */
  private take<T>(): T {
    for (let spins = 0; spins < 2000; spins++) {
      const m = receiveMessageOnPort(this.port);
      if (m !== undefined) return m.message as T;
      Atomics.wait(this.cells, NAP, 0, 1);
    }
    throw new Error('port channel: the worker set its status but posted nothing');
  }

  private exited(lines: readonly string[], taken?: object): ProcessSutError {
    let m = (taken ?? this.take()) as { answers?: string[]; exit?: PortExit };
    while (m.exit === undefined) m = this.take(); // answers of an earlier batch never taken
    const x = m.exit;
    const cwd = this.opts.cwd ?? process.cwd();
    const summary = x.summaries.length === 0 ? null : x.summaries[0]!.split(`${cwd}/`).join('') + (x.injected !== null ? ` (after fail-nth: ${x.injected})` : '');
    const info = { command: this.command, exitCode: x.code, signal: x.signal, stderrHead: x.stderrHead, stderrTail: x.stderrTail, summary, answered: x.answered };
    const port = `the port ${this.command.join(' ')}`;
    const how = x.signal !== null ? `signal ${x.signal}` : `exit code ${x.code}`;
    if (x.spawnError !== null) {
      const why = /ENOENT/.test(x.spawnError) ? ` (no such program, or no such working directory: relative paths are looked up from ${cwd})` : /EACCES/.test(x.spawnError) ? ' (not executable: chmod +x, or name its interpreter first)' : '';
      this.dead = new ProcessSutError('sut-crashed', `${port} could not be started: ${x.spawnError}${why}`, { ...info, stderrTail: [] });
    } else if (lines.length === 1 && lines[0] === HANDSHAKE) {
      this.dead = new ProcessSutError('sut-crashed', `${port} ended (${how}) before answering the handshake "${HANDSHAKE}"`, info);
    } else {
      const failing = lines.length > 1 && x.answered < lines.length ? lines[x.answered] ?? this.lastRequest : this.lastRequest;
      this.dead = new ProcessSutError('sut-crashed', `${port} ended (${how})`, { ...info, lastRequest: failing });
    }
    this.release();
    return this.dead;
  }

  /**
   * Ends the process with `quit` (end of input) and waits until it exited: its exit
   * status, stderr's first and last lines and a sanitizer's SUMMARY line (PROTOCOL.md
   * "Leaks"). A process that does not exit within timeoutMs is killed: a 'hang'
   * ProcessSutError.
   */
  quitAndWait(timeoutMs = this.opts.commandTimeoutMs): ProcessExit {
    if (this.dead !== null) throw this.dead;
    this.lastRequest = 'quit';
    let seq = Atomics.load(this.cells, SEQ);
    this.port.postMessage({ text: 'quit\n', expect: 0, close: true });
    const until = performance.now() + timeoutMs;
    while (Atomics.load(this.cells, STATUS) !== 2) {
      const left = until - performance.now();
      if (left <= 0) throw this.hang(['quit'], timeoutMs);
      Atomics.wait(this.cells, SEQ, seq, left);
      seq = Atomics.load(this.cells, SEQ);
    }
    let m = this.take<{ exit?: PortExit }>();
    while (m.exit === undefined) m = this.take();
    const x = m.exit;
    const cwd = `${this.opts.cwd ?? process.cwd()}/`;
    this.dead = new ProcessSutError('protocol', 'the port was closed', { command: this.command });
    this.release();
    return { code: x.code, signal: x.signal, stderrHead: x.stderrHead, stderrTail: x.stderrTail, summary: x.summaries.length === 0 ? null : x.summaries[0]!.split(cwd).join('') };
  }

  /** The port stopped answering: killed; the failure names the request it got no answer to (answered: the answers before it). */
  private hang(lines: readonly string[], timeoutMs: number): ProcessSutError {
    const answered = Math.min(Atomics.load(this.cells, ANSWERED), lines.length);
    this.kill();
    this.dead = new ProcessSutError('hang', `the port ${this.command.join(' ')} gave no answer within ${timeoutMs} ms (killed)`, {
      command: this.command, signal: 'SIGKILL', lastRequest: lines[answered] ?? this.lastRequest, answered,
    });
    this.release();
    return this.dead;
  }

  /** Marks the channel failed with err (e.g. a malformed answer) and kills the process. */
  fail(err: ProcessSutError): ProcessSutError {
    this.kill();
    this.dead = err;
    this.release();
    return err;
  }

  /** Kills the process and its process group at once (SIGKILL). */
  kill(): void {
    const pid = Atomics.load(this.cells, PID);
    if (pid > 0) signalGroup(pid, 'SIGKILL');
  }

  /** Ends the process politely (`quit`), then stops the worker. */
  close(): void {
    if (this.dead === null) {
      try {
        this.exchange(['quit']);
      } catch {
        // it is going away anyway
      }
      this.dead = new ProcessSutError('protocol', 'the port was closed', { command: this.command });
    }
    this.release();
  }

  /**
   * Forgets the channel: the worker stops, and the process group is killed after a grace
   * (a closed port exits on end of input; a child it left behind, or a port that does
   * not exit, does not outlive it).
   */
  private release(): void {
    live.delete(this);
    const pid = Atomics.load(this.cells, PID);
    const timer = setTimeout(() => {
      if (pid > 0) signalGroup(pid, 'SIGKILL');
      released.delete(pid);
      void this.worker.terminate();
    }, RELEASE_GRACE_MS);
    timer.unref();
    if (pid > 0) released.add(pid);
  }
}
