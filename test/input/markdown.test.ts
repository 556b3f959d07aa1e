import type { Document } from '../../src/input/document.js';
import { loadMarkdown } from '../../src/input/markdown.js';

const blockTexts = (doc: Document): [string, string][] => doc.blocks.map((b) => [b.kind, doc.text.slice(b.start, b.end)]);
/** Where `needle` in the prose text lands in the original, as line and column. */
const at = (doc: Document, needle: string) => {
  const { line, column } = doc.map.position(doc.text.indexOf(needle));
  return { line, column };
};
const columnOf = (original: string, line: number, needle: string): number => original.split('\n')[line - 1]!.indexOf(needle) + 1;

describe('loadMarkdown: an article', () => {
  const original = [
    '---', // 1
    'title: "Larijani in Baghdad"',
    'date: 2025-08-12',
    '---',
    '# Larijani Visits *Baghdad*', // 5
    '',
    'Ali Larijani, Iran&#8217;s security chief &amp; envoy, said talks',
    'had reached their final stage (IRNA English +1).',
    '',
    '## Why This Matters', // 10
    '',
    '> The agreement, [reported by WANA](https://wanaen.com/story?id=1&utm_source=chatgpt.com),',
    '> comes at a critical juncture. [Wikipedia]',
    '',
    '- Run `citecheck` on the draft', // 15
    '- Cite [Rudaw][rudaw] and <https://www.irna.ir/news/1>',
    '',
    '```',
    'const claim = "code is not prose";',
    '```', // 20
    '',
    '![a photo of Larijani](photo.jpg) Escaped \\*stars\\* stay.',
    '',
    '[rudaw]: https://www.rudaw.net/english',
  ].join('\n');
  let doc: Document;
  beforeAll(async () => {
    doc = await loadMarkdown('article.md', original);
  });

  test('front matter gives the date and title and is not prose', () => {
    expect(doc.meta).toEqual({ title: 'Larijani in Baghdad', date: '2025-08-12', dateSource: 'frontmatter' });
    expect(doc.text).not.toContain('title');
  });

  test('blocks: headings, paragraphs, quotes and list items; code, images and definitions left out', () => {
    expect(blockTexts(doc)).toEqual([
      ['heading', 'Larijani Visits Baghdad'],
      ['paragraph', 'Ali Larijani, Iran’s security chief & envoy, said talks\nhad reached their final stage (IRNA English +1).'],
      ['heading', 'Why This Matters'],
      ['paragraph', 'The agreement, reported by WANA,\ncomes at a critical juncture. [Wikipedia]'],
      ['paragraph', 'Run  on the draft'],
      ['paragraph', 'Cite Rudaw and https://www.irna.ir/news/1'],
      ['paragraph', 'Escaped *stars* stay.'],
    ]);
    expect(doc.text).not.toContain('code is not prose');
    expect(doc.text).not.toContain('a photo');
    expect(doc.text.split('\n\n')).toHaveLength(7);
  });

  test('positions map back through emphasis, entities, quote markers and escapes', () => {
    expect(at(doc, 'Baghdad')).toEqual({ line: 5, column: 20 }); // after the '*'
    expect(at(doc, 'security')).toEqual({ line: 7, column: columnOf(original, 7, 'security') });
    expect(at(doc, '& envoy')).toEqual({ line: 7, column: columnOf(original, 7, '&amp;') });
    expect(at(doc, 'envoy')).toEqual({ line: 7, column: columnOf(original, 7, 'envoy') });
    expect(at(doc, 'had reached')).toEqual({ line: 8, column: 1 });
    expect(at(doc, 'comes')).toEqual({ line: 13, column: 3 });
    expect(at(doc, '[Wikipedia]')).toEqual({ line: 13, column: columnOf(original, 13, '[Wikipedia]') });
    expect(at(doc, 'stars')).toEqual({ line: 22, column: columnOf(original, 22, 'stars') });
    expect(at(doc, 'stay')).toEqual({ line: 22, column: columnOf(original, 22, 'stay') });
  });

  test('links: inline, reference-style and autolinks, with the range of their text', () => {
    expect(doc.links.map((link) => [doc.text.slice(link.start, link.end), link.href])).toEqual([
      ['reported by WANA', 'https://wanaen.com/story?id=1&utm_source=chatgpt.com'],
      ['Rudaw', 'https://www.rudaw.net/english'],
      ['https://www.irna.ir/news/1', 'https://www.irna.ir/news/1'],
    ]);
  });
});

