/**
 * The port protocol's lines (PROTOCOL.md): tokens for u64 values, ids and strings, the
 * request lines of every operation, and answers back into Results.
 */
import type { Arg, Args, EnumArg } from '../sut/arguments.ts';
import {
  DAX_ARGS, ERRNOS, fail, ok, TREE_ARGS, type DaxSut, type Errno, type OpAllocations, type ResourceTreeSut, type Result,
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

/** The tokens of one argument's value (a record's: one per field). */
function argTokens(a: Arg, v: unknown): string[] {
  switch (a.kind) {
    case 'region': case 'device': case 'extent': case 'resource': return [idToken(v as number)];
    case 'size': case 'address': return [u64Token(v as bigint)];
    case 'string': return [stringToken(v as string)];
    case 'count': return [String(Number.isSafeInteger(v) ? v : 0)];
    case 'enum': return [enumToken(a, v)];
    case 'record': return a.fields.flatMap((f) => argTokens(f, (v as Record<string, unknown>)[f.name] ?? (f.kind === 'enum' ? f.absent : undefined)));
  }
}

function enumToken(a: EnumArg, v: unknown): string {
  if (typeof v === 'string' && a.values.includes(v)) return v;
  if (a.open === true) return /^[A-Za-z]+$/.test(String(v)) ? String(v) : 'unknown';
  return a.fallback ?? a.values[0]!;
}

/**
 * The request line of method called with values (in the interface's order), from its
 * declared arguments (sut/interface.ts TREE_ARGS, DAX_ARGS): `resize 0 1 0x100000000`.
 * ProtocolValueError for a value the protocol cannot carry (a u64 out of range).
 */
export function requestLine(method: string, args: Args, values: readonly unknown[]): string {
  return [method, ...args.flatMap((a, i) => argTokens(a, values[i]))].join(' ');
}

/** Every declared operation of both suites: method name and arguments. */
export const DECLARED: readonly (readonly [string, Args])[] = [...Object.entries(TREE_ARGS), ...Object.entries(DAX_ARGS)];

/**
 * A tree SUT and a DAX SUT that only write down the request line of every call (and
 * answer ok): a way to turn resolved calls (properties' callTree / callDax) into a batch.
 * Its methods are those declared in sut/interface.ts.
 */
export type RequestRecorder = ResourceTreeSut & DaxSut & { readonly lines: string[] };

export function requestRecorder(): RequestRecorder {
  const lines: string[] = [];
  const recorder: Record<string, unknown> = { lines };
  for (const [method, args] of DECLARED) recorder[method] = (...values: unknown[]) => { lines.push(requestLine(method, args, values)); return ok(); };
  recorder.observe = () => {
    lines.push('observe');
    return { roots: [], regions: [] };
  };
  return recorder as unknown as RequestRecorder;
}

/** The text of a Result as a port answers it (the inverse of parseAnswer). */
export function answerText(r: Result): string {
  if (r.ok) return r.id === undefined ? 'ok' : `ok ${r.id}`;
  return r.conflict === undefined ? `err ${r.errno}` : `err ${r.errno} ${r.conflict}`;
}
