/**
 * Shared pieces of the fuzz and robustness tests: independent oracles (line/column, a fix
 * applier, result invariants) and fast-check arbitraries for hostile article text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Fix } from '../../src/engine/finding.js';
import type { FileResult, Results } from '../../src/engine/results.js';

/** Cases per property: bounded in `npm test`, long with `npm run fuzz` (FUZZ_RUNS=20000). */
export const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? '') || 200);
/** Jest's per-test timeout, grown with the number of runs so a long fuzz run is not cut short. */
export const TIMEOUT = Math.max(60_000, RUNS * 250);
/**
 * Set FUZZ_SEED to replay a failure fast-check reported. The bounded run in `npm test` uses a
 * fixed seed so CI checks the same cases every time; `npm run fuzz` explores fresh seeds.
 */
export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? undefined : 20261127;

export const FIXTURE = readFileSync(fileURLToPath(new URL('../../fixtures/larijani-baghdad.txt', import.meta.url)), 'utf8');

// ---------------------------------------------------------------------------------------------
// Oracles, written independently of src/.

/** 1-based line and column (UTF-16 units) of `offset`; lines end at \n, \r\n and a lone \r. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  return lineIndex(source)(offset);
}

/**
 * lineColumn for many offsets into one text: the line starts are found once (a plain scan, no
 * shared code with src/), then each offset is a binary search.
 */
export function lineIndex(source: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\n' || (ch === '\r' && source[i + 1] !== '\n')) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** The lines of `source`, split as lineColumn counts them (without their terminators). */
export function linesOf(source: string): string[] {
  return source.split(/\r\n|\n|\r/);
}

/** Fixes that do not overlap, earliest first (a fix overlapping one taken is left for another pass). */
export function nonOverlapping(fixes: readonly Fix[]): { taken: Fix[]; skipped: Fix[] } {
  const sorted = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end);
  const taken: Fix[] = [];
  const skipped: Fix[] = [];
  for (const fix of sorted) {
    const last = taken[taken.length - 1];
    if (last && last.start === fix.start && last.end === fix.end && last.text === fix.text) continue;
    if (last && fix.start < last.end) skipped.push(fix);
    else taken.push(fix);
  }
  return { taken, skipped };
}

/** Applies non-overlapping fixes, last first, so earlier offsets stay valid. */
export function applyOwn(text: string, fixes: readonly Fix[]): string {
  let out = text;
  const ordered = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end).reverse();
  for (const fix of ordered) out = out.slice(0, fix.start) + fix.text + out.slice(fix.end);
  return out;
}

/** True when `text` holds a high or low surrogate without its partner. */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** Every invariant of one checked file: a list of what is wrong (empty when all hold). */
export function problemsOf(file: FileResult): string[] {
  const problems: string[] = [];
  const fail = (what: string, item: unknown) => { if (problems.length < 20) problems.push(`${what}: ${JSON.stringify(item)}`); };
  const source = file.source;
  const lines = linesOf(source);
  const at = lineIndex(source);
  const int = (n: unknown) => Number.isInteger(n);
  for (const finding of [...file.findings, ...file.suppressed]) {
    const { ruleId, offset, endOffset, line, column, endLine, endColumn, fix, message, severity } = finding;
    const where = { ruleId, offset, endOffset, line, column, endLine, endColumn, length: source.length };
    if (!int(offset) || !int(endOffset) || offset < 0 || offset > endOffset || endOffset > source.length) { fail('finding outside the document', where); continue; }
    const start = at(offset);
    const end = at(endOffset);
    if (start.line !== line || start.column !== column) fail(`finding start is not at its offset (expected ${start.line}:${start.column})`, where);
    if (end.line !== endLine || end.column !== endColumn) fail(`finding end is not at its endOffset (expected ${end.line}:${end.column})`, where);
    if (typeof message !== 'string' || message === '') fail('finding without a message', where);
    if (!['error', 'warning', 'info'].includes(severity)) fail('finding with an unknown severity', { ...where, severity });
    if (fix && !(int(fix.start) && int(fix.end) && 0 <= fix.start && fix.start <= fix.end && fix.end <= source.length && typeof fix.text === 'string')) fail('fix outside the document', { ...where, fix });
  }
  const inside = (line: number, column: number) => int(line) && int(column) && line >= 1 && line <= lines.length && column >= 1 && column <= lines[line - 1]!.length + 1;
  for (const item of [...file.claims, ...file.citations]) {
    const where = { id: item.id, line: item.line, column: item.column, endLine: item.endLine, endColumn: item.endColumn, lines: lines.length };
    if (!inside(item.line, item.column) || !inside(item.endLine, item.endColumn)) fail('claim or citation outside the document', where);
    else if (item.line > item.endLine || (item.line === item.endLine && item.column > item.endColumn)) fail('claim or citation ends before it starts', where);
  }
  const claimIds = new Set(file.claims.map((claim) => claim.id));
  const citationIds = new Set(file.citations.map((citation) => citation.id));
  for (const citation of file.citations) for (const id of citation.claimIds) if (!claimIds.has(id)) fail('citation names an unknown claim', { id: citation.id, claim: id });
  for (const claim of file.claims) for (const id of claim.citationIds) if (!citationIds.has(id)) fail('claim names an unknown citation', { id: claim.id, citation: id });
  // Findings come sorted by line, column, rule id.
  for (let i = 1; i < file.findings.length; i++) {
    const [a, b] = [file.findings[i - 1]!, file.findings[i]!];
    if (!(a.line < b.line || (a.line === b.line && (a.column < b.column || (a.column === b.column && a.ruleId <= b.ruleId))))) fail('findings out of order', [a.ruleId, a.line, a.column, b.ruleId, b.line, b.column]);
  }
  return problems;
}

