/**
 * A synchronous line channel to a port process. The runner is synchronous, pipes are
 * not: a worker thread owns the child process and its pipes, and the caller blocks on
 * Atomics.wait over a SharedArrayBuffer until the worker has every answer, the child
 * exited, or no answer came for `commandTimeoutMs` (then the child is killed). Answers
 * travel back over a MessagePort read with receiveMessageOnPort, so no size limit.
 *
 * Every failure is a ProcessSutError: sut-crashed (the process ended: exit code or
 * signal, the first lines of stderr and a sanitizer's SUMMARY line), hang (no answer in
 * time), sut-malformed (an answer that does not parse), protocol (wrong handshake, a
 * suite the port lacks, a value the protocol cannot carry). The handshake answer's
 * capability words (`daxcheck 1 NAME check`) are kept for the callers. Children never outlive
 * the node process: a process 'exit' handler kills every live one.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { SutFailure } from '../../sut/runCheck.ts';
import type { Chunk } from './delivery.ts';
import { HANDSHAKE } from './protocol.ts';

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
  readonly summary: string | null;
  readonly answered: number;

  constructor(readonly reason: ProcessFailureKind, what: string, info: ProcessFailureInfo) {
    const summary = info.summary ?? null;
    const last = info.lastRequest ?? null;
    const stderr = info.stderrHead ?? [];
    const detail = summary ?? (reason === 'sut-crashed' && stderr.length > 0 ? `stderr: ${stderr.slice(0, 3).join(' | ')}` : null);
    super(reason === 'protocol' ? 'sut-malformed' : reason, `${reason}: ${what}${last === null ? '' : ` (last request: ${last})`}${detail === null ? '' : `: ${detail}`}`);
    this.name = 'ProcessSutError';
    this.command = info.command;
    this.exitCode = info.exitCode ?? null;
    this.signal = info.signal ?? null;
    this.lastRequest = last;
    this.stderrHead = stderr;
    this.summary = summary;
    this.answered = info.answered ?? 0;
  }
}

/** How a process ended (PortChannel.quitAndWait). */
export interface ProcessExit {
  code: number | null;
  signal: string | null;
  stderrHead: string[];
  /** A sanitizer's first `SUMMARY:` line, with the working directory stripped from paths, or null. */
  summary: string | null;
}

interface ExitMessage { code: number | null; signal: string | null; stderrHead: string[]; summaries: string[]; answered: number }

// Cells of the shared Int32Array.
const STATUS = 0; // 0 waiting, 1 answers posted, 2 exited (sticky)
const SEQ = 1; // bumped on every event, the main thread waits on it
const PID = 2;

/** The worker: plain JavaScript (eval'd), so it runs without the TypeScript loader. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { spawn } = require('node:child_process');
const { command, cwd, sab, port, stderrLines } = workerData;
const cells = new Int32Array(sab);
const bump = () => { Atomics.add(cells, ${SEQ}, 1); Atomics.notify(cells, ${SEQ}); };
let expect = 0;
let answers = [];
let pending = '';
let ended = false;
const stderrHead = [];
const summaries = [];
let injected = null; // a fail-nth port's last "daxcheck fail-nth: ..." line (docs/fail-nth.md)
let stderrPending = '';
const child = spawn(command[0], command.slice(1), { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
Atomics.store(cells, ${PID}, child.pid ?? -1);
function progress() {
  if (chunks.length > 0) pump();
  if (expect > 0 && answers.length >= expect) {
    const out = answers.length === expect ? answers : answers.slice(0, expect);
    answers = answers.length === expect ? [] : answers.slice(expect);
    expect = 0;
    port.postMessage({ answers: out });
    Atomics.store(cells, ${STATUS}, 1);
  }
  bump();
}
child.stdout.setEncoding('utf8');
child.stdout.on('data', (chunk) => {
  const parts = (pending + chunk).split('\\n');
  pending = parts.pop();
  for (const p of parts) answers.push(p);
  progress();
});
function stderrLine(line) {
  if (stderrHead.length < stderrLines) stderrHead.push(line);
  if (/^SUMMARY: /.test(line) && summaries.length < 4) summaries.push(line);
  if (/^daxcheck fail-nth: /.test(line)) injected = line.slice(18);
}
child.stderr.setEncoding('utf8');
child.stderr.on('data', (chunk) => {
  const parts = (stderrPending + chunk).split('\\n');
  stderrPending = parts.pop();
  if (stderrPending.length > 4096) stderrPending = stderrPending.slice(0, 4096);
  for (const p of parts) stderrLine(p);
});
child.stdin.on('error', () => {});
function end(code, signal, error) {
  if (ended) return;
  ended = true;
  if (stderrPending) stderrLine(stderrPending);
  if (error) stderrHead.unshift(String(error.message || error));
  port.postMessage({ exit: { code, signal, stderrHead, summaries, injected, answered: answers.length } });
  Atomics.store(cells, ${STATUS}, 2);
  bump();
}
child.on('error', (e) => end(null, null, e));
child.on('close', (code, signal) => end(code, signal, null));
// A delivery in several writes (campaign/process/delivery.ts): each chunk is written once
// the answers it waits for came back (the port has then read everything before it).
let chunks = [];
let closeAfter = false;
function pump() {
  while (chunks.length > 0 && !ended) {
    if (answers.length < chunks[0].wait) return;
    child.stdin.write(chunks.shift().text);
  }
  if (closeAfter && !ended) child.stdin.end();
}
port.on('message', (m) => {
  if (ended) return;
  expect = m.expect;
  if (m.chunks) {
    chunks = m.chunks;
    closeAfter = m.close;
    pump();
    return;
  }
  child.stdin.write(m.text);
  if (m.close) child.stdin.end();
  if (expect > 0) progress();
});
`;

/** Live channels, killed when the node process exits. */
const live = new Set<PortChannel>();
let exitHandler = false;

