import type { Result } from '../sut/interface.ts';

/** A result as printed in messages: ok, ok(id=3), EBUSY, EBUSY(conflict=2). */
export function showResult(r: Result): string {
  if (r.ok) return r.id === undefined ? 'ok' : `ok(id=${r.id})`;
  return r.conflict === undefined ? r.errno : `${r.errno}(conflict=${r.conflict})`;
}
