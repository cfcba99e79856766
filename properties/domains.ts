/**
 * Argument domains in buckets (docs/argument-domains.md): for every argument of every
 * operation, its valid domain cut into buckets — every power-of-two align, sizes and
 * addresses by binade up to 2^64, every kind of object an argument can name — plus an
 * `invalid` bucket where the argument can be invalid on its own. A step's buckets are
 * computed from the resolved call and the model's snapshot before the step; the runner
 * records which buckets runs hit (like labels), and the CI gate requires every one.
 * A bucket is named `op.argument value`, e.g. `createRegion.align 2^30`.
 */
import fc from 'fast-check';
import { MiB, U64_MAX } from '../sut/u64.ts';

/** A suite's argument domains: every bucket there is, and the buckets one call hits. */
export interface ArgumentDomains<Call, Snap> {
  /** Every bucket of every argument of every operation of the suite, in table order. */
  readonly all: readonly string[];
  /** The buckets the call hits, judged on the model's snapshot before the step. */
  buckets(call: Call, before: Snap): string[];
}

/** The bucket name of one argument's value. */
export const bucket = (op: string, arg: string, value: string) => `${op}.${arg} ${value}`;

const NONE: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map();

/**
 * Every bucket of a table {op: {argument: values}}, with the bucket names built once:
 * `name(op, arg, value)` looks a name up (null for a value the table does not have), so
 * that a step costs map lookups, not string building.
 */
export class BucketTable {
  readonly all: readonly string[];
  private readonly names = new Map<string, Map<string, Map<string, string>>>();

  constructor(table: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>) {
    const all: string[] = [];
    for (const [op, args] of Object.entries(table)) {
      const byArg = new Map<string, Map<string, string>>();
      for (const [arg, values] of Object.entries(args)) {
        const byValue = new Map<string, string>();
        for (const v of values) {
          byValue.set(v, bucket(op, arg, v));
          all.push(bucket(op, arg, v));
        }
        byArg.set(arg, byValue);
      }
      this.names.set(op, byArg);
    }
    this.all = all;
  }

  /** The bucket of op's argument arg with value, or null when the table has none. */
  name(op: string, arg: string, value: string): string | null {
    return this.names.get(op)?.get(arg)?.get(value) ?? null;
  }

  /** op's arguments, each with its buckets by value (empty for an op the table lacks): a step looks its op up once. */
  of(op: string): ReadonlyMap<string, ReadonlyMap<string, string>> {
    return this.names.get(op) ?? NONE;
  }
}

/** 2^k for k in lo..hi. */
export const binadeNames = (lo: number, hi: number): string[] => Array.from({ length: hi - lo + 1 }, (_, i) => `2^${lo + i}`);

const BINADES = binadeNames(0, 64);
const TWO_32 = 1n << 32n;

/** The binade of a u64: "0", or "2^k" with 2^k <= v < 2^(k+1); "invalid" past u64. */
export function binade(v: bigint): string {
  if (v < 0n || v > U64_MAX) return 'invalid';
  if (v === 0n) return '0';
  const k = v < TWO_32 ? 31 - Math.clz32(Number(v)) : 63 - Math.clz32(Number(v >> 32n));
  return BINADES[k]!;
}

/** A power of two 2^k with k uniform in lo..hi (a generator reaching every binade of a range). */
export const powerOfTwo = (lo: number, hi: number): fc.Arbitrary<bigint> => fc.integer({ min: lo, max: hi }).map((k) => 1n << BigInt(k));

/** A value anywhere in a binade 2^k..2^(k+1)-1 with k uniform in lo..hi, rounded down to a multiple of unit (>= unit). */
export const inBinade = (lo: number, hi: number, unit = 1n): fc.Arbitrary<bigint> =>
  fc.tuple(fc.integer({ min: lo, max: hi }), fc.bigInt({ min: 0n, max: (1n << 62n) - 1n })).map(([k, r]) => {
    const low = 1n << BigInt(k);
    const v = low + (r % low);
    const rounded = (v / unit) * unit;
    return rounded < low ? low : rounded;
  });

