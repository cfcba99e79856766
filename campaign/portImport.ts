/**
 * Importing a user's port module in this thread: the module hooks that let an ES module
 * outside any typed package load (portFormatHooks.mjs, registered once per thread, after
 * tsx's so that they run first), and the one-line description of an import that failed,
 * with the file:line it points at.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

let registered = false;

/** Registers portFormatHooks.mjs in this thread (once). */
function registerFormatHooks(): void {
  if (registered) return;
  register(new URL('./portFormatHooks.mjs', import.meta.url));
  registered = true;
}

/** Imports the module at an absolute path; its exports. Throws what the import threw. */
export async function importPortModule(path: string): Promise<Record<string, unknown>> {
  registerFormatHooks();
  return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
}

/** The first place in a user's file a stack or message points at: "/dir/port.ts:3:7", or null. */
function location(text: string): string | null {
  for (const m of text.matchAll(/(?:^|[\s(]|file:\/\/)(\/[^\s():]+):(\d+)(?::(\d+))?/gm)) {
    const file = m[1]!;
    if (file.includes('/node_modules/')) continue;
    return `${file}:${m[2]}${m[3] === undefined ? '' : `:${m[3]}`}`;
  }
  return null;
}

/**
 * Why an import failed, on one line: the error's name and message, and where it points
 * (an esbuild transform error's own "file:line:col: ERROR: …" line, or the first frame
 * of the stack in a file that is not Node's or a package's).
 */
export function describeImportError(e: unknown, path: string): string {
  if (!(e instanceof Error)) return String(e);
  const lines = e.message.split('\n');
  const esbuild = lines.find((l) => /:\d+:\d+: ERROR: /.test(l));
  if (esbuild !== undefined) return `${e.name}: ${esbuild.trim()}`;
  const stack = (e.stack ?? '').split('\n').slice(1).join('\n');
  const where = location(stack) ?? (e.name === 'SyntaxError' ? syntaxErrorAt(path) : null);
  const text = `${e.name}: ${lines[0]}`;
  return where === null || text.includes(where) ? text : `${text} (at ${where})`;
}

/**
 * Where `node --check` puts a JavaScript syntax error of the file at path ("file:line"),
 * or null: Node keeps an ES module's syntax error location out of the error it throws.
 */
function syntaxErrorAt(path: string): string | null {
  if (!/\.[cm]?js$/.test(path)) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const type = path.endsWith('.cjs') ? 'commonjs' : 'module';
  const r = spawnSync(process.execPath, ['--check', `--input-type=${type}`, '-'], { input: text, encoding: 'utf8', timeout: 10_000 });
  const line = /^\[stdin\]:(\d+)$/m.exec(r.stderr ?? '')?.[1];
  return line === undefined ? null : `${path}:${line}`;
}
