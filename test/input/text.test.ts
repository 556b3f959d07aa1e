import { readFileSync } from 'node:fs';
import type { Document } from '../../src/input/document.js';
import { loadText } from '../../src/input/text.js';

const blockTexts = (doc: Document): [string, string][] => doc.blocks.map((b) => [b.kind, doc.text.slice(b.start, b.end)]);

describe('loadText: the Larijani article', () => {
  const original = readFileSync(new URL('../../fixtures/larijani-baghdad.txt', import.meta.url), 'utf8');
  const doc = loadText('fixtures/larijani-baghdad.txt', original);
  const lines = original.split('\n');

  test('the text is the original itself, mapped one to one', () => {
    expect(doc.format).toBe('text');
    expect(doc.text).toBe(original);
    expect(doc.map.position(original.indexOf('[Wikipedia]'))).toMatchObject({ line: 7, column: lines[6]!.indexOf('[Wikipedia]') + 1 });
    expect(doc.meta).toEqual({ dateSource: 'none' });
  });

  test('its 14 lines: three headings, every other non-empty line a paragraph', () => {
    expect(lines).toHaveLength(14);
    const expected = lines.filter((line) => line !== '').map((line) => [
      ['Why This Matters: Geopolitical Consequences and Regional Stability', 'Looking Ahead: Lebanon and Beyond', 'Conclusion'].includes(line)
        ? 'heading'
        : 'paragraph',
      line,
    ]);
    expect(blockTexts(doc)).toEqual(expected);
  });
});

describe('loadText: block shapes', () => {
  test('hard-wrapped prose joins into one paragraph; a sentence end or blank line ends it', () => {
    const original = [
      'Ali Larijani, Iran’s newly appointed Secretary of the Supreme National',
      'Security Council, announced that negotiations with Iraq had reached',
      'their final stage.',
      'He will travel to Beirut',
      'later this week.',
      '',
      'Iran has long voiced concern about militant groups',
      '',
      'Looking Ahead: Lebanon and Beyond',
      'Following his visit to Baghdad, Larijani will travel onward to Beirut.',
    ].join('\n');
    expect(blockTexts(loadText('a.txt', original))).toEqual([
      ['paragraph', original.slice(0, original.indexOf('stage.') + 6)],
      ['paragraph', 'He will travel to Beirut\nlater this week.'],
      // Before a blank line, only a Title Case line is a heading.
      ['paragraph', 'Iran has long voiced concern about militant groups'],
      // In hard-wrapped prose a heading followed by a capital must be Title Case.
      ['heading', 'Looking Ahead: Lebanon and Beyond'],
      ['paragraph', 'Following his visit to Baghdad, Larijani will travel onward to Beirut.'],
    ]);
  });

  test('near-misses: a short line ending with a period, or followed by lowercase, is not a heading', () => {
    expect(blockTexts(loadText('a.txt', 'The talks ended.\nLarijani left.'))).toEqual([
      ['paragraph', 'The talks ended.'],
      ['paragraph', 'Larijani left.'],
    ]);
    expect(blockTexts(loadText('a.txt', 'Larijani said the talks\nwould resume.'))).toEqual([
      ['paragraph', 'Larijani said the talks\nwould resume.'],
    ]);
    // Thirteen words is too long for a heading.
    expect(loadText('a.txt', 'One two three four five six seven eight nine ten eleven twelve thirteen\nNext.').blocks[0]!.kind).toBe('paragraph');
  });

  test('hard-wrapped paragraphs set apart by blank lines: a sentence that ends at the wrap width does not end its paragraph', () => {
    const first = [
      'According to the UN refugee agency, more than 1.5 million people have',
      'fled Sudan since April, most of them to Chad, Egypt and South Sudan.',
      'Chad has received the largest number, about 600,000, and the agency',
      'expects more to arrive before the rainy season closes the border roads',
      'in June, when aid convoys from Port Sudan can no longer reach the camps',
      'on the western frontier.',
    ].join('\n');
    const second = 'The agency appealed for $1 billion.\nDonors have pledged a third of it.';
    expect(blockTexts(loadText('a.txt', `${first}\n\n${second}\n`))).toEqual([
      ['paragraph', first],
      // Short lines: each sentence at a line's end still ends its paragraph.
      ['paragraph', 'The agency appealed for $1 billion.'],
      ['paragraph', 'Donors have pledged a third of it.'],
    ]);
    // Without blank lines between paragraphs, a line's sentence end is the only paragraph end there is.
    expect(blockTexts(loadText('a.txt', `${first}\n${second}\n`)).length).toBe(4);
  });

  test('the first line, alone before a blank line and more prose, is a headline, in sentence case and at length', () => {
    const headline = 'Kenya central bank cuts key rate to 9.25%, sixth cut in a row';
    expect(blockTexts(loadText('a.txt', `${headline}\n\nNAIROBI, Oct 7 (Reuters) - The bank cut its rate.\n`))).toEqual([
      ['heading', headline], ['paragraph', 'NAIROBI, Oct 7 (Reuters) - The bank cut its rate.'],
    ]);
    // The whole text, or a first line that ends a sentence, is prose.
    expect(blockTexts(loadText('a.txt', `${headline}\n`))).toEqual([['paragraph', headline]]);
    expect(blockTexts(loadText('a.txt', 'The bank cut its rate.\n\nIt said so.\n'))[0]).toEqual(['paragraph', 'The bank cut its rate.']);
  });

  test('a trailing citation after the full stop ends the sentence; a Title Case line before a blank is a heading', () => {
    expect(blockTexts(loadText('a.txt', 'Exports fell 14% in May. (Reuters)\nThe militia bears down. [Wikipedia]\nPrices rose\n\nConclusion\n\nIt ended.'))).toEqual([
      ['paragraph', 'Exports fell 14% in May. (Reuters)'],
      ['paragraph', 'The militia bears down. [Wikipedia]'],
      ['paragraph', 'Prices rose'],
      ['heading', 'Conclusion'],
      ['paragraph', 'It ended.'],
    ]);
    expect(blockTexts(loadText('a.txt', 'The strike hit a depot near Kharkiv Business Insider+15Reuters+15Reddit+15\n'))).toEqual([
      ['paragraph', 'The strike hit a depot near Kharkiv Business Insider+15Reuters+15Reddit+15'],
    ]);
  });

  test('a closing quote or parenthesis after the full stop still ends the sentence', () => {
    expect(blockTexts(loadText('a.txt', '“We agreed.”\nHe said (in Baghdad.)\nDone!'))).toEqual([
      ['paragraph', '“We agreed.”'],
      ['paragraph', 'He said (in Baghdad.)'],
      ['paragraph', 'Done!'],
    ]);
  });

  test('separator lines and surrounding whitespace are not prose', () => {
    const doc = loadText('a.txt', '  Conclusion  \n\n* * *\n\n\tIt ended.  ');
    expect(doc.blocks).toEqual([
      { kind: 'heading', start: 2, end: 12 },
      { kind: 'paragraph', start: 24, end: 33 },
    ]);
  });
});

