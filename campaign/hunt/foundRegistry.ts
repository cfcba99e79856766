/**
 * The failures a hunt has found, shared by all its workers (and their successors after a
 * hang or a crash) through one SharedArrayBuffer, so that each failure is shrunk and
 * saved once per hunt, not once per worker. A failure is named by its key (per target:
 * campaign/knownDefects.ts failureName); the table holds a 64-bit FNV-1a hash of
 * `target key` per slot, open addressing, claimed with one compare-and-exchange, so two
 * workers that meet the same failure at once cannot both claim it. Two different keys
 * with one hash (odds about n²/2^65 for n keys) would make the second count as found.
 * A full table claims nothing more: every later failure is shrunk, as before the table.
 * A key once found stays found: each registry object remembers the keys it saw found, so
 * a failure met again (a run cut short) costs a lookup in a Set, not a hash and a probe.
 */

/** Slots of the table: far more distinct failures than a hunt ever reports. */
const SLOTS = 4096;

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = (1n << 64n) - 1n;

/** FNV-1a over the UTF-16 code units of text, never 0 (0 marks a free slot). */
function hash(text: string): bigint {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = ((h ^ BigInt(text.charCodeAt(i))) * FNV_PRIME) & MASK;
  return h === 0n ? 1n : h;
}

/** A hunt's found failures; see the file comment. */
export class FoundRegistry {
  private readonly slots: BigInt64Array;
  /** `target key` of every key this object saw claimed (by any worker): found for good. */
  private readonly seen = new Set<string>();

  /** The registry over buffer (from FoundRegistry.allocate, shared by every worker of one hunt). */
  constructor(buffer: SharedArrayBuffer) {
    this.slots = new BigInt64Array(buffer);
  }

  /** A buffer for a new, empty registry. */
  static allocate(): SharedArrayBuffer {
    return new SharedArrayBuffer(SLOTS * 8);
  }

  /** Claims key of target: true when this call found it first (or the table is full): the caller shrinks and saves it; false when it was found already. */
  claim(target: number, key: string): boolean {
    const text = `${target} ${key}`;
    if (this.seen.has(text)) return false;
    const probed = this.probe(text, true);
    if (probed !== 'absent') this.seen.add(text);
    return probed !== 'found';
  }

  /** Has key of target been claimed (by any worker)? */
  has(target: number, key: string): boolean {
    const text = `${target} ${key}`;
    if (this.seen.has(text)) return true;
    const found = this.probe(text, false) === 'found';
    if (found) this.seen.add(text);
    return found;
  }

  private probe(text: string, claim: boolean): 'found' | 'claimed' | 'absent' {
    const h = BigInt.asIntN(64, hash(text));
    const start = Number(BigInt.asUintN(64, h) % BigInt(SLOTS));
    for (let i = 0; i < SLOTS; i++) {
      const at = (start + i) % SLOTS;
      const seen = Atomics.load(this.slots, at);
      if (seen === h) return 'found';
      if (seen !== 0n) continue;
      if (!claim) return 'absent';
      const before = Atomics.compareExchange(this.slots, at, 0n, h);
      if (before === 0n) return 'claimed';
      if (before === h) return 'found'; // another worker claimed the same key in this slot first
    }
    return 'absent';
  }
}