/** Every invariant of one checked file; fails with the offending items shown. */
export function expectWellFormedFile(file: FileResult): void {
  expect({ path: file.path, problems: problemsOf(file) }).toEqual({ path: file.path, problems: [] });
}

/** Each input gives exactly one outcome: a checked file or a one-line error naming it. */
export function expectWellFormed(results: Results, path: string, inputs = 1): void {
  expect(results.files.length + results.errors.length).toBe(inputs);
  for (const error of results.errors) {
    expect(error.message).toContain(path);
    expect(error.message).not.toMatch(/\n/);
  }
  for (const file of results.files) expectWellFormedFile(file);
  const findings = results.files.reduce((n, file) => n + file.findings.length, 0);
  expect(results.summary.errors + results.summary.warnings + results.summary.infos).toBe(findings);
}

// ---------------------------------------------------------------------------------------------
// Arbitraries.

/** Characters that break naive text handling. */
const ODD_CHARS = [
  '\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\t', '\v', '\f', '\r', '\n', '\r\n', '\u0085', '\u2028', '\u2029',
  '\u00a0', '\u200b', '\u200d', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\ufeff', '\ufffd', '\ufffe', '\uffff',
  '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', // lone surrogates
  '\ue000', '\ue200', '\ue201', '\ue202', '\uf8ff', '\udb80\udc00', // private use (BMP and plane 15)
  '😀', '👨‍👩‍👧‍👦', '🇮🇷', '🏳️‍🌈', '👍🏽', '𝐀', '𠀀',
  'e\u0301', 'a\u0308\u0323\u0301\u0302', '\u0301', '\u0303\u0303\u0303', 'Z̴̡̛̖̺͓̈́̾̀a̵l̷g̶o',
  'مرحبا بالعالم', 'לפי הדיווח', 'وكالة إرنا', 'İ', 'ß', 'ﬃ', 'Ⅻ', '٣', '１２', 'Ａ', '…', '—', '–', '“', '”', '‘', '’', '«', '»', '„', '‹', '›', '「', '」',
];

