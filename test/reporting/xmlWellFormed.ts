/**
 * A strict check that a document is well-formed XML 1.0 as the JUnit report writes it
 * (prolog, elements, attributes, character data, entity and character references; no
 * comments, CDATA or DTD): the first problem found, or null.
 */
const NAME = /^[A-Za-z_][\w.-]*$/;
const REF = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
// eslint-disable-next-line no-control-regex
const INVALID = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

/** Problem in character data or an attribute value: a bare & or <, or a character XML forbids. */
function textProblem(text: string, where: string): string | null {
  if (INVALID.test(text)) return `a character XML forbids in ${where}`;
  if (text.includes('<')) return `a bare < in ${where}`;
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    REF.lastIndex = i;
    if (!REF.test(text)) return `a bare & in ${where}: ${JSON.stringify(text.slice(i, i + 12))}`;
  }
  return null;
}

/** The first well-formedness problem of xml, or null. */
export function xmlProblem(xml: string): string | null {
  let rest = xml.startsWith('<?xml') ? xml.slice(xml.indexOf('?>') + 2) : xml;
  const stack: string[] = [];
  let roots = 0;
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt < 0 ? rest : rest.slice(0, lt);
    if (stack.length === 0 && text.trim() !== '') return `text outside the root element: ${JSON.stringify(text.slice(0, 30))}`;
    const bad = textProblem(text, `the text of <${stack.at(-1) ?? '(none)'}>`);
    if (bad) return bad;
    if (lt < 0) break;
    const gt = rest.indexOf('>', lt);
    if (gt < 0) return 'an unclosed tag';
    const tag = rest.slice(lt + 1, gt);
    rest = rest.slice(gt + 1);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) return `</${name}> closes nothing open`;
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const m = /^([^\s/]+)((?:\s+[^\s=]+="[^"]*")*)\s*\/?$/.exec(tag);
    if (!m || !NAME.test(m[1]!)) return `a malformed tag <${tag.slice(0, 40)}>`;
    const names = new Set<string>();
    for (const a of m[2]!.matchAll(/([^\s=]+)="([^"]*)"/g)) {
      if (!NAME.test(a[1]!) || names.has(a[1]!)) return `a bad or repeated attribute ${a[1]} on <${m[1]}>`;
      names.add(a[1]!);
      const attrBad = textProblem(a[2]!, `attribute ${a[1]} of <${m[1]}>`);
      if (attrBad) return attrBad;
    }
    if (stack.length === 0 && ++roots > 1) return 'more than one root element';
    if (!selfClosing) stack.push(m[1]!);
  }
  return stack.length > 0 ? `<${stack.at(-1)}> is never closed` : roots === 1 ? null : 'no root element';
}
