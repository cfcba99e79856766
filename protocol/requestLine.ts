/**
 * The request line of every operation (PROTOCOL.md "Requests and answers"), written from
 * its declared arguments (sut/interface.ts TREE_ARGS, DAX_ARGS): the method name, then one
 * token per argument. The request recorder of batch runs writes them for whole runs.
 */
import type { Arg, Args, EnumArg } from '../sut/arguments.ts';
import { DAX_ARGS, ok, TREE_ARGS, type DaxSut, type ResourceTreeSut } from '../sut/interface.ts';
import { idToken, stringToken, u64Token } from './protocol.ts';

/** The tokens of one argument's value (a record's: one per field). */
function argTokens(a: Arg, v: unknown): string[] {
  switch (a.kind) {
    case 'region': case 'device': case 'extent': case 'resource': return [idToken(v as number)];
    case 'size': case 'address': return [u64Token(v as bigint)];
    case 'string': return [stringToken(v as string)];
    case 'count': return [String(Number.isSafeInteger(v) ? v : 0)];
    case 'enum': return [enumToken(a, v)];
    case 'flag': return [v === true ? '1' : '0'];
    case 'record': return a.fields.flatMap((f) => argTokens(f, (v as Record<string, unknown>)[f.name] ?? (f.kind === 'enum' ? f.absent : undefined)));
    case 'list': {
      const items = (v as readonly Record<string, unknown>[]).map((item) => a.fields.flatMap((f) => argTokens(f, item[f.name])).join(':'));
      return [items.length === 0 ? '~' : items.join(',')];
    }
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


/** Each suite's declared operations (a suite's methods may share names with another's). */
export const SUITE_ARGS = { tree: TREE_ARGS, dax: DAX_ARGS } as const satisfies Record<string, Readonly<Record<string, Args>>>;

/**
 * A SUT of the suite that only writes down the request line of every call (and answers
 * ok): a way to turn resolved calls into a batch. Its methods are those the suite's table
 * declares (sut/interface.ts).
 */
export type RequestRecorder = ResourceTreeSut & DaxSut & { readonly lines: string[] };

export function requestRecorder(suite: keyof typeof SUITE_ARGS): RequestRecorder {
  const lines: string[] = [];
  const recorder: Record<string, unknown> = { lines };
  for (const [method, args] of Object.entries(SUITE_ARGS[suite] as Readonly<Record<string, Args>>)) {
    recorder[method] = (...values: unknown[]) => {
      lines.push(requestLine(method, args, values));
      return ok();
    };
  }
  recorder.observe = () => {
    lines.push('observe');
    return { roots: [], regions: [] };
  };
  return recorder as unknown as RequestRecorder;
}
