/**
 * A port's exit after `quit` (protocol/exitVerdict.ts, PROTOCOL.md "Leaks"):
 * status 0 with no SUMMARY line passes; a LeakSanitizer report is sut-leaked; any other
 * status, a signal, or a SUMMARY line on its own (UBSan continues and exits 0) is
 * sut-crashed; the message carries the SUMMARY line.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { exitFailure, isLeakSummary } from '../../protocol/exitVerdict.ts';

const cmd = ['port'];
const exit = (o: Partial<{ code: number | null; signal: string | null; summary: string | null }>) => ({ code: 0, signal: null, summary: null, stderrHead: [], stderrTail: [], ...o });

test('a clean exit passes; a leak report is sut-leaked with its SUMMARY line', () => {
  assert.is(exitFailure(exit({}), cmd), null);
  const leak = exitFailure(exit({ code: 1, summary: 'SUMMARY: AddressSanitizer: 48 byte(s) leaked in 1 allocation(s).' }), cmd);
  assert.is(leak?.kind, 'sut-leaked');
  assert.is(leak!.message, 'the port port ended with exit code 1 after quit (last request: quit): SUMMARY: AddressSanitizer: 48 byte(s) leaked in 1 allocation(s).');
  assert.ok(isLeakSummary('SUMMARY: LeakSanitizer: 16 byte(s) leaked in 1 allocation(s).'));
});

test('a non-zero status, a signal, or a sanitizer SUMMARY line after a status of 0 is sut-crashed', () => {
  assert.is(exitFailure(exit({ code: 3 }), cmd)?.kind, 'sut-crashed');
  assert.is(exitFailure(exit({ code: null, signal: 'SIGSEGV' }), cmd)?.kind, 'sut-crashed');
  const ub = exitFailure(exit({ summary: 'SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior bus.c:42:7 in dev_dax_resize' }), cmd);
  assert.is(ub?.kind, 'sut-crashed');
  assert.match(ub!.message, /UndefinedBehaviorSanitizer/);
  assert.not.ok(isLeakSummary(null));
});

test.run();
