/**
 * --fix and --fix-dry-run: applies fixes pass after pass until none is left (each pass re-checks
 * the fixed text), then gives back the fixed text in the file's own encoding (BOM kept).
 */
import type { Checker } from '../checker.js';
import { applyFixes } from '../engine/fix.js';
import type { Finding } from '../engine/finding.js';
import type { FileResult } from '../engine/results.js';

/** ESLint's limit: fixes that keep creating fixes stop here. */
const MAX_PASSES = 10;

export interface Fixed {
  /** The result of checking the fixed text: what remains. */
  result: FileResult;
  /** The fixed text, or null when no fix applied. */
  output: string | null;
  applied: number;
}

export async function fixResult(checker: Checker, path: string, first: FileResult, wanted: (finding: Finding) => boolean): Promise<Fixed> {
  let result = first;
  let text = first.source;
  let applied = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = result.findings.filter((finding) => finding.fix && wanted(finding)).map((finding) => finding.fix!);
    if (fixes.length === 0) break;
    const outcome = applyFixes(text, fixes);
    if (outcome.applied.length === 0 || outcome.output === text) break;
    // A U+FEFF left at the very start (a fix removed what stood before it) is read back as a
    // byte-order mark and dropped: the file would not read back as fixed, and the next pass's
    // offsets would be one off. It goes with the fixes (it is invisible).
    const output = outcome.output.charCodeAt(0) === 0xfeff ? outcome.output.replace(/^\uFEFF+/, '') : outcome.output;
    const rechecked = await checker.checkInput({ path, text: output, format: first.format });
    // Text that no longer reads as an article (residue removed from around control characters,
    // which then look binary) keeps this pass undone: the file and its report stay as they were.
    if ('error' in rechecked) break;
    applied += outcome.applied.length;
    text = output;
    result = rechecked.result;
  }
  return { result, output: applied > 0 ? text : null, applied };
}

/** Text back to bytes as the file had them: UTF-8 with or without BOM, or UTF-16 with its BOM. */
export function encodeLike(original: Uint8Array, text: string): Buffer {
  const [a, b, c] = original;
  if (a === 0xef && b === 0xbb && c === 0xbf) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (a === 0xff && b === 0xfe) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (a === 0xfe && b === 0xff) return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  return Buffer.from(text, 'utf8');
}

/**
 * A diff-like summary for --fix-dry-run in the terminal: the changed lines, before (-) and
 * after (+), with their line numbers. Fixes rarely add or remove lines, so lines are paired
 * when the counts match; otherwise the changed block between the common head and tail is shown.
 */
export function diffSummary(path: string, before: string, after: string): string {
  const old = before.split(/\r?\n/);
  const now = after.split(/\r?\n/);
  const out = [`${path}`];
  if (old.length === now.length) {
    old.forEach((line, i) => {
      if (line !== now[i]) out.push(`  ${i + 1}  - ${line}`, `  ${i + 1}  + ${now[i]}`);
    });
  } else {
    let head = 0;
    while (head < old.length && head < now.length && old[head] === now[head]) head++;
    let tail = 0;
    while (tail < old.length - head && tail < now.length - head && old[old.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
    old.slice(head, old.length - tail).forEach((line, i) => out.push(`  ${head + i + 1}  - ${line}`));
    now.slice(head, now.length - tail).forEach((line, i) => out.push(`  ${head + i + 1}  + ${line}`));
  }
  return `${out.join('\n')}\n\n`;
}
