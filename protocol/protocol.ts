/**
 * The port protocol's lines (PROTOCOL.md): tokens for u64 values, ids and strings, the
 * request lines of every operation, and answers back into Results.
 */
import { ERRNOS, fail, ok, type Errno, type OpAllocations, type Result } from '../sut/interface.ts';
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

/** The text of a Result as a port answers it (the inverse of parseAnswer). */
export function answerText(r: Result): string {
  if (r.ok) return r.id === undefined ? 'ok' : `ok ${r.id}`;
  return r.conflict === undefined ? `err ${r.errno}` : `err ${r.errno} ${r.conflict}`;
}
