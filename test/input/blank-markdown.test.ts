/**
 * blankMarkdown (the plain-text fallback for hostile Markdown) is two regex replaces; it must
 * blank exactly what the character loop it replaced blanked, kept here as the oracle.
 */
import fc from 'fast-check';
import { blankMarkdown } from '../../src/input/depth.js';

function oracle(text: string): string {
  const out: string[] = [];
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (lineStart) {
      let j = i;
      while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '>' || text[j] === '#' ||
        ((text[j] === '-' || text[j] === '+' || text[j] === '*') && (text[j + 1] === ' ' || text[j + 1] === '\t')))) j++;
      if (j > i) {
        out.push(' '.repeat(j - i));
        i = j - 1;
        lineStart = false;
        continue;
      }
      lineStart = false;
    }
    if (ch === '\n' || ch === '\r') lineStart = true;
    out.push(ch === '*' ? ' ' : ch);
  }
  return out.join('');
}

test.each([
  '# Heading\n\n> quoted *text*\n- item\n+ item\n* item\n\t-\tx\n',
  '## A\r\n> > nested\r\n  * a\r\n*not a bullet*\n-not a bullet\n',
  'line\u2028# not a line start\u2029> nor this\n#\n>\n- \n',
  '',
])('blanks what the character loop blanked: %j', (text) => {
  expect(blankMarkdown(text)).toBe(oracle(text));
});

test('the same as the character loop on arbitrary Markdown-like text', () => {
  const pieces = fc.constantFrom(' ', '\t', '\n', '\r', '\r\n', '>', '#', '-', '+', '*', '_', 'a', 'Word', '\u2028', '😀', '<!--');
  fc.assert(fc.property(fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join('')), (text) => {
    expect(blankMarkdown(text)).toBe(oracle(text));
  }), { numRuns: 2_000 });
});

test('keeps the length, so positions stay exact', () => {
  const text = '# T\n> - *x*\n';
  expect(blankMarkdown(text)).toHaveLength(text.length);
});
