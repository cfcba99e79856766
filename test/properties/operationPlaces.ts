/**
 * The places of docs/architecture.md "Adding an operation", each with how to tell that an
 * operation is there (addingAnOperation.test.ts). Everything else that names an
 * operation is derived from these.
 */
import type { AnyOperation } from '../../properties/operation.ts';
import { flatArgs, type Args } from '../../sut/arguments.ts';
import type { SutFactory } from '../../sut/interface.ts';

/** One operation as the places see it: its suite, name, Operation (null: not in the suite's list) and declared arguments (null: none). */
export interface NamedOperation {
  suite: 'dax' | 'tree';
  name: string;
  operation: AnyOperation | null;
  args: Args | null;
}

/** The texts the places are read from (a test may hand in altered ones). */
export interface Sources {
  interfaceText: string;
  specText: string;
  /** ports/shared/dispatch.h: the C request lists (TREE_REQUESTS, DAX_REQUESTS). */
  dispatchH: string;
  /** ports/shared/driver.c: the session's requests every C driver answers (fail-nth's among them). */
  sharedDriver: string;
  /** The tree handlers both C builds link (ports/shared/driver-tree.c). */
  cTree: string;
  /** The C port's DAX handlers (ports/c/driver-dax.c). */
  cDax: string;
  /** The kernel harness's DAX handlers (ports/kernel/driver-dax.c). */
  kernelDax: string;
  pythonPort: string;
  /** The path of the operation's ops/ module, or null when there is none. */
  opsModule(suite: 'dax' | 'tree', op: string): string | null;
}

export interface OperationPlace {
  /** How docs/architecture.md's numbered item starts. */
  place: string;
  holds(op: NamedOperation, src: Sources, factories: { model: SutFactory; impl: SutFactory }): boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The instance of factory for the operation's suite has its method (an optional capability, as failNth, need not). */
function hasMethod(op: NamedOperation, factory: SutFactory): boolean {
  if (op.operation?.optional === true) return true;
  const sut = (op.suite === 'dax' ? factory.createDax() : factory.createTree()) as unknown as Record<string, unknown>;
  return typeof sut[op.name] === 'function';
}

/** The C argument spec of a declaration (ports/shared/dispatch.h): a character per token. */
export function cSpec(args: Args): string {
  return flatArgs(args).map((a) => {
    switch (a.kind) {
      case 'size': case 'address': return 'u';
      case 'string': return 's';
      case 'enum': return a.open === true ? 'w' : a.values.includes('dynamic') ? 'k' : a.values.includes('whole') ? 'd' : '?';
      default: return 'i';
    }
  }).join('');
}

/** The request list of dispatch.h that holds the operation: the suite's, or fail-nth's for the optional failNth. */
function requestList(op: NamedOperation): string {
  return op.operation?.optional === true ? 'FAILNTH' : op.suite === 'dax' ? 'DAX' : 'TREE';
}

/** dispatch.h's request list has `X(name, "spec")`, spec the declaration's. */
function hasRequestEntry(op: NamedOperation, dispatchH: string): boolean {
  if (op.args === null) return false;
  const list = new RegExp(`#define ${requestList(op)}_REQUESTS\\(X\\)((?:.*\\\\\n)*.*)`).exec(dispatchH)?.[1] ?? '';
  return new RegExp(`X\\(${escape(op.name)},\\s*"${cSpec(op.args)}"\\)`).test(list);
}

/** A C driver has the operation's handler do_NAME; an optional one (fail-nth's) is the shared session's, which both C builds link. */
function hasHandler(op: NamedOperation, driver: string, src: Sources): boolean {
  const handler = new RegExp(`\\bdo_${escape(op.name)}\\(union arg \\*args\\)\\s*\\{`);
  return handler.test(op.operation?.optional === true ? src.sharedDriver : driver);
}

export function operationPlaces(): OperationPlace[] {
  return [
    { place: '`properties/dax/ops/NAME.ts` (or `properties/tree/ops/`)', holds: (op, src) => src.opsModule(op.suite, op.name) !== null },
    { place: "the suite's list", holds: (op) => op.operation !== null },
    {
      place: '`sut/interface.ts`',
      holds: (op, src) => op.args !== null && new RegExp(`\\n  ${escape(op.name)}\\??\\(`).test(src.interfaceText),
    },
    { place: '`docs/SPECIFICATION.md`', holds: (op, src) => new RegExp(`^#{2,4} .*\\b${escape(op.name)}\\(`, 'm').test(src.specText) },
    { place: '`model/`', holds: (op, _src, f) => hasMethod(op, f.model) },
    { place: '`impl/`', holds: (op, _src, f) => hasMethod(op, f.impl) },
    {
      place: '`ports/shared/dispatch.h`',
      holds: (op, src) => hasRequestEntry(op, src.dispatchH),
    },
    { place: '`ports/c/driver-dax.c`', holds: (op, src) => hasHandler(op, op.suite === 'dax' ? src.cDax : src.cTree, src) },
    {
      place: '`ports/kernel/driver-dax.c`',
      // The Python port (tree) need not offer an optional capability (fail-nth): it does not advertise it.
      holds: (op, src) => (op.suite === 'dax' ? hasHandler(op, src.kernelDax, src) : op.operation?.optional === true || new RegExp(`'${escape(op.name)}': \\(`).test(src.pythonPort)),
    },
  ];
}
