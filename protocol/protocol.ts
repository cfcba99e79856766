/**
 * The port protocol's lines (PROTOCOL.md): tokens for u64 values, ids and strings, the
 * request lines of every operation, and answers back into Results.
 */
import {
  ERRNOS, fail, ok, type CreateRegionArgs, type DaxSnapshot, type DaxSut, type Errno, type FailPoint, type OpAllocations,
  type ResourceTreeSut, type Result, type TreeSnapshot,
} from '../sut/interface.ts';
import { U64_MAX } from '../sut/u64.ts';

export const PROTOCOL_VERSION = 1;
export const HANDSHAKE = `daxcheck ${PROTOCOL_VERSION}`;

/** The capability word of a port that answers `check` with its own invariants (`ok` or `bad TEXT`). */
export const CHECK_CAPABILITY = 'check';
/** The request of the self-check. */
export const CHECK_REQUEST = 'check';
/** The capability word of a port whose `check` right after `new` says whether the dropped instance left allocations behind (PROTOCOL.md "Leaks"). */
export const LEAKS_CAPABILITY = 'leaks';
/** The capability word of a port that takes `failNth N` and answers `allocations` (PROTOCOL.md "Fail-nth"). */
export const FAILNTH_CAPABILITY = 'failnth';

/** The answer to `allocations`: `allocs FAILED SITE...` (FAILED `-` when none failed). Throws AnswerError when malformed. */
export function parseAllocationsAnswer(text: string): OpAllocations {
  const words = text.split(' ');
  if (words[0] !== 'allocs' || words.length < 2 || words.some((w) => w === '')) throw new AnswerError(`expected "allocs FAILED SITE...", got ${JSON.stringify(text.slice(0, 120))}`);
  return { failed: words[1] === '-' ? null : words[1]!, sites: words.slice(2) };
}

/** A request that cannot be written in the protocol (a value outside u64). */
export class ProtocolValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolValueError';
  }
}

/** A u64 token: 0x + lowercase hex without leading zeros. */
export function u64Token(v: bigint): string {
  if (typeof v !== 'bigint' || v < 0n || v > U64_MAX) throw new ProtocolValueError(`not a u64: ${String(v)}`);
  return `0x${v.toString(16)}`;
}

/** An id token: decimal; a value that names nothing (not an integer) is sent as -1 (ENXIO). */
export function idToken(v: number): string {
  return Number.isSafeInteger(v) ? String(v) : '-1';
}

const PLAIN = /^[0-9A-Za-z._-]+$/;
const UTF8 = new TextEncoder();

