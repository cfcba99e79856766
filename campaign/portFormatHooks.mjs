// Module hooks (node:module register) for a user's port outside any package that says
// how to read it: tsx and Node take a `.ts` or `.js` file without a package.json
// "type" field for CommonJS, so an ES module written there fails with "Cannot require()
// ES Module … in a cycle" or is read without its TypeScript transform. This resolve hook
// runs before tsx's and says "module" for such a file when its text has import/export
// statements; everything inside a package with a "type", in node_modules, or with an
// explicit extension (.mts .cts .mjs .cjs) is left as it is.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const typed = new Map();

/** True when the nearest package.json above dir has a "type" field (cached per folder). */
function inTypedPackage(dir) {
  if (typed.has(dir)) return typed.get(dir);
  let answer = false;
  const file = join(dir, 'package.json');
  if (existsSync(file)) {
    try {
      answer = typeof JSON.parse(readFileSync(file, 'utf8')).type === 'string';
    } catch {
      answer = false;
    }
  } else if (dirname(dir) !== dir) {
    answer = inTypedPackage(dirname(dir));
  }
  typed.set(dir, answer);
  return answer;
}

/** Import or export statements (comments stripped first), or import.meta. */
function looksLikeEsm(text) {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return /(^|[;\s}])export\s*(default\b|const\b|let\b|var\b|function\b|class\b|async\b|type\b|interface\b|enum\b|\{|\*)/.test(code) ||
    /(^|[;\s}])import\s*([\w*{][^;]*?\sfrom\s*['"]|['"])/.test(code) || /\bimport\.meta\b/.test(code);
}

export async function resolve(specifier, context, nextResolve) {
  const r = await nextResolve(specifier, context);
  if (!r.url.startsWith('file:') || !(r.format === 'commonjs' || r.format == null)) return r;
  const path = fileURLToPath(r.url);
  if (!/\.(ts|tsx|js|jsx)$/.test(path) || path.includes('/node_modules/')) return r;
  if (inTypedPackage(dirname(path))) return r;
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return r;
  }
  return looksLikeEsm(text) ? { ...r, format: 'module' } : r;
}
