import { summarize } from '../../src/engine/results.js';
import { formatResults, reportStream } from '../../src/report/index.js';
import { context, files, results, resultsOf } from './fixture.js';

const keys = (value: object) => JSON.stringify(Object.keys(value));

describe('json reporter', () => {
  const text = formatResults('json', results, context);
  const report = JSON.parse(text);

  test('follows the DESIGN.md contract, key order included', () => {
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(keys(report)).toBe('["version","tool","files","summary"]');
    expect(report.version).toBe(1);
    expect(report.tool).toEqual({ name: 'citecheck', version: '0.1.0' });
    const [file] = report.files;
    expect(keys(file)).toBe('["path","format","date","dateSource","claims","citations","findings"]');
    expect(keys(file.claims[0])).toBe('["id","text","line","column","endLine","endColumn","checkworthy","citationIds"]');
    expect(keys(file.citations[0])).toBe('["id","text","form","sources","line","column","endLine","endColumn","claimIds"]');
    expect(keys(file.citations[0].sources[0])).toBe('["name","sourceId","chipCount"]');
    expect(keys(file.findings[0])).toBe(
      '["ruleId","severity","message","line","column","endLine","endColumn","claimId","citationId","evidence","suggestion","fix"]',
    );
    expect(keys(report.summary)).toBe('["files","errors","warnings","infos","claims","checkworthyClaims","supportedClaims"]');
  });

  test('carries the values, and nothing internal', () => {
    const [article, notes] = report.files;
    expect(article).toMatchObject({ path: 'articles/iran.md', format: 'markdown', date: '2025-08-12', dateSource: 'frontmatter' });
    expect(notes).toMatchObject({ path: 'articles/notes, 50%.txt', date: null, dateSource: 'none' });
    expect(article.claims[0]).toEqual({
      id: 'c1',
      text: 'Iran launched 40 missiles at the base (IRNA English +1).',
      line: 4,
      column: 1,
      endLine: 4,
      endColumn: 57,
      checkworthy: true,
      citationIds: ['s1'],
    });
    expect(article.citations[0]).toEqual({
      id: 's1',
      text: '(IRNA English +1)',
      form: 'parenthetical',
      sources: [{ name: 'IRNA English', sourceId: 'irna', chipCount: 1 }],
      line: 4,
      column: 39,
      endLine: 4,
      endColumn: 56,
      claimIds: ['c1'],
    });
    const fixStart = results.files[0]!.source.indexOf('+1)');
    expect(article.findings[0]).toEqual({
      ruleId: 'ai-citation-artifact',
      severity: 'error',
      message: 'Chatbot chip “IRNA English +1” left in the text',
      line: 4,
      column: 39,
      endLine: 4,
      endColumn: 56,
      claimId: 'c1',
      citationId: 's1',
      evidence: null,
      suggestion: 'Write (IRNA English)',
      fix: { range: [fixStart, fixStart + 2], text: '' },
    });
    expect(notes.findings[0].evidence).toEqual({
      kind: 'office',
      id: 'iran-president',
      summary: 'President of Iran',
      reference: 'https://example.org/presidents',
    });
    // Suppressed findings are not reported; source, offsets and message ids never are.
    expect(article.findings).toHaveLength(5);
    expect(text).not.toMatch(/"(source|offset|endOffset|messageId|suppressed|start|end|score|features)"/);
    expect(report.summary).toEqual({ files: 2, errors: 2, warnings: 5, infos: 1, claims: 3, checkworthyClaims: 2, supportedClaims: 1 });
  });

  test('is deterministic', () => {
    expect(formatResults('json', results, context)).toBe(text);
  });
});

describe('json reporter, written file by file', () => {
  // The report is streamed as files are checked; it must still be exactly the pretty-printed whole.
  const pretty = (text: string) => `${JSON.stringify(JSON.parse(text), null, 2)}\n`;

  it.each([
    ['no files', resultsOf()],
    ['one file', resultsOf(files[0]!)],
    ['two files', results],
  ])('is byte for byte JSON.stringify of the whole report: %s', (_name, some) => {
    const text = formatResults('json', some, context);
    expect(text).toBe(pretty(text));
  });

  it('gives a file\'s part as UTF-8 bytes that are exactly its text, non-ASCII included', () => {
    const stream = reportStream('json', context)!;
    for (const file of files) {
      for (const extras of [undefined, { output: 'fixed “text” — ’s 😀' }]) {
        const bytes = stream.fileBytes!(file, extras);
        expect(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')).toBe(stream.file(file, extras));
      }
    }
    expect(files.some((file) => /[^\x00-\x7f]/.test(stream.file(file)))).toBe(true);
  });

  it('puts a dry run\'s fixed text in the file\'s `output`, after its findings', () => {
    const stream = reportStream('json', context)!;
    const text = stream.head + stream.file(files[0]!, { output: 'fixed text' }) + stream.tail(summarize([files[0]!]));
    const file = (JSON.parse(text) as { files: Record<string, unknown>[] }).files[0]!;
    expect(Object.keys(file).slice(-2)).toEqual(['findings', 'output']);
    expect(file.output).toBe('fixed text');
    expect(text).toBe(pretty(text));
  });
});
