import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { summarize, type FileResult } from '../../src/engine/results.js';
import { articleBlocks } from '../../src/report/html-blocks.js';
import { renderArticle } from '../../src/report/html-article.js';
import { safeHref } from '../../src/report/html-escape.js';
import { formatResults, type ReportContext } from '../../src/report/index.js';
import { exampleReports, reportsOf } from '../browser/example-report.js';
import { context, files, findingAt, results, resultsOf } from './fixture.js';

const [article, notes] = files as [FileResult, FileResult];
const html = formatResults('html', results, context);

/** The part of the report about file `n` (1-based). */
function section(report: string, n: number): string {
  const start = report.indexOf(`<section class="file" id="file-${n}"`);
  expect(start).toBeGreaterThan(0);
  const end = report.indexOf('<section class="file"', start + 1);
  return report.slice(start, end < 0 ? report.indexOf('</main>') : end);
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

/** A plain-text file with the given findings and nothing else. */
function textFile(source: string, findings: FileResult['findings'], format: FileResult['format'] = 'text'): FileResult {
  return { path: `a.${format === 'html' ? 'html' : 'txt'}`, format, date: null, dateSource: 'none', source, claims: [], citations: [], findings, suppressed: [] };
}

describe('html reporter', () => {
  test('is one page with a Content-Security-Policy that forbids remote loads and allows only its own script and style', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(csp).toContain(`script-src ${hash(scripts[0]![1]!)}`);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
    expect(styles).toHaveLength(1);
    expect(csp).toContain(`style-src ${hash(styles[0]![1]!)}`);
    // Nothing that would load: no remote src, no stylesheet link, no inline handlers.
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/<link rel="stylesheet"/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/style="/);
  });

  test('escapes article text, messages, suggestions and paths', () => {
    // The fixture's notes file: "Analysts <widely> believe & agree." and a message with <&">.
    expect(html).not.toContain('<widely>');
    expect(html).toMatch(/>Analysts &lt;widely&gt; believe<\/mark> &amp; agree\./);
    expect(html).toContain('Fars News &lt;&amp;&quot;&gt; is not in the registry');
    expect(html).toContain('articles/notes, 50%.txt');

    const hostile = '<script>alert(1)</script> "quoted" \'single\' & <img src=x onerror=alert(2)>\u0000\u001b';
    const file = textFile(hostile, [findingAt(hostile, '<img', 'unknown-source', 'warning', `${hostile} <b>bold</b>`, { suggestion: '</li><script>', evidence: { kind: 'source', id: 'x"><script>', summary: '<i>', reference: 'javascript:alert(3)' } })]);
    const report = formatResults('html', resultsOf({ ...file, path: '<svg onload=alert(4)>.txt' }), context);
    for (const raw of ['<img', '<svg onload', '<b>bold', '<i>', '"><script>']) expect(report).not.toContain(raw);
    expect(count(report, '<script>')).toBe(1);
    expect(report).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &#39;single&#39; &amp; ');
    expect(report).toContain('&lt;svg onload=alert(4)&gt;.txt');
    expect(report).toContain('→ &lt;/li&gt;&lt;script&gt;');
    // Control characters never reach the page.
    expect(report).not.toMatch(/[\u0000\u001b]/);
    // The javascript: reference is shown as text, never as a link.
    expect(report).not.toMatch(/href="javascript/i);
    expect(report).toContain('<span class="url">javascript:alert(3)</span>');
  });

  test('makes only absolute http(s) URLs clickable', () => {
    expect(safeHref('https://example.org/a?b=1&c=2')).toBe('https://example.org/a?b=1&c=2');
    expect(safeHref(' http://example.org ')).toBe('http://example.org/');
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>', 'vbscript:x', '//evil.example/x', '/etc/passwd', 'file:///etc/passwd', '', null]) {
      expect(safeHref(url)).toBeNull();
    }
    // An evidence reference that is http(s) is a link that leaks nothing to the target.
    const notesSection = section(html, 2);
    expect(notesSection).toContain('<a href="https://example.org/presidents" rel="noopener noreferrer nofollow" target="_blank" referrerpolicy="no-referrer">reference</a>');
  });

  test('summarises each file: counts by severity, supported share, findings by rule, date and origin', () => {
    const first = section(html, 1);
    expect(first).toContain('<li class="sev-error">✖ 1 error</li><li class="sev-warning">▲ 3 warnings</li><li class="sev-info">ℹ 1 info</li>');
    expect(first).toContain('1 of 2 check-worthy claims supported (50%)');
    expect(first).toContain('2025-08-12 <span class="muted">(from the front matter)</span>');
    expect(first).toContain('<dt>Format</dt><dd>Markdown</dd>');
    expect(first).toContain('<dt>File</dt><dd>articles/iran.md</dd>');
    const chart = /<svg[^>]*role="img" aria-label="Findings by rule: ([^"]*)"/.exec(first)?.[1];
    expect(chart).toBe('ai-citation-artifact: 1, citation-cluster: 1, relative-date: 1, unknown-source: 1, vague-attribution: 1');
    const second = section(html, 2);
    expect(second).toContain('<span class="muted">unknown (no date found)</span>');
    expect(second).toContain('no check-worthy claims');
    // Most frequent rule first, then by id.
    expect(second).toContain('aria-label="Findings by rule: fact-contradiction: 1, unknown-source: 1, vague-attribution: 1"');
  });

  test('underlines each finding once and lists it once in the side panel, grouped by severity', () => {
    for (const [n, file] of [[1, article], [2, notes]] as const) {
      const part = section(html, n);
      expect(count(part, 'data-anchor=""')).toBe(file.findings.length);
      expect(count(part, 'class="goto"')).toBe(file.findings.length);
      file.findings.forEach((f, i) => {
        expect(count(part, ` id="f${n}-${i + 1}" `)).toBe(1);
        expect(part).toContain(`href="#f${n}-${i + 1}" data-rule="${f.ruleId}" data-severity="${f.severity}" data-line="${f.line}" data-column="${f.column}"`);
      });
    }
    const groups = [...section(html, 1).matchAll(/<h4 class="sev-(\w+)">[^<]*\((\d+)\)<\/h4>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(groups).toEqual(['error 1', 'warning 3', 'info 1']);
    // Suppressed findings are not shown.
    expect(html).not.toContain('Wikipedia is a tertiary source');
  });

  test('indexes several files, linking to each section; a single file needs no index', () => {
    expect(html).toContain('<table class="index">');
    expect(html).toContain('<td><a href="#file-1">articles/iran.md</a></td><td class="sev-error">1</td><td class="sev-warning">3</td><td class="sev-info">1</td><td>1/2 (50%)</td>');
    expect(html).toContain('<td><a href="#file-2">articles/notes, 50%.txt</a></td><td class="sev-error">1</td><td class="sev-warning">2</td><td class="sev-info">0</td><td>–</td>');
    expect(html).toContain('<title>citecheck: 2 files</title>');
    const single = formatResults('html', resultsOf(article), context);
    expect(single).not.toContain('<table class="index">');
    expect(single).toContain('<title>citecheck: articles/iran.md</title>');
    // Files that could not be read are named, so "no findings" is not mistaken for "clean".
    const withError = formatResults('html', { ...resultsOf(article), errors: [{ path: 'gone.md', message: 'gone.md: no such <file>' }] }, context);
    expect(withError).toContain('<li>gone.md: gone.md: no such &lt;file&gt;</li>');
  });

  test('shades claims by status and colors source chips by the registry rating', () => {
    const plain = section(html, 1);
    expect(plain).toContain('<span class="cl-ok cl-start">Iran launched 40 missiles at the base </span>');
    expect(plain).toContain('class="cl-un cl-start u-warning"');
    // Without a registry lookup a known source is only "in the registry".
    expect(plain).toContain('data-chip="IRNA English: registry entry &quot;irna&quot; · chatbot chip &quot;+1&quot;"');
    const lookup: ReportContext = {
      ...context,
      sources: (id) =>
        id === 'irna'
          ? { name: 'Islamic Republic News Agency', kind: 'news-agency', affiliation: 'state', reliability: { rating: 'deprecated', provenance: 'test' }, reference: 'https://example.org/irna' }
          : undefined,
    };
    const rated = formatResults('html', resultsOf(article), lookup);
    expect(rated).toMatch(/class="cl-ok chip r-deprecated ai chip-start chip-end u-error"[^>]*>IRNA English</);
    expect(rated).toContain('data-chip="Islamic Republic News Agency: deprecated · state · news-agency · chatbot chip &quot;+1&quot;"');
  });

  test('shows registry evidence with the finding, the source entry too when it can be looked up', () => {
    const ev = { kind: 'source' as const, id: 'irna', summary: 'Islamic Republic News Agency: state media', reference: 'https://example.org/irna-ref' };
    const source = 'Iran said so (IRNA).\n';
    const file = textFile(source, [findingAt(source, 'IRNA', 'state-media-sole-source', 'info', 'Only state media.', { evidence: ev })]);
    const lookup: ReportContext = {
      ...context,
      sources: () => ({ name: 'IRNA', kind: 'news-agency', affiliation: 'state', reliability: { rating: 'no-consensus', provenance: 'Perennial sources, 2023' }, reference: 'https://example.org/irna' }),
    };
    const report = formatResults('html', resultsOf(file), lookup);
    expect(report).toContain('<b>Source entry</b> <code>irna</code>: Islamic Republic News Agency: state media · <a href="https://example.org/irna-ref"');
    expect(report).toContain('Rating: no consensus (Perennial sources, 2023) · state · news-agency · <a href="https://example.org/irna"');
  });

  test('cuts overlapping ranges into segments, each finding keeping one focusable anchor', () => {
    const source = 'one two three four\n';
    const file = textFile(source, [
      findingAt(source, 'one two three', 'vague-attribution', 'warning', 'a'),
      findingAt(source, 'two three four', 'relative-date', 'info', 'b'),
      findingAt(source, 'two', 'unknown-source', 'error', 'c'),
    ]);
    const body = renderArticle(file, {
      claims: [],
      chips: [],
      findings: file.findings.map((f, i) => ({ start: f.offset, end: f.endOffset, id: `f1-${i + 1}`, severity: f.severity, ruleId: f.ruleId })),
    });
    expect(body).toBe(
      '<p>' +
        '<mark class="u-warning" data-f="f1-1" id="f1-1" data-anchor="" data-rule="vague-attribution" tabindex="0" aria-describedby="m1-1">one </mark>' +
        '<mark class="anc" id="f1-3" data-anchor="" data-rule="unknown-source" tabindex="0" aria-describedby="m1-3">' +
        '<mark class="u-error" data-f="f1-1 f1-2 f1-3" id="f1-2" data-anchor="" data-rule="relative-date" tabindex="0" aria-describedby="m1-2">two</mark></mark>' +
        '<mark class="u-warning" data-f="f1-1 f1-2"> three</mark>' +
        '<mark class="u-info" data-f="f1-2"> four</mark>' +
        '</p>',
    );
  });

  test('pins a finding whose text is not shown (zero-length, or inside markup)', () => {
    const source = '<p>Alpha <!-- citecheck-disable --> beta</p>';
    const comment = findingAt(source, '<!-- citecheck-disable -->', 'unused-directive', 'warning', 'unused');
    const point = { ...findingAt(source, 'beta', 'relative-date', 'info', 'here'), endOffset: source.indexOf('beta') };
    const file = textFile(source, [comment, point], 'html');
    const body = renderArticle(file, {
      claims: [],
      chips: [],
      findings: file.findings.map((f, i) => ({ start: f.offset, end: f.endOffset, id: `f1-${i + 1}`, severity: f.severity, ruleId: f.ruleId })),
    });
    expect(body).toBe(
      '<p>Alpha ' +
        '<mark class="pin u-warning" id="f1-1" data-f="f1-1" data-anchor="" data-rule="unused-directive" tabindex="0" aria-describedby="m1-1">▲</mark>' +
        '<mark class="pin u-info" id="f1-2" data-f="f1-2" data-anchor="" data-rule="relative-date" tabindex="0" aria-describedby="m1-2">ℹ</mark>' +
        'beta</p>',
    );
  });

  test('shows an HTML article as its text: no markup, scripts or page chrome; entities decoded; unsafe links inert', () => {
    const source = [
      '<html><head><title>T</title><style>p{}</style></head><body><nav>Home | World</nav>',
      '<h1>Big   &amp; bold</h1>',
      '<p>It&#8217;s <b>signed</b>,<br>said <a href="https://example.org/x">Reuters</a> and <a href="javascript:alert(1)">WANA</a>.</p>',
      '<script>if (a < b) document.write("<p>no</p>")</script><p>&unknown; &lt;tag&gt; 3 < 4</p></body></html>',
    ].join('\n');
    const text = articleBlocks(source, 'html').map((b) => `${b.heading ? '# ' : ''}${b.pieces.map((p) => (p.type === 'text' ? p.text : `[${p.href}]`)).join('')}`);
    expect(text).toEqual(['# Big & bold', 'It’s signed,\nsaid Reuters[https://example.org/x] and WANA[javascript:alert(1)].', '&unknown; <tag> 3 < 4']);
    // Exact pieces are the original text itself, so findings land on the right characters.
    for (const block of articleBlocks(source, 'html')) {
      for (const piece of block.pieces) if (piece.type === 'text' && piece.exact) expect(source.slice(piece.start, piece.end)).toBe(piece.text);
    }
    const body = renderArticle(textFile(source, [], 'html'), { claims: [], chips: [], findings: [] });
    expect(body).toContain('<a class="ext" href="https://example.org/x"');
    expect(body).toContain('<span class="unsafe" title="javascript:alert(1)">[link not followed: javascript:alert(1)]</span>');
    expect(body).not.toContain('document.write');
    expect(body).not.toContain('Home | World');
  });

  test('places findings on the text of a checked HTML article, across its markup', async () => {
    const { html: report, results: checked } = await reportsOf({
      path: 'a.html',
      text: '<html><body><article><p>Experts <i>say</i> the&nbsp;strike was the largest in 40 years.</p></article></body></html>',
    });
    const findings = checked.files[0]!.findings;
    const at = findings.findIndex((f) => f.ruleId === 'vague-attribution');
    expect(at).toBeGreaterThanOrEqual(0);
    const id = `f1-${at + 1}`;
    const segments = [...report.matchAll(/<mark [^>]*data-f="([^"]*)"[^>]*>([^<]*)<\/mark>/g)].filter((m) => m[1]!.split(' ').includes(id));
    expect(segments.map((m) => m[2]).join('')).toBe('Experts say');
    expect(count(report, 'data-anchor=""')).toBe(findings.length);
  });

  test('any text and any ranges: one anchor per finding, tags balanced, the text shown in order', () => {
    const token = fc.constantFrom('word', ' ', '  ', '\n', '\n\n', '\r\n', '<p>', '</p>', '<br>', '<a href="javascript:x">', '</a>', '<script>x<p>y</script>', '&amp;', '&#8217;', '&bogus;', '<', '>', '"', '<!-- c -->', '<nav>n</nav>', 'é', '\ud83d\ude00');
    const property = fc.property(
      fc.array(token, { maxLength: 40 }).map((parts) => parts.join('')),
      fc.constantFrom('text', 'markdown', 'html') as fc.Arbitrary<FileResult['format']>,
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('error', 'warning', 'info') as fc.Arbitrary<'error' | 'warning' | 'info'>), { maxLength: 8 }),
      (source, format, ranges) => {
        const findings = ranges.map(([a, b, severity], i) => {
          const [start, end] = [a % (source.length + 1), b % (source.length + 1)].sort((x, y) => x - y) as [number, number];
          return { start, end, id: `f1-${i + 1}`, severity, ruleId: 'r' };
        });
        const body = renderArticle(textFile(source, [], format), { claims: [], chips: [], findings });
        expect(count(body, 'data-anchor=""')).toBe(findings.length);
        for (const f of findings) expect(count(body, ` id="${f.id}" `)).toBe(1);
        for (const tag of ['p', 'mark', 'span', 'a']) expect(count(body, `<${tag} `) + count(body, `<${tag}>`)).toBe(count(body, `</${tag}>`));
        if (format !== 'html') {
          // Plain text is shown as written, less the blank lines between paragraphs.
          const shown = body.replace(/<[^>]*>/g, '').replace(/[✖▲ℹ]/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
          expect(shown.replace(/\s/g, '')).toBe(source.replace(/\s/g, ''));
        }
      },
    );
    fc.assert(property, { numRuns: 300 });
  });

  test('keeps plain-text paragraphs: blank lines, long lines and sentence ends break them', () => {
    const source = 'Title line\nFirst sentence.\nwrapped line\ncontinues here\n\n  \nLast one';
    const blocks = articleBlocks(source, 'text').map((b) => b.pieces.map((p) => (p.type === 'text' ? p.text : '')).join(''));
    expect(blocks).toEqual(['Title line\nFirst sentence.', 'wrapped line\ncontinues here', 'Last one']);
  });

  test('renders an empty file and a file without findings', () => {
    const empty = textFile('', []);
    const report = formatResults('html', { files: [empty], errors: [], summary: summarize([empty]) }, context);
    expect(report).toContain('<p class="ok">✓ No problems found</p>');
    expect(report).toContain('0 errors');
  });

  test('the report of the example article stays under 200 KB', async () => {
    const { html: example, results: checked } = await exampleReports();
    expect(checked.files[0]!.findings.length).toBeGreaterThan(5);
    expect(Buffer.byteLength(example)).toBeLessThan(200 * 1024);
  });
});
