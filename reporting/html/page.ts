/**
 * The page shell of reports/index.html: one self-contained document (inline style, no
 * script, nothing fetched from the network).
 */
import { esc } from './escape.ts';

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; margin: 0 auto; padding: 16px 24px 48px; max-width: 1280px; }
h1 { font-size: 22px; margin: 8px 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
code, pre { font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; }
pre { white-space: pre-wrap; background: #f7f7f7; border: 1px solid #e4e4e4; padding: 6px 8px; margin: 4px 0; }
.good { color: #2e7d32; } .bad { color: #c62828; }
.tag { white-space: nowrap; font-size: 11px; background: #eef; border-radius: 3px; padding: 0 4px; color: #335; }
.known { color: #8a5a00; } .tag.known { background: #fff3cd; color: #6a4500; } p.known { background: #fff8e1; padding: 2px 6px; }
.facts { color: #555; }
table.summary { border-collapse: collapse; width: 100%; font-size: 13px; }
table.summary th, table.summary td { border-bottom: 1px solid #e4e4e4; padding: 4px 6px; text-align: left; vertical-align: top; }
table.summary tr.failed { background: #fff3f3; }
.num { text-align: right; white-space: nowrap; }
td.message { max-width: 360px; overflow-wrap: anywhere; }
table.ops td { padding: 0 6px; border: 0; font-size: 12px; }
details summary { cursor: pointer; color: #555; font-size: 12px; }
.coverage { margin-bottom: 12px; }
.bar-row { display: grid; grid-template-columns: 330px 1fr 300px; gap: 8px; align-items: center; height: 20px; }
.bar-label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar-track { position: relative; height: 12px; background: #f0f0f0; border-radius: 2px; }
.bar { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 2px; }
.bar.covered { background: #66bb6a; } .bar.undecided { background: #ffb74d; } .bar.insufficient { background: #e57373; }
.whisker { position: absolute; top: 5px; height: 2px; background: rgba(0,0,0,.45); }
.need { position: absolute; top: -3px; bottom: -3px; width: 2px; background: #222; }
.bar-value { font-size: 12px; white-space: nowrap; }
.verdict.covered { color: #2e7d32; } .verdict.undecided { color: #b26a00; } .verdict.insufficient { color: #c62828; }
.legend { font-size: 12px; color: #444; }
.swatch { margin-right: 14px; white-space: nowrap; } .swatch i { display: inline-block; width: 14px; height: 10px; margin-right: 4px; vertical-align: -1px; }
.counterexample { border-top: 2px solid #ccc; margin-top: 18px; }
ol.steps { list-style: none; padding: 0; }
li.step { margin: 6px 0 10px; } li.step.diverge { background: #fff6f0; border-left: 4px solid #c62828; padding: 4px 8px; }
.call { margin-bottom: 2px; } .call .n { display: inline-block; min-width: 28px; color: #777; }
.first-diff { color: #c62828; margin: 2px 0; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
figure { margin: 0; } figcaption { font-size: 12px; font-weight: 600; color: #444; }
svg.address-map { display: block; }
svg.address-map text { font: 10px ui-monospace, "DejaVu Sans Mono", monospace; fill: #222; }
svg.address-map text.caption { font-size: 11px; }
svg.address-map text.in-box { fill: #fff; font-size: 10px; pointer-events: none; }
svg.address-map text.in-box.dark { fill: #222; }
svg.address-map text.axis { fill: #777; }
svg.address-map rect:hover { stroke: #000; stroke-width: 1.5; }
`;

/** The whole HTML document with the given title and body. */
export function pageShell(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
  ].join('\n') + '\n';
}
