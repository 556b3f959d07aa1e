/**
 * ESLint-style rule tests: `valid` sentences must give no finding from the rule, each `invalid`
 * case exactly the listed findings (message id, and where given line, column, matched text).
 */
import { checkDocument } from '../../src/engine/check.js';
import type { Finding, Severity } from '../../src/engine/finding.js';
import type { Rule } from '../../src/engine/rule.js';
import type { Format } from '../../src/input/document.js';
import { loadDocument } from '../../src/input/load.js';
import { loadBuiltinRegistry } from '../../src/registry/builtin.js';
import { Registry } from '../../src/registry/registry.js';

let registry: Promise<Registry> | null = null;

/** The built-in registry, compiled from the YAML in the working tree (never a stale build). */
export function builtinRegistry(): Promise<Registry> {
  process.env.CITECHECK_REGISTRY_FROM_YAML = '1';
  registry ??= loadBuiltinRegistry().then(({ data, nameIndex }) => new Registry(data, nameIndex));
  return registry;
}

export interface CaseOptions {
  format?: Format;
  date?: string;
  options?: Record<string, unknown>;
  registry?: Registry;
}

export interface ExpectedFinding {
  messageId: string;
  line?: number;
  column?: number;
  /** The text of the original file the finding covers. */
  text?: string;
  severity?: Severity;
  /** A substring the message must contain. */
  message?: string;
}

export interface InvalidCase extends CaseOptions {
  text: string;
  errors: ExpectedFinding[];
  /** The regression this case guards against, shown in the test name. */
  name?: string;
}

export type ValidCase = string | (CaseOptions & { text: string; name?: string });

const EXTENSIONS: Record<Format, string> = { text: 'txt', markdown: 'md', html: 'html' };

export async function runRule(rule: Rule, text: string, options: CaseOptions = {}): Promise<{ findings: Finding[]; source: string }> {
  const format = options.format ?? 'text';
  const doc = await loadDocument(`case.${EXTENSIONS[format]}`, text, format);
  const result = checkDocument(doc, {
    registry: options.registry ?? (await builtinRegistry()),
    rules: [rule],
    settings: options.options ? { [rule.meta.id]: { options: options.options } } : undefined,
    date: options.date ?? null,
  });
  return { findings: result.findings, source: doc.original };
}

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const item of cases.valid) {
        const valid = typeof item === 'string' ? { text: item } : item;
        test(valid.name ?? valid.text.slice(0, 100), async () => {
          const { findings } = await runRule(rule, valid.text, valid);
          expect(findings.map((finding) => `${finding.messageId}: ${finding.message}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const item of cases.invalid) {
        test(item.name ?? item.text.slice(0, 100), async () => {
          const { findings, source } = await runRule(rule, item.text, item);
          const actual = findings.map((finding, index) => {
            const expected = item.errors[index] ?? ({} as ExpectedFinding);
            const shown: Record<string, unknown> = { messageId: finding.messageId };
            if (expected.line !== undefined) shown.line = finding.line;
            if (expected.column !== undefined) shown.column = finding.column;
            if (expected.text !== undefined) shown.text = source.slice(finding.offset, finding.endOffset);
            if (expected.severity !== undefined) shown.severity = finding.severity;
            if (expected.message !== undefined) shown.message = finding.message.includes(expected.message) ? expected.message : finding.message;
            return shown;
          });
          expect(actual).toEqual(item.errors.map((expected) => Object.fromEntries(Object.entries(expected).filter(([, value]) => value !== undefined))));
        });
      }
    });
  });
}

/** Applies a finding's fixes to the source, last first (for fix tests). */
export function applyFixes(source: string, findings: readonly Finding[]): string {
  const fixes = findings.flatMap((finding) => (finding.fix ? [finding.fix] : [])).sort((a, b) => b.start - a.start);
  let out = source;
  let floor = Infinity;
  for (const fix of fixes) {
    if (fix.end > floor) continue;
    out = out.slice(0, fix.start) + fix.text + out.slice(fix.end);
    floor = fix.start;
  }
  return out;
}
