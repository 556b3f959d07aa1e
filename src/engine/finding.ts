/** A finding: one problem a rule reports, at the original file's line and column. */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A text edit on the ORIGINAL file: replace [start, end) with `text`. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

/** Registry knowledge behind a finding, shown so a fact-checker can verify it. */
export interface Evidence {
  kind: 'source' | 'office' | 'event' | 'claim';
  id: string;
  summary: string;
  reference: string | null;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The message template's id, for tests and tools. */
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offsets into the original file, end exclusive. */
  offset: number;
  endOffset: number;
  claimId: string | null;
  citationId: string | null;
  evidence: Evidence | null;
  suggestion: string | null;
  fix: Fix | null;
  /** Set when an inline directive suppressed the finding (kept for SARIF). */
  suppressed?: { reason: string | null };
}
