/**
 * The part of two snapshots that differs, as text: only the regions (DAX) or roots
 * (tree) that are not equal on both sides, each side formatted by formatSnapshot.
 */
import { sameData } from '../../properties/sameData.ts';
import { formatSnapshot } from '../../properties/formatSnapshot.ts';
import type { DaxSnapshot, TreeSnapshot } from '../../sut/interface.ts';

type Snap = DaxSnapshot | TreeSnapshot;

/** The top-level list of a snapshot and its key ("regions" or "roots"). */
function listOf(s: Snap): { key: 'regions' | 'roots'; items: unknown[] } {
  return 'roots' in s ? { key: 'roots', items: s.roots } : { key: 'regions', items: s.regions };
}

/** Keeps the items at the given indexes. */
function keep(s: Snap, indexes: number[]): Snap {
  const { key, items } = listOf(s);
  const kept = indexes.filter((i) => i < items.length).map((i) => items[i]);
  return { [key]: kept } as unknown as Snap;
}

/**
 * Both sides restricted to the regions or roots that differ, formatted; the whole
 * snapshots when they are not of one shape. Returns null when they are equal.
 */
export function differingPart(model: unknown, sut: unknown): { model: string; sut: string } | null {
  if (sameData(model, sut)) return null;
  const a = model as Snap;
  const b = sut as Snap;
  const shaped = (s: Snap) => typeof s === 'object' && s !== null && ('roots' in s || 'regions' in s);
  if (!shaped(a) || !shaped(b) || listOf(a).key !== listOf(b).key) {
    return { model: JSON.stringify(model) ?? String(model), sut: JSON.stringify(sut) ?? String(sut) };
  }
  const left = listOf(a).items;
  const right = listOf(b).items;
  const indexes: number[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (!sameData(left[i], right[i])) indexes.push(i);
  }
  return { model: formatSnapshot(keep(a, indexes)), sut: formatSnapshot(keep(b, indexes)) };
}
