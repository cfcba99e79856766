/**
 * When two counterexamples are the same failure: the same kind of break in the same
 * operation with the same coarse detail. A hunt finds one defect over and over, each
 * time with other sizes, addresses, names and neighbours; it keeps one file per
 * signature, the shortest (findings.ts). The detail is cut down to what stays the same
 * across those finds:
 * - result-mismatch: what the model answered ("model ENOMEM"), not the system's answer,
 *   which one defect varies with the state (K1: ok on an empty region, EBUSY after a WARN);
 * - snapshot-mismatch: the path of the first differing field without indexes or names
 *   ("regions › devices › ranges › end");
 * - invariant: the first invariant broken ("I3 release-once");
 * - hang: nothing more than the operation;
 * - the rest: the first line with numbers, sizes and quoted names blanked.
 * A second defect in the same operation with the same expected answer is seen once the
 * first is fixed.
 */
import type { CounterexampleFile } from '../../properties/counterexampleFile.ts';

/** The signature of a break: kind, operation of the call, coarse detail (see the file comment). */
export function failureSignature(broke: CounterexampleFile['broke']): string {
  const op = /^[A-Za-z_]\w*/.exec(broke.call)?.[0] ?? broke.call;
  const detail = coarseDetail(broke.kind, broke.detail.split('\n')[0] ?? '');
  return detail === '' ? `${broke.kind} in ${op}` : `${broke.kind} in ${op}: ${detail}`;
}

/** Numbers (decimal, hex, with a size unit), and quoted names, blanked. */
export function blanked(text: string): string {
  return text.replace(/"[^"]*"/g, '"…"').replace(/-?0x[0-9a-f]+|\d+(\.\d+)?\s?(EiB|PiB|TiB|GiB|MiB|KiB|B)?\b/gi, '#');
}

function coarseDetail(kind: CounterexampleFile['broke']['kind'], first: string): string {
  switch (kind) {
    case 'result-mismatch': {
      const model = /^model (\w+)/.exec(first)?.[1];
      return model === undefined ? blanked(first) : `model ${model}`;
    }
    case 'snapshot-mismatch': {
      const path = first.split(': ')[0]!.replace(/\[[^\]]*\]/g, '').replace(/\s*\([^)]*\)/g, '');
      return blanked(path);
    }
    case 'invariant':
    case 'model-invariant':
      return first.includes(': ') ? first.split(': ')[0]! : blanked(first);
    case 'hang':
      return '';
    case 'sut-threw':
    case 'sut-crashed':
    case 'sut-malformed':
    case 'self-check':
      return blanked(first);
  }
}