/** Pieces of citation syntax, chatbot residue and markup. */
const TOKENS = [
  '(', ')', '[', ']', '{', '}', '(IRNA English +1)', '(Caliber.az +12 IRNA English +12 Rudaw +12)', 'IRNA English +1', '+1', '+12', ' +', '+999999999999999999999',
  '"', "'", '“', '”', '‘', '’', '«', '»', '"“‘«', '»’”"', '\\"',
  'according to ', 'According to ', 'according to IRNA English and Mehr News Agency', ' said', ' reported', ' told ', ' told Reuters', 'Reuters reported that ', 'Wikipedia confirmed ', 'experts say ', 'analysts widely believe ', 'it is believed ', 'reports suggest ',
  'IRNA English', 'Wikipedia', 'Wiki', 'Caliber.az', 'Rudaw', 'Mehr News Agency', 'WANA', 'ChatGPT', 'Reuters', 'BBC', 'Al Jazeera', 'Qasim al-Araji', 'Ali Larijani', 'Secretary of the Supreme National Security Council', 'President ', 'Minister ',
  'click here', 'click on WANA', 'see link', '[source]', '[Wikipedia]', '[1]', '[cite_start]', '[cite: 1, 2]', 'citeturn0search0', '\ue200cite\ue202turn0search0\ue202turn0news12\ue201', 'turn0news12', ':contentReference[oaicite:3]{index=3}', '[oai_citation:1‡Reuters](https://www.reuters.com/world/x?utm_source=chatgpt.com)', 'oai_citation:2‡', '【4†source】', '【12:3†report.pdf】',
  'https://www.reuters.com/a?utm_source=chatgpt.com', 'https://irna.ir/x?a=1&utm_source=openai&b=2', '?utm_source=copilot.com', '&amp;utm_source=chatgpt.com&amp;', 'http://', 'https://en.wikipedia.org/wiki/Iran', 'mailto:x@y', 'javascript:alert(1)',
  'today', 'yesterday', 'later this week', 'on 12 August 2025', '2025-02-30', 'in 1979', '50%', '3,000', '1.5 million', 'the largest ever', 'because of', 'therefore',
  '. ', '.', '!', '?', '…', ',', ';', ':', ' – ', ' — ', '\n', '\n\n', '\r\n', '\r', '   ', '\t',
  'citecheck-disable-next-line', 'citecheck-disable-next-line ai-citation-artifact -- reason', '<!-- citecheck-disable-next-line -->', '<!-- citecheck-disable ai-citation-artifact -->', '<!-- citecheck-enable -->', '<!-- citecheck-disable-line unknown-source -->', '<!-- citecheck-disable nosuchrule -- why -->',
];

const MARKUP = [
  '---\n', '---\ndate: 2025-08-12\n---\n', '---\ndate: [unclosed\n', '---\ntitle: "x\n', '+++\ndate = 2025-01-01\n+++\n', '# ', '## Heading', '> ', '- ', '* ', '1. ', '```\n', '```js\n', '~~~', '    code', '`', '**', '_', '***',
  '[link](https://irna.ir/x)', '[IRNA English](https://www.reuters.com/x)', '[text](', '](', '![img](x.png)', '[ref]: https://x.y', '[^1]', '[^1]: note', '<https://x.y>', '|a|b|\n|-|-|\n', '\\', '&nbsp;', '&amp;', '&#x1F600;', '&#0;', '&#xD800;', '&#99999999;', '&bogus;', '&',
  '<', '>', '</', '<p>', '</p>', '<div>', '</div>', '<article>', '</article>', '<main>', '<nav>', '<header>', '<footer>', '<aside>', '<script>', '</script>', '<style>', '<pre>', '<code>', '<br>', '<hr/>', '<img src=x>', '<table><tr><td>', '</td></tr></table>', '<ul><li>', '<h1>', '</h1>',
  '<a href="https://irna.ir/en/news/1">', '<a href="https://www.reuters.com/x?utm_source=chatgpt.com">IRNA English</a>', '<a href=', '<a>', '</a>', '<a href="javascript:void(0)">click here</a>',
  '<!--', '-->', '<!-- -->', '<!---->', '<![CDATA[', ']]>', '<!DOCTYPE html>', '<?xml version="1.0"?>', '<html>', '<body>', '</body></html>', '<template>', '<svg><text>', '<math>', '<noscript>',
  '<time datetime="2025-08-12">', '<time datetime="9999-99-99">', '<meta property="article:published_time" content="2025-08-12T10:00:00Z">', '<meta property="article:published_time" content="not a date">',
  '<script type="application/ld+json">{"datePublished":"2025-08-12"}</script>', '<script type="application/ld+json">{"@graph":[{"datePublished":', '<script type="application/ld+json">[[[[[[',
  '<p title="unclosed', "<p class='x", '<div\n', '<p/>', '<P>', '<ARTICLE>', '<sCrIpT>', '<!-- citecheck-disable -->',
];

/** A fragment of the example article. */
const fixtureSlice = fc.tuple(fc.nat(FIXTURE.length), fc.nat(400)).map(([start, length]) => FIXTURE.slice(start, start + length));

