/**
 * `--format json`: the contract in DESIGN.md, "The JSON report". Every object is built key by
 * key so the key order is the contract's and nothing internal (source, offsets, messageId) leaks.
 */
import type { Finding } from '../engine/finding.js';
import type { CitationResult, ClaimResult, FileResult, Summary } from '../engine/results.js';
import { collect, type FileExtras, type ReportStream, type StreamContext } from './common.js';

/**
 * Written file by file, yet byte for byte what `JSON.stringify(report, null, 2)` gives for the
 * whole report (test/report/json.test.ts holds it to that).
 */
export function jsonStream(context: StreamContext): ReportStream {
  const head = JSON.stringify({ version: 1, tool: { name: 'citecheck', version: context.toolVersion } }, null, 2);
  return {
    head: `${head.slice(0, -2)},\n  "files": [`,
    file: (result, extras) => filePart(file(result, extras)),
    fileBytes(result, extras) {
      // The wrapper is all ASCII: the part is a view into its bytes, as filePart is into its text.
      const bytes = encoder.encode(JSON.stringify({ f: [file(result, extras)] }, null, 2));
      return bytes.subarray(FILE_HEAD - PART_OPENING.length, bytes.length - FILE_TAIL);
    },
    separator: ',',
    sectioned(write, spool) {
      // The file's object, key by key: its claims go out as they come; its citations and
      // findings wait in spools until the last section, as JSON puts them after all claims.
      let claims: JsonArray | null = null;
      const citationSpool = spool();
      const findingSpool = spool();
      const citations = new JsonArray((text) => citationSpool.write(text));
      const findings = new JsonArray((text) => findingSpool.write(text));
      const open = (result: FileResult) => {
        write(`\n    ${indented(fileHead(result)).slice(0, -6)},\n      "claims": `);
        return new JsonArray(write);
      };
      // The first section waits for the second: a file that is one long paragraph is one
      // section, and is then written straight out, its arrays in pieces, without a round trip
      // through the spools nor one string of its whole report (for a hostile megabyte, 66 MB).
      let first: FileResult | null = null;
      return {
        section(result) {
          if (claims === null && first === null) {
            first = result;
            return;
          }
          for (const each of first === null ? [result] : [first, result]) {
            claims ??= open(each);
            claims.add(each.claims, claim);
            citations.add(each.citations, citation);
            findings.add(each.findings, finding);
          }
          first = null;
        },
        end() {
          if (first !== null) {
            open(first).add(first.claims, claim).close();
            write(',\n      "citations": ');
            new JsonArray(write).add(first.citations, citation).close();
            write(',\n      "findings": ');
            new JsonArray(write).add(first.findings, finding).close();
            write('\n    }');
            first = null;
            return;
          }
          if (claims === null) return;
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

/**
 * A file's part of the report: the "\n    " that opens it, then indented(value). The wrapper's
 * head ends in that opening, so the part is one cut of its text: joining the opening to it made
 * a rope that writing it had to copy flat again (tens of MB over an archive).
 */
function filePart(value: unknown): string {
  const text = JSON.stringify({ f: [value] }, null, 2);
  return text.slice(FILE_HEAD - PART_OPENING.length, text.length - FILE_TAIL);
}
const PART_OPENING = '\n    ';

/** Items as JSON.stringify(…, null, 2) lays out a file's array items, 8 spaces in, without the brackets. */
function indentedItems(items: unknown[]): string {
  const text = JSON.stringify({ f: [{ c: items }] }, null, 2);
  return text.slice(ITEMS_HEAD, text.length - ITEMS_TAIL);
}
const ITEMS_HEAD = '{\n  "f": [\n    {\n      "c": [\n        '.length;
const ITEMS_TAIL = '\n      ]\n    }\n  ]\n}'.length;

/**
 * Items stringified at a time: enough that a call's cost is spread, few enough that the string
 * (about 1 KB an item) stays under V8's 128 KB large-object size, which costs fresh pages.
 */
const BATCH = 64;

/**
 * An array of a file's object (6 spaces in), written as JSON.stringify lays it out, a batch of
 * items at a time: one call per batch, not per item, is the cheaper by far.
 */
class JsonArray {
  private count = 0;

  constructor(private readonly out: (text: string) => void) {}

  add<T>(items: readonly T[], shape: (item: T) => unknown): this {
    for (let start = 0; start < items.length; start += BATCH) {
      const batch = items.slice(start, start + BATCH).map(shape);
      // Apart, not joined: joining makes a rope that writing it must copy flat first.
      this.out(this.count === 0 ? '[\n        ' : ',\n        ');
      this.out(indentedItems(batch));
      this.count += batch.length;
    }
    return this;
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

/** A file's object up to its arrays. */
function fileHead(result: FileResult) {
  return { path: result.path, format: result.format, date: result.date, dateSource: result.dateSource };
}

function file(result: FileResult, extras?: FileExtras) {
  return {
    ...fileHead(result),
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
