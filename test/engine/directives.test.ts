import fc from 'fast-check';
import type { Directive } from '../../src/input/document.js';
import { applyDirectives, type DirectiveOutcome } from '../../src/engine/directives.js';
import type { Finding } from '../../src/engine/finding.js';
import { openDisables } from '../../src/engine/sections.js';

/**
 * The matching as first written, one directive at a time: the oracle. applyDirectives indexes
 * by line and rule to stay linear on files of thousands of directives, and must agree with it
 * exactly, down to which directive suppresses a finding (and so which ones count as unused).
 */
function reference(findings: Finding[], directives: readonly Directive[]): DirectiveOutcome {
  if (directives.length === 0) return { kept: findings, suppressed: [], unused: [] };
  const ranges: { directive: Directive; fromLine: number; toLine: number; used: boolean }[] = [];
  const open: typeof ranges = [];
  for (const directive of [...directives].sort((a, b) => a.line - b.line)) {
    if (directive.kind === 'disable-line') ranges.push({ directive, fromLine: directive.line, toLine: directive.line, used: false });
    if (directive.kind === 'disable-next-line') ranges.push({ directive, fromLine: directive.line + 1, toLine: directive.line + 1, used: false });
    if (directive.kind === 'disable') {
      const range = { directive, fromLine: directive.line, toLine: Infinity, used: false };
      ranges.push(range);
      open.push(range);
    }
    if (directive.kind === 'enable') {
      for (const range of open) {
        const ids = directive.ruleIds;
        if (range.toLine === Infinity && (ids.length === 0 || range.directive.ruleIds.length === 0 || range.directive.ruleIds.every((id) => ids.includes(id)))) range.toLine = directive.line;
      }
    }
  }
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const range = ranges.find((candidate) => finding.line >= candidate.fromLine && finding.line <= candidate.toLine
      && (candidate.directive.ruleIds.length === 0 || candidate.directive.ruleIds.includes(finding.ruleId)));
    if (!range) { kept.push(finding); continue; }
    range.used = true;
    suppressed.push({ ...finding, suppressed: { reason: range.directive.reason ?? null } });
  }
  return { kept, suppressed, unused: ranges.filter((range) => !range.used).map((range) => range.directive) };
}

const RULES = ['a', 'b', 'c'];

const directive = fc.record({
  kind: fc.constantFrom<Directive['kind']>('disable', 'enable', 'disable-line', 'disable-next-line'),
  ruleIds: fc.subarray(RULES),
  line: fc.integer({ min: 0, max: 12 }),
  column: fc.constant(1),
  reason: fc.option(fc.constantFrom('one', 'two', 'three'), { nil: undefined }),
}).map(({ reason, ...rest }): Directive => (reason === undefined ? rest : { ...rest, reason }));

const finding = fc.record({ ruleId: fc.constantFrom(...RULES, 'd'), line: fc.integer({ min: 1, max: 12 }) })
  .map(({ ruleId, line }) => ({ ruleId, line, message: `${ruleId}@${line}` }) as unknown as Finding);

describe('applyDirectives', () => {
  test('agrees with one-at-a-time matching: kept, suppressed by the same directive, and unused', () => {
    fc.assert(fc.property(fc.array(finding, { maxLength: 30 }), fc.array(directive, { maxLength: 12 }), (findings, directives) => {
      const got = applyDirectives(findings, directives);
      const want = reference(findings, directives);
      expect(got.kept).toEqual(want.kept);
      expect(got.suppressed).toEqual(want.suppressed);
      // The same directive objects, in the same order.
      expect(got.unused.map((d) => directives.indexOf(d))).toEqual(want.unused.map((d) => directives.indexOf(d)));
    }), { numRuns: 2_000 });
  });

  test('the first of two covering directives suppresses, so the second is unused', () => {
    const first: Directive = { kind: 'disable', ruleIds: ['a'], line: 1, column: 1, reason: 'first' };
    const second: Directive = { kind: 'disable-line', ruleIds: [], line: 3, column: 1, reason: 'second' };
    const finding = { ruleId: 'a', line: 3 } as Finding;
    const { suppressed, unused } = applyDirectives([finding], [second, first]);
    expect(suppressed).toEqual([{ ...finding, suppressed: { reason: 'first' } }]);
    expect(unused).toEqual([second]);
  });
});

describe('openDisables', () => {
  test('the disable directives left open after a section, carried ones first', () => {
    fc.assert(fc.property(fc.array(directive, { maxLength: 6 }), fc.array(directive, { maxLength: 12 }), (carriedIn, directives) => {
      const carried = carriedIn.map((d) => ({ ...d, kind: 'disable' as const, line: 0 }));
      // The removal as first written.
      const still: Directive[] = [];
      for (const d of [...carried, ...[...directives].sort((a, b) => a.line - b.line)]) {
        if (d.kind === 'disable') still.push(d);
        if (d.kind !== 'enable') continue;
        for (let i = still.length - 1; i >= 0; i--) {
          const ids = still[i]!.ruleIds;
          if (d.ruleIds.length === 0 || ids.length === 0 || ids.every((id) => d.ruleIds.includes(id))) still.splice(i, 1);
        }
      }
      expect(openDisables(carried, directives)).toEqual(still);
    }), { numRuns: 1_000 });
  });
});