/** Any single UTF-16 code unit (lone surrogates included). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.\''.split('')), minLength: 1, maxLength: 12 });

/** A token repeated many times: thousands of parentheses, chips, quotes… */
const repeated = fc.tuple(
  fc.constantFrom('(', ')', '[', ']', '((', '+1 ', '+12', ' +1', 'IRNA English +1 ', '"', '“', '”', "'", '« ', '<', '<p>', '<div>', '</div>', '<!--', '-->', '```', '---\n', '> ', '#', '*', '_', '\\', '&amp;', 'according to ', 'Reuters said ', 'A ', 'Xx ', '.', '. ', '\n', '\r', '\r\n', '😀', '\u0301', '\ue200', 'e\u0301', 'a', ' ', '(IRNA English +1', '[Wikipedia', 'click here '),
  fc.integer({ min: 2, max: 1000 }),
).map(([token, count]) => token.repeat(count));

/** A very long word or line. */
const longRun = fc.tuple(fc.constantFrom('a', 'x-', 'Ab', '1', '.', '\u00a0', 'ä', 'é'), fc.integer({ min: 200, max: 5_000 })).map(([unit, count]) => unit.repeat(count));

const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...ODD_CHARS), weight: 4 },
  { arbitrary: fc.constantFrom(...TOKENS), weight: 8 },
  { arbitrary: fc.constantFrom(...MARKUP), weight: 4 },
  { arbitrary: word, weight: 6 },
  { arbitrary: fc.constant(' '), weight: 6 },
  { arbitrary: fixtureSlice, weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 2 },
  { arbitrary: fc.string({ unit: codeUnit, maxLength: 8 }), weight: 1 },
  { arbitrary: repeated, weight: 1 },
  { arbitrary: longRun, weight: 1 },
);

/** Article-like junk built from pieces. */
export const junkText = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

/** The example article with spans deleted, duplicated, swapped or replaced by junk. */
export const mutatedFixture = fc.array(
  fc.tuple(fc.constantFrom('insert', 'delete', 'duplicate', 'replace', 'swap-case'), fc.nat(FIXTURE.length), fc.nat(200), fc.array(piece, { maxLength: 6 }).map((p) => p.join(''))),
  { minLength: 1, maxLength: 12 },
).map((edits) => {
  let text = FIXTURE;
  for (const [kind, rawAt, length, junk] of edits) {
    const at = rawAt % (text.length + 1);
    const end = Math.min(text.length, at + length);
    if (kind === 'insert') text = text.slice(0, at) + junk + text.slice(at);
    else if (kind === 'delete') text = text.slice(0, at) + text.slice(end);
    else if (kind === 'duplicate') text = text.slice(0, end) + text.slice(at, end) + text.slice(end);
    else if (kind === 'replace') text = text.slice(0, at) + junk + text.slice(end);
    else text = text.slice(0, at) + text.slice(at, end).toUpperCase() + text.slice(end);
  }
  return text;
});

/** The example article wrapped as Markdown or HTML, with junk spliced in. */
export const wrappedFixture = fc.tuple(
  fc.constantFrom('md', 'html'), fc.array(fc.tuple(fc.nat(), fc.array(piece, { maxLength: 4 }).map((p) => p.join(''))), { maxLength: 6 }),
).map(([kind, splices]) => {
  const paragraphs = FIXTURE.split('\n').filter((line) => line.trim() !== '');
  let text = kind === 'md'
    ? `---\ntitle: Larijani\ndate: 2025-08-12\n---\n\n# Larijani in Baghdad\n\n${paragraphs.join('\n\n')}\n`
    : `<!DOCTYPE html><html><head><meta property="article:published_time" content="2025-08-12"><title>x</title></head><body><nav>Home</nav><article><h1>Larijani</h1>${paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n')}</article><footer>(c)</footer></body></html>`;
  for (const [rawAt, junk] of splices) {
    const at = rawAt % (text.length + 1);
    text = text.slice(0, at) + junk + text.slice(at);
  }
  return { text, ext: kind };
});

export const extension = fc.constantFrom('txt', 'md', 'html');

/** Any article input: text and the extension that picks its format. */
export const articleInput = fc.oneof(
  { arbitrary: fc.tuple(junkText, extension).map(([text, ext]) => ({ text, ext })), weight: 3 },
  { arbitrary: fc.tuple(mutatedFixture, extension).map(([text, ext]) => ({ text, ext })), weight: 2 },
  { arbitrary: wrappedFixture, weight: 1 },
);
