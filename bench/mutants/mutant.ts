/**
 * A mutant: one realistic defect of impl/, written as data (an edit of one file) so that
 * it is applied to a temporary copy of the repository and never to impl/ itself.
 */

/** One defect of impl/ as an exact edit: `find` occurs exactly once in `file` and becomes `replace`. */
export interface Mutant {
  /** Short kebab-case name, unique, prefixed by the area (treap-, gap-, ida-, …). */
  readonly name: string;
  /** Path of the edited file, relative to the repository root (always under impl/). */
  readonly file: string;
  /** The defect as a kernel developer would describe the slip, one line. */
  readonly summary: string;
  readonly find: string;
  readonly replace: string;
}

/** Thrown when a mutant's `find` does not occur exactly once in its file (impl/ changed under it). */
export class MutantDoesNotApply extends Error {
  constructor(readonly mutant: string, readonly occurrences: number) {
    super(`mutant ${mutant}: its find text occurs ${occurrences} times in the file (exactly 1 needed)`);
    this.name = 'MutantDoesNotApply';
  }
}

/** Number of non-overlapping occurrences of needle in text. */
function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** The text of m.file after the edit; throws MutantDoesNotApply unless `find` occurs exactly once. */
export function applyMutant(text: string, m: Mutant): string {
  const n = occurrences(text, m.find);
  if (n !== 1) throw new MutantDoesNotApply(m.name, n);
  const i = text.indexOf(m.find);
  return text.slice(0, i) + m.replace + text.slice(i + m.find.length);
}
