/**
 * PROTOCOL.md's list of operation requests, derived from the declared arguments
 * (sut/interface.ts TREE_ARGS, DAX_ARGS) so that it is never written by hand: one line per
 * operation, its name and a placeholder per token (R, D, E for region, device and extent
 * ids; the argument's name in capitals otherwise; a list's item fields joined by ':'), then
 * the words an enumerated argument or a flag takes. failNth is the `failnth` capability's request, listed with the capabilities.
 *
 *   npm run protocol-doc      rewrites the list between PROTOCOL.md's markers
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { flatArgs, type Arg, type Args } from '../sut/arguments.ts';
import { DAX_ARGS, TREE_ARGS } from '../sut/interface.ts';

export const BEGIN_MARK = '<!-- operations: derived from sut/interface.ts (TREE_ARGS, DAX_ARGS) by `npm run protocol-doc`; do not edit -->';
export const END_MARK = '<!-- /operations -->';

/** The column where the enumerated words start (at least four spaces after the usage). */
const WORDS_AT = 47;

function placeholder(a: Arg): string {
  switch (a.kind) {
    case 'region': return 'R';
    case 'device': return 'D';
    case 'extent': return 'E';
    case 'list': {
      const item = a.fields.map(placeholder).join(':');
      return `${item}[,${item}...]`;
    }
    default: return a.name.replace(/Bytes$/, '').toUpperCase();
  }
}

/** One operation's line: `    resize R D SIZE`, enumerated words after the usage. */
export function requestUsage(method: string, args: Args): string {
  const flat = flatArgs(args);
  const usage = [method, ...flat.map(placeholder)].join(' ');
  const words = flat.flatMap((a) => (a.kind === 'enum' ? [`${placeholder(a)} ${a.values.join('|')}`] : a.kind === 'flag' ? [`${placeholder(a)} 0|1`] : []));
  const line = `    ${usage}`;
  return words.length === 0 ? line : line.padEnd(Math.max(line.length + 4, WORDS_AT)) + words.join(', ');
}

/** The list as PROTOCOL.md holds it between its markers: tree operations, a blank line, DAX operations. */
export function requestDoc(): string {
  const block = (table: Readonly<Record<string, Args>>) => Object.entries(table).filter(([m]) => m !== 'failNth').map(([m, a]) => requestUsage(m, a));
  return ['', ...block(TREE_ARGS), '', ...block(DAX_ARGS), ''].join('\n');
}

/** text with the list between the markers replaced by requestDoc(); throws when a marker is missing. */
export function withRequestDoc(text: string): string {
  const begin = text.indexOf(BEGIN_MARK);
  const end = text.indexOf(END_MARK);
  if (begin < 0 || end < begin) throw new Error(`PROTOCOL.md has no "${BEGIN_MARK}" … "${END_MARK}" markers`);
  return text.slice(0, begin + BEGIN_MARK.length) + '\n' + requestDoc() + '\n' + text.slice(end);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const path = resolve(import.meta.dirname, '..', 'PROTOCOL.md');
  const before = readFileSync(path, 'utf8');
  const after = withRequestDoc(before);
  if (after !== before) writeFileSync(path, after);
  console.log(after === before ? 'PROTOCOL.md: the operations list is up to date' : 'PROTOCOL.md: operations list rewritten');
}
