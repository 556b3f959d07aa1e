/**
 * `--format json`: the contract in DESIGN.md, "The JSON report". Every object is built key by
 * key so the key order is the contract's and nothing internal (source, offsets, messageId) leaks.
 */
import type { Finding } from '../engine/finding.js';
import type { CitationResult, ClaimResult, FileResult, Results } from '../engine/results.js';
import type { ReportContext } from './common.js';

export function json(results: Results, context: ReportContext): string {
  const report = {
    version: 1,
    tool: { name: 'citecheck', version: context.toolVersion },
    files: results.files.map(file),
    summary: {
      files: results.summary.files,
      errors: results.summary.errors,
      warnings: results.summary.warnings,
      infos: results.summary.infos,
      claims: results.summary.claims,
      checkworthyClaims: results.summary.checkworthyClaims,
      supportedClaims: results.summary.supportedClaims,
    },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function file(result: FileResult) {
  return {
    path: result.path,
    format: result.format,
    date: result.date,
    dateSource: result.dateSource,
    claims: result.claims.map(claim),
    citations: result.citations.map(citation),
    findings: result.findings.map(finding),
  };
}

function claim(c: ClaimResult) {
  return {
    id: c.id,
    text: c.text,
    ...range(c),
    checkworthy: c.checkworthy,
    citationIds: [...c.citationIds],
  };
}

function citation(c: CitationResult) {
  return {
    id: c.id,
    text: c.text,
    form: c.form,
    sources: c.sources.map((s) => ({ name: s.name, sourceId: s.sourceId, chipCount: s.chipCount })),
    ...range(c),
    claimIds: [...c.claimIds],
  };
}

function finding(f: Finding) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    ...range(f),
    claimId: f.claimId,
    citationId: f.citationId,
    evidence: f.evidence && { kind: f.evidence.kind, id: f.evidence.id, summary: f.evidence.summary, reference: f.evidence.reference },
    suggestion: f.suggestion,
    // ESLint's shape for fixes: offsets into the original file, end exclusive.
    fix: f.fix && { range: [f.fix.start, f.fix.end], text: f.fix.text },
  };
}

function range(r: { line: number; column: number; endLine: number; endColumn: number }) {
  return { line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn };
}
