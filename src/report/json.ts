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
    file: (result, extras) => `\n    ${indented(file(result, extras))}`,
    fileBytes(result, extras) {
      // The wrapper's head ends in the "\n    " that opens a file's part, and it is all ASCII:
      // so the part is a view into the encoded wrapper, without slicing or joining strings.
      const bytes = encoder.encode(JSON.stringify({ f: [file(result, extras)] }, null, 2));
      return bytes.subarray(FILE_HEAD - '\n    '.length, bytes.length - FILE_TAIL);
    },
    separator: ',',
    sectioned(write, spool) {
      // The file's object, key by key: its claims go out as they come; its citations and
      // findings wait in spools until the last section, as JSON puts them after all claims.
      const claims = new JsonArray(write);
      const citationSpool = spool();
      const findingSpool = spool();
      const citations = new JsonArray((text) => citationSpool.write(text));
      const findings = new JsonArray((text) => findingSpool.write(text));
      let opened = false;
      const add = (result: FileResult) => {
        if (!opened) {
          const { claims: _c, citations: _s, findings: _f, ...head } = file(result);
          write(`\n    ${indented(head).slice(0, -6)},\n      "claims": `);
          opened = true;
        }
        claims.add(result.claims.map(claim));
        citations.add(result.citations.map(citation));
        findings.add(result.findings.map(finding));
      };
      // The first section waits for the second: a file that is one long paragraph is one
      // section, and is then written whole, without a round trip of its report through the spools.
      let first: FileResult | null = null;
      return {
        section(result) {
          if (!opened && first === null) {
            first = result;
            return;
          }
          if (first !== null) add(first);
          first = null;
          add(result);
        },
        end() {
          if (first !== null) write(`\n    ${indented(file(first))}`);
          first = null;
          if (!opened) return;
          claims.close();
          citations.close();
          findings.close();
          write(',\n      "citations": ');
          citationSpool.drain(write);
          write(',\n      "findings": ');
          findingSpool.drain(write);
          write('\n    }');
        },
      };
    },
    tail(summary) {
      const counts = JSON.stringify(summaryOf(summary), null, 2).replace(/\n/g, '\n  ');
      return `${summary.files === 0 ? '' : '\n  '}],\n  "summary": ${counts}\n}\n`;
    },
  };
}

export const json = collect(jsonStream);

const encoder = new TextEncoder();

/**
 * JSON.stringify(value, null, 2) for a file's object, nested 4 spaces in. The value is laid out
 * inside an empty wrapper of that depth and cut out: JSON.stringify indents natively, where
 * re-indenting a file's 35 KB of JSON with a regex took a tenth of a run's time.
 */
function indented(value: unknown): string {
  const text = JSON.stringify({ f: [value] }, null, 2);
  return text.slice(FILE_HEAD, text.length - FILE_TAIL);
}
const FILE_HEAD = '{\n  "f": [\n    '.length;
const FILE_TAIL = '\n  ]\n}'.length;

/** Items as JSON.stringify(…, null, 2) lays out a file's array items, 8 spaces in, without the brackets. */
function indentedItems(items: unknown[]): string {
  const text = JSON.stringify({ f: [{ c: items }] }, null, 2);
  return text.slice(ITEMS_HEAD, text.length - ITEMS_TAIL);
}
const ITEMS_HEAD = '{\n  "f": [\n    {\n      "c": [\n        '.length;
const ITEMS_TAIL = '\n      ]\n    }\n  ]\n}'.length;

/**
 * An array of a file's object (6 spaces in), written a section's items at a time as
 * JSON.stringify lays it out: one call per section, not per item, is the cheaper by far.
 */
class JsonArray {
  private count = 0;

  constructor(private readonly out: (text: string) => void) {}

  add(items: unknown[]): void {
    if (items.length === 0) return;
    this.out(`${this.count === 0 ? '[' : ','}\n        ${indentedItems(items)}`);
    this.count += items.length;
  }

  close(): void {
    this.out(this.count === 0 ? '[]' : '\n      ]');
  }
}

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
