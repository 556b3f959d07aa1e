import { readFileSync } from 'node:fs';
import { formatOf, loadDocument } from '../../src/input/load.js';

describe('formatOf', () => {
  test.each([
    ['article.md', 'markdown'],
    ['notes/Article.MARKDOWN', 'markdown'],
    ['page.html', 'html'],
    ['page.HTM', 'html'],
    ['article.txt', 'text'],
    ['README', 'text'],
    ['drafts.md/article', 'text'],
  ])('%s → %s', (path, format) => {
    expect(formatOf(path)).toBe(format);
  });
});

describe('loadDocument', () => {
  test('picks the loader by extension, or by the format given', async () => {
    expect((await loadDocument('a.md', '# Conclusion\n')).format).toBe('markdown');
    expect((await loadDocument('a.html', '<p>Text.</p>')).format).toBe('html');
    const forced = await loadDocument('-', '<p>Text.</p>', 'html');
    expect(forced.text).toBe('Text.');
  });

  test('a leading BOM is removed so line 1 columns do not count it', async () => {
    const doc = await loadDocument('a.txt', '\ufeffConclusion\nIran’s move.');
    expect(doc.original).toBe('Conclusion\nIran’s move.');
    expect(doc.map.position(0)).toEqual({ offset: 0, line: 1, column: 1 });
  });

  test('empty input is an empty document', async () => {
    const doc = await loadDocument('a.txt', '');
    expect([doc.text, doc.blocks, doc.links, doc.directives]).toEqual(['', [], [], []]);
  });

  // Start-up time: cheerio and the Markdown parser must load only when a file needs them.
  test('load.ts does not statically reach the Markdown or HTML loaders or their parsers', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(new URL(`../../src/input/${file}`, import.meta.url), 'utf8');
      for (const [, specifier] of source.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gm)) {
        expect(specifier).not.toMatch(/cheerio|mdast|micromark|yaml|markdown|html/);
        if (specifier!.startsWith('./')) visit(specifier!.slice(2).replace(/\.js$/, '.ts'));
      }
    };
    visit('load.ts');
    expect(seen).toEqual(new Set(['load.ts', 'text.ts', 'directives.ts', 'document.ts']));
  });
});
