/** Colours of the drawings: one per device id, and the fixed colours of the other things drawn. */

const DEVICE_COLOURS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#6b6ecf'];

/** The fill colour of device `id`'s ranges (the same id has the same colour in every drawing). */
export function deviceColour(id: number): string {
  return DEVICE_COLOURS[((id % DEVICE_COLOURS.length) + DEVICE_COLOURS.length) % DEVICE_COLOURS.length]!;
}

export const COLOURS = {
  capacity: '#eef3f8',
  outside: '#f3f3f3',
  free: '#c7e9c0',
  extent: '#9ecae1',
  extentStroke: '#3182bd',
  released: '#bdbdbd',
  busy: '#f4a261',
  idle: '#dbe9f6',
  stroke: '#555',
  text: '#222',
  warn: '#c62828',
  overlap: '#c62828',
} as const;
