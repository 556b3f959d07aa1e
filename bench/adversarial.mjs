// Hostile inputs built to trigger regex backtracking or deep recursion (issue 7, item 2).
// Each case makes a document of about `n` bytes; the bench runs each at 100 KB and 1 MB, so
// a linear implementation takes about 10× as long on the larger one.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from './corpus.mjs';

export const ADVERSARIAL_VERSION = 3;
export const SIZES = [100_000, 1_000_000];

/** `unit` repeated (with a counter when it is a function) to about n bytes, on one line. */
function fill(n, unit) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < n; i++) {
    const s = typeof unit === 'function' ? unit(i) : unit;
    parts.push(s);
    size += s.length;
  }
  return parts.join('');
}

const letters = (i) => String.fromCharCode(97 + (i % 26));
const word = (i) => { const s = (i * 7919).toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[d]); return s[0].toUpperCase() + s.slice(1); };
const NEWS = 'Iran and Iraq signed a security pact on Tuesday (Reuters), according to IRNA English. ';
const mdHead = '---\ntitle: "Adversarial"\ndate: 2025-08-12\n---\n\n';
const html = (body) => `<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body><article>${body}</article></body></html>\n`;

/**
 * `named`: one of the strings issue 7 names ("((((((…", "+1 +1 +1 …", "according to according
 * to …", a 1 MB line without spaces, 50,000 unclosed quotes). The others are floods of what
 * citecheck reports (tens of thousands of findings on one line) and of markup.
 */
export const CASES = [
  { id: 'open-parens', named: true, ext: 'txt', what: '((((((…', make: (n) => `${NEWS}${fill(n, '(')}\n` },
  { id: 'open-brackets', ext: 'md', what: '[[[[…', make: (n) => `${mdHead}${NEWS}${fill(n, '[')}\n` },
  { id: 'chip-run', named: true, ext: 'txt', what: '+1 +1 +1 …', make: (n) => `Reuters ${fill(n, '+1 ')}\n` },
  { id: 'according-to', named: true, ext: 'txt', what: 'according to according to …', make: (n) => `${fill(n, 'according to ')}\n` },
  { id: 'no-spaces-line', named: true, ext: 'txt', what: '1 MB line without spaces', make: (n) => `${fill(n, letters)}\n` },
  { id: 'unclosed-quotes', named: true, ext: 'txt', what: '"a "b "c … unclosed quotes', make: (n) => `${fill(n, (i) => `"${letters(i)} `)}\n` },
  { id: 'capitalised-run', ext: 'txt', what: 'Aaaa Bbbb Cccc … capitalised words', make: (n) => `${fill(n, (i) => `${word(i)} `)}\n` },
  { id: 'unclosed-chip', ext: 'txt', what: '(IRNA English +1 without closing paren', make: (n) => `${fill(n, '(IRNA English +1 ')}\n` },
  { id: 'unclosed-comment-md', ext: 'md', what: '<!-- unclosed comments (Markdown)', make: (n) => `${mdHead}${NEWS}\n\n${fill(n, (i) => `<!-- ${letters(i)} ${NEWS}`)}\n` },
  { id: 'unclosed-comment-html', ext: 'html', what: '<!-- unclosed comments (HTML)', make: (n) => html(`<p>${NEWS}</p>${fill(n, (i) => `<!-- ${letters(i)} <p>${NEWS}`)}`) },
  { id: 'nested-html', ext: 'html', what: 'deeply nested <div> (10,000 levels per 100 KB)', make: (n) => nested(n) },
  { id: 'repeated-surname', ext: 'txt', what: 'Aaaa Smith met. Smith spoke. … one surname, thousands of first names', make: (n) => `${fill(n, (i) => `${word(i)} Smith met. Smith spoke. `)}\n` },
  { id: 'chatbot-markers', ext: 'txt', what: 'citeturn markers in private-use brackets, back to back', make: (n) => `${fill(n, (i) => `\uE200cite\uE202turn0search${i % 10}\uE201\uF8FF `)}\n` },
  { id: 'click-here', ext: 'txt', what: 'click here (Reuters) … pointers and citations, no links', make: (n) => `${fill(n, 'click here (Reuters) ')}\n` },
  { id: 'links-and-pointers', ext: 'md', what: '[Reuters](https://…) click here. … links beside pointers (Markdown)', make: (n) => `${mdHead}${fill(n, (i) => `[Reuters](https://www.reuters.com/${i}) click here. `)}\n` },
  { id: 'many-titles', ext: 'txt', what: 'Head of the Aaaa Council Ali Larijani spoke. … one person, thousands of titles', make: (n) => `${fill(n, (i) => `Head of the ${word(i)} Council Ali Larijani spoke. `)}\n` },
  { id: 'disable-comments', ext: 'md', what: '<!-- citecheck-disable a --> … <!-- citecheck-enable b --> around chips, never closed', make: (n) => `${mdHead}${fill(n, () => '<!-- citecheck-disable unknown-source -->\nTalks began (IRNA English +1).\n<!-- citecheck-enable tertiary-source -->\n\n')}` },
  { id: 'reference-links', ext: 'md', what: '[Aaaa][r1] [Bbbb][r2] … one paragraph of reference links, then their definitions', make: (n) => `${mdHead}${fill(n * 0.6, (i) => `[${word(i)}][r${i}] `)}\n\n${fill(n * 0.4, (i) => `[r${i}]: https://www.reuters.com/${i}\n`)}` },
  { id: 'mixed-noise', ext: 'txt', what: 'random punctuation, chips and quotes', make: (n) => noise(n) },
];

/** <div> nested n/10 levels deep (10,000 at 100 KB), a citation at the bottom. */
function nested(n) {
  const depth = Math.round(n / 10);
  return html(`${'<div>'.repeat(depth)}<p>${NEWS}</p>${'</div>'.repeat(depth)}`);
}

/** Seeded random tokens that look like the start of citations, never closed properly. */
function noise(n) {
  const rng = prng(77);
  const tokens = ['(', '[', '"', '“', '+12', 'according to', 'IRNA', 'English', 'Reuters', ')', ',', 'said', '—', 'Wikipedia', 'http://', 'www.'];
  return `${fill(n, () => `${rng.pick(tokens)} `)}\n`;
}

/** Writes every case at every size under root/adversarial (once per version); returns the paths. */
export function ensureAdversarial(root) {
  const dir = join(root, 'adversarial');
  const stamp = join(dir, 'VERSION');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== String(ADVERSARIAL_VERSION)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    process.stderr.write('bench: generating adversarial inputs…\n');
    for (const c of CASES) for (const n of SIZES) writeFileSync(join(dir, `${c.id}-${label(n)}.${c.ext}`), c.make(n));
    // Baselines: a one-line article per format, to subtract citecheck's fixed start-up cost.
    writeFileSync(join(dir, 'baseline.txt'), `${NEWS}\n`);
    writeFileSync(join(dir, 'baseline.md'), `${mdHead}${NEWS}\n`);
    writeFileSync(join(dir, 'baseline.html'), html(`<p>${NEWS}</p>`));
    writeFileSync(stamp, `${ADVERSARIAL_VERSION}\n`);
  }
  return {
    baseline: (ext) => join(dir, `baseline.${ext}`),
    path: (c, n) => join(dir, `${c.id}-${label(n)}.${c.ext}`),
  };
}

export const label = (n) => (n >= 1_000_000 ? `${n / 1_000_000}mb` : `${n / 1_000}kb`);
