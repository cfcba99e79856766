/**
 * Opens a generated reports/…/index.html in headless Chromium (the one @sparticuz/chromium
 * ships, or DAXCHECK_CHROMIUM: see browserPath.ts; driven by playwright-core): it renders
 * without console errors or network requests, the address maps are all there, and a
 * screenshot is saved for a person to look at.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runGateFaultSearch, runGateSuite } from '../../campaign/ciGate.ts';
import { machineInfo, type RunSummary } from '../../reporting/runSummary.ts';
import { writeRunReports } from '../../campaign/reports.ts';
import { testChromium } from './browserPath.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';
import { fixtureShrinks } from './fixtures.ts';

// The browser's XML parser, used inside page.evaluate (tsconfig has no DOM library).
declare const DOMParser: new () => { parseFromString(text: string, type: string): { getElementsByTagName(name: string): { length: number } } };

const OUT = resolve(import.meta.dirname, '../../reports/browser-check');

/** A report of a real tree-suite run, a fault search that finds S2, and the fixture counterexamples. */
async function writeFixtureReport(): Promise<{ html: string; junit: string; steps: number }> {
  const tree = runGateSuite('tree');
  const s2 = runGateFaultSearch('s2-free-space-int');
  const summary: RunSummary = {
    format: 1, tool: 'daxcheck', command: 'test', startedAt: new Date().toISOString(), finishedAt: new Date().toISOString(),
    machine: machineInfo(), shard: null, entries: [tree.entry, s2.entry],
  };
  rmSync(OUT, { recursive: true, force: true });
  await writeRunReports(summary, OUT, { found: [s2.found!], shrinksDir: fixtureShrinks() });
  const html = readFileSync(join(OUT, 'index.html'), 'utf8');
  const steps = Number(/<div id="counterexamples" data-count="\d+" data-steps="(\d+)">/.exec(html)![1]);
  return { html: join(OUT, 'index.html'), junit: readFileSync(join(OUT, 'junit.xml'), 'utf8'), steps };
}

test('index.html renders in headless Chromium without console errors or network requests, with one address map per step', async () => {
  const browser = await testChromium();
  const report = await writeFixtureReport();
  const instance = await chromium.launch({
    executablePath: browser.executablePath, headless: true, args: browser.args, env: { ...process.env, ...browser.env },
  }).catch((e: Error) => { throw new Error(`cannot start ${browser.source}: ${e.message}`); });
  try {
    const page = await (await instance.newContext({ viewport: { width: 1300, height: 900 } })).newPage();
    const problems: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));
    page.on('pageerror', (e) => void problems.push(`page error: ${e.message}`));
    page.on('request', (r) => void (r.url().startsWith('file:') || problems.push(`request: ${r.url()}`)));
    await page.goto(pathToFileURL(report.html).href, { waitUntil: 'load' });
    assert.equal(problems, []);
    assert.ok(report.steps >= 20, `the fixture has ${report.steps} steps`);
    assert.is(await page.locator('svg.address-map[data-side="model"]').count(), report.steps);
    assert.is(await page.locator('svg.address-map[data-side="sut"]').count(), 1);
    assert.is(await page.locator('table.summary > tbody > tr').count(), 2);
    assert.is(await page.locator('.coverage .bar-row').count(), Object.keys(treeSuite.coverage).length, 'one bar per label of the tree suite');
    const drawnWidth = await page.locator('svg.address-map').first().evaluate((svg) => svg.getBoundingClientRect().width);
    assert.ok(drawnWidth > 600, `the first map is ${drawnWidth}px wide`);
    const rangeBoxes = await page.locator('svg.address-map rect.range').count();
    assert.ok(rangeBoxes > 10, `${rangeBoxes} device range boxes`);
    const junitErrors = await page.evaluate((xml) => new DOMParser().parseFromString(xml, 'application/xml').getElementsByTagName('parsererror').length, report.junit);
    assert.is(junitErrors, 0, 'junit.xml parses as XML in the browser');
    await page.screenshot({ path: join(OUT, 'screenshot.png'), fullPage: true });
    assert.ok(existsSync(join(OUT, 'screenshot.png')));
  } finally {
    await instance.close();
  }
});

test.run();
