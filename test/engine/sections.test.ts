import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDisables, placeSection, SECTIONED_ABOVE, sections } from '../../src/engine/sections.js';
import type { FileResult } from '../../src/engine/results.js';
import type { Directive } from '../../src/input/document.js';
import { memorySpool, type Spool } from '../../src/report/common.js';
import { fileSpool } from '../../src/cli/spool.js';
import { reportStream, type ReportStream } from '../../src/report/streams.js';
import { context, files } from '../report/fixture.js';
import { runCli } from '../helpers/cli.js';
import { createChecker } from '../../src/checker.js';

describe('sections', () => {
  const paragraph = (n: number) => `${'Word '.repeat(n / 5).trim()}.\n`;

  test('cut a long Markdown file before headings, never inside a fence or a comment, and lose nothing', () => {
    const chunk = paragraph(260_000);
    const text = [
      '# One', '', chunk, '```', '', '# not a heading: inside a fence', '```', '', '# Two', '', chunk,
      '<!--', '', '# not a heading: inside a comment', '-->', '', '# Three', '', chunk, '- a list', '', '# Four', '', 'end',
    ].join('\n');
    const parts = [...sections(text, 'markdown')];
    expect(parts.map((part) => part.text).join('')).toBe(text);
    expect(parts.map((part) => part.text.split('\n')[0])).toEqual(['# One', '# Two', '# Three', '# Four']);
    for (const part of parts) {
      expect(text.slice(part.offset, part.offset + part.text.length)).toBe(part.text);
      expect(text.slice(0, part.offset).split('\n').length).toBe(part.line);
    }
  });

  test('cut plain text at paragraphs; a short text is one section', () => {
    const text = `${paragraph(300_000)}\n${paragraph(300_000)}\n${paragraph(10)}`;
    const parts = [...sections(text, 'text')];
    expect(parts.map((part) => part.text.length)).toEqual([300_002, 300_002, 11]);
    expect(parts.map((part) => part.text).join('')).toBe(text);
    expect([...sections('Short.\n', 'text')]).toEqual([{ text: 'Short.\n', offset: 0, line: 1 }]);
  });

  test('place the items of a later section in the file, and leave those of the first as they are', () => {
    const [result] = files;
    const placed = placeSection(result!, { text: '', offset: 500, line: 11 }, { claims: 3, citations: 2 });
    const [finding] = result!.findings.filter((f) => f.fix !== null && f.claimId !== null);
    const [moved] = placed.findings.filter((f) => f.fix !== null && f.claimId !== null);
    expect(moved).toMatchObject({ line: finding!.line + 10, offset: finding!.offset + 500, claimId: `c${Number(finding!.claimId!.slice(1)) + 3}` });
    expect(moved!.fix).toEqual({ ...finding!.fix, start: finding!.fix!.start + 500, end: finding!.fix!.end + 500 });
    expect(placed.citations[0]).toMatchObject({ id: `s${Number(result!.citations[0]!.id.slice(1)) + 2}`, line: result!.citations[0]!.line + 10 });
    // A file that is one hostile paragraph is one section: its tens of thousands of items are not copied.
    expect(placeSection(result!, { text: '', offset: 0, line: 1 }, { claims: 0, citations: 0 })).toBe(result);
  });

  test('carry the disables still open, as applyDirectives closes them', () => {
    const d = (kind: Directive['kind'], ruleIds: string[] = []): Directive => ({ kind, ruleIds, line: 1, column: 1 });
    const all = d('disable');
    const one = d('disable', ['tertiary-source']);
    expect(openDisables([], [all, one])).toEqual([all, one]);
    // As in applyDirectives: an enable naming rules ends a blanket disable, and those it names.
    expect(openDisables([all, one], [d('enable', ['unknown-source'])])).toEqual([one]);
    expect(openDisables([all, one], [d('enable', ['tertiary-source'])])).toEqual([]);
    expect(openDisables([all, one], [d('enable')])).toEqual([]);
  });
});