describe('loadText: CRLF and lone CR', () => {
  test('blocks exclude the line break, positions count CRLF as one line break', () => {
    const original = 'Conclusion\r\nIran’s move signals a wider\r\ninitiative (IRNA English +1).\r\n';
    const doc = loadText('a.txt', original);
    expect(blockTexts(doc)).toEqual([
      ['heading', 'Conclusion'],
      ['paragraph', 'Iran’s move signals a wider\r\ninitiative (IRNA English +1).'],
    ]);
    expect(doc.map.position(doc.text.indexOf('(IRNA'))).toMatchObject({ line: 3, column: 12 });
    const lone = loadText('b.txt', 'A line.\rB line.');
    expect(lone.map.position(lone.text.indexOf('B'))).toMatchObject({ line: 2, column: 1 });
  });
});

describe('loadText: directives', () => {
  const original = [
    'The talks ended.',
    'citecheck-disable-next-line tertiary-source unknown-source -- quoted from the wire',
    'Wikipedia reported the pact.',
    '  <!-- citecheck-disable vague-attribution -->',
    '# citecheck-enable',
    '// citecheck-disable-line',
    'Writers sometimes add citecheck-disable-next-line to silence a rule.',
    'citecheck-disable is how you silence a rule.',
  ].join('\n');
  const doc = loadText('a.txt', original);

  test('directive lines become directives with ids, reason, line and column', () => {
    expect(doc.directives).toEqual([
      { kind: 'disable-next-line', ruleIds: ['tertiary-source', 'unknown-source'], reason: 'quoted from the wire', line: 2, column: 1 },
      { kind: 'disable', ruleIds: ['vague-attribution'], line: 4, column: 3 },
      { kind: 'enable', ruleIds: [], line: 5, column: 1 },
      { kind: 'disable-line', ruleIds: [], line: 6, column: 1 },
    ]);
  });

  test('directive lines are blanked out of the prose, offsets unchanged; mentions stay prose', () => {
    expect(doc.text).toHaveLength(original.length);
    expect(doc.text).not.toContain('tertiary-source');
    expect(blockTexts(doc)).toEqual([
      ['paragraph', 'The talks ended.'],
      ['paragraph', 'Wikipedia reported the pact.'],
      ['paragraph', 'Writers sometimes add citecheck-disable-next-line to silence a rule.'],
      ['paragraph', 'citecheck-disable is how you silence a rule.'],
    ]);
    expect(doc.map.position(doc.text.indexOf('Wikipedia'))).toMatchObject({ line: 3, column: 1 });
  });
});

describe('loadText: bare URLs', () => {
  test('become links; trailing punctuation and an unbalanced paren are left out', () => {
    const text = 'See https://en.wikipedia.org/wiki/Ali_Larijani_(politician). Also (https://www.irna.ir/news/85912345), and http://x.org/a?b=1.';
    const doc = loadText('a.txt', text);
    expect(doc.links.map((link) => [text.slice(link.start, link.end), link.href])).toEqual([
      ['https://en.wikipedia.org/wiki/Ali_Larijani_(politician)', 'https://en.wikipedia.org/wiki/Ali_Larijani_(politician)'],
      ['https://www.irna.ir/news/85912345', 'https://www.irna.ir/news/85912345'],
      ['http://x.org/a?b=1', 'http://x.org/a?b=1'],
    ]);
  });
});
