import { mergeRegistryTexts, compareDates } from '../../src/registry/load.js';
import { builtinRegistryPaths, loadBuiltinRegistry } from '../../src/registry/builtin.js';
import { Registry } from '../../src/registry/registry.js';
import { builtinRegistry } from '../helpers/rule-tester.js';
import { InputError } from '../../src/registry/yaml-errors.js';

function problems(files: { path: string; text: string }[], base?: Parameters<typeof mergeRegistryTexts>[1]): string[] {
  try {
    mergeRegistryTexts(files, base);
  } catch (error) {
    if (error instanceof InputError) return error.lines;
    throw error;
  }
  return [];
}

const source = (id: string, extra = '') => `  - id: ${id}
    name: ${id.toUpperCase()} News
    kind: newspaper
    country: GB
    affiliation: independent
    reliability: { rating: unrated, provenance: none }
    reference: https://example.com/${id}
${extra}`;

describe('registry files', () => {
  test('a schema problem is file:line: key: problem', () => {
    const text = `sources:\n${source('alpha')}  - id: beta\n    name: Beta\n    kind: tabloid\n    country: GB\n    affiliation: independent\n    reliability: { rating: unrated, provenance: none }\n    reference: https://example.com/b\n`;
    expect(problems([{ path: 'mine.yaml', text }])).toEqual([
      'mine.yaml:11: sources[1].kind: Invalid option: expected one of "news-agency"|"newspaper"|"broadcaster"|"magazine"|"website"|"fact-checker"|"encyclopedia"|"wiki"|"aggregator"|"platform"|"chatbot"|"government"|"organization"',
    ]);
  });

  test('a YAML syntax error names the line', () => {
    expect(problems([{ path: 'bad.yaml', text: 'sources:\n  - id: a\n   name: [unclosed\n' }])[0]).toMatch(/^bad\.yaml:3: /);
  });

  test('an unknown key is named', () => {
    expect(problems([{ path: 'x.yaml', text: `sources:\n${source('alpha', '    rating: high\n')}` }])).toEqual(['x.yaml:2: sources[0]: Unrecognized key: "rating" (rating)']);
  });

  test('a duplicate id, a name claimed twice and a domain claimed twice name both places', () => {
    const a = `sources:\n${source('alpha', '    aliases: [The Daily]\n    domains: [daily.example.com]\n')}`;
    const b = `sources:\n${source('beta', '    aliases: [Daily]\n    domains: [daily.example.com]\n')}${source('alpha')}`;
    expect(problems([{ path: 'a.yaml', text: a }, { path: 'b.yaml', text: b }])).toEqual([
      'b.yaml:11: sources[1].id: duplicate id "alpha" (also at a.yaml:2)',
      'b.yaml:2: sources.beta: the name "Daily" also belongs to "alpha" (a.yaml:2)',
      'b.yaml:2: sources.beta: the domain "daily.example.com" also belongs to "alpha" (a.yaml:2)',
    ]);
  });

  test('office holders out of order, overlapping or unknown are errors', () => {
    const text = `people:
  - { id: ann, name: Ann One, reference: "https://example.com/ann" }
  - { id: bob, name: Bob Two, reference: "https://example.com/bob" }
offices:
  - id: xx-foreign-minister
    title: Foreign Minister
    phrases: [foreign minister]
    country: GB
    kind: foreign-minister
    reference: https://example.com/fm
    holders:
      - { person: ann, from: "2020-01-01", to: "2019-01-01", reference: "https://example.com/1" }
      - { person: bob, from: "2019-06-01", to: "2021-01-01", reference: "https://example.com/2" }
      - { person: cat, from: "2021-01-01", reference: "https://example.com/3" }
`;
    expect(problems([{ path: 'facts.yaml', text }])).toEqual([
      'facts.yaml:5: offices.xx-foreign-minister: ann leaves (2019-01-01) before taking office (2020-01-01)',
      'facts.yaml:5: offices.xx-foreign-minister: holder "cat" is not in people',
      'facts.yaml:5: offices.xx-foreign-minister: bob (to 2021-01-01) overlaps ann (from 2020-01-01)',
    ]);
  });

  test('a user file overrides one field of a built-in entry', () => {
    const base = mergeRegistryTexts([{ path: 'base.yaml', text: `sources:\n${source('wana')}` }]);
    const merged = mergeRegistryTexts([{ path: 'desk.yaml', text: 'sources:\n  - id: wana\n    reliability: { rating: generally-unreliable, provenance: "Desk policy 2025" }\n' }], base);
    expect(merged.sources[0]).toMatchObject({ id: 'wana', name: 'WANA News', reliability: { rating: 'generally-unreliable', provenance: 'Desk policy 2025' } });
  });

  test('a file\'s asOf goes to each of its offices that gives none of its own', () => {
    const office = (id: string, extra = '') => `  - { id: ${id}, title: T, phrases: [t], country: GB, kind: other, reference: "https://example.com/${id}"${extra} }\n`;
    const data = mergeRegistryTexts([
      { path: 'checked.yaml', text: `asOf: "2025-12-31"\noffices:\n${office('plain')}${office('own', ', asOf: "2026-02"')}` },
      { path: 'unchecked.yaml', text: `offices:\n${office('other')}` },
    ]);
    expect(data.offices.map((entry) => [entry.id, entry.asOf])).toEqual([['plain', '2025-12-31'], ['own', '2026-02'], ['other', undefined]]);
    // A user's file dates the offices it names, and only those.
    const merged = mergeRegistryTexts([{ path: 'desk.yaml', text: 'asOf: "2026-06-30"\noffices:\n  - { id: plain, title: U }\n' }], data);
    expect(merged.offices.map((entry) => [entry.id, entry.asOf])).toEqual([['plain', '2026-06-30'], ['own', '2026-02'], ['other', undefined]]);
  });

  test('an asOf that is not a date is file:line: key: problem', () => {
    expect(problems([{ path: 'facts.yaml', text: 'people: []\nasOf: "end of 2025"\n' }])).toEqual([
      'facts.yaml:2: asOf: dates are YYYY-MM-DD (or YYYY-MM, YYYY when the day is not known)',
    ]);
  });

  test('partial dates compare at the precision both have', () => {
    expect(compareDates('2013-09', '2013-09-12')).toBe(0);
    expect(compareDates('2013-08', '2013-09-12')).toBeLessThan(0);
  });
});

