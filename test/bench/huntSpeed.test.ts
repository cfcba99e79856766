/** The hunt-speed section of the benchmark: its cut-short measurement runs, its goals are judged from the figures, a missing tree is skipped and said so. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cutShortCost } from '../../bench/cutShortCost.ts';
import { tailRate, type HuntSpeedResult } from '../../bench/huntSpeed.ts';
import { huntSpeedGoals, huntSpeedTable } from '../../bench/huntSpeedTable.ts';

const figures = (perSec: number) => ({ commands: perSec * 10, runs: 10, durationMs: 10_000, perSec, cutShort: { 'K1: result-mismatch in mapping': 3 } });

function result(kernelPerSec: number, crashSeconds: number, cutShare: number): HuntSpeedResult {
  return {
    options: { seconds: 10, pairs: 1, dcdSeconds: 40, tailSeconds: 10, crashSeconds: 10, cutRuns: 10 },
    rows: [
      { suite: 'dax-contiguous', tree: '/t', skipped: null, kernel: [figures(kernelPerSec)], cPort: [figures(1000)], ratios: [kernelPerSec / 1000], ratio: kernelPerSec / 1000, avoidKnown: figures(900) },
      { suite: 'dax', tree: null, skipped: 'skipped: set DAXCHECK_DCD_SRC to a kernel tree with the RFC v2 DCD series', kernel: [], cPort: [], ratios: [], ratio: null, avoidKnown: null },
    ],
    crash: { seconds: 10, found: true, searchSeconds: crashSeconds, withinBudget: crashSeconds <= 14, note: null },
    cutShort: { runs: 10, reps: 1, cut: 4, passedMs: 10, cutMs: 10 * cutShare, stepsMs: 10 * cutShare, otherPassedMs: 8, cutMsWithoutEnd: 12, share: cutShare, shareOfSteps: 1, shareWithoutEnd: 1.2, steps: { cut: 3, whole: 9 } },
  };
}

test('the goals follow the figures: the kernel ratio against 50%, the crash hunt against its slack, the cut-short share against its goal; a skipped tree is a goal not met, saying why', () => {
  const good = huntSpeedGoals(result(600, 11, 0.1));
  assert.equal(good.map((g) => g.met), [true, false, true, true]);
  assert.match(good[1]!.detail, /skipped: set DAXCHECK_DCD_SRC/);
  const bad = huntSpeedGoals(result(400, 20, 0.9));
  assert.equal(bad.map((g) => g.met), [false, false, false, false]);
  assert.match(huntSpeedTable(result(600, 11, 0.1)), /dax\s+skipped: set DAXCHECK_DCD_SRC/);
});

test('the DCD row\'s figure is the rate of a hunt\'s last seconds, read from its progress lines; without both lines there is none', () => {
  const out = ['hunt 10s/40s  1 worker  3 runs  98 commands (9/s)  2 failures found', 'hunt 30s/40s  1 worker  1545 runs  43303 commands (1405/s)  10 failures found',
    'hunt 40s/40s  1 worker  3973 runs  116525 commands (2866/s)  10 failures found'].join('\n');
  assert.is(tailRate(out, 40, 10), (116525 - 43303) / 10);
  assert.is(tailRate(out, 40, 20), null, 'no line at 20 s');
  assert.is(tailRate(out, 40, 0), null);
  assert.is(tailRate(out, 30, 10), null, 'lines of another budget');
  assert.is(tailRate(`${out}\nhunt 42s/40s  1 worker  4000 runs  120525 commands (2866/s)`, 40, 10), (120525 - 43303) / 12, 'the last line past the budget');
});

test('the cut-short measurement compares the same runs: S4 cuts some short at its trigger, fewer steps than the same runs whole, every time positive', () => {
  const r = cutShortCost(40, 1);
  assert.ok(r.cut > 0, 'runs were cut short');
  assert.ok(r.steps.cut < r.steps.whole, `a cut run stops at the trigger: ${r.steps.cut} of ${r.steps.whole} steps`);
  assert.ok(r.passedMs > 0 && r.cutMs > 0 && r.stepsMs > 0 && r.cutMsWithoutEnd > 0, JSON.stringify(r));
  assert.is(r.share, r.cutMs / r.passedMs);
});

test.run();
