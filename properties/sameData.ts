/**
 * Deep equality of the differential runner: util.isDeepStrictEqual's answer on plain
 * data (what sut/interface.ts results and snapshots are: objects whose properties are
 * enumerable, string-keyed and not undefined; dense arrays; primitives), several times
 * faster. Primitives compare with Object.is, objects need the same prototype. What is
 * visibly not plain data (class instances, Maps, Dates, boxed values, null-prototype
 * objects, undefined or function values, holes, very deep or cyclic values) is handed
 * to isDeepStrictEqual itself. Unlike isDeepStrictEqual, it does not look at what plain
 * data cannot have: symbol-keyed or non-enumerable properties, non-index properties
 * of arrays.
 */
import { isDeepStrictEqual } from 'node:util';

/** Past this depth isDeepStrictEqual decides (it handles cycles). */
const MAX_DEPTH = 64;

/** Arrays element by element; a hole (or undefined) goes to isDeepStrictEqual. */
function sameArray(a: unknown[], b: unknown[], depth: number): boolean {
  const n = a.length;
  if (n !== b.length) return false;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined) return isDeepStrictEqual(a, b);
    if (!same(x, y, depth)) return false;
  }
  return true;
}

/**
 * Plain objects: the same enumerable string keys with equal values. for-in yields
 * exactly the own enumerable keys (no enumerable key is inherited, see sameData); a
 * key of a that b lacks shows as b[k] undefined or inherited (a function), which a
 * plain value never equals; the counts then match only for the same key sets.
 */
function sameObject(a: Record<string, unknown>, b: Record<string, unknown>, depth: number): boolean {
  let count = 0;
  for (const k in a) {
    const x = a[k];
    if (x === undefined || typeof x === 'function') return isDeepStrictEqual(a, b);
    if (!same(x, b[k], depth)) return false;
    count++;
  }
  for (const _ in b) count--;
  return count === 0;
}

/** True when some enumerable property is inherited by every object (a polluted Object.prototype). */
function inheritsEnumerable(): boolean {
  for (const _ in {}) return true;
  return false;
}

function same(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return a !== 0 || Object.is(a, b); // 0 and -0 differ
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return a !== a && b !== b; // NaN equals NaN; other distinct primitives and functions differ
  }
  if (depth >= MAX_DEPTH) return isDeepStrictEqual(a, b);
  const proto = Object.getPrototypeOf(a);
  if (proto !== Object.getPrototypeOf(b)) return false;
  if (proto === Object.prototype) return sameObject(a as Record<string, unknown>, b as Record<string, unknown>, depth + 1);
  if (proto === Array.prototype && Array.isArray(a) && Array.isArray(b)) return sameArray(a, b, depth + 1);
  return isDeepStrictEqual(a, b);
}

/** Deep strict equality of plain data (see the file comment). */
export function sameData(a: unknown, b: unknown): boolean {
  return inheritsEnumerable() ? isDeepStrictEqual(a, b) : same(a, b, 0);
}
