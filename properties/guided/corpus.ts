/**
 * The corpus of guided generation: for every feature (features.ts) any passing run has
 * reached, the shortest run known to reach it (HypoFuzz's minimal covering examples).
 * A run is kept only when it reaches a feature nobody reached yet, or reaches one in
 * fewer commands than its current coverer; it is kept cut just after the last command
 * that earned its place. An entry that no longer covers any feature best is dropped.
 * Order is insertion order, so that the same runs offered in the same order give the
 * same corpus (generation stays replayable from the seed).
 */

/** One kept run: its commands as plain data (prefix included), and why it is kept. */
export interface CorpusEntry {
  readonly commands: readonly { op: string }[];
  /** The features it covers best (at the time it was kept). */
  readonly features: readonly string[];
}

export class Corpus {
  private readonly best = new Map<string, CorpusEntry>();
  private kept: CorpusEntry[] = [];
  /** Runs offered, and runs kept, since the corpus was made. */
  offered = 0;
  added = 0;

  /** The kept runs, oldest first. */
  get entries(): readonly CorpusEntry[] {
    return this.kept;
  }

  /** Every feature reached so far. */
  get features(): number {
    return this.best.size;
  }

  /**
   * Offers a passing run: its commands and each feature's first step (an index into
   * commands). Returns whether the corpus kept it (it added a feature or a shorter coverer).
   */
  offer(commands: readonly { op: string }[], firstStep: ReadonlyMap<string, number>): boolean {
    this.offered += 1;
    let cut = 0;
    for (const [feature, step] of firstStep) {
      const known = this.best.get(feature);
      if (known === undefined || step + 1 < known.commands.length) cut = Math.max(cut, step + 1);
    }
    if (cut === 0) return false;
    const covered = [...firstStep].filter(([f, step]) => step < cut && (this.best.get(f)?.commands.length ?? Infinity) > cut).map(([f]) => f);
    const entry: CorpusEntry = { commands: commands.slice(0, cut), features: covered };
    for (const f of covered) this.best.set(f, entry);
    const live = new Set(this.best.values());
    this.kept = [...this.kept.filter((e) => live.has(e)), entry];
    this.added += 1;
    return true;
  }
}
