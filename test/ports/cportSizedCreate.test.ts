/**
 * docs/SPECIFICATION.md §3.2 (createDevice), on the C port (ports/c/bus.c): a sized
 * create must be a multiple of the new device's effective alignment, max(region align,
 * 2 MiB). The same boundary as test/examples/device.test.ts, replayed against the model.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { processFactory } from '../../protocol/processSut.ts';
import { modelFactory } from '../../model/index.ts';
import type { DaxCommand } from '../../properties/dax/daxCommand.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { replayCommands } from '../../properties/replay.ts';
import { GiB, MiB } from '../../sut/u64.ts';
import { buildCPort, C_PORT } from './cport.ts';

const run: DaxCommand[] = [
  { op: 'createRegion', kind: 'contiguous', start: GiB, sizeBytes: 16n * MiB, align: 4n * MiB, seed: 'empty' },
  { op: 'createDevice', region: 0, sizeBytes: 2n * MiB },
  { op: 'createDevice', region: 0, sizeBytes: 6n * MiB },
  { op: 'createDevice', region: 0, sizeBytes: 4n * MiB },
  { op: 'resize', region: 0, device: 1, to: 'abs', deltaBytes: 8n * MiB },
];

test('the C port: on a region of align 4 MiB, a sized create of 2 MiB or 6 MiB is EINVAL, of 4 MiB is ok and the device grows by 4 MiB, as the model says', () => {
  buildCPort();
  const port = processFactory([C_PORT]);
  try {
    const out = replayCommands(daxSuite, modelFactory, port, run, true);
    assert.is(out.failure, null, out.failure?.message);
    assert.equal(out.records.map((r) => r.sut), [
      { ok: true, id: 0 }, { ok: false, errno: 'EINVAL' }, { ok: false, errno: 'EINVAL' }, { ok: true, id: 1 }, { ok: true },
    ]);
  } finally {
    port.close();
  }
});

test.run();
