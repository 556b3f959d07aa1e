/**
 * A user's registry file changes only the fields it names (regression: zod's `.partial()` kept
 * the defaults, so an override naming only the rating reset the built-in aliases and domains to []).
 */
import { loadRegistryFiles, mergeRegistryTexts } from '../../src/registry/load.js';
import { builtinRegistryPaths } from '../../src/registry/builtin.js';
import { Registry, type RegistryData } from '../../src/registry/registry.js';
import { InputError } from '../../src/registry/yaml-errors.js';

let builtin: RegistryData;
beforeAll(() => {
  builtin = loadRegistryFiles(builtinRegistryPaths());
});

const desk = (text: string) => mergeRegistryTexts([{ path: 'desk.yaml', text }], builtin);
const find = <T extends { id: string }>(entries: readonly T[], id: string): T => {
  const entry = entries.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`no ${id}`);
  return entry;
};

describe('a user registry file overrides only what it names', () => {
  test('a source override naming only the rating keeps the aliases, domains and the rest', () => {
    const before = find(builtin.sources, 'irna');
    expect(before.aliases).toContain('IRNA English');
    expect(before.domains).toEqual(['irna.ir']);
    const merged = desk('sources:\n  - id: irna\n    reliability: { rating: generally-unreliable, provenance: "Desk policy 2025" }\n');
    expect(find(merged.sources, 'irna')).toEqual({ ...before, reliability: { rating: 'generally-unreliable', provenance: 'Desk policy 2025' } });
    // What the override is for still works: the chip's name and the site's links find the source.
    const registry = new Registry(merged);
    expect(registry.findSource('IRNA English')).toMatchObject({ id: 'irna', reliability: { rating: 'generally-unreliable' } });
    expect(registry.findSourceByUrl('https://en.irna.ir/news/85912345/')?.id).toBe('irna');
  });

  test('a person override naming only the name keeps the aliases', () => {
    const before = find(builtin.people, 'ali-larijani');
    expect(before.aliases.length).toBeGreaterThan(0);
    const merged = desk('people:\n  - id: ali-larijani\n    name: Ali Ardeshir Larijani\n');
    expect(find(merged.people, 'ali-larijani')).toEqual({ ...before, name: 'Ali Ardeshir Larijani' });
  });

  test('an office override naming only the title keeps the holders and phrases', () => {
    const before = find(builtin.offices, 'ir-foreign-minister');
    expect(before.holders.length).toBeGreaterThan(1);
    const merged = desk('offices:\n  - id: ir-foreign-minister\n    title: Foreign Minister of Iran\n');
    expect(find(merged.offices, 'ir-foreign-minister')).toEqual({ ...before, title: 'Foreign Minister of Iran' });
  });

  test('an event override naming only the place keeps the parties', () => {
    const before = find(builtin.events, 'minsk-ii-signed');
    expect(before.parties).toEqual(['RU', 'UA', 'DE', 'FR']);
    const merged = desk('events:\n  - id: minsk-ii-signed\n    place: Minsk, Belarus\n');
    expect(find(merged.events, 'minsk-ii-signed')).toEqual({ ...before, place: 'Minsk, Belarus' });
  });

  test('a list the override names is replaced, even by an empty one', () => {
    const merged = desk('sources:\n  - id: irna\n    aliases: []\n    domains: [irna.example.org]\n');
    expect(find(merged.sources, 'irna')).toMatchObject({ aliases: [], domains: ['irna.example.org'], name: 'Islamic Republic News Agency' });
  });

  test('a new entry gets the defaults it leaves out', () => {
    const merged = desk(`sources:
  - id: desk-wire
    name: Desk Wire
    kind: news-agency
    country: GB
    affiliation: independent
    reliability: { rating: unrated, provenance: "Desk" }
    reference: https://example.com/wire
`);
    expect(find(merged.sources, 'desk-wire')).toMatchObject({ aliases: [], domains: [] });
    expect(new Registry(merged).findSource('Desk Wire')?.id).toBe('desk-wire');
  });

  test('a new entry is still validated in full, and unknown keys are still named', () => {
    const problems = (text: string) => {
      try {
        desk(text);
      } catch (error) {
        if (error instanceof InputError) return error.lines;
        throw error;
      }
      return [];
    };
    expect(problems('sources:\n  - id: desk-wire\n    name: Desk Wire\n').map((line) => line.replace(/: Invalid .*/, ''))).toEqual(
      ['kind', 'country', 'affiliation', 'reliability', 'reference'].map((key) => `desk.yaml:2: sources[0].${key}`),
    );
    expect(problems('sources:\n  - id: irna\n    rating: high\n')).toEqual(['desk.yaml:2: sources[0]: Unrecognized key: "rating" (rating)']);
  });
});

describe('one id twice', () => {
  const twice = 'sources:\n  - id: dupx\n    name: "Dup X"\n    domains: [dupx.example]\n    kind: website\n    country: GB\n    affiliation: independent\n    reliability: { rating: unrated, provenance: "none" }\n    reference: "https://dupx.example/"\n'
    + '  - id: dupx\n    name: "Dup X again"\n    kind: website\n    country: GB\n    affiliation: independent\n    reliability: { rating: unrated, provenance: "none" }\n    reference: "https://dupx.example/"\n';

  test('in one user file is an error naming both places: the second would drop the first\'s domains', () => {
    expect(() => desk(twice)).toThrow(InputError);
    try { desk(twice); } catch (error) {
      expect((error as InputError).lines).toEqual(['desk.yaml:10: sources[1].id: duplicate id "dupx" (also at desk.yaml:2)']);
    }
  });

  test('in two user files, the later overrides the earlier (a desk layered over its newsroom)', () => {
    const first = twice.slice(0, twice.indexOf('  - id: dupx', 10));
    const second = 'sources:\n  - id: dupx\n    reliability: { rating: generally-unreliable, provenance: "desk" }\n';
    const merged = mergeRegistryTexts([{ path: 'newsroom.yaml', text: first }, { path: 'desk.yaml', text: second }], builtin);
    expect(merged.sources.find((source) => source.id === 'dupx')).toMatchObject({ domains: ['dupx.example'], reliability: { rating: 'generally-unreliable' } });
  });
});
