/**
 * The kinds of an operation's arguments, so that each interface method's arguments are
 * declared once (sut/interface.ts TREE_ARGS, DAX_ARGS) and everything that writes or reads
 * a call is derived from that declaration: the call itself and its printed form
 * (properties/operation.ts), the protocol's request line, the request recorder and the
 * process system (protocol.ts, processSut.ts), and the tests' method lists.
 *
 * An argument's name is the field of the suite's resolved call that holds its value.
 */

/** A DAX region id (printed region{R}; followed by a device, dax{R}.{D}). */
export interface RegionArg { readonly kind: 'region'; readonly name: string }
/** A device id within the region before it (printed with it: dax{R}.{D}). */
export interface DeviceArg { readonly kind: 'device'; readonly name: string }
/** An extent id within the region before it (printed extent{E}). */
export interface ExtentArg { readonly kind: 'extent'; readonly name: string }
/** A tree resource id (printed #{id}). */
export interface ResourceArg { readonly kind: 'resource'; readonly name: string }
/**
 * A u64: 'size' is a number of bytes (printed 4GiB, or in hex with `hex`), 'address' a
 * byte address (printed in hex). `label` prints `label=` before it; `joined` prints it
 * after the argument before with a '-' (an inclusive range start-end); `omit` is a value
 * not printed (the interface's default).
 */
export interface U64Arg {
  readonly kind: 'size' | 'address';
  readonly name: string;
  readonly label?: string;
  readonly hex?: boolean;
  readonly joined?: boolean;
  readonly omit?: bigint;
}
/** A free-form string (a name, a label): printed quoted, sent percent-encoded. */
export interface StringArg { readonly kind: 'string'; readonly name: string }
/**
 * One of a few words. A value not among them is sent as `fallback` (default: the first
 * value); `open` sends any word of letters as it is (unknown ones give EINVAL), else
 * `unknown`. `when` prints it only while the field `when[0]` of the call is `when[1]`.
 */
export interface EnumArg {
  readonly kind: 'enum';
  readonly name: string;
  readonly values: readonly string[];
  readonly label?: string;
  readonly open?: boolean;
  /** Sent for a value not among values (default: the first value). */
  readonly fallback?: string;
  readonly when?: readonly [field: string, value: string];
  /** A value meaning "left out" in the interface's argument object (a record's optional field). */
  readonly absent?: string;
}
/** A small whole number (nth): sent in decimal, 0 when not a safe integer. */
export interface CountArg { readonly kind: 'count'; readonly name: string; readonly label?: string }
/** A yes/no argument: sent 1 or 0, printed as its label (default: its name) when true. */
export interface FlagArg { readonly kind: 'flag'; readonly name: string; readonly label?: string }
/**
 * One object argument with these fields, in this order: the call's field `name` holds it,
 * or with `flat` its fields are the call's own (createRegion's args). Sent one token per
 * field.
 */
export interface RecordArg { readonly kind: 'record'; readonly name: string; readonly fields: readonly Arg[]; readonly flat?: boolean }
/** A list of objects with these fields (a tag group's extents): one token, items joined by ',', fields by ':'. */
export interface ListArg { readonly kind: 'list'; readonly name: string; readonly fields: readonly Arg[] }

export type Arg = RegionArg | DeviceArg | ExtentArg | ResourceArg | U64Arg | StringArg | EnumArg | CountArg | FlagArg | RecordArg | ListArg;

/** The declared arguments of one interface method, in the interface's order. */
export type Args = readonly Arg[];

/** Constructors that read like the declaration: `[region('region'), device('device'), size('sizeBytes')]`. */
export const region = (name: string): RegionArg => ({ kind: 'region', name });
export const device = (name: string): DeviceArg => ({ kind: 'device', name });
export const extent = (name: string): ExtentArg => ({ kind: 'extent', name });
export const resource = (name: string): ResourceArg => ({ kind: 'resource', name });
export const size = (name: string, opts: Omit<U64Arg, 'kind' | 'name'> = {}): U64Arg => ({ kind: 'size', name, ...opts });
export const address = (name: string, opts: Omit<U64Arg, 'kind' | 'name'> = {}): U64Arg => ({ kind: 'address', name, ...opts });
export const string = (name: string): StringArg => ({ kind: 'string', name });
export const oneOf = (name: string, values: readonly string[], opts: Omit<EnumArg, 'kind' | 'name' | 'values'> = {}): EnumArg => ({ kind: 'enum', name, values, ...opts });
export const count = (name: string, label?: string): CountArg => (label === undefined ? { kind: 'count', name } : { kind: 'count', name, label });
export const flag = (name: string, label?: string): FlagArg => (label === undefined ? { kind: 'flag', name } : { kind: 'flag', name, label });
export const record = (name: string, fields: readonly Arg[], opts: { flat?: boolean } = {}): RecordArg => ({ kind: 'record', name, fields, ...opts });
export const list = (name: string, fields: readonly Arg[]): ListArg => ({ kind: 'list', name, fields });

/** The kinds of argument that stand for a parameter of type T. */
type ArgFor<T> = [T] extends [number] ? RegionArg | DeviceArg | ExtentArg | ResourceArg | CountArg
  : [T] extends [bigint] ? U64Arg
  : [T] extends [string] ? StringArg | EnumArg
  : [T] extends [boolean] ? FlagArg
  : [T] extends [readonly unknown[]] ? ListArg
  : [T] extends [object] ? RecordArg
  : never;

/** A declaration for parameters P: one argument per parameter, of a kind standing for its type. */
type ArgsFor<P extends readonly unknown[]> = { readonly [I in keyof P]: ArgFor<P[I]> };

/**
 * The methods of an interface that take arguments and return a Result (or nothing, as
 * failNth), each with its declaration: checked by the compiler against the interface
 * (every such method declared, one argument per parameter, each of a kind that stands for
 * the parameter's type).
 */
export type DeclaredArgs<Sut> = {
  readonly [M in keyof Sut as M extends 'observe' | 'observeRegion' | 'selfCheck' | 'selfCheckRegion' | 'endRun' | 'takeFiredFailures' | 'takeAllocations' ? never : M]-?:
    NonNullable<Sut[M]> extends (...params: infer P) => unknown ? ArgsFor<P> : never;
};

/**
 * The values of a call in the order of the interface's parameters: each argument's field
 * of the call; a flat record argument becomes its object (an optional field whose value is
 * its `absent` word is left out).
 */
export function argValues(args: Args, call: Readonly<Record<string, unknown>>): unknown[] {
  return args.map((a) => (a.kind === 'record' && a.flat === true ? recordValue(a, call) : call[a.name]));
}

function recordValue(a: RecordArg, call: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of a.fields) {
    const v = call[f.name];
    if (f.kind === 'enum' && f.absent !== undefined && v === f.absent) continue;
    out[f.name] = v;
  }
  return out;
}

/** The flat argument list (a record's fields in its place; a list is one token): what the protocol's line carries, one token each. */
export function flatArgs(args: Args): Arg[] {
  return args.flatMap((a) => (a.kind === 'record' ? flatArgs(a.fields) : [a]));
}