describe('a file large enough to be checked in sections', () => {
  const ARTICLES = 6000;
  const head = ['---', 'date: 2025-08-12', '---', '<!-- citecheck-disable vague-attribution -->', ''];
  // "last year" needs the front matter's date, "Experts say" the disable at the top: both cross the cuts.
  const body = 'Iran and Iraq signed a pipeline deal last year [Wikipedia]. He was welcomed in Baghdad (Caliber.az +12 IRNA English +12 Rudaw +12). Experts say the deal will hold.';
  let cwd: string;

  beforeAll(() => {
    cwd = mkdtempSync(join(tmpdir(), 'citecheck-sections-'));
    const lines = [...head];
    for (let k = 0; k < ARTICLES; k++) lines.push(`# Talks in Baghdad, part ${k + 1}`, '', body, '');
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(SECTIONED_ABOVE);
    writeFileSync(join(cwd, 'archive.md'), text);
  });

  test('reports every article as a whole-file check would', async () => {
    const run = await runCli(['--format', 'compact', '--report-unused-disable-directives', 'archive.md'], { cwd });
    const expected: string[] = [];
    for (let k = 0; k < ARTICLES; k++) {
      const line = head.length + 3 + 4 * k;
      expected.push(
        `archive.md:${line}:49: warning Wikipedia is a wiki, not evidence: it repeats what others published. Cite the original source it relies on. [tertiary-source]`,
        `archive.md:${line}:88: warning 3 sources lumped in one citation (Caliber.az, IRNA English, Rudaw): the reader cannot tell which supports which statement. Cite each source next to the statement it supports. [citation-cluster]`,
        `archive.md:${line}:89: error Chatbot source chip "Caliber.az +12": the "+12" count is chatbot residue, not a citation. Cite Caliber.az by name, next to the statement it supports. [ai-citation-artifact]`,
        `archive.md:${line}:104: error Chatbot source chip "IRNA English +12": the "+12" count is chatbot residue, not a citation. Cite IRNA English by name, next to the statement it supports. [ai-citation-artifact]`,
        `archive.md:${line}:121: error Chatbot source chip "Rudaw +12": the "+12" count is chatbot residue, not a citation. Cite Rudaw by name, next to the statement it supports. [ai-citation-artifact]`,
      );
    }
    expect(run.stderr).toBe('');
    expect(run.stdout.trimEnd().split('\n')).toEqual(expected);
  });

  test('a disable that suppresses nothing is reported once, where it stands, not again in each section it is carried into', async () => {
    const text = readFileSync(join(cwd, 'archive.md'), 'utf8').replace('<!-- citecheck-disable vague-attribution -->', '<!-- citecheck-disable vague-attribution -->\n<!-- citecheck-disable dangling-reference -->');
    writeFileSync(join(cwd, 'unused.md'), text);
    const run = await runCli(['--format', 'compact', '--report-unused-disable-directives', 'unused.md'], { cwd });
    const unused = run.stdout.split('\n').filter((line) => line.includes('[unused-disable-directive]'));
    expect(unused).toEqual([expect.stringMatching(/^unused\.md:5:1: warning Unused citecheck-disable directive \(dangling-reference\)/)]);
  });

  test('tells the last section from the others (the CLI collects garbage only between sections)', async () => {
    const checker = await createChecker();
    const lines: number[] = [];
    const last: boolean[] = [];
    const outcome = await checker.checkSections({ path: join(cwd, 'archive.md'), bytes: readFileSync(join(cwd, 'archive.md')) }, (_, section, isLast) => {
      lines.push(section.line);
      last.push(isLast);
    });
    expect(outcome).toEqual({ warnings: [] });
    expect(lines.length).toBeGreaterThan(2);
    expect(last).toEqual(lines.map((_, i) => i === lines.length - 1));
  });

  test('writes one valid JSON file entry, with ids numbered through the whole file', async () => {
    const run = await runCli(['--format', 'json', 'archive.md'], { cwd });
    expect(run.stdout).toBe(`${JSON.stringify(JSON.parse(run.stdout), null, 2)}\n`);
    const report = JSON.parse(run.stdout) as { files: { date: string; dateSource: string; claims: { id: string; citationIds: string[] }[]; citations: { id: string }[]; findings: { claimId: string | null }[] }[]; summary: { files: number; errors: number } };
    const [file] = report.files;
    expect(report.files.length).toBe(1);
    expect([file!.date, file!.dateSource]).toEqual(['2025-08-12', 'frontmatter']);
    expect(file!.claims.map((claim) => claim.id)).toEqual(file!.claims.map((_, i) => `c${i + 1}`));
    expect(file!.citations.map((citation) => citation.id)).toEqual(file!.citations.map((_, i) => `s${i + 1}`));
    const citationIds = new Set(file!.citations.map((citation) => citation.id));
    expect(file!.claims.flatMap((claim) => claim.citationIds).every((id) => citationIds.has(id))).toBe(true);
    expect(report.summary).toMatchObject({ files: 1, errors: 3 * ARTICLES });
  });
});