describe('the built-in registry', () => {
  test('loads, validated, from its YAML files', async () => {
    process.env.CITECHECK_REGISTRY_FROM_YAML = '1';
    const { data } = await loadBuiltinRegistry();
    expect(builtinRegistryPaths().length).toBeGreaterThan(1);
    expect(data.sources.length).toBeGreaterThan(100);
    for (const entry of [...data.sources, ...data.people, ...data.offices, ...data.events]) expect(entry.reference).toMatch(/^https?:\/\//);
    // Every built-in office says up to when its holders were checked (see the files' headers).
    expect(data.offices.filter((entry) => entry.asOf !== '2025-12-31').map((entry) => entry.id)).toEqual([]);
  });

  test.each([
    ['IRNA English', 'irna'], ['Islamic Republic News Agency', 'irna'], ['Mehr News Agency', 'mehr'], ['Caliber.az', 'caliber-az'],
    ['Rudaw', 'rudaw'], ['WANA', 'wana'], ['The Times of Israel', 'times-of-israel'], ['Times of Israel', 'times-of-israel'],
    ['Afghan Voice Agency', 'afghan-voice-agency'], ['Wikipedia', 'wikipedia'], ['Wiki', 'wikipedia'],
  ])('"%s" resolves to %s', async (name, id) => {
    expect((await builtinRegistry()).findSource(name)?.id).toBe(id);
  });

  test('links resolve through subdomains', async () => {
    const registry = await builtinRegistry();
    expect(registry.findSourceByUrl('https://en.irna.ir/news/85912345/')?.id).toBe('irna');
    expect(registry.findSourceByUrl('https://www.aljazeera.com/news/2025/8/12')?.id).toBe('al-jazeera');
  });
});

describe('domain matching through the public suffix list', () => {
  const data = mergeRegistryTexts([{ path: 'd.yaml', text: `sources:
  - { id: bbc, name: BBC, domains: [bbc.co.uk, bbc.com], kind: broadcaster, country: GB, affiliation: state-adjacent, reliability: { rating: generally-reliable, provenance: x }, reference: "https://bbc.com" }
  - { id: guardian, name: The Guardian, domains: [theguardian.com], kind: newspaper, country: GB, affiliation: independent, reliability: { rating: generally-reliable, provenance: x }, reference: "https://theguardian.com" }
  - { id: pages, name: Pages Host, domains: [github.io], kind: platform, country: INT, affiliation: independent, reliability: { rating: unrated, provenance: x }, reference: "https://github.io" }
` }]);
  const registry = new Registry(data);

  test.each([
    ['https://www.bbc.co.uk/news/world-middle-east-1', 'bbc'],
    ['https://amp.theguardian.com/world/2025/aug/12/iran', 'guardian'],
    ['http://feeds.bbc.com/x', 'bbc'],
    ['https://github.io/', 'pages'],
  ])('%s → %s', (url, id) => expect(registry.findSourceByUrl(url)?.id).toBe(id));

  test.each(['https://someone.github.io/post', 'https://co.uk/', 'javascript:alert(1)', 'not a url'])('%s → nothing', (url) => {
    expect(registry.findSourceByUrl(url)).toBeNull();
  });
});