function killAllOnExit(): void {
  if (exitHandler) return;
  exitHandler = true;
  process.on('exit', () => {
    for (const ch of live) ch.kill();
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
    const sab = new SharedArrayBuffer(16);
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
      Atomics.wait(this.cells, 3, 0, 1);
    }
    throw new Error('port channel: the worker set its status but posted nothing');
  }

  private exited(lines: readonly string[], taken?: object): ProcessSutError {
    let m = (taken ?? this.take()) as { answers?: string[]; exit?: { code: number | null; signal: string | null; stderrHead: string[]; summaries: string[]; injected?: string | null; answered: number } };
    while (m.exit === undefined) m = this.take(); // answers of an earlier batch never taken
    const x = m.exit;
    const cwd = `${this.opts.cwd ?? process.cwd()}/`;
    const summary = x.summaries.length === 0 ? null : x.summaries[0]!.split(cwd).join('') + (x.injected ? ` (after fail-nth: ${x.injected})` : '');
    const how = x.signal !== null ? `signal ${x.signal}` : `exit code ${x.code}`;
    const failing = lines.length > 1 && x.answered < lines.length ? lines[x.answered] ?? this.lastRequest : this.lastRequest;
    this.dead = new ProcessSutError('sut-crashed', x.code === null && x.signal === null ? `the port ${this.command.join(' ')} could not be started` : `the port ${this.command.join(' ')} ended (${how})`, {
      command: this.command, exitCode: x.code, signal: x.signal, lastRequest: failing, stderrHead: x.stderrHead, summary, answered: x.answered,
    });
    this.release();
    return this.dead;
  }

  /**
   * Ends the process with `quit` (end of input) and waits until it exited: its exit
   * status, stderr's first lines and a sanitizer's SUMMARY line (PROTOCOL.md "Leaks").
   * A process that does not exit within timeoutMs is killed: a 'hang' ProcessSutError.
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
    let m = this.take<{ exit?: ExitMessage }>();
    while (m.exit === undefined) m = this.take();
    const x = m.exit;
    const cwd = `${this.opts.cwd ?? process.cwd()}/`;
    this.dead = new ProcessSutError('protocol', 'the port was closed', { command: this.command });
    this.release();
    return { code: x.code, signal: x.signal, stderrHead: x.stderrHead, summary: x.summaries.length === 0 ? null : x.summaries[0]!.split(cwd).join('') };
  }

  private hang(lines: readonly string[], timeoutMs: number): ProcessSutError {
    this.kill();
    this.dead = new ProcessSutError('hang', `the port ${this.command.join(' ')} gave no answer within ${timeoutMs} ms (killed)`, {
      command: this.command, signal: 'SIGKILL', lastRequest: lines.length > 1 ? null : this.lastRequest,
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

  /** Kills the process at once (SIGKILL). */
  kill(): void {
    const pid = Atomics.load(this.cells, PID);
    if (pid > 0) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
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

  private release(): void {
    live.delete(this);
    // A closed port exits on end of input; one that does not is killed shortly after.
    const pid = Atomics.load(this.cells, PID);
    const timer = setTimeout(() => {
      if (pid > 0 && Atomics.load(this.cells, STATUS) !== 2) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
      void this.worker.terminate();
    }, 2000);
    timer.unref();
  }
}
