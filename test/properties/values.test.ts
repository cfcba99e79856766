import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeValue, encodeValue, showValue } from '../../properties/values.ts';

test('bigints survive a JSON round trip as hex strings, negative ones included', () => {
  const value = { a: 0x200000n, b: -0x1000n, c: 'x', d: [1, 2n] };
  const text = JSON.stringify(value, encodeValue);
  assert.is(text, '{"a":"0x200000","b":"-0x1000","c":"x","d":[1,"0x2"]}');
  assert.equal(JSON.parse(text, decodeValue), value);
});

test('showValue prints bigints as bare hex and keys without quotes', () => {
  assert.is(showValue({ region: 0, sizeBytes: 0x200000n, to: 'grow' }), '{region:0,sizeBytes:0x200000,to:"grow"}');
});

test.run();
