/**
 * Systems under test that are wrong on purpose, built by wrapping the implementation:
 * the runner's tests use them to show each kind of failure is caught and reported.
 */
import { implFactory } from '../../impl/index.ts';
import type { DaxSut, SutFactory } from '../../sut/interface.ts';

/** The implementation with some DAX methods replaced; `inner` is the wrapped instance. */
export function perturbedDax(name: string, patch: (inner: DaxSut) => Partial<DaxSut>): SutFactory {
  return {
    name,
    createTree: () => implFactory.createTree(),
    createDax: () => {
      const inner = implFactory.createDax();
      const overrides = patch(inner);
      return new Proxy(inner, {
        get: (target, key, receiver) => {
          const own = (overrides as Record<string | symbol, unknown>)[key];
          if (own !== undefined) return own;
          const value = Reflect.get(target, key, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  };
}
