/**
 * Plain-data encoding of command arguments for files and messages: bigints are written
 * as hex strings ("0x200000", "-0x1000"), everything else as JSON. No other string a
 * command holds may look like a hex number (labels and names are generated from words).
 */

const HEX = /^-?0x[0-9a-f]+$/;

/** JSON.stringify replacer: bigint → "0x…" / "-0x…". */
export function encodeValue(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value < 0n ? `-0x${(-value).toString(16)}` : `0x${value.toString(16)}`;
  return value;
}

/** JSON.parse reviver: "0x…" / "-0x…" → bigint. */
export function decodeValue(_key: string, value: unknown): unknown {
  if (typeof value === 'string' && HEX.test(value)) {
    return value.startsWith('-') ? -BigInt(value.slice(1)) : BigInt(value);
  }
  return value;
}

/** One-line text form of a plain value with hex bigints, e.g. {region:0,sizeBytes:0x200000}. */
export function showValue(value: unknown): string {
  const json = JSON.stringify(value, encodeValue) ?? 'undefined';
  return json.replace(/"(-?0x[0-9a-f]+)"/g, '$1').replace(/"([A-Za-z_][A-Za-z0-9_]*)":/g, '$1:');
}
