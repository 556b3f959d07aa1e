/** A small hand-made Results for the reporter tests: two files, every severity, a fix, a suppression. */
import type { Finding, Severity } from '../../src/engine/finding.js';
import { summarize, type FileResult, type Results } from '../../src/engine/results.js';
import type { RuleMeta } from '../../src/engine/rule.js';
import type { ReportContext } from '../../src/report/index.js';

/** A finding on the first occurrence of `needle` in `source`, positions computed from the text. */
export function findingAt(source: string, needle: string, ruleId: string, severity: Severity, message: string, extra: Partial<Finding> = {}): Finding {
  const offset = source.indexOf(needle);
  if (offset < 0) throw new Error(`fixture: ${needle} not in source`);
  const position = (at: number) => {
    const before = source.slice(0, at).split(/\r\n|\r|\n/);
    return { line: before.length, column: before[before.length - 1]!.length + 1 };
  };
  const start = position(offset);
  const end = position(offset + needle.length);
  return {
    ruleId,
    severity,
    message,
    messageId: 'default',
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset,
    endOffset: offset + needle.length,
    claimId: null,
    citationId: null,
    evidence: null,
    suggestion: null,
    fix: null,
    ...extra,
  };
}

const ARTICLE = [
  '---',
  'date: 2025-08-12',
  '---',
  'Iran launched 40 missiles at the base (IRNA English +1).',
  'Experts say the strike was the largest since 1988, according to Wikipedia.',
  'The minister visited Tehran today, Fars News said. Caliber.az +12 IRNA English +12 Rudaw +12',
  '',
].join('\n');

const NOTES = ['Notes', '\tPresident Raisi — 伊朗总统 — signed the deal, per “Mehr”.', 'Analysts <widely> believe & agree.', ''].join('\r\n');

const article: FileResult = {
  path: 'articles/iran.md',
  format: 'markdown',
  date: '2025-08-12',
  dateSource: 'frontmatter',
  source: ARTICLE,
  claims: [
    {
      id: 'c1',
      start: 0,
      end: 56,
      text: 'Iran launched 40 missiles at the base (IRNA English +1).',
      block: 0,
      features: ['quantity'],
      score: 0.9,
      checkworthy: true,
      citationIds: ['s1'],
      supported: true,
      line: 4,
      column: 1,
      endLine: 4,
      endColumn: 57,
    },
    {
      id: 'c2',
      start: 58,
      end: 133,
      text: 'Experts say the strike was the largest since 1988, according to Wikipedia.',
      block: 1,
      features: ['superlative', 'date'],
      score: 0.8,
      checkworthy: true,
      citationIds: [],
      supported: false,
      line: 5,
      column: 1,
      endLine: 5,
      endColumn: 75,
    },
    {
      id: 'c3',
      start: 134,
      end: 184,
      text: 'The minister visited Tehran today, Fars News said.',
      block: 2,
      features: [],
      score: 0.2,
      checkworthy: false,
      citationIds: [],
      supported: false,
      line: 6,
      column: 1,
      endLine: 6,
      endColumn: 51,
    },
  ],
  citations: [
    {
      id: 's1',
      form: 'parenthetical',
      start: 38,
      end: 55,
      text: '(IRNA English +1)',
      sources: [{ name: 'IRNA English', sourceId: 'irna', chipCount: 1, start: 39, end: 51, primary: false }],
      claimIds: ['c1'],
      line: 4,
      column: 39,
      endLine: 4,
      endColumn: 56,
    },
  ],
  findings: [
    findingAt(ARTICLE, '(IRNA English +1)', 'ai-citation-artifact', 'error', 'Chatbot chip “IRNA English +1” left in the text', {
      claimId: 'c1',
      citationId: 's1',
      suggestion: 'Write (IRNA English)',
      fix: { start: ARTICLE.indexOf('+1)'), end: ARTICLE.indexOf('+1)') + 2, text: '' },
    }),
    findingAt(ARTICLE, 'Experts say', 'vague-attribution', 'warning', '"Experts say" names no expert'),
    findingAt(ARTICLE, 'today', 'relative-date', 'info', '"today" is relative; the article date is 2025-08-12'),
    findingAt(ARTICLE, 'Fars News', 'unknown-source', 'warning', 'Fars News <&"> is not in the registry; did you mean Fars News Agency?', {
      suggestion: 'Fars News Agency',
    }),
    findingAt(ARTICLE, 'Caliber.az +12 IRNA English +12 Rudaw +12', 'citation-cluster', 'warning', '3 sources, lumped in one chip run'),
  ],
  suppressed: [
    findingAt(ARTICLE, 'Wikipedia', 'tertiary-source', 'warning', 'Wikipedia is a tertiary source', {
      suppressed: { reason: 'quoted as context, not evidence' },
    }),
  ],
};

const notes: FileResult = {
  path: 'articles/notes, 50%.txt',
  format: 'text',
  date: null,
  dateSource: 'none',
  source: NOTES,
  claims: [],
  citations: [],
  findings: [
    findingAt(NOTES, 'President Raisi', 'fact-contradiction', 'error', 'Raisi was not president on 2025-08-12:\nPezeshkian was', {
      evidence: { kind: 'office', id: 'iran-president', summary: 'President of Iran', reference: 'https://example.org/presidents' },
      suggestion: 'President Pezeshkian',
    }),
    findingAt(NOTES, '“Mehr”', 'unknown-source', 'warning', '“Mehr” is ambiguous, 2 entries match'),
    findingAt(NOTES, 'Analysts <widely> believe', 'vague-attribution', 'warning', 'Analysts <widely> believe & agree: who?'),
  ],
  suppressed: [],
};

export const files = [article, notes];

export const results: Results = { files, errors: [], summary: summarize(files) };

const rule = (id: string, severity: Severity, description: string): RuleMeta<any> => ({
  id,
  severity,
  description,
  fixable: false,
  messages: {},
  defaults: {},
});

export const rules: RuleMeta<any>[] = [
  rule('ai-citation-artifact', 'error', 'Chatbot citation residue.'),
  rule('citation-cluster', 'warning', 'Three or more sources lumped in one citation.'),
  rule('unknown-source', 'warning', 'A cited name that resolves to no registry entry.'),
  rule('tertiary-source', 'warning', 'Wikipedia and other tertiary sources cited as evidence.'),
  rule('vague-attribution', 'warning', 'Weasel attribution: "experts say".'),
  rule('relative-date', 'info', 'Relative dates in an undated article.'),
  rule('fact-contradiction', 'error', 'A title or date the fact registry contradicts.'),
];

export const context: ReportContext = { rules, cwd: '/repo', color: false, toolVersion: '0.1.0' };

/** Results with only the given files, summary recomputed. */
export function resultsOf(...only: FileResult[]): Results {
  return { files: only, errors: [], summary: summarize(only) };
}

/** The same results, as if two lines had been added at the top of every file. */
export function shiftDown(r: Results): Results {
  const move = <T extends { line: number; endLine: number; offset: number; endOffset: number }>(f: T): T => ({
    ...f,
    line: f.line + 2,
    endLine: f.endLine + 2,
    offset: f.offset + 2,
    endOffset: f.endOffset + 2,
  });
  return {
    ...r,
    files: r.files.map((file) => ({ ...file, source: `\n\n${file.source}`, findings: file.findings.map(move), suppressed: file.suppressed.map(move) })),
  };
}
