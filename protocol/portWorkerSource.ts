/**
 * The thread that owns a port process and its pipes (portChannel.ts), as plain
 * JavaScript source (eval'd, so it runs without the TypeScript loader), and the cells of
 * the SharedArrayBuffer it shares with the channel.
 *
 * The port is spawned in its own process group (detached), so that the channel can kill
 * it together with everything it started (a wrapper script's child), and so that a
 * Ctrl-C at the terminal reaches daxcheck, which ends its ports itself. When the port
 * exits, what is left in its group is killed (a child of its own would hold the pipes
 * open, and the exit would never be seen). Its environment
 * carries PORT_MARKER (portReaper.ts), which its children inherit: what finds them if
 * they outlive their group leader.
 */
import { PORT_MARKER } from './portReaper.ts';

/** 0 waiting, 1 answers posted, 2 exited (sticky). */
export const STATUS = 0;
/** Bumped on every event; the channel waits on it. */
export const SEQ = 1;
/** The port's process id, which is also its process group id. */
export const PID = 2;
/** Only waited on (a short sleep while a posted message arrives). */
export const NAP = 3;
/** Answers received for the batch in flight: where a hang happened. */
export const ANSWERED = 4;
/** Bytes of the shared buffer. */
export const CELL_BYTES = 32;

/** What the thread posts when the process has ended. */
export interface PortExit {
  code: number | null;
  signal: string | null;
  /** The spawn error (the process could not be started), else null. */
  spawnError: string | null;
  /** The first lines of stderr. */
  stderrHead: string[];
  /** The last lines of stderr (the last one is often the error: a traceback's, a panic's). */
  stderrTail: string[];
  /** Sanitizer `SUMMARY:` lines. */
  summaries: string[];
  /** A fail-nth port's last "daxcheck fail-nth: ..." stderr line, without that prefix (docs/fail-nth.md), else null. */
  injected: string | null;
  answered: number;
}

export const WORKER_SOURCE = `
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
let stderrTail = [];
const summaries = [];
let injected = null; // a fail-nth port's last "daxcheck fail-nth: ..." line (docs/fail-nth.md)
let stderrPending = '';
const env = { ...process.env, ${PORT_MARKER}: String(process.pid) };
const child = spawn(command[0], command.slice(1), { cwd, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
Atomics.store(cells, ${PID}, child.pid ?? -1);
function progress() {
  if (chunks.length > 0) pump();
  if (expect > 0 && answers.length >= expect) {
    const out = answers.length === expect ? answers : answers.slice(0, expect);
    answers = answers.length === expect ? [] : answers.slice(expect);
    expect = 0;
    Atomics.store(cells, ${ANSWERED}, answers.length);
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
  Atomics.store(cells, ${ANSWERED}, answers.length);
  progress();
});
function stderrLine(line) {
  if (stderrHead.length < stderrLines) stderrHead.push(line);
  if (line.trim() !== '') {
    stderrTail.push(line);
    if (stderrTail.length > 2 * stderrLines) stderrTail = stderrTail.slice(-stderrLines);
  }
  if (/^SUMMARY: /.test(line) && summaries.length < 4) summaries.push(line);
  if (/^daxcheck fail-nth: /.test(line)) injected = line.slice(19);
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
  const spawnError = error ? String(error.message || error) : null;
  if (spawnError !== null) stderrHead.unshift(spawnError);
  const exit = { code, signal, spawnError, stderrHead, stderrTail: stderrTail.slice(-stderrLines), summaries, injected, answered: answers.length };
  port.postMessage({ exit });
  Atomics.store(cells, ${STATUS}, 2);
  bump();
}
child.on('error', (e) => end(null, null, e));
child.on('close', (code, signal) => end(code, signal, null));
// The port is gone: what it left in its group (a child holding the pipes open) goes too.
child.on('exit', () => { try { process.kill(-child.pid, 'SIGKILL'); } catch {} });
// A delivery in several writes (protocol/delivery.ts): each chunk is written once
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