describe('loadMarkdown: directives', () => {
  test('from HTML comments, block or inline, with ids, reason and the comment’s line', async () => {
    const original = [
      '<!-- citecheck-disable-next-line tertiary-source -- quoted, not relied on -->',
      'Wikipedia reported the pact.',
      '',
      'Experts say so. <!-- citecheck-disable-line vague-attribution -->',
      '',
      '<!-- citecheck-disable -->',
      '<!-- note: citecheck-disable is not needed here -->',
      '<!-- citecheck-enable unknown-source -->',
    ].join('\n');
    const doc = await loadMarkdown('a.md', original);
    expect(doc.directives).toEqual([
      { kind: 'disable-next-line', ruleIds: ['tertiary-source'], reason: 'quoted, not relied on', line: 1, column: 1 },
      { kind: 'disable-line', ruleIds: ['vague-attribution'], line: 4, column: 17 },
      { kind: 'disable', ruleIds: [], line: 6, column: 1 },
      { kind: 'enable', ruleIds: ['unknown-source'], line: 8, column: 1 },
    ]);
    expect(blockTexts(doc)).toEqual([
      ['paragraph', 'Wikipedia reported the pact.'],
      ['paragraph', 'Experts say so.'],
    ]);
  });
});

describe('loadMarkdown: front matter edge cases', () => {
  test('an impossible date is ignored, and said to be', async () => {
    expect((await loadMarkdown('a.md', '---\ndate: 2025-02-30\n---\nText.')).meta).toEqual({
      dateSource: 'none', problem: 'front matter date "2025-02-30" is not a calendar date, so the article was checked without a date',
    });
  });

  test('broken YAML is ignored, not fatal, and still not prose', async () => {
    const doc = await loadMarkdown('a.md', '---\ndate: [2025-08-12\ntitle: "x\n---\nText.');
    expect(doc.meta).toEqual({ dateSource: 'none', problem: 'front matter is not valid YAML, so its date and title were not read' });
    expect(blockTexts(doc)).toEqual([['paragraph', 'Text.']]);
  });

  test('a date with a time keeps its calendar day', async () => {
    expect((await loadMarkdown('a.md', '---\ndate: 2025-08-11T23:30:00-05:00\n---\n')).meta.date).toBe('2025-08-11');
  });
});

describe('loadMarkdown: CRLF', () => {
  test('soft breaks become "\\n" in the text; positions count CRLF as one line break', async () => {
    const original = '# Conclusion\r\n\r\nIran’s move signals a wider\r\ninitiative (IRNA English +1).\r\n';
    const doc = await loadMarkdown('a.md', original);
    expect(blockTexts(doc)).toEqual([
      ['heading', 'Conclusion'],
      ['paragraph', 'Iran’s move signals a wider\ninitiative (IRNA English +1).'],
    ]);
    expect(at(doc, '(IRNA')).toEqual({ line: 4, column: 12 });
    expect(at(doc, 'Conclusion')).toEqual({ line: 1, column: 3 });
  });
});

describe('markdownHazard: open brackets', () => {
  test('flags a paragraph with more open [ than micromark handles in linear time', async () => {
    const { markdownHazard, MAX_OPEN_BRACKETS } = await import('../../src/input/depth.js');
    expect(markdownHazard(`Talks ${'['.repeat(MAX_OPEN_BRACKETS + 1)} resumed.\n`)).toBe('too many open brackets');
    // Near misses: as many brackets, but closed, or spread over paragraphs.
    expect(markdownHazard(`${'[Wikipedia] '.repeat(MAX_OPEN_BRACKETS * 2)}\n`)).toBeUndefined();
    expect(markdownHazard(`${'[[ one\n\n'.repeat(MAX_OPEN_BRACKETS)}`)).toBeUndefined();
  });
});

