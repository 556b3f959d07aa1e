/**
 * Registry and configuration YAML is read by js-yaml where it reads a file as the `yaml` library
 * does, and by `yaml` elsewhere (src/registry/yaml-errors.ts). Property: whatever the text, the
 * result is the one `yaml` alone gives, value or error.
 */
import fc from 'fast-check';
import { read, reference, registryTexts } from '../helpers/yaml-readers.js';
import { RUNS, SEED, TIMEOUT } from './support.js';

describe('YAML readers', () => {
  // Mutated slices of the registry: whatever the fast reader accepts, `yaml` accepts with the
  // same values, and what `yaml` rejects stays an error. The seeded examples are inputs on which
  // js-yaml and `yaml` differ, found by a longer run of this property.
  test('on mutated registry YAML, the result is the `yaml` library\'s', () => {
    const slices = registryTexts.flatMap((text) => {
      const entries = text.split('\n  - ');
      return Array.from({ length: Math.floor((entries.length - 1) / 5) }, (_, i) => `list:\n  - ${entries.slice(1 + i * 5, 6 + i * 5).join('\n  - ')}`);
    });
    const pieces = [' ', '  ', '\t', ':', ': ', '-', '- ', '"', "'", '#', '[', ']', '{', '}', ',', '\n', '\r', '|', '>', '?', '%', '&a ', '*a', '!', '\\', 'x', '0', '.', '\u00a0', '\ufeff'];
    const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('insert', 'delete', 'replace'), piece: fc.constantFrom(...pieces) });
    const mutated = fc.tuple(fc.nat(slices.length - 1), fc.array(edit, { minLength: 1, maxLength: 3 })).map(([which, edits]) =>
      edits.reduce((text, { at, kind, piece }) => {
        const p = at % (text.length + 1);
        return kind === 'insert' ? text.slice(0, p) + piece + text.slice(p) : kind === 'delete' ? text.slice(0, p) + text.slice(p + 1) : text.slice(0, p) + piece + text.slice(p + 1);
      }, slices[which]!));
    fc.assert(fc.property(mutated, (text) => {
      expect(read(text)).toEqual(reference(text));
    }), {
      numRuns: RUNS,
      seed: SEED,
      examples: [
        ['list:\n  - code: YE\n    names: ["Yemen"]\n  - code: *aPK\n    names: ["Pakistan"]\n'],
        ['list:\n  - id: a\n    affiliation: state\n    owner: "Israel Defense Forces"\n:   reliability:\n      rating: unrated\n'],
        ['list:\n  - id: a\n    country: IR\n    affiliation: unknown\n    : reliability:\n      rating: unrated\n'],
        ['list:\n  - id: a\n    aliases: ["Ma\'ariv"]\n\r    domains: ["maariv.co.il"]\n    kind: newspaper\n'],
        ['list:\n  - id: a\n    phrases: ["foreign minister", "minister of foreign affairs",:  "foreign affairs minister"]\n'],
        ['list:\n  - id: a\n    aliases: ["Javad Zarif"]\r    reference: "https://en.wikipedia.org/wiki/Mohammad_Javad_Zarif"\n  - id: b\n'],
      ],
    });
  }, TIMEOUT);

});
