/**
 * Delta debugging (Zeller's ddmin) over a list: removes chunks, halving the chunk size
 * when nothing can go, until no single element can be removed (1-minimal).
 */

/**
 * Tries a candidate list: the list to continue with when the candidate still fails
 * (it may be shorter than the candidate, e.g. the commands that actually ran), or null.
 */
export type Attempt<T> = (candidate: T[]) => T[] | null;

/** Splits items into n chunks of near-equal size, in order. */
function split<T>(items: readonly T[], n: number): T[][] {
  const chunks: T[][] = [];
  let from = 0;
  for (let i = 0; i < n; i++) {
    const to = from + Math.floor((items.length - from) / (n - i));
    chunks.push(items.slice(from, to));
    from = to;
  }
  return chunks;
}

/** One round at granularity n: the first failing chunk or complement, with the next granularity; null when none fails. */
function reduceOnce<T>(items: readonly T[], n: number, attempt: Attempt<T>): { items: T[]; n: number } | null {
  const chunks = split(items, n);
  for (const chunk of chunks) {
    const kept = attempt(chunk);
    if (kept !== null) return { items: kept, n: 2 };
  }
  if (n === 2) return null; // the complements are the chunks themselves
  for (let i = 0; i < chunks.length; i++) {
    const kept = attempt(chunks.filter((_, j) => j !== i).flat());
    if (kept !== null) return { items: kept, n: Math.max(n - 1, 2) };
  }
  return null;
}

/**
 * The ddmin reduction of items, which must fail. Deterministic: chunks are tried in
 * order, and the first that fails is taken. The result fails and no single element
 * of it can be removed (as far as attempt answers).
 */
export function ddmin<T>(items: readonly T[], attempt: Attempt<T>): T[] {
  let current = [...items];
  let n = 2;
  while (current.length >= 2) {
    n = Math.min(n, current.length);
    const reduced = reduceOnce(current, n, attempt);
    if (reduced !== null) {
      current = reduced.items;
      n = reduced.n;
    } else if (n < current.length) {
      n = Math.min(current.length, 2 * n);
    } else {
      break;
    }
  }
  return current;
}
