/**
 * `daxcheck <command> --help`: the command's usage line, what it does, every flag its
 * parser accepts (from the same FlagSpec table, so help and parser cannot drift) with
 * its value and default, and an example.
 */
import { readdirSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { FlagSpec } from './args.ts';

/** The folder daxcheck is installed in (its package.json's). */
const PACKAGE_ROOT = resolve(import.meta.dirname, '..');

/**
 * A file that ships with daxcheck (a path inside the package), as a user types it from
 * the current folder: relative when it lies below it, else absolute. Help examples use
 * it, so that every example names a file that exists wherever daxcheck runs.
 */
export function shippedPath(path: string): string {
  const file = resolve(PACKAGE_ROOT, path);
  const rel = relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** A saved counterexample that ships in shrinks/ (for examples), as shippedPath gives it. */
export function shippedCounterexample(): string {
  let files: string[] = [];
  try {
    files = readdirSync(resolve(PACKAGE_ROOT, 'shrinks')).filter((f) => /^cx-.*\.json$/.test(f)).sort();
  } catch {
    // not shipped
  }
  return files.length === 0 ? 'daxcheck-findings/cx-ID.json' : shippedPath(`shrinks/${files[0]}`);
}

export interface CommandHelp {
  name: string;
  /** The usage line after "daxcheck <name>", e.g. "FILE [flags]". */
  usage: string;
  about: string;
  flags: Record<string, FlagSpec>;
  example: string;
}

/** One flag as help shows it: "--seconds N (default 60)  what it does". */
function flagLine(name: string, spec: FlagSpec): string {
  const value = spec.type === 'boolean' ? '' : ` ${spec.value ?? (spec.type === 'int' ? 'N' : 'VALUE')}`;
  const head = `  --${name}${value}`;
  const dflt = spec.default === undefined ? '' : ` (default ${spec.default})`;
  const repeat = spec.type === 'list' ? ' (repeatable)' : '';
  return `${head.padEnd(30)} ${spec.help ?? ''}${repeat}${dflt}`;
}

/** The help text of a command. */
export function formatHelp(h: CommandHelp): string {
  const flags = Object.entries(h.flags).map(([name, spec]) => flagLine(name, spec));
  return [`usage: daxcheck ${h.name} ${h.usage}`, '', h.about, '', 'flags:', ...flags, `${'  --help'.padEnd(30)} this text`, '', `example: ${h.example}`].join('\n');
}

/** The flags of a command on one line, for the overall usage: "--seconds N, --suite tree|dax, …". */
export function flagSummary(h: CommandHelp): string {
  return Object.entries(h.flags).map(([name, spec]) => (spec.type === 'boolean' ? `--${name}` : `--${name} ${spec.value ?? 'N'}`)).join(', ');
}
