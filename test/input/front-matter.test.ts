import { parse as parseYaml } from 'yaml';
import { frontMatterMeta, simpleFrontMatter } from '../../src/input/front-matter.js';

/** What the YAML parser alone makes of `date` and `title`: the fast path must agree with it. */
function byParser(yaml: string): { date?: unknown; title?: unknown } | 'error' {
  try {
    const data = parseYaml(yaml) as Record<string, unknown> | null;
    return typeof data === 'object' && data !== null ? { date: data.date, title: data.title } : {};
  } catch {
    return 'error';
  }
}

const AGREES: string[] = [
  'title: "Muscat and Doha plan to release the detained journalists"\ndate: 2020-10-09\nauthor: Omid Yilmaz',
  "title: 'Single quoted'\ndate: 2024-05-06",
  'title: Plain title with spaces   \ndate: 2024-05-06  ',
  'title: Şahin and Çelik’s “talks”\ndate: 2024-05-06',
  "title: O'Brien, (again) & co.; 100% = \"x\"!?",
  'title: Übersicht\u00a0mit Leerzeichen',
  'title: "Emoji 🚀 in quotes"',
  'title: 2024', 'title: 0x1F', 'title: 0o17', 'title: 1e3', 'title: 1.5', 'title: 1.5.3', 'title: 1_000', 'title: null', 'title: True', 'title: yes',
  'date: 20250812', 'date: 2025-08-12T10:00:00Z', 'date: August 12, 2025', 'date: "12 August 2025"', 'date: 10:30',
  'last-modified: 2024-01-01\n_draft: x\ntitle: y',
  'title: a/b+c.d-e_f',
];

describe('front matter: the line-by-line reading agrees with the YAML parser', () => {
  for (const yaml of AGREES) {
    test(JSON.stringify(yaml), () => {
      const fast = simpleFrontMatter(yaml);
      expect(fast).toBeDefined();
      const parsed = byParser(yaml);
      expect(parsed).not.toBe('error');
      const { date, title } = parsed as { date?: unknown; title?: unknown };
      // Numbers and booleans matter only as "not a string": neither is a date or a title.
      const asString = (value: unknown) => (typeof value === 'string' ? value : value === undefined ? undefined : null);
      expect({ date: asString(fast!.date), title: asString(fast!.title) }).toEqual({ date: asString(date), title: asString(title) });
    });
  }
});

describe('front matter: anything else goes to the YAML parser', () => {
  const PARSER_ONLY = [
    '', 'title: x\ntitle: y', 'title: "escaped \\" quote"', "title: 'it''s'", 'title: x # comment', 'title: a: b',
    'title:\n  nested: x', 'tags:\n  - a', 'title: [a, b]', 'title: "tab\there"', 'title: x\r', '  title: x', 'null: x',
    'title: -x', 'title: x\u2028y', '# comment\ntitle: x', 'title: x\n\ndate: 2024-01-01', '__proto__: x',
  ];
  for (const yaml of PARSER_ONLY) {
    test(JSON.stringify(yaml), () => expect(simpleFrontMatter(yaml)).toBeUndefined());
  }

  test('repeated keys are broken YAML: no date', async () => {
    expect(await frontMatterMeta('date: 2024-01-01\ndate: 2024-01-02')).toEqual({ dateSource: 'none', problem: 'front matter is not valid YAML, so its date and title were not read' });
  });

  test('a comment after the date still gives it', async () => {
    expect(await frontMatterMeta('date: 2024-01-01 # published')).toEqual({ date: '2024-01-01', dateSource: 'frontmatter' });
  });
});

/** A small deterministic generator (mulberry32), so a failure names a case that can be re-run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('front matter: generated lines, read line by line, agree with the YAML parser', () => {
  const next = random(6);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const KEYS = ['title', 'date', 'title', 'date', 'author', 'x-y', '_k', 'Title', 'true', 'y', 'tags', 'slug', 'lang'];
  const SEPARATORS = [': ', ': ', ': ', ':  ', ':', ': \t', ' : '];
  const PIECES = [
    'a', 'Z', '0', '1', '2024', '-', '.', ' ', '  ', '#', ' #', ':', ': ', ',', "'", '"', '[', ']', '{', '}', '(', ')', '!', '?', ';', '&', '@', '%', '=', '*',
    '|', '>', '~', '`', '\\', '\t', 'é', '’', '“', '\u00a0', '\u2028', '\ufeff', '🚀', '\ud800', '0x1F', '0o7', '.5', 'e3', '.inf', 'null', 'true', '2025-08-12', 'T10:00',
  ];
  const SIMPLE = ['a', 'Z', '0', '1', '2024', ' ', '-', '.', ',', 'é', '’'];
  let fastCases = 0;
  for (let n = 0; n < 12_000; n++) {
    const lines: string[] = [];
    for (let l = 1 + Math.floor(next() * 3); l > 0; l--) {
      let value = '';
      for (let p = Math.floor(next() * 5); p > 0; p--) value += next() < 0.6 ? pick(SIMPLE) : pick(PIECES);
      const quote = next();
      if (quote < 0.15) value = `"${value}"`;
      else if (quote < 0.25) value = `'${value}'`;
      lines.push(`${pick(KEYS)}${pick(SEPARATORS)}${value}`);
    }
    const yaml = lines.join('\n');
    const fast = simpleFrontMatter(yaml);
    if (fast === undefined) continue;
    fastCases++;
    const parsed = byParser(yaml);
    expect({ yaml, parsed }).toEqual({ yaml, parsed: expect.not.stringMatching(/^error$/) });
    const data = parseYaml(yaml) as Record<string, unknown>;
    const asString = (value: unknown) => (typeof value === 'string' ? value : value === undefined ? undefined : null);
    for (const key of Object.keys(fast)) expect({ yaml, key, value: asString(fast[key]) }).toEqual({ yaml, key, value: asString(data[key]) });
  }
  // The generator must reach the fast path often enough to mean something.
  expect(fastCases).toBeGreaterThan(1000);
});

test('a 100 KB run of spaces in a value is read in linear time', () => {
  const started = Date.now();
  expect(simpleFrontMatter(`title: a${' '.repeat(100_000)}#`)).toBeUndefined();
  expect(simpleFrontMatter(`title: a${' a'.repeat(50_000)}   `)).toEqual({ title: `a${' a'.repeat(50_000)}` });
  expect(Date.now() - started).toBeLessThan(2_000);
});
