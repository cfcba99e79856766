/**
 * What a hunt keeps of its counterexamples, decided in the main thread for every worker:
 * one file per failure (target and failure signature), the shortest found. A longer file
 * this hunt wrote for the same failure is removed when a shorter one comes; files that
 * were in --out before the hunt are never removed.
 */
import { unlinkSync } from 'node:fs';
import type { CounterexampleFile } from '../../properties/counterexampleFile.ts';
import { failureSignature } from './failureSignature.ts';
import { saveOnce } from './finding.ts';

/** What became of an offered counterexample. */
export type Offer =
  | { saved: true; path: string; isNew: boolean; signature: string; replaced: string | null }
  | { saved: false; signature: string; kept: string };

interface Kept {
  id: string;
  path: string;
  length: number;
  /** Written by this hunt (so it may be replaced). */
  isNew: boolean;
}

/** The hunt's findings under one --out folder; see the file comment. */
export class HuntFindings {
  private readonly kept = new Map<string, Kept>();

  constructor(readonly outDir: string) {}

  /** Saves file unless the same failure of target is kept with no more commands; see Offer. */
  offer(target: number, file: CounterexampleFile): Offer {
    const signature = failureSignature(file.broke);
    const key = `${target} ${signature}`;
    const before = this.kept.get(key);
    if (before !== undefined && before.length <= file.commands.length) return { saved: false, signature, kept: before.id };
    const { path, isNew } = saveOnce(this.outDir, file);
    this.kept.set(key, { id: file.id, path, length: file.commands.length, isNew });
    let replaced: string | null = null;
    if (before !== undefined && before.id !== file.id) {
      replaced = before.id;
      if (before.isNew) {
        try {
          unlinkSync(before.path);
        } catch {
          // already gone: nothing to remove
        }
      }
    }
    return { saved: true, path, isNew, signature, replaced };
  }
}