/** The power-of-two aligns a region takes: 2 MiB .. 2^63. */
export const REGION_ALIGN_BUCKETS = binadeNames(21, 63);

/** A region align's bucket: its power of two when it is one of at least 2 MiB, else invalid. */
const MIN_REGION_ALIGN = 2n * MiB;

export function alignBucket(align: bigint): string {
  const ok = align >= MIN_REGION_ALIGN && align <= U64_MAX && (align & (align - 1n)) === 0n;
  return ok ? binade(align) : 'invalid';
}

/** Where an object sits among its live peers (by id, or by address for resources). */
export type Position = 'first' | 'middle' | 'last' | 'only';

/** The position of index i among n peers. */
export function position(i: number, n: number): Position {
  if (n === 1) return 'only';
  return i === 0 ? 'first' : i === n - 1 ? 'last' : 'middle';
}

/** The buckets of an object argument that names live objects by position, dead ones and missing ones. */
export const OBJECT_BUCKETS = ['live first', 'live middle', 'live last', 'live only', 'dead', 'missing'];

/** The bucket of an object argument: a live object by position among its live peers, else dead or missing. */
export function objectBucket<T extends { id: number }>(live: readonly T[], id: number, dead: (id: number) => boolean): string {
  for (let i = 0; i < live.length; i++) if (live[i]!.id === id) return LIVE[position(i, live.length)];
  return dead(id) ? 'dead' : 'missing';
}

const LIVE: Record<Position, string> = { first: 'live first', middle: 'live middle', last: 'live last', only: 'live only' };

/** Runs that hit each bucket, as a run summary records them. */
export interface BucketCoverage {
  /** How many buckets the suite has, and how many were hit. */
  total: number;
  hit: number;
  /** The buckets no run hit, in table order. */
  missing: string[];
  /** Runs that hit each bucket, every bucket listed (0 for a missing one). */
  runs: Record<string, number>;
}

/** The bucket table of a run: every bucket of all with the runs that hit it. */
export function judgeBuckets(all: readonly string[], hits: ReadonlyMap<string, number>): BucketCoverage {
  const runs: Record<string, number> = {};
  for (const b of all) runs[b] = hits.get(b) ?? 0;
  const missing = all.filter((b) => runs[b] === 0);
  return { total: all.length, hit: all.length - missing.length, missing, runs };
}

/** One line: "buckets hit 310/312; missing: a, b". */
export function bucketLine(c: BucketCoverage, shown = 8): string {
  const more = c.missing.length > shown ? `, … ${c.missing.length - shown} more` : '';
  return `argument buckets hit ${c.hit}/${c.total}${c.missing.length > 0 ? `; missing: ${c.missing.slice(0, shown).join(', ')}${more}` : ''}`;
}

/** The bucket table by argument, one line each: "createRegion.align  44/44" (and what is missing). */
export function formatBuckets(c: BucketCoverage): string {
  const byArg = new Map<string, { hit: number; total: number; missing: string[] }>();
  for (const [b, runs] of Object.entries(c.runs)) {
    const arg = b.slice(0, b.indexOf(' '));
    const row = byArg.get(arg) ?? { hit: 0, total: 0, missing: [] };
    row.total += 1;
    if (runs > 0) row.hit += 1;
    else row.missing.push(b.slice(arg.length + 1));
    byArg.set(arg, row);
  }
  const width = Math.max(8, ...[...byArg.keys()].map((k) => k.length));
  const lines = [...byArg].map(([arg, r]) => `  ${arg.padEnd(width)}  ${`${r.hit}/${r.total}`.padStart(7)}${r.missing.length > 0 ? `  missing: ${r.missing.join(', ')}` : ''}`);
  return [`  ${'argument'.padEnd(width)}  buckets hit`, ...lines].join('\n');
}