/** A string token: UTF-8 bytes outside [0-9A-Za-z._-] as %XX; the empty string is ~. */
export function stringToken(s: string): string {
  if (s === '') return '~';
  if (PLAIN.test(s)) return s;
  let out = '';
  for (const b of UTF8.encode(s)) {
    const c = String.fromCharCode(b);
    out += (b < 0x80 && /[0-9A-Za-z._-]/.test(c)) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Decodes a string token (the inverse of stringToken). */
export function decodeStringToken(token: string): string {
  if (token === '~') return '';
  const bytes: number[] = [];
  for (let i = 0; i < token.length; i++) {
    if (token[i] === '%') {
      bytes.push(parseInt(token.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(token.charCodeAt(i));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** An answer line that is not a well-formed answer to its request. */
export class AnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnswerError';
  }
}

const ERRNO_SET = new Set<string>(ERRNOS);

/** Parses `ok`, `ok ID`, `err ERRNO`, `err EBUSY ID` into a Result; AnswerError otherwise. */
export function parseAnswer(line: string, request: string): Result {
  if (line === 'ok') return ok();
  const parts = line.split(' ');
  if (parts[0] === 'ok' && parts.length === 2 && /^\d+$/.test(parts[1]!)) return ok(Number(parts[1]));
  if (parts[0] === 'err' && (parts.length === 2 || parts.length === 3) && ERRNO_SET.has(parts[1]!)) {
    if (parts.length === 2) return fail(parts[1] as Errno);
    if (parts[1] === 'EBUSY' && /^\d+$/.test(parts[2]!) && request.startsWith('requestResource ')) return fail('EBUSY', Number(parts[2]));
  }
  if (parts[0] === 'error') throw new AnswerError(`the port could not handle "${request}": ${line}`);
  throw new AnswerError(`malformed answer to "${request}": ${JSON.stringify(line.slice(0, 200))}`);
}

/**
 * Parses the answer to `check`: [] for `ok`, [TEXT] for `bad TEXT` (the port's first
 * violated invariant, free text); AnswerError for anything else.
 */
export function parseCheckAnswer(line: string): string[] {
  if (line === 'ok') return [];
  if (line.startsWith('bad ') && line.length > 4) return [line.slice(4)];
  if (line.startsWith('error ')) throw new AnswerError(`the port could not handle "${CHECK_REQUEST}": ${line}`);
  throw new AnswerError(`expected "ok" or "bad TEXT" in answer to ${CHECK_REQUEST}, got ${JSON.stringify(line.slice(0, 120))}`);
}

/** The request line of each operation, by the interface's method names. */
export const requestLine = {
  addRoot: (start: bigint, end: bigint, name: string) => `addRoot ${u64Token(start)} ${u64Token(end)} ${stringToken(name)}`,
  requestResource: (parent: number, start: bigint, end: bigint, name: string) =>
    `requestResource ${idToken(parent)} ${u64Token(start)} ${u64Token(end)} ${stringToken(name)}`,
  requestRegion: (parent: number, start: bigint, n: bigint, name: string) =>
    `requestRegion ${idToken(parent)} ${u64Token(start)} ${u64Token(n)} ${stringToken(name)}`,
  releaseRegion: (parent: number, start: bigint, n: bigint) => `releaseRegion ${idToken(parent)} ${u64Token(start)} ${u64Token(n)}`,
  adjustResource: (res: number, start: bigint, size: bigint) => `adjustResource ${idToken(res)} ${u64Token(start)} ${u64Token(size)}`,
  releaseResource: (res: number) => `releaseResource ${idToken(res)}`,

  createRegion: (a: CreateRegionArgs) =>
    `createRegion ${a.kind === 'dynamic' ? 'dynamic' : 'contiguous'} ${u64Token(a.start)} ${u64Token(a.sizeBytes)} ${u64Token(a.align)} ${a.seed ?? 'default'}`,
  destroyRegion: (r: number) => `destroyRegion ${idToken(r)}`,
  addExtent: (r: number, offset: bigint, length: bigint, label: string) =>
    `addExtent ${idToken(r)} ${u64Token(offset)} ${u64Token(length)} ${stringToken(label)}`,
  removeExtent: (r: number, e: number) => `removeExtent ${idToken(r)} ${idToken(e)}`,
  createDevice: (r: number, size: bigint) => `createDevice ${idToken(r)} ${u64Token(size)}`,
  deleteDevice: (r: number, d: number) => `deleteDevice ${idToken(r)} ${idToken(d)}`,
  bind: (r: number, d: number) => `bind ${idToken(r)} ${idToken(d)}`,
  unbind: (r: number, d: number) => `unbind ${idToken(r)} ${idToken(d)}`,
  resize: (r: number, d: number, size: bigint) => `resize ${idToken(r)} ${idToken(d)} ${u64Token(size)}`,
  mapping: (r: number, d: number, start: bigint, end: bigint) => `mapping ${idToken(r)} ${idToken(d)} ${u64Token(start)} ${u64Token(end)}`,
  setAlign: (r: number, d: number, align: bigint) => `setAlign ${idToken(r)} ${idToken(d)} ${u64Token(align)}`,
  failAllocation: (point: FailPoint, nth: number) =>
    `failAllocation ${/^[A-Za-z]+$/.test(String(point)) ? point : 'unknown'} ${Number.isSafeInteger(nth) ? nth : 0}`,
};

/**
 * A tree SUT and a DAX SUT that only write down the request line of every call (and
 * answer ok): a way to turn resolved calls (properties' callTree / callDax) into a batch.
 */
export class RequestRecorder implements ResourceTreeSut, DaxSut {
  readonly lines: string[] = [];

  private put(line: string): Result {
    this.lines.push(line);
    return ok();
  }

  addRoot(start: bigint, end: bigint, name: string): Result { return this.put(requestLine.addRoot(start, end, name)); }
  requestResource(p: number, start: bigint, end: bigint, name: string): Result { return this.put(requestLine.requestResource(p, start, end, name)); }
  requestRegion(p: number, start: bigint, n: bigint, name: string): Result { return this.put(requestLine.requestRegion(p, start, n, name)); }
  releaseRegion(p: number, start: bigint, n: bigint): Result { return this.put(requestLine.releaseRegion(p, start, n)); }
  adjustResource(res: number, start: bigint, size: bigint): Result { return this.put(requestLine.adjustResource(res, start, size)); }
  releaseResource(res: number): Result { return this.put(requestLine.releaseResource(res)); }
  createRegion(args: CreateRegionArgs): Result { return this.put(requestLine.createRegion(args)); }
  destroyRegion(r: number): Result { return this.put(requestLine.destroyRegion(r)); }
  addExtent(r: number, offset: bigint, length: bigint, label: string): Result { return this.put(requestLine.addExtent(r, offset, length, label)); }
  removeExtent(r: number, e: number): Result { return this.put(requestLine.removeExtent(r, e)); }
  createDevice(r: number, size: bigint): Result { return this.put(requestLine.createDevice(r, size)); }
  deleteDevice(r: number, d: number): Result { return this.put(requestLine.deleteDevice(r, d)); }
  bind(r: number, d: number): Result { return this.put(requestLine.bind(r, d)); }
  unbind(r: number, d: number): Result { return this.put(requestLine.unbind(r, d)); }
  resize(r: number, d: number, size: bigint): Result { return this.put(requestLine.resize(r, d, size)); }
  mapping(r: number, d: number, start: bigint, end: bigint): Result { return this.put(requestLine.mapping(r, d, start, end)); }
  setAlign(r: number, d: number, align: bigint): Result { return this.put(requestLine.setAlign(r, d, align)); }
  failAllocation(point: FailPoint, nth: number): Result { return this.put(requestLine.failAllocation(point, nth)); }
  observe(): TreeSnapshot & DaxSnapshot {
    this.lines.push('observe');
    return { roots: [], regions: [] };
  }
}

/** The text of a Result as a port answers it (the inverse of parseAnswer). */
export function answerText(r: Result): string {
  if (r.ok) return r.id === undefined ? 'ok' : `ok ${r.id}`;
  return r.conflict === undefined ? `err ${r.errno}` : `err ${r.errno} ${r.conflict}`;
}
