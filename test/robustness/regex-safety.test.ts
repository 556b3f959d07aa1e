/**
 * Regular-expression and parser safety (issue 7, item 2), functional part: ~100 KB inputs built
 * to trigger backtracking or super-linear scans complete through check() and give well-formed
 * results. No wall-clock assertion beyond a generous cap: the linearity ratios (1 MB vs 100 KB)
 * belong to `npm run bench`. Each case runs in a guarded worker (see guard.ts) that is killed
 * after CAP ms, so a catastrophic case fails its own test instead of hanging the run.
 */
import { appendFileSync } from 'node:fs';
import { expectWellFormed } from '../fuzz/support.js';
import { guardedCheck, stopGuard } from './guard.js';

const SIZE = 100 * 1024;
/**
 * Far above what a linear pass over 100 KB needs (under 2 s), even on a loaded 2-core machine:
 * a case that hits it is catastrophic, not merely slow. Quadratic-but-finishing cases are the
 * benchmark's to catch (npm run bench, 1 MB vs 100 KB).
 */
const CAP = 30_000;

/** `unit` repeated to about SIZE characters, inside a sentence. */
const flood = (unit: string, size = SIZE) => `Officials met in Baghdad. ${unit.repeat(Math.ceil(size / unit.length))} The talks ended.\n`;

/** A different capitalised name for each i: "Bq", "Cr", … */
const firstName = (i: number) => { const s = (i * 7919 + 26).toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)]!); return s[0]!.toUpperCase() + s.slice(1); };

const CASES: [string, string][] = [
  ['((((…', flood('(')],
  ['))))…', flood(')')],
  ['[[[[…', flood('[')],
  ['([([…', flood('([')],
  ['+1 +1 +1 …', flood('+1 ')],
  ['+12+12+12…', flood('+12')],
  ['IRNA English +1 IRNA English +1 …', flood('IRNA English +1 ')],
  ['unclosed (IRNA English +1 repeated', flood('(IRNA English +1 ')],
  ['unclosed [Wikipedia repeated', flood('[Wikipedia ')],
  ['according to according to …', flood('according to ')],
  ['according to IRNA English and according to …', flood('according to IRNA English and ')],
  ['Reuters said Reuters said …', flood('Reuters said ')],
  ['reported by reported by …', flood('reported by ')],
  ['a 100 KB line without spaces', flood('a')],
  ['a 100 KB word of letters and dots', flood('A.b')],
  ['a 100 KB hyphenated word', flood('x-')],
  ['50,000 unclosed straight quotes', flood('"', 50_000)],
  ['50,000 unclosed curly quotes', flood('“', 50_000)],
  ['alternating quotes', flood('“\'‘"«')],
  ['a long run of Capitalised Words', flood('Capitalised Words ')],
  ['one surname, thousands of first names', Array.from({ length: 4_000 }, (_, i) => `${firstName(i)} Smith met. Smith spoke. `).join('')],
  ['Capitalised Words Of The Times Of', flood('Times Of ')],
  ['full stops', flood('.')],
  ['spaces', flood(' ')],
  ['blank lines', flood('\n')],
  ['CR line ends', flood('x\r')],
  ['click here click here …', flood('click here ')],
  ['experts say experts say …', flood('experts say ')],
  ['unterminated ChatGPT markers', flood('\ue200cite\ue202turn0search')],
  ['citeturn0search0 glued', flood('citeturn0search0')],
  ['unterminated 【1† markers', flood('【1†')],
  ['oai_citation prefixes', flood('oai_citation:1')],
  ['[cite: 1, 2, … never closed', `[cite: ${'1, '.repeat(SIZE / 3)}`],
  ['chatbot tracking parameters', flood('?utm_source=chatgpt.com&')],
  ['a URL of 100 KB', `See https://www.irna.ir/${'a/'.repeat(SIZE / 2)}?utm_source=chatgpt.com for more.`],
  ['numbers and percentages', flood('1,000.5% ')],
  ['dates', flood('on 12 August 2025, ')],
  ['titles', flood('President of the ')],
  ['possessives', flood('Ali Larijani’s ')],
  ['private-use characters', flood('\ue000\uf8ff')],
  ['combining marks', flood('e\u0301\u0301\u0301')],
  ['emoji', flood('😀👨‍👩‍👧')],
  ['RTL text', flood('وكالة إرنا ')],
];

/** Markup built to stress the Markdown and HTML loaders. */
const MARKUP_CASES: [string, string, string][] = [
  ['md', 'nested block quotes', `${'> '.repeat(2_000)}The deal (IRNA English +1).\n`],
  ['md', 'nested list markers', `${'- '.repeat(1_000)}The deal (IRNA English +1).\n`],
  ['md', 'emphasis delimiters', `${'*'.repeat(5_000)}The deal (IRNA English +1).${'*'.repeat(5_000)}\n`],
  ['md', 'unclosed emphasis', flood('*a ')],
  ['md', 'link openers', flood('[a](')],
  ['md', 'backticks', flood('`')],
  ['md', 'front matter fences', `---\n${'---\n'.repeat(SIZE / 4)}`],
  ['md', 'HTML comments never closed', flood('<!-- ')],
  ['html', 'unclosed tags', flood('<p>')],
  ['html', 'nested divs', `${'<div>'.repeat(2_000)}<p>The deal (IRNA English +1).</p>${'</div>'.repeat(2_000)}`],
  ['html', 'unclosed comment', `<p>The deal (IRNA English +1).</p><!--${'x'.repeat(SIZE)}`],
  ['html', 'entities', flood('&amp;&#x1F600;&bogus;')],
  ['html', 'attributes never closed', `<p title="${'x'.repeat(SIZE)}`],
  ['html', 'links', flood('<a href="https://irna.ir/?utm_source=chatgpt.com">IRNA English</a> ')],
];

afterAll(stopGuard);

/** REGEX_TIMINGS=<file> appends how long each case took (for a look, not an assertion). */
function note(name: string, ms: number): void {
  if (process.env.REGEX_TIMINGS) appendFileSync(process.env.REGEX_TIMINGS, `${Math.round(ms)}\t${name}\n`);
}

describe('adversarial text completes with well-formed results', () => {
  test.each(CASES)('%s (plain text)', async (_name, text) => {
    const results = await guardedCheck([{ path: 'adversarial.txt', text }], CAP);
    note(`txt ${_name}`, results.ms);
    expectWellFormed(results, 'adversarial.txt');
    expect(results.files).toHaveLength(1);
  }, CAP + 15_000);

  test.each(CASES.filter((_, i) => i % 3 === 0))('%s (as Markdown and HTML paragraphs)', async (_name, text) => {
    const results = await guardedCheck([
      { path: 'adversarial.md', text: `# Heading\n\n${text}` },
      { path: 'adversarial.html', text: `<article><p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p></article>` },
    ], CAP * 2);
    note(`md+html ${_name}`, results.ms);
    expectWellFormed(results, 'adversarial', 2);
    expect(results.files).toHaveLength(2);
  }, CAP * 2 + 15_000);

  test.each(MARKUP_CASES)('%s: %s', async (ext, _name, text) => {
    const path = `adversarial.${ext}`;
    const results = await guardedCheck([{ path, text }], CAP);
    note(`${ext} ${_name}`, results.ms);
    expectWellFormed(results, path);
    expect(results.errors).toEqual([]);
  }, CAP + 15_000);
});
