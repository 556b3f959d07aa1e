/** What checking gives back: one FileResult per input, in input order. */
import type { Citation } from '../citations/citation.js';
import type { DateSource, Format } from '../input/document.js';
import type { Claim } from '../parse/claim.js';
import type { Finding } from './finding.js';

export interface ClaimResult extends Claim {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface CitationResult extends Citation {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FileResult {
  path: string;
  format: Format;
  date: string | null;
  dateSource: DateSource;
  /** The original text, for reporters that show the offending line (never in JSON). */
  source: string;
  claims: ClaimResult[];
  citations: CitationResult[];
  /** Sorted by line, column, rule id. Suppressed findings are excluded. */
  findings: Finding[];
  /** Findings an inline directive suppressed (SARIF reports them as suppressions). */
  suppressed: Finding[];
}

/** A file that could not be checked: one line for the user. */
export interface FileError {
  path: string;
  message: string;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  claims: number;
  checkworthyClaims: number;
  supportedClaims: number;
}

export interface Results {
  files: FileResult[];
  errors: FileError[];
  summary: Summary;
}

export function summarize(files: readonly FileResult[]): Summary {
  const summary = emptySummary();
  for (const file of files) addToSummary(summary, file);
  return summary;
}

export function emptySummary(): Summary {
  return { files: 0, errors: 0, warnings: 0, infos: 0, claims: 0, checkworthyClaims: 0, supportedClaims: 0 };
}

/** Counts one more file into `summary` (a run that streams its report keeps only the counts). */
export function addToSummary(summary: Summary, file: FileResult): void {
  summary.files++;
  for (const finding of file.findings) {
    if (finding.severity === 'error') summary.errors++;
    else if (finding.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  summary.claims += file.claims.length;
  for (const claim of file.claims) {
    if (!claim.checkworthy) continue;
    summary.checkworthyClaims++;
    if (claim.supported) summary.supportedClaims++;
  }
}

/** Adds one file's counts (from addToSummary on an empty summary) into the run's. */
export function mergeSummary(into: Summary, from: Summary): void {
  into.files += from.files;
  into.errors += from.errors;
  into.warnings += from.warnings;
  into.infos += from.infos;
  into.claims += from.claims;
  into.checkworthyClaims += from.checkworthyClaims;
  into.supportedClaims += from.supportedClaims;
}
