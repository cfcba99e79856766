/**
 * A suite's call derived from its method's declared arguments (sut/arguments.ts, the
 * suite's table in sut/interface.ts): how it runs on a system under test and how it reads.
 */
import { argValues, type Args } from '../sut/arguments.ts';
import { ok, type Result } from '../sut/interface.ts';
import { hex, sizeText } from '../sut/u64.ts';

/** How a call runs on a system under test. */
export type Caller = (sut: unknown, call: Readonly<Record<string, unknown>>) => Result;

/**
 * How the operation's call runs: the method with the call's fields in the declared order
 * (a record argument as its object). A method that returns nothing (failNth) or that an
 * optional capability leaves out gives ok.
 */
export function callerOf(method: string, args: Args): Caller {
  let caller: Caller;
  const names = args.map((a) => a.name);
  type Method = ((...v: unknown[]) => Result | undefined) | undefined;
  const at = (sut: unknown): Method => (sut as Record<string, Method>)[method];
  if (args.some((a) => a.kind === 'record' && a.flat === true)) caller = (sut, c) => at(sut)?.apply(sut, argValues(args, c)) ?? ok();
  else if (names.length === 1) caller = (sut, c) => at(sut)?.call(sut, c[names[0]!]) ?? ok();
  else if (names.length === 2) caller = (sut, c) => at(sut)?.call(sut, c[names[0]!], c[names[1]!]) ?? ok();
  else if (names.length === 3) caller = (sut, c) => at(sut)?.call(sut, c[names[0]!], c[names[1]!], c[names[2]!]) ?? ok();
  else caller = (sut, c) => at(sut)?.apply(sut, names.map((n) => c[n])) ?? ok();
  return caller;
}

/** The call as a person reads it, from the declared arguments: `resize(dax0.1, 4GiB)`, `addRoot(0x0-0xffff, "r")`. */
export function showCall(op: string, args: Args, call: Readonly<Record<string, unknown>>): string {
  return `${op}(${shownArgs(args, call).join(', ')})`;
}

function shownArgs(args: Args, call: Readonly<Record<string, unknown>>): string[] {
  const parts: string[] = [];
  args.forEach((a, i) => {
    const v = call[a.name];
    const labelled = (text: string, label?: string) => parts.push(label === undefined ? text : `${label}=${text}`);
    switch (a.kind) {
      case 'region': if (args[i + 1]?.kind !== 'device') parts.push(`region${String(v)}`); return;
      case 'device': parts.push(`dax${String(call[args[i - 1]?.name ?? ''])}.${String(v)}`); return;
      case 'extent': parts.push(`extent${String(v)}`); return;
      case 'resource': parts.push(`#${String(v)}`); return;
      case 'size': case 'address': {
        if (a.omit !== undefined && v === a.omit) return;
        const text = typeof v !== 'bigint' ? String(v) : a.kind === 'size' && a.hex !== true ? sizeText(v) : hex(v);
        if (a.joined === true && parts.length > 0) parts.push(`${parts.pop()!}-${text}`);
        else labelled(text, a.label);
        return;
      }
      case 'string': parts.push(`"${String(v)}"`); return;
      case 'enum': if (a.when === undefined || call[a.when[0]] === a.when[1]) labelled(String(v), a.label); return;
      case 'count': labelled(String(v), a.label); return;
      case 'flag': if (v === true) parts.push(a.label ?? a.name); return;
      case 'record': parts.push(...shownArgs(a.fields, a.flat === true ? call : (v ?? {}) as Readonly<Record<string, unknown>>)); return;
      case 'list': parts.push(`[${((v ?? []) as Readonly<Record<string, unknown>>[]).map((item) => shownArgs(a.fields, item).join(':')).join(', ')}]`); return;
    }
  });
  return parts;
}

