/**
 * Applies fixes — text edits on a file's original decoded text — as ESLint does: in order of
 * position, skipping any edit that overlaps one already taken (the next pass, on the fixed text,
 * gets it). Pure: text in, text out.
 */
import type { Fix } from './finding.js';

export interface FixOutcome {
  output: string;
  applied: Fix[];
  /** Overlapping (or out of range) edits left for another pass. */
  skipped: Fix[];
}

export function applyFixes(text: string, fixes: readonly Fix[]): FixOutcome {
  const sorted = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end);
  // Replacement text follows the file's own line endings, so a CRLF file stays CRLF.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  const parts: string[] = [];
  let at = 0;
  let last: Fix | null = null;
  for (const fix of sorted) {
    // Two rules proposing the same edit is one edit.
    if (last && fix.start === last.start && fix.end === last.end && fix.text === last.text) continue;
    if (fix.start < at || fix.end < fix.start || fix.end > text.length) { skipped.push(fix); continue; }
    parts.push(text.slice(at, fix.start), fix.text.replace(/\r?\n/g, eol));
    at = fix.end;
    last = fix;
    applied.push(fix);
  }
  parts.push(text.slice(at));
  return { output: parts.join(''), applied, skipped };
}