describe('markdownHazard: block length', () => {
  const sentence = '[Rudaw] said the pact was signed in Baghdad on Monday. ';
  const block = (length: number, line = sentence) => line.repeat(Math.ceil(length / line.length)).slice(0, length);

  test('flags a block between blank lines longer than micromark reads in linear time', async () => {
    const { markdownHazard, MAX_BLOCK_LENGTH } = await import('../../src/input/depth.js');
    // One paragraph on one line, at the end of the file or followed by a blank line.
    expect(markdownHazard(`# Talks\n\n${block(MAX_BLOCK_LENGTH + 1)}`)).toBe('too long a block');
    expect(markdownHazard(`${block(MAX_BLOCK_LENGTH + 1)}\n\nThe end.\n`)).toBe('too long a block');
    // One block of many lines (a long quote).
    expect(markdownHazard(block(MAX_BLOCK_LENGTH + 60, '> The talks went on, Rudaw said.\n'))).toBe('too long a block');
    // Near misses: a block just at the limit (whatever ends its line), and as much text in paragraphs under it.
    for (const end of ['', '\n', '\r\n', '\n\nThe end.\n', '\r\n\r\nThe end.\r\n', '\r\rThe end.\r']) {
      expect(markdownHazard(`${block(MAX_BLOCK_LENGTH)}${end}`)).toBeUndefined();
      expect(markdownHazard(`${block(MAX_BLOCK_LENGTH + 1)}${end}`)).toBe('too long a block');
    }
    // A block of CRLF lines is one block (a "\r\n" is not two line ends with a blank line between).
    expect(markdownHazard(block(MAX_BLOCK_LENGTH + 60, '> The talks went on, Rudaw said.\r\n'))).toBe('too long a block');
    expect(markdownHazard(`${block(MAX_BLOCK_LENGTH / 2)}\n\n`.repeat(6))).toBeUndefined();
    // A long list: each item a container of its own, micromark reads it in linear time.
    for (const marker of ['- ', '* ', '+ ', '1. ', '12) ']) {
      expect(markdownHazard(block(MAX_BLOCK_LENGTH * 2, `${marker}[Rudaw](https://www.rudaw.net/1) said so.\n`))).toBeUndefined();
    }
    // But not a long quote inside one item.
    expect(markdownHazard(`- ${block(MAX_BLOCK_LENGTH + 60, '> The talks went on, Rudaw said.\n')}`)).toBe('too long a block');
  });

  test('such a file is read as plain text: its citations are still found', async () => {
    const { MAX_BLOCK_LENGTH } = await import('../../src/input/depth.js');
    const doc = await loadMarkdown('a.md', `---\ndate: 2025-08-12\n---\n\n${block(MAX_BLOCK_LENGTH + 1)}\n`);
    expect(doc.meta.date).toBe('2025-08-12');
    expect(doc.text).toContain('[Rudaw] said the pact');
  });
});

describe('loadMarkdown: comments never closed', () => {
  const head = '---\ndate: 2025-08-12\n---\n\nThe pact was signed on Tuesday (Reuters).\n\n';
  const comments = (n: number, lead = '') => `${lead}<!-- draft: Larijani is the foreign minister, said IRNA English +1. `.repeat(n);

  test('one at a line start hides the rest of the file, as micromark reads it, past the hazard limit too', async () => {
    const { markdownHazard, MAX_UNCLOSED_COMMENTS } = await import('../../src/input/depth.js');
    const few = `${head}${comments(10)}\n\nMore draft text.\n`;
    const many = `${head}${comments(MAX_UNCLOSED_COMMENTS + 1)}\n\nMore draft text.\n`;
    expect(markdownHazard(few)).toBeUndefined();
    expect(markdownHazard(many)).toBe('too many unclosed comments');
    const expected = [['paragraph', 'The pact was signed on Tuesday (Reuters).']];
    expect(blockTexts(await loadMarkdown('a.md', few))).toEqual(expected); // micromark's reading
    const doc = await loadMarkdown('a.md', many);
    expect(blockTexts(doc)).toEqual(expected);
    expect(doc.meta).toEqual({ date: '2025-08-12', dateSource: 'frontmatter' });
    expect(doc.original).toBe(many);
    expect(at(doc, 'Reuters')).toEqual({ line: 5, column: 33 });
    // Right after the front matter, or opening the file, it hides everything after it too.
    expect(blockTexts(await loadMarkdown('a.md', `---\ndate: 2025-08-12\n---\n${comments(MAX_UNCLOSED_COMMENTS + 1)}\n\nMore.\n`))).toEqual([]);
    expect(blockTexts(await loadMarkdown('a.md', `${comments(MAX_UNCLOSED_COMMENTS + 1)}\n\nMore.\n`))).toEqual([]);
  });

  test('opened inside a line, or where a code fence may be open, the file is still read as plain text', async () => {
    const { MAX_UNCLOSED_COMMENTS } = await import('../../src/input/depth.js');
    const inline = await loadMarkdown('a.md', `${head}Draft ${comments(MAX_UNCLOSED_COMMENTS + 1)}\n`);
    expect(inline.text).toContain('Larijani is the foreign minister');
    // The front matter is still read, and is not prose.
    expect(inline.meta).toEqual({ date: '2025-08-12', dateSource: 'frontmatter' });
    expect(inline.text).not.toContain('date:');
    expect(at(inline, 'Reuters')).toEqual({ line: 5, column: 33 });
    const fenced = await loadMarkdown('a.md', `${head}\`\`\`\ncode\n${comments(MAX_UNCLOSED_COMMENTS + 1)}\n`);
    expect(fenced.text).toContain('Larijani is the foreign minister');
    // Inside an HTML block that a blank line ends, the prose after that blank line is read.
    const inBlock = await loadMarkdown('a.md', `${head}<div>\n${comments(MAX_UNCLOSED_COMMENTS + 1)}\n</div>\n\nThe talks ended on Friday.\n`);
    expect(inBlock.text).toContain('The talks ended on Friday.');
  });
});

