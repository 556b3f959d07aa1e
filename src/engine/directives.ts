/**
 * Inline control: which findings a `citecheck-disable…` directive suppresses, and which
 * directives suppressed nothing (reported with --report-unused-disable-directives).
 */
import type { Directive } from '../input/document.js';
import type { Finding } from './finding.js';

interface Range {
  directive: Directive;
  fromLine: number;
  /** Inclusive; Infinity while never re-enabled. */
  toLine: number;
  used: boolean;
}

export interface DirectiveOutcome {
  kept: Finding[];
  suppressed: Finding[];
  unused: Directive[];
}

export function applyDirectives(findings: Finding[], directives: readonly Directive[]): DirectiveOutcome {
  if (directives.length === 0) return { kept: findings, suppressed: [], unused: [] };
  const ranges: Range[] = [];
  const open: Range[] = [];
  for (const directive of [...directives].sort((a, b) => a.line - b.line)) {
    switch (directive.kind) {
      case 'disable-line':
        ranges.push({ directive, fromLine: directive.line, toLine: directive.line, used: false });
        break;
      case 'disable-next-line':
        ranges.push({ directive, fromLine: directive.line + 1, toLine: directive.line + 1, used: false });
        break;
      case 'disable': {
        const range = { directive, fromLine: directive.line, toLine: Infinity, used: false };
        ranges.push(range);
        open.push(range);
        break;
      }
      case 'enable':
        for (const range of open) {
          if (range.toLine !== Infinity) continue;
          const ids = directive.ruleIds;
          if (ids.length === 0 || range.directive.ruleIds.length === 0 || range.directive.ruleIds.every((id) => ids.includes(id))) range.toLine = directive.line;
        }
        break;
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
