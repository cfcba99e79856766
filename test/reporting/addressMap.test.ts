import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { addressMap } from '../../reporting/html/addressMap.ts';
import type { DaxSnapshot } from '../../sut/interface.ts';

const region: DaxSnapshot = {
  regions: [{
    id: 0, kind: 'contiguous', destroyed: false, start: 0n, sizeBytes: 0x400000n, align: 0x200000n, availBytes: 0x400000n,
    resource: { start: 0n, end: 0x3fffffn, name: 'region0', busy: false, children: [] }, extents: [], devices: [], badReleases: 0,
  }],
};

test('a dax-contiguous snapshot is drawn as DAX regions (it has no resource-forest roots)', () => {
  const svg = addressMap('dax-contiguous', region, 'model', 'model');
  assert.equal(svg, addressMap('dax', region, 'model', 'model'));
  assert.match(svg, /region0/);
});

test.run();
