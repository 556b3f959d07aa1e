import { parse } from 'yaml';
import { InputError, leftToYaml, parseYaml } from '../../src/registry/yaml-errors.js';
import { read, reference, registryTexts } from '../helpers/yaml-readers.js';

describe('YAML: the fast reader (js-yaml) and the `yaml` library agree', () => {
  test('every built-in registry file is read by the fast reader, to the same values', () => {
    for (const text of registryTexts) {
      expect(leftToYaml(text)).toBe(false);
      expect(read(text)).toEqual(reference(text));
    }
  });

  test.each([
    ['an anchor and alias', 'a: &x {b: 1}\nc: *x\n', { a: { b: 1 }, c: { b: 1 } }],
    ['a YAML 1.1 directive, where yes is true', '%YAML 1.1\n---\na: yes\n', { a: true }],
    ['a tag js-yaml does not know', 'a: !foo x\n', { a: 'x' }],
    ['an explicit key', '? k\n: v\n', { k: 'v' }],
    ['a null key, which js-yaml would name "null"', 'null: v\n', { '': 'v' }],
    ['an empty key in a flow sequence', 'a: [b,:  c]\n', { a: ['b', { '': 'c' }] }],
  ])('%s is left to `yaml`', (_, text, value) => {
    expect(leftToYaml(text)).toBe(true);
    expect(read(text)).toEqual({ value });
  });

  test.each([
    ['a mapping value after an empty key', 'list:\n  - id: a\n    owner: "b"\n:   reliability:\n      rating: unrated\n'],
    ['a carriage return that ends a line alone', 'list:\n  - id: a\n    aliases: ["b"]\r    domains: ["c"]\n'],
  ])('%s, which js-yaml accepts, stays the error `yaml` makes of it', (_, text) => {
    expect(leftToYaml(text)).toBe(true);
    expect(reference(text)).toBe('error');
    expect(read(text)).toBe('error');
  });

  test('an empty file, a duplicate key and a syntax error read as `yaml` reads them', () => {
    expect(read('')).toEqual({ value: {} });
    expect(read('# nothing\n')).toEqual({ value: {} });
    expect(() => parseYaml('dup.yaml', 'a: 1\na: 2\n')).toThrow(/^/);
    try {
      parseYaml('dup.yaml', 'a: 1\na: 2\n');
    } catch (error) {
      expect((error as InputError).lines).toEqual(['dup.yaml:2: Map keys must be unique']);
    }
    expect(read('a: [1, 2\n')).toBe('error');
  });

  test('an alias to no anchor, and aliases past the cap, are errors naming the line', () => {
    expect(() => parseYaml('r.yaml', 'sources:\n  - id: x\n    name: &b "x"\n  - id: y\n    name: *c\n')).toThrow(InputError);
    const lines = (text: string) => {
      try {
        parseYaml('r.yaml', text);
      } catch (error) {
        return (error as InputError).lines;
      }
      return [];
    };
    expect(lines('sources:\n  - id: x\n    name: &b "x"\n  - id: y\n    name: *c\n')).toEqual(['r.yaml:5: Unresolved alias (the anchor must be set before the alias): c']);
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n';
    expect(lines(bomb)).toEqual(['r.yaml:2: Excessive alias count indicates a resource exhaustion attack']);
  });

  test('a key\'s line comes from the source on the fast path too', () => {
    const parsed = parseYaml('x.yaml', 'sources:\n  - id: a\n\n  - id: b\n    name: B\n');
    expect(leftToYaml('sources:\n  - id: a\n')).toBe(false);
    expect(parsed.lineOf(['sources', 1, 'name'])).toBe(5);
    expect(parsed.lineOf(['sources', 1, 'missing'])).toBe(4);
  });

  test('plain `parse` and the fast reader agree on the scalars of the core schema', () => {
    for (const scalar of ['1_000', '0x1F', '0o17', '017', '+12', '-0', '1e3', '.inf', '-.Inf', '.NaN', 'yes', 'no', 'True', 'TRUE', 'tRue', '~', 'null', 'NULL', '2024-08-21', '12:30', '0b101', '.5', '+.5', '08', "'q'", '"a\\tb"', '"\\u00e9"', '<<']) {
      expect(read(`k: ${scalar}\n`)).toEqual({ value: parse(`k: ${scalar}\n`) });
    }
  });
});
