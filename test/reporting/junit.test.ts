import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { junitXml, xmlAttr, xmlText } from '../../reporting/junit.ts';
import { entry, summaryOf } from './fixtures.ts';
import { xmlProblem } from './xmlWellFormed.ts';

const count = (xml: string, re: RegExp) => [...xml.matchAll(re)].length;

const summary = summaryOf([
  entry({ name: 'tree', suite: 'tree' }),
  entry({ name: 'dax', passed: false, counterexamples: ['cx-0123456789abcdef'], message: 'counterexample cx-0123456789abcdef: step 3: resize(dax0.0, 2MiB): result-mismatch' }),
  entry({ name: 'fault s1-shrink-adjusts-extent', kind: 'fault-search', fault: 's1-shrink-adjusts-extent', expectFailure: true, counterexamples: ['cx-1'] }),
  entry({ name: 'fault s2-free-space-int', kind: 'fault-search', fault: 's2-free-space-int', expectFailure: true, passed: false, message: 'not found in 2000 runs' }),
  entry({ name: 'replay cx-1', kind: 'replay', labels: [] }),
]);

test('the JUnit report is well-formed XML with one testcase per entry, one testsuite per kind and the failures counted', () => {
  const xml = junitXml(summary);
  assert.is(xmlProblem(xml), null);
  assert.is(count(xml, /<testcase /g), 5);
  assert.is(count(xml, /<testsuite /g), 3);
  assert.is(count(xml, /<failure /g), 2);
  assert.match(xml, /<testsuites name="daxcheck hunt" tests="5" failures="2" errors="0" time="2.500">/);
  assert.match(xml, /<testsuite name="daxcheck.suites" tests="2" failures="1"/);
  assert.match(xml, /<testsuite name="daxcheck.fault-searches" tests="2" failures="1"/);
  assert.match(xml, /<testsuite name="daxcheck.replays" tests="1" failures="0"/);
  assert.match(xml, /<failure message="counterexample cx-0123456789abcdef: step 3: [^"]*" type="counterexample">/);
  assert.match(xml, /<failure message="not found in 2000 runs" type="not-found">/);
});

test('names and messages with markup, quotes, newlines and control characters are escaped and stay well-formed', () => {
  const nasty = 'a <b> & "c" \'d\'\nnext line\u0001\u001b[31m ]]> end';
  const xml = junitXml(summaryOf([entry({ name: nasty, message: nasty, passed: false, suite: 'tree' })]));
  assert.is(xmlProblem(xml), null);
  assert.ok(xml.includes('name="a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;&#10;next line\uFFFD\uFFFD[31m ]]&gt; end"'));
  assert.ok(xml.includes('>a &lt;b&gt; &amp; "c" \'d\'\nnext line'));
  assert.not.ok(xml.includes('\u0001'));
});

test('xmlText and xmlAttr escape exactly what XML requires', () => {
  assert.is(xmlText('1 < 2 && 3 > 2'), '1 &lt; 2 &amp;&amp; 3 &gt; 2');
  assert.is(xmlAttr('say "hi"\tnow'), 'say &quot;hi&quot;&#9;now');
  assert.is(xmlText('\uD800 lone'), '\uFFFD lone');
});

test('the well-formedness check used above rejects broken XML', () => {
  assert.ok(xmlProblem('<a><b></a>'));
  assert.ok(xmlProblem('<a>x & y</a>'));
  assert.ok(xmlProblem('<a x="1" x="2"/>'));
  assert.ok(xmlProblem('<a/><b/>'));
  assert.is(xmlProblem('<?xml version="1.0"?>\n<a x="&amp;">t&#10;<b/></a>\n'), null);
});

test.run();