describe('loadMarkdown: redirecting links', () => {
  test('a link through Google\'s redirector goes to its target, in inline and reference links', async () => {
    const doc = await loadMarkdown('a.md', 'The deal held, [the BBC said](https://www.google.com/url?q=https://www.bbc.co.uk/news/x&sa=D) and [Reuters][1].\n\n[1]: https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.reuters.com%2Fa\n');
    expect(doc.links.map((link) => link.href)).toEqual(['https://www.bbc.co.uk/news/x', 'https://www.reuters.com/a']);
  });
});

describe('loadMarkdown: pipe tables', () => {
  test('each cell of a GFM table is a block of its own inside the table; the delimiter row and pipes are no prose', async () => {
    const doc = await loadMarkdown('a.md', 'Rents:\n\n| Metro area | Rent 2023 |\n| --- | ---: |\n| Riverton | $1,410 |\n|Lakeside|$1,150|\n\nAfter.\n');
    expect(doc.blocks.map((block) => [block.inside ?? null, doc.text.slice(block.start, block.end)])).toEqual([
      [null, 'Rents:'], ['table', 'Metro area'], ['table', 'Rent 2023'], ['table', 'Riverton'], ['table', '$1,410'], ['table', 'Lakeside'], ['table', '$1,150'], [null, 'After.'],
    ]);
    expect(at(doc, '$1,410')).toEqual({ line: 5, column: 14 });
  });

  test('a paragraph with pipes but no delimiter row is prose', async () => {
    const doc = await loadMarkdown('a.md', 'Choose tea | coffee | water.\nThe menu changed in 2024.\n');
    expect(blockTexts(doc)).toEqual([['paragraph', 'Choose tea | coffee | water.\nThe menu changed in 2024.']]);
  });
});

describe('loadMarkdown: static-site markup', () => {
  test('Hugo: TOML front matter gives the date and title; shortcodes are no prose; positions hold', async () => {
    const original = '+++\ntitle = "Kenya protests"\ndate = 2024-06-27\n+++\n\n{{< tweet user="x" id="1806011224150954245" >}}\n\n{{% callout note %}}\nAt least 23 people were killed.\n{{% /callout %}}\n';
    const doc = await loadMarkdown('a.md', original);
    expect(doc.meta).toMatchObject({ date: '2024-06-27', dateSource: 'frontmatter', title: 'Kenya protests' });
    expect(blockTexts(doc).map(([, text]) => text.trim())).toEqual(['At least 23 people were killed.']);
    expect(at(doc, 'At least')).toEqual({ line: 9, column: 1 });
  });

  test('MDX: import and export lines are no prose; a sentence that starts with "import" is', async () => {
    const doc = await loadMarkdown('a.md', "import Chart from '../components/Chart'\nexport const meta = { readingTime: 5 }\n\nImport duties rose 4% in 2023.\n\nimport tariffs rose, officials said.\n");
    expect(blockTexts(doc)).toEqual([['paragraph', 'Import duties rose 4% in 2023.'], ['paragraph', 'import tariffs rose, officials said.']]);
  });
});

describe('loadMarkdown: inline HTML links', () => {
  test('an inline <a href> is a link over the text up to its </a>; an <a> without href is none', async () => {
    const doc = await loadMarkdown('a.md', 'The bill died, <a href="https://www.ft.com/x?a=1&amp;b=2">Reuters reported</a>.\n\nSee <a name="top">the top</a> and <a href=\'https://apnews.com/y\'>AP</a>.\n');
    expect(doc.links.map((link) => [doc.text.slice(link.start, link.end), link.href])).toEqual([
      ['Reuters reported', 'https://www.ft.com/x?a=1&b=2'], ['AP', 'https://apnews.com/y'],
    ]);
  });
});
