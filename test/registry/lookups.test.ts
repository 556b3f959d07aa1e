import { distance } from 'fastest-levenshtein';
import { hostOf, nameKey, remembered } from '../../src/registry/normalize.js';
import type { Registry } from '../../src/registry/registry.js';
import { builtinRegistry } from '../helpers/rule-tester.js';

/** hostOf as it was before the plain-URL fast path: the URL parser for everything. */
function hostByParser(href: string): string | null {
  let candidate = href.trim();
  if (!/^[a-z][a-z0-9+.-]*:/i.test(candidate)) candidate = `https://${candidate}`;
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.hostname.toLowerCase().replace(/^www\d?\./, '').replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}

/** suggestSources as it was before its index and cache: every key scored, in registry order. */
function suggestionsByScan(registry: Registry, name: string, max = 3, maxDistance?: number): string[] {
  const key = nameKey(name);
  if (!key) return [];
  const byKey = new Map<string, { id: string; name: string }>();
  for (const source of registry.sources) for (const alias of [source.name, ...source.aliases, ...source.domains]) byKey.set(nameKey(alias), source);
  const limit = maxDistance ?? Math.max(2, Math.floor(key.length / 3));
  const scored: { name: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const [candidate, source] of byKey) {
    if (Math.abs(candidate.length - key.length) > limit) continue;
    const score = distance(key, candidate);
    if (score > limit || seen.has(source.id)) continue;
    seen.add(source.id);
    scored.push({ name: source.name, score });
  }
  scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  return scored.filter((entry) => entry.score === scored[0]!.score).slice(0, max).map((entry) => entry.name);
}

describe('hostOf', () => {
  test.each([
    'https://www.bbc.co.uk/news/1', 'HTTP://EN.IRNA.IR', 'https://example.com.', 'https://example.com?x#y', 'caliber.az', 'www2.example.org/a',
    // Not plain: each goes to the URL parser, which decides.
    'https://xn--80ak6aa92e.com/', 'https://XN--abc.com', 'https://1.2.3.4/', 'https://0x7f.1/', 'https://example.123', 'https://a..b/',
    'https://user@example.com/', 'https://example.com:8080/', 'https://example.com:99999/', 'https://exa%41mple.com/', 'https://bücher.de/',
    'https://example.com\\path', 'https://exam\tple.com/', 'http:example.com', 'https:///example.com', 'ftp://example.com/', 'mailto:a@b.com', '', ' ',
  ])('%j reads as the URL parser reads it', (href) => {
    expect(hostOf(href)).toBe(hostByParser(href));
  });

  test('a generated mix of hosts reads as the URL parser reads it', () => {
    const parts = ['a', 'Z', '0', '7', '-', '.', 'xn--', 'www', 'com', '0x1f', '255'];
    const tails = ['', '/', '?q', '#f', ':80', '@x', '%41', '.', '\\', '\t'];
    let seed = 1;
    const pick = <T>(items: readonly T[]): T => items[(seed = (seed * 1103515245 + 12345) & 0x7fffffff) % items.length]!;
    for (let i = 0; i < 5000; i++) {
      let href = pick(['http://', 'https://', 'HTTPS://', '']);
      for (let k = 1 + (i % 6); k > 0; k--) href += pick(parts);
      href += pick(tails);
      expect([href, hostOf(href)]).toEqual([href, hostByParser(href)]);
    }
  });
});

describe('remembered look-ups', () => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await builtinRegistry();
  });

  test('suggestions match a full scan of the registry, asked once or again', () => {
    const names = registry.sources.slice(0, 120).flatMap((source) => {
      const name = source.name;
      return [name, `${name.slice(1)}`, `${name}s`, `${name.slice(0, -2)}x`, name.split('').reverse().join('')];
    });
    for (const name of [...names, 'Reutres', 'Shafak News', 'Caliber az', 'x', '']) {
      for (const [max, maxDistance] of [[3, undefined], [1, 2]] as const) {
        const expected = suggestionsByScan(registry, name, max, maxDistance);
        expect([name, registry.suggestSources(name, max, maxDistance)]).toEqual([name, expected]);
        expect([name, registry.suggestSources(name, max, maxDistance)]).toEqual([name, expected]);
      }
    }
  });

  test.each([
    ['Reutres', 'Reuters'], // two neighbours swapped: one slip
    ['Xinhau', 'Xinhua News Agency'],
    ['Reuter', 'Reuters'],
    ['Bloomburg', 'Bloomberg News'],
    ['Shafak News', 'Shafaq News'],
    ['Asociated Press', 'Associated Press'],
    ['Asociated Pres', 'Associated Press'], // two edits, past nine letters
  ])('misspeltSource(%j) is %j', (name, source) => {
    expect(registry.misspeltSource(name)?.name).toBe(source);
  });

  // "Eeuters": a slip keeps the first letter, so a name is only compared with keys that share it.
  test.each(['Thursday', 'Tuesday', 'Iraqi', 'Sudan', 'Hamas', 'Putin', 'APF', 'Reutrse', 'Bloombrug', 'Al Jaz', 'Eeuters'])('misspeltSource(%j) is null', (name) => {
    expect(registry.misspeltSource(name)).toBeNull();
  });

  test('a caller that changes its suggestions does not change the next answer', () => {
    const first = registry.suggestSources('Shafak News');
    first.push('changed');
    expect(registry.suggestSources('Shafak News')).toEqual(['Shafaq News']);
  });

  test('a name asked again resolves to the same source', () => {
    for (const name of ['IRNA English', 'The Times of Israel', 'Caliber.az', 'nobody at all']) {
      expect(registry.findSource(name)).toBe(registry.findSource(name));
    }
    expect(registry.findSourceByUrl('https://en.irna.ir/news/1')?.id).toBe(registry.findSource('IRNA English')?.id);
  });
});