describe('a report written in sections', () => {
  const sectioned = (stream: ReportStream, parts: [FileResult, number][], spool: () => Spool = memorySpool) => {
    const out: Buffer[] = [];
    const writer = stream.sectioned((chunk) => { out.push(Buffer.from(chunk)); }, spool);
    for (const [result, line] of parts) writer.section(result, line);
    writer.end();
    return Buffer.concat(out).toString('utf8');
  };

  test('stylish: one section reads as the whole file; more name the file once', () => {
    const stream = reportStream('stylish', context)!;
    const whole = stream.file(files[0]!);
    expect(sectioned(stream, [[files[0]!, 1]])).toBe(whole);
    const [header, ...rest] = whole.split('\n');
    const rows = rest.join('\n').replace(/\n\n$/, '\n');
    expect(sectioned(stream, [[files[0]!, 1], [files[0]!, 1]])).toBe(`${header}\n${rows}${rows}\n`);
  });

  test('json: one section reads as the whole file', () => {
    const stream = reportStream('json', context)!;
    expect(sectioned(stream, [[files[0]!, 1]])).toBe(stream.file(files[0]!));
  });

  test('json: a section with hundreds of items, written in pieces, reads as the whole file', () => {
    const stream = reportStream('json', context)!;
    const file = files[0]!;
    // Past the writer's batch of items in every array, so the pieces must join seamlessly.
    const times = Math.ceil(300 / Math.min(file.claims.length, file.citations.length, file.findings.length));
    const repeated = <T>(items: readonly T[]) => Array.from({ length: times }, () => items).flat();
    const big: FileResult = { ...file, claims: repeated(file.claims), citations: repeated(file.citations), findings: repeated(file.findings) };
    expect(big.findings.length).toBeGreaterThan(256);
    expect(sectioned(stream, [[big, 1]])).toBe(stream.file(big));
    const twice: FileResult = { ...big, claims: [...big.claims, ...big.claims], citations: [...big.citations, ...big.citations], findings: [...big.findings, ...big.findings] };
    expect(sectioned(stream, [[big, 1], [big, 1]])).toBe(stream.file(twice));
  });

  test('json: a spool too small for the disk comes back byte for byte, without touching it', () => {
    const stream = reportStream('json', context)!;
    const kept: Uint8Array[] = [];
    // The writer keeps what it is given, uncopied, as a full pipe does.
    const writer = stream.sectioned((chunk) => { kept.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk); }, fileSpool);
    for (const file of [files[0]!, files[1]!, files[0]!]) writer.section(file, 1);
    writer.end();
    const expected = sectioned(stream, [[files[0]!, 1], [files[1]!, 1], [files[0]!, 1]]);
    expect(Buffer.concat(kept).toString('utf8')).toBe(expected);
    expect(expected).toContain('“'); // non-ASCII text crosses the spool as UTF-8
  });

  test('json: sections set aside in a temporary file (as bytes) come back whole, in order', () => {
    const stream = reportStream('json', context)!;
    const file = files[0]!;
    expect(file.findings.length).toBeGreaterThan(0);
    // Enough sections for the spools to go to disk (over a megabyte each), with non-ASCII text.
    const many = Array.from({ length: Math.ceil(2_500_000 / JSON.stringify(file.findings).length) + 1 }, () => [file, 1] as [FileResult, number]);
    const text = sectioned(stream, many, fileSpool);
    const parsed = JSON.parse(text);
    const whole = JSON.parse(stream.file(file));
    // A writer that keeps the bytes it is given (a full pipe) gets its own each time; one that
    // says it is done with them (true) gets the spool's buffer again: the same report either way.
    for (const done of [undefined, false, true]) {
      const kept: Uint8Array[] = [];
      const writer = stream.sectioned((chunk) => {
        kept.push(typeof chunk === 'string' || done === true ? Buffer.from(chunk) : chunk);
        return done;
      }, fileSpool);
      for (const [result, line] of many) writer.section(result, line);
      writer.end();
      expect(Buffer.concat(kept).toString('utf8')).toBe(text);
    }
    expect(parsed.findings).toHaveLength(whole.findings.length * many.length);
    expect(parsed.citations).toEqual(many.flatMap(() => whole.citations));
    expect(parsed.findings).toEqual(many.flatMap(() => whole.findings));
    expect(parsed.claims).toEqual(many.flatMap(() => whole.claims));
  });
});
