import { BoundedCache, WordShapes, isSpace, startsLower, startsUpper, unitTest } from '../../src/parse/chars.js';

describe('unitTest', () => {
  test('answers as the regex does on each code unit, lone surrogates included', () => {
    const letter = unitTest(/\p{L}/u);
    for (const code of [0x41, 0x61, 0x31, 0x20, 0xe9, 0x2019, 0x4e2d, 0xd835, 0xdc00, 0xffff]) {
      expect(letter(code)).toBe(/\p{L}/u.test(String.fromCharCode(code)));
    }
  });
  test('isSpace is what trim() removes', () => {
    for (const ch of [' ', '\t', '\n', '\u00a0', '\u2009', '\u3000', '\ufeff', 'a', '.', '\u200b']) expect(isSpace(ch.charCodeAt(0))).toBe(ch.trim() === '');
  });
});

describe('startsUpper / startsLower', () => {
  test.each(['Iran', 'iran', 'Élysée', 'élan', 'İstanbul', 'ǅemal', '𝐀lpha', '𝑎lpha', '\ud835', '1st', '', '’s'])('%j as /^\\p{Lu}/u and /^\\p{Ll}/u', (word) => {
    expect(startsUpper(word)).toBe(/^\p{Lu}/u.test(word));
    expect(startsLower(word)).toBe(/^\p{Ll}/u.test(word));
  });
});

describe('WordShapes', () => {
  test('never says no to a listed word, and rules most others out', () => {
    const listed = ['will', 'first', 'largest', 'due', 'minister', 'a', ''];
    const shapes = new WordShapes(listed);
    for (const word of listed) expect(shapes.mayHave(word)).toBe(true);
    const others = ['the', 'of', 'said', 'Baghdad', 'agreement', 'officials'];
    expect(others.filter((word) => shapes.mayHave(word)).length).toBeLessThan(others.length / 2);
  });
});

describe('BoundedCache', () => {
  test('computes each key once, null answers included, and forgets everything when full', () => {
    const cache = new BoundedCache<string | null>(2);
    let computed = 0;
    const get = (key: string) => cache.get(key, (k) => (computed++, k === 'none' ? null : k.toUpperCase()));
    expect([get('a'), get('none'), get('a'), get('none')]).toEqual(['A', null, 'A', null]);
    expect(computed).toBe(2);
    get('b');
    expect(computed).toBe(3);
    get('a');
    expect(computed).toBe(4);
  });
});