describe('the compiled name index', () => {
  test('gives the same look-ups as keys computed on start', async () => {
    const { loadRegistryFiles } = await import('../../src/registry/load.js');
    const { builtinRegistryPaths } = await import('../../src/registry/builtin.js');
    const { Registry, nameIndexOf } = await import('../../src/registry/registry.js');
    const data = loadRegistryFiles(builtinRegistryPaths());
    // As the build writes it: through JSON, then read back.
    const index = JSON.parse(JSON.stringify(nameIndexOf(data))) as ReturnType<typeof nameIndexOf>;
    const compiled = new Registry(data, index);
    const computed = new Registry(data);
    const names = [...data.sources.flatMap((s) => [s.name, ...s.aliases, ...s.domains]), ...data.people.flatMap((p) => [p.name, ...p.aliases]), 'IRNA English', 'the Guardian', 'Unknown Outlet'];
    for (const name of names) expect(compiled.findSource(name)?.id).toBe(computed.findSource(name)?.id);
    expect(index.sources.length).toBeGreaterThan(data.sources.length);
  });
});

describe('asciiJson (how the build writes the compiled registry)', () => {
  test('is ASCII, and parses back to the same value, astral and lone surrogates included', async () => {
    const { default: fc } = await import('fast-check');
    const { asciiJson } = await import('../../src/registry/builtin.js');
    expect(asciiJson({ name: 'Rudaw – Kurdistan’s “news” 😀 \ud800 é\u007f' })).toBe('{"name":"Rudaw \\u2013 Kurdistan\\u2019s \\u201cnews\\u201d \\ud83d\\ude00 \\ud800 \\u00e9\\u007f"}');
    fc.assert(fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
      for (const input of [value, { text }]) {
        const json = asciiJson(input);
        expect(json).toMatch(/^[\x00-\x7e]*$/);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(input)));
      }
    }), { numRuns: 300 });
  });

  test('the built dist/registry.json is ASCII, so reading it as Latin-1 gives the text UTF-8 would', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { COMPILED_REGISTRY, packageRoot } = await import('../../src/registry/builtin.js');
    const bytes = readFileSync(join(packageRoot(), COMPILED_REGISTRY));
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    expect(bytes.toString('latin1')).toBe(bytes.toString('utf8'));
  });
});

describe('nameKey', () => {
  // Plain words skip the cached general path; a trailing full stop sends the same name through
  // that path (which blanks the stop), so both must agree.
  test('plain words get the key the general path gives', async () => {
    const { default: fc } = await import('fast-check');
    const word = fc.constantFrom('The', 'the', 'THE', 'Times', 'of', 'Israel', 'IRNA', 'English', 'a', 'Iran', 'theory', 'Thee', 'Zz');
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), (words) => {
      const name = words.join(' ');
      expect(nameKey(name)).toBe(nameKey(`${name}.`));
    }), { numRuns: 2_000 });
  });

  test.each([
    ['The Times of Israel', 'times of israel'],
    ['IRNA English', 'irna english'],
    ['Theodore', 'theodore'],
    ['The', 'the'],
  ])('%s → %s', (name, key) => expect(nameKey(name)).toBe(key));
});

describe('remembered', () => {
  /** A remembered function over `input => input.toUpperCase()`, and how often each input was computed. */
  function counted(limit?: number, costly?: boolean) {
    const computed = new Map<string, number>();
    const lookUp = remembered((input: string) => {
      computed.set(input, (computed.get(input) ?? 0) + 1);
      return input.toUpperCase();
    }, limit, costly);
    const ask = (input: string) => expect(lookUp(input)).toBe(input.toUpperCase());
    return { computed, ask };
  }
  const names = (from: number, to: number) => Array.from({ length: to - from }, (_, n) => `name ${from + n}`);

  test('inputs that repeat are computed once each, however many there are', () => {
    const { computed, ask } = counted();
    for (const name of names(0, 5_000)) for (let n = 0; n < 3; n++) ask(name);
    expect(computed.size).toBe(5_000);
    expect([...computed.values()].every((count) => count === 1)).toBe(true);
  });

  test('a flood of distinct inputs pauses remembering: answers kept still answer, the ones in the pause are computed again', () => {
    const { computed, ask } = counted();
    for (const name of names(0, 1_500)) ask(name);
    // The first thousand were kept and never asked again: remembering pauses for the next thousand.
    for (const name of names(0, 1_500)) ask(name);
    expect(names(0, 1_000).map((name) => computed.get(name))).toEqual(Array(1_000).fill(1));
    expect(names(1_000, 1_500).map((name) => computed.get(name))).toEqual(Array(500).fill(2));
    // After the pause (500 more misses), answers are kept again.
    for (const name of names(1_500, 1_600)) ask(name);
    for (const name of names(1_500, 1_600)) ask(name);
    expect(names(1_500, 1_600).map((name) => computed.get(name))).toEqual(Array(100).fill(1));
  });

  test('a costly computation keeps every answer, flood or not', () => {
    const { computed, ask } = counted(50_000, true);
    for (const name of names(0, 3_000)) ask(name);
    for (const name of names(0, 3_000)) ask(name);
    expect([...computed.values()].every((count) => count === 1)).toBe(true);
  });

  test('memory stays bounded: a full memory starts again', () => {
    const { computed, ask } = counted(100, true);
    for (const name of names(0, 150)) ask(name);
    ask('name 0');
    expect(computed.get('name 0')).toBe(2);
    ask('name 149');
    expect(computed.get('name 149')).toBe(1);
  });
});
