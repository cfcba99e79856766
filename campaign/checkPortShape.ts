/**
 * Before a hunt spends its budget on a user's module: does its factory create, for each
 * suite used, objects with every method the suite's operations call? Anything missing is
 * one UsageError line naming the module and the methods.
 */
import type { SuiteName } from '../properties/suiteSpec.ts';
import { SUITES } from '../properties/suites.ts';
import type { SutFactory } from '../sut/interface.ts';
import { UsageError } from './usageError.ts';

/** Thrown by a loaded module's create method that the module does not have (loadPort.ts). */
export class MissingCreate extends Error {
  constructor(readonly create: 'createTree' | 'createDax') {
    super(`the module has no ${create}()`);
    this.name = 'MissingCreate';
  }
}

/** The suites whose create method is create. */
function suitesOf(create: 'createTree' | 'createDax'): string {
  return Object.values(SUITES).filter((s) => (s.sutKind === 'tree') === (create === 'createTree')).map((s) => s.name).join(', ');
}

/** The factory method and the instance methods a suite calls. */
export function suiteShape(suite: SuiteName): { create: 'createTree' | 'createDax'; methods: string[] } {
  const s = SUITES[suite];
  return { create: s.sutKind === 'tree' ? 'createTree' : 'createDax', methods: [...s.operations.filter((o) => o.optional !== true).map((o) => o.method), 'observe'] };
}

/**
 * Creates one instance per suite and checks its methods; `where` starts the message,
 * e.g. "daxcheck hunt: --sut ./my-port.js".
 */
export function checkPortShape(factory: SutFactory, suites: readonly SuiteName[], where: string): void {
  for (const suite of suites) {
    const { create, methods } = suiteShape(suite);
    let instance: unknown;
    try {
      instance = factory[create]();
    } catch (e) {
      if (e instanceof MissingCreate) {
        const other = create === 'createTree' ? 'createDax' : 'createTree';
        throw new UsageError(`${where}: exports no ${create}(), which the ${suite} suite needs; it has ${other}() only (use --suite ${suitesOf(other).split(', ').join(' or --suite ')})`);
      }
      const why = e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e);
      throw new UsageError(`${where}: ${create}() threw (${why})`);
    }
    if (typeof instance !== 'object' || instance === null) {
      throw new UsageError(`${where}: ${create}() returned ${instance === null ? 'null' : typeof instance}, not an object`);
    }
    const missing = [...new Set(methods)].filter((m) => typeof (instance as Record<string, unknown>)[m] !== 'function');
    if (missing.length > 0) throw new UsageError(`${where}: ${create}() returns an object without ${missing.join(', ')} (see sut/interface.ts)`);
  }
}
