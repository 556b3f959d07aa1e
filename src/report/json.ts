/**
 * `--format json`: the contract in DESIGN.md, "The JSON report". Every object is built key by
 * key so the key order is the contract's and nothing internal (source, offsets, messageId) leaks.
 */
import type { Finding } from '../engine/finding.js';
import type { CitationResult, ClaimResult, FileResult, Summary } from '../engine/results.js';
import { collect, type FileExtras, type ReportContext, type ReportStream } from './common.js';

/**
 * Written file by file, yet byte for byte what `JSON.stringify(report, null, 2)` gives for the
 * whole report (test/report/json.test.ts holds it to that).
 */
export function jsonStream(context: ReportContext): ReportStream {
  const head = JSON.stringify({ version: 1, tool: { name: 'citecheck', version: context.toolVersion } }, null, 2);
  return {
    head: `${head.slice(0, -2)},\n  "files": [`,
    file: (result, extras) => `\n    ${JSON.stringify(file(result, extras), null, 2).replace(/\n/g, '\n    ')}`,
    separator: ',',
    tail(summary) {
      const counts = JSON.stringify(summaryOf(summary), null, 2).replace(/\n/g, '\n  ');
      return `${summary.files === 0 ? '' : '\n  '}],\n  "summary": ${counts}\n}\n`;
    },
  };
}

export const json = collect(jsonStream);

function summaryOf(summary: Summary) {
  return {
    files: summary.files,
    errors: summary.errors,
    warnings: summary.warnings,
    infos: summary.infos,
    claims: summary.claims,
    checkworthyClaims: summary.checkworthyClaims,
    supportedClaims: summary.supportedClaims,
  };
}

function file(result: FileResult, extras?: FileExtras) {
  return {
    path: result.path,
    format: result.format,
    date: result.date,
    dateSource: result.dateSource,
    claims: result.claims.map(claim),
    citations: result.citations.map(citation),
    findings: result.findings.map(finding),
    // ESLint's shape: under --fix-dry-run a fixed file carries its fixed text.
    ...(extras?.output !== undefined && { output: extras.output }),
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
