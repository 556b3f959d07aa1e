/**
 * `--format junit`: JUnit XML for CI test-report views. One test case per file; each error or
 * warning is a <failure>; infos go to <system-out> so they are visible without failing.
 */
import type { Finding } from '../engine/finding.js';
import type { Results } from '../engine/results.js';
import { relativePath, type ReportContext } from './common.js';

export function junit(results: Results, context: ReportContext): string {
  const cases: string[] = [];
  let failed = 0;
  for (const file of results.files) {
    const where = attr(relativePath(file.path, context.cwd));
    const failures = file.findings.filter((f) => f.severity !== 'info');
    const infos = file.findings.filter((f) => f.severity === 'info');
    if (failures.length > 0) failed++;
    const children = [
      ...failures.map((f) => `      <failure message="${attr(f.message)}" type="${attr(f.ruleId)}">${text(body(f))}</failure>`),
      ...(infos.length > 0 ? [`      <system-out>${text(infos.map(body).join('\n'))}</system-out>`] : []),
    ];
    const open = `    <testcase classname="${where}" name="${where}"`;
    cases.push(children.length === 0 ? `${open}/>` : `${open}>\n${children.join('\n')}\n    </testcase>`);
  }
  const counts = `tests="${results.files.length}" failures="${failed}" errors="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="citecheck" ${counts}>`,
    `  <testsuite name="citecheck" ${counts} skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

const body = (f: Finding) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`;

/** Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/FFFF). */
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function text(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes, and line breaks and tabs, which parsers would turn into spaces. */
export function attr(value: string): string {
  return text(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
