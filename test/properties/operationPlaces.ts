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
  protocolText: string;
  /** The C port's sources (ports/c, ports/shared). */
  cPort: string;
  /** The kernel harness's sources (ports/kernel, the ports/c files its Makefile builds, ports/shared). */
  kernelPort: string;
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

/** PROTOCOL.md has the request line: the name and one upper-case placeholder per token of its declared arguments. */
function hasRequestLine(op: NamedOperation, text: string): boolean {
  if (op.args === null) return false;
  const n = flatArgs(op.args).length;
  return new RegExp(`(^    |\`)${escape(op.name)}( [A-Z][A-Z0-9_]*){${n}}(?! [A-Z])(?=\`|\\s|$)`, 'm').test(text);
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
    { place: '`PROTOCOL.md`', holds: (op, src) => hasRequestLine(op, src.protocolText) },
    { place: '`ports/c/`', holds: (op, src) => src.cPort.includes(`"${op.name}"`) },
    {
      place: '`ports/kernel/` for a DAX operation, `ports/python/tree_port.py` for a tree operation',
      holds: (op, src) => (op.suite === 'dax' ? src.kernelPort.includes(`"${op.name}"`) : src.pythonPort.includes(`'${op.name}'`)),
    },
  ];
}
