/**
 * Finds references that leave the repository or point at nothing, for test/docs.test.ts:
 * paths that climb out of the repository root (to the folder beside it), the retired names of the
 * specification's predecessors, relative markdown links to missing files or headings,
 * and citations of docs/SPECIFICATION.md sections that do not exist.
 * Pure functions over (path, text) pairs, so the test can also feed them planted mistakes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** A repository file: its path relative to the root (with /), and its text. */
export interface RepoFile {
  path: string;
  text: string;
}

/** Folders never scanned: dependencies, history, generated output, build products. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'reports', 'build', 'daxcheck-findings', '.scratch']);
/** Files whose text is read: documentation and every kind of source the repository holds. */
const TEXT_FILE = /(\.(md|ts|mts|js|mjs|cjs|c|h|py|sh|ya?ml)|^Makefile)$/;

/** Every documentation and source file under root, sorted (reports/README.md included). */
export function repoFiles(root: string): RepoFile[] {
  const out: RepoFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) {
        if (!SKIP_DIRS.has(entry)) walk(full);
      } else if (TEXT_FILE.test(entry)) {
        out.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  const reportsReadme = join(root, 'reports', 'README.md');
  if (existsSync(reportsReadme)) out.push({ path: 'reports/README.md', text: readFileSync(reportsReadme, 'utf8') });
  return out;
}

/** 1-based line of a character offset. */
function lineOf(text: string, at: number): number {
  return text.slice(0, at).split('\n').length;
}

/**
 * Names of documents that no longer exist in or outside the repository. Built from parts so
 * that this file does not name them itself.
 */
const RETIRED = ['SEMAN' + 'TICS.md', 'sha' + 'red/DESIGN.md'];

/**
 * Relative paths (two or more characters after "../") that resolve above the repository
 * root from the file that writes them, and every mention of a retired document.
 * One line per finding: "file:line: why".
 */
export function outsideReferences(files: RepoFile[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    for (const m of f.text.matchAll(/(?:\.\.\/)+[\w.-]{2,}/g)) {
      const target = resolve('/repo', dirname(f.path), m[0]);
      if (target !== '/repo' && !target.startsWith('/repo/')) out.push(`${f.path}:${lineOf(f.text, m.index)}: "${m[0]}" leaves the repository`);
    }
    for (const name of RETIRED) {
      let at = f.text.indexOf(name);
      while (at !== -1) {
        out.push(`${f.path}:${lineOf(f.text, at)}: cites ${name}, which is not in the repository (cite docs/SPECIFICATION.md)`);
        at = f.text.indexOf(name, at + 1);
      }
    }
  }
  return out;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/** The anchors of a markdown text's headings (repeats numbered -1, -2, … as GitHub does). */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6}\s+(.*)$/gm)) {
    const base = slug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/**
 * Relative markdown links `[text](target)` of every .md file whose file does not exist,
 * or whose #anchor names no heading of a markdown target. `exists` answers for a
 * repository path; files in `pending` may be missing (announced, not merged yet).
 */
export function brokenLinks(files: RepoFile[], exists: (path: string) => boolean, pending: readonly string[] = []): string[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const out: string[] = [];
  for (const f of files.filter((x) => x.path.endsWith('.md'))) {
    const text = f.text.replace(/^```[\s\S]*?^```/gm, (block) => block.replace(/[^\n]/g, ' '));
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1]!;
      if (/^[a-z]+:/i.test(target)) continue;
      const [file, anchor] = target.split('#') as [string, string | undefined];
      const path = file === '' ? f.path : relative('/repo', resolve('/repo', dirname(f.path), file)).split(sep).join('/');
      const where = `${f.path}:${lineOf(f.text, m.index)}`;
      if (path.startsWith('..')) out.push(`${where}: link "${target}" leaves the repository`);
      else if (!exists(path)) {
        if (!pending.includes(path)) out.push(`${where}: link "${target}": ${path} does not exist`);
      } else if (anchor !== undefined && path.endsWith('.md')) {
        const doc = byPath.get(path);
        if (doc !== undefined && !anchors(doc.text).has(anchor)) out.push(`${where}: link "${target}": no heading #${anchor} in ${path}`);
      }
    }
  }
  return out;
}

/**
 * The section numbers of the specification: "N" and "N.M" of its headings, and N.M for
 * the numbered items of a section that numbers its items instead (the invariants, §5).
 */
export function specSections(spec: string): Set<string> {
  const out = new Set<string>();
  let current = '';
  for (const line of spec.split('\n')) {
    const h = /^#{2,3}\s+(\d+(?:\.\d+)?)\.?\s/.exec(line);
    if (h) {
      current = h[1]!;
      out.add(current);
      continue;
    }
    const item = /^(\d+)\.\s/.exec(line);
    if (item && /^\d+$/.test(current) && line.includes('**')) out.add(`${current}.${item[1]}`);
  }
  return out;
}

/**
 * Citations of sections that the specification does not have: "SPECIFICATION.md §N.M",
 * "SPECIFICATION.md section(s) N.M" anywhere, and every "§N.M" inside the specification.
 */
export function badCitations(files: RepoFile[], sections: Set<string>, specPath = 'docs/SPECIFICATION.md'): string[] {
  const out: string[] = [];
  for (const f of files) {
    const pattern = f.path === specPath ? /§(\d+(?:\.\d+)?)/g : /SPECIFICATION\.md\)?,? (?:§|sections? )(\d+(?:\.\d+)?)/g;
    for (const m of f.text.matchAll(pattern)) {
      const n = m[1]!.replace(/\.$/, '');
      if (!sections.has(n)) out.push(`${f.path}:${lineOf(f.text, m.index)}: cites section ${n}, which ${specPath} does not have`);
    }
  }
  return out;
}
