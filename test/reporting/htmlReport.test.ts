import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runGateFaultSearch } from '../../campaign/ciGate.ts';
import { saveCounterexample } from '../../properties/counterexampleFile.ts';
import { AddressScale } from '../../reporting/html/addressScale.ts';
import { gaps } from '../../reporting/html/daxMap.ts';
import { htmlReport } from '../../reporting/htmlReport.ts';
import { counterexamplesToDraw, drawCounterexample } from '../../campaign/drawnCounterexamples.ts';
import { U64_MAX } from '../../sut/u64.ts';
import { counterexampleOf, entry, fixtureShrinks, RICH_DAX_COMMANDS, summaryOf, tempDir, TREE_COMMANDS } from './fixtures.ts';

const count = (html: string, re: RegExp) => [...html.matchAll(re)].length;

test('the HTML report draws one address map per step of every counterexample, and both sides at the diverging step', async () => {
  const shrinks = fixtureShrinks();
  const reports = tempDir();
  const { entry: found, found: cx } = runGateFaultSearch('s2-free-space-int');
  saveCounterexample(join(reports, 'counterexamples'), cx!);
  const summary = summaryOf([found]);
  const drawn = await counterexamplesToDraw(summary, [join(reports, 'counterexamples')], shrinks);
  assert.is(drawn.length, 3);
  const steps = drawn.reduce((t, d) => t + d.records.length, 0);
  assert.is(steps, RICH_DAX_COMMANDS.length + TREE_COMMANDS.length + cx!.commands.length);
  const html = htmlReport(summary, drawn);
  assert.is(count(html, /<svg class="address-map" data-side="model"/g), steps);
  assert.is(count(html, /<svg class="address-map" data-side="sut"/g), 1, 'one side-by-side drawing: the s2 divergence');
  assert.is(count(html, /<li class="step diverge"/g), 1);
  assert.match(html, `data-steps="${steps}"`);
  for (const d of drawn) assert.match(html, `<section class="counterexample" id="${d.cx!.id}" data-steps="${d.records.length}">`);
});

test('the drawings show extents visible, removed while in use and released, device ranges per device, and free space', async () => {
  const html = htmlReport(summaryOf([]), [await drawCounterexample(join(fixtureShrinks(), `${counterexampleOf('dax', RICH_DAX_COMMANDS).id}.json`))]);
  assert.match(html, /class="extent released" fill="url\(#released-hatch\)"/);
  assert.match(html, /<title>extent 0 &quot;a&quot; \[0x0-0x7fffff\] 8MiB · refs 1 · removed, still in use<\/title>/);
  assert.match(html, /<title>dax0.1 range 0 \[0x1200000-0x15fffff\] 4MiB · pgoff 0x0 · extent 1<\/title>/);
  assert.match(html, /<title>free \[0x1600000-0x17fffff\] 2MiB<\/title>/);
  assert.match(html, /<title>dax1.0 range 0 \[0x40600000-0x40dfffff\] 8MiB · pgoff 0x0<\/title>/);
  assert.match(html, /<pattern id="released-hatch"/);
});

test('the report is self-contained and escapes names', async () => {
  const html = htmlReport(summaryOf([entry({ name: 'dax <script>' })]), [await drawCounterexample(join(fixtureShrinks(), `${counterexampleOf('tree', TREE_COMMANDS).id}.json`))]);
  assert.not.match(html, /<script/);
  assert.match(html, /dax &lt;script&gt;/);
  assert.match(html, /#2 &quot;dev&lt;a&gt;&quot;/);
  assert.not.match(html, /(src|href)="(https?:)?\/\//);
  assert.not.match(html, /@import|url\(http/);
});

test('an unreadable counterexample file is a note naming it, not a crash', async () => {
  const drawn = await drawCounterexample('/nonexistent/cx-0.json');
  assert.match(drawn.error!, /\/nonexistent\/cx-0.json: cannot be read/);
  assert.match(htmlReport(summaryOf([]), [drawn]), /class="counterexample unusable"/);
});

test('addresses scale linearly with exact bigint arithmetic up to 2^64 - 1', () => {
  const top = new AddressScale(U64_MAX - 0xfffffn, U64_MAX, 1000);
  assert.is(top.x(U64_MAX - 0xfffffn), 0);
  assert.is(top.x(U64_MAX - 0x7ffffn), 500);
  assert.is(top.x(U64_MAX + 1n), 1000);
  assert.equal(top.span(U64_MAX, U64_MAX), { x: 999, w: 1 }, 'a one-byte range is still one pixel wide');
  const whole = new AddressScale(0n, U64_MAX, 800);
  assert.is(whole.x(1n << 63n), 400);
});

test('free space is what no child covers', () => {
  assert.equal(gaps({ start: 0n, end: 99n }, [{ start: 10n, end: 19n }, { start: 0n, end: 4n }, { start: 15n, end: 29n }]), [
    { start: 5n, end: 9n },
    { start: 30n, end: 99n },
  ]);
  assert.equal(gaps({ start: 0n, end: 9n }, [{ start: 0n, end: 9n }]), []);
});

test.run();
