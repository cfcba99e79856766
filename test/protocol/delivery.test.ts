/**
 * Deliveries (sut/delivery.ts, protocol/delivery.ts): the choice per run is a
 * pure function of seed and run number with the shares asked for, and a delivery's
 * writes put the request text back together exactly, cut where the mode says, each
 * waiting for the answers of the complete lines before it.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chooseDelivery, chunksOf, DEFAULT_SHARES } from '../../protocol/delivery.ts';
import { BATCH_DELIVERY, deliveryText, isDelivery } from '../../sut/delivery.ts';

const lines = ['new dax', 'createRegion contiguous 0x0 0x4000000 0x200000 empty', 'observe changed', 'check', 'createDevice 0 0x0', 'observe changed', 'check', 'new dax', 'check'];
const whole = `${lines.join('\n')}\n`;

test('the delivery of a run depends only on seed and run number, and the shares are about those asked for', () => {
  const n = 10_000;
  const ds = Array.from({ length: n }, (_, i) => chooseDelivery(7, i));
  assert.equal(ds, Array.from({ length: n }, (_, i) => chooseDelivery(7, i)));
  assert.not.equal(ds.slice(0, 50), Array.from({ length: 50 }, (_, i) => chooseDelivery(8, i)));
  const share = (p: (d: (typeof ds)[number]) => boolean) => (100 * ds.filter(p).length) / n;
  assert.ok(Math.abs(share((d) => d.mode === 'split') - DEFAULT_SHARES.splitPercent) < 1.5);
  assert.ok(Math.abs(share((d) => d.mode === 'step') - DEFAULT_SHARES.stepPercent) < 1.5);
  assert.ok(Math.abs(share((d) => d.quit) - DEFAULT_SHARES.quitPercent) < 0.2);
  assert.ok(ds.every(isDelivery));
  const none = Array.from({ length: 1000 }, (_, i) => chooseDelivery(7, i, { splitPercent: 0, stepPercent: 0, quitPercent: 0 }));
  assert.ok(none.every((d) => d.mode === 'batch' && !d.quit));
});

test('a batch is one write; a split is 2 to 5 writes cut between seeded lines that join to the text, each waiting for the answers of the lines before it', () => {
  assert.equal(chunksOf(lines, BATCH_DELIVERY), [{ text: whole, wait: 0 }]);
  for (let seed = 0; seed < 40; seed++) {
    const chunks = chunksOf(lines, { mode: 'split', seed, quit: false });
    assert.is(chunks.map((c) => c.text).join(''), whole);
    assert.ok(chunks.length >= 2 && chunks.length <= 5, `${chunks.length} writes`);
    let at = 0;
    for (const c of chunks) {
      assert.ok(c.text.endsWith('\n'), 'a write ends a line');
      assert.is(c.wait, whole.slice(0, at).split('\n').length - 1, `seed ${seed}: wait of the write at ${at}`);
      at += c.text.length;
    }
    assert.equal(chunksOf(lines, { mode: 'split', seed, quit: false }), chunks, 'the same seed cuts the same way');
  }
});

test('step by step writes each group of lines on its own, after the answers of the groups before', () => {
  const chunks = chunksOf(lines, { mode: 'step', seed: 0, quit: false }, [1, 4, 9]);
  assert.equal(chunks, [
    { text: 'new dax\n', wait: 0 },
    { text: 'createRegion contiguous 0x0 0x4000000 0x200000 empty\nobserve changed\ncheck\n', wait: 1 },
    { text: 'createDevice 0 0x0\nobserve changed\ncheck\nnew dax\ncheck\n', wait: 4 },
  ]);
});

test('a delivery reads back from a file only in its own shape, and prints short', () => {
  assert.ok(isDelivery({ mode: 'split', seed: 3, quit: true }));
  for (const bad of [null, {}, { mode: 'burst', seed: 1, quit: false }, { mode: 'step', seed: 1.5, quit: false }, { mode: 'step', seed: 1, quit: 'no' }]) assert.not.ok(isDelivery(bad), JSON.stringify(bad));
  assert.is(deliveryText({ mode: 'split', seed: 7, quit: true }), 'split#7+quit');
  assert.is(deliveryText(BATCH_DELIVERY), 'batch');
});

test.run();
