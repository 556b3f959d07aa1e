/**
 * Inline control: which findings a `citecheck-disable…` directive suppresses, and which
 * directives suppressed nothing (reported with --report-unused-disable-directives). Each step is
 * a look-up or a sweep in line order: a file may hold thousands of directives and findings, and
 * testing every finding against every directive was quadratic.
 */
import type { Directive } from '../input/document.js';
import type { Finding } from './finding.js';

interface Range {
  directive: Directive;
  /** Place among the ranges: of several that cover a finding, the first suppresses it. */
  order: number;
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

/** The key of a directive without rule ids, which covers every rule. */
const ALL_RULES = '';

const keysOf = (directive: Directive): readonly string[] => (directive.ruleIds.length > 0 ? directive.ruleIds : [ALL_RULES]);

/**
 * The line of the `enable` that closes each `disable` among `ordered` (directives in line order),
 * Infinity for those never closed. An `enable` closes the open ones whose rules it names all of;
 * either without rule ids closes them all. Open ones are grouped by their rule ids, so an enable
 * tests each group once: a file of "disable a … enable b" pairs tested every open one.
 */
export function disableEnds(ordered: readonly Directive[]): Map<Directive, number> {
  const ends = new Map<Directive, number>();
  const open = new Map<string, { ruleIds: readonly string[]; directives: Directive[] }>();
  for (const directive of ordered) {
    if (directive.kind === 'disable') {
      ends.set(directive, Infinity);
      const key = directive.ruleIds.join(' ');
      const group = open.get(key);
      if (group) group.directives.push(directive);
      else open.set(key, { ruleIds: directive.ruleIds, directives: [directive] });
    } else if (directive.kind === 'enable') {
      const ids = directive.ruleIds;
      for (const [key, group] of open) {
        if (ids.length > 0 && !group.ruleIds.every((id) => ids.includes(id))) continue;
        for (const closed of group.directives) ends.set(closed, directive.line);
        open.delete(key);
      }
    }
  }
  return ends;
}

export function applyDirectives(findings: Finding[], directives: readonly Directive[]): DirectiveOutcome {
  if (directives.length === 0) return { kept: findings, suppressed: [], unused: [] };
  const ordered = [...directives].sort((a, b) => a.line - b.line);
  const ends = disableEnds(ordered);
  const ranges: Range[] = [];
  // One-line ranges by line, the first for each rule id; `disable` ranges in order of their first line.
  const oneLine = new Map<number, Map<string, Range>>();
  const blocks: Range[] = [];
  for (const directive of ordered) {
    if (directive.kind === 'enable') continue;
    const block = directive.kind === 'disable';
    const fromLine = directive.kind === 'disable-next-line' ? directive.line + 1 : directive.line;
    const range: Range = { directive, order: ranges.length, fromLine, toLine: block ? ends.get(directive)! : fromLine, used: false };
    ranges.push(range);
    if (block) { blocks.push(range); continue; }
    let firsts = oneLine.get(fromLine);
    if (!firsts) oneLine.set(fromLine, firsts = new Map());
    for (const key of keysOf(directive)) if (!firsts.has(key)) firsts.set(key, range);
  }

  // Findings in line order; the `disable` ranges begun by each line queue up per rule id. A range
  // at a queue's head that has ended stays ended for the lines after, so it is dropped for good.
  const byLine = findings.map((_, n) => n).sort((a, b) => findings[a]!.line - findings[b]!.line);
  const queues = new Map<string, { ranges: Range[]; head: number }>();
  const covering: (Range | undefined)[] = new Array(findings.length);
  let begun = 0;
  for (const n of byLine) {
    const { line, ruleId } = findings[n]!;
    for (; begun < blocks.length && blocks[begun]!.fromLine <= line; begun++) {
      for (const key of keysOf(blocks[begun]!.directive)) {
        const queue = queues.get(key);
        if (queue) queue.ranges.push(blocks[begun]!);
        else queues.set(key, { ranges: [blocks[begun]!], head: 0 });
      }
    }
    const firsts = oneLine.get(line);
    let first = firsts?.get(ALL_RULES);
    const own = firsts?.get(ruleId);
    if (own && (!first || own.order < first.order)) first = own;
    for (const key of [ALL_RULES, ruleId]) {
      const queue = queues.get(key);
      if (!queue) continue;
      while (queue.head < queue.ranges.length && queue.ranges[queue.head]!.toLine < line) queue.head++;
      const range = queue.ranges[queue.head];
      if (range && (!first || range.order < first.order)) first = range;
    }
    covering[n] = first;
  }

  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  findings.forEach((finding, n) => {
    const range = covering[n];
    if (!range) { kept.push(finding); return; }
    range.used = true;
    suppressed.push({ ...finding, suppressed: { reason: range.directive.reason ?? null } });
  });
  return { kept, suppressed, unused: ranges.filter((range) => !range.used).map((range) => range.directive) };
}
