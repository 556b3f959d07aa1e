import { decodeBytes } from '../../src/input/decode.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  test('plain UTF-8 decodes as is, CRLF kept', () => {
    expect(decodeBytes(utf8('Iran’s envoy\r\nsaid.'), 'a.txt')).toEqual({ text: 'Iran’s envoy\r\nsaid.', warnings: [] });
  });

  test('a UTF-8 BOM is removed', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Hi')]), 'a.txt')).toEqual({ text: 'Hi', warnings: [] });
  });

  test('UTF-16 LE and BE with a BOM are decoded (their NUL bytes are not taken for binary)', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x19, 0x20, 0x73, 0x00]);
    expect(decodeBytes(le, 'a.txt')).toEqual({ text: 'H’s', warnings: [] });
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x48, 0x20, 0x19, 0x00, 0x73]);
    expect(decodeBytes(be, 'a.txt')).toEqual({ text: 'H’s', warnings: [] });
  });

  test('invalid UTF-8 is replaced with U+FFFD and a warning', () => {
    const bytes = new Uint8Array([...utf8('Caf'), 0xe9, ...utf8(' Baghdad')]);
    expect(decodeBytes(bytes, 'a.txt')).toEqual({ text: 'Caf\ufffd Baghdad', warnings: ['a.txt: invalid UTF-8 replaced'] });
  });

  test.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0]],
    ['GIF', [...utf8('GIF89a')]],
    ['PDF', [...utf8('%PDF-1.7\n')]],
    ['ZIP', [0x50, 0x4b, 0x03, 0x04]],
    ['gzip', [0x1f, 0x8b, 0x08]],
    ['NUL byte', [...utf8('text'), 0, ...utf8('more')]],
    ['control characters', [...utf8('ab'), 1, 2, 3, 4, 5, 6, 7, 8]],
  ])('%s → binary error', (_, bytes) => {
    expect(decodeBytes(new Uint8Array(bytes), 'img.txt')).toEqual({ error: 'img.txt: binary file, skipped' });
  });

  test('an empty file is empty text, not an error; tabs, form feeds and ESC are text', () => {
    expect(decodeBytes(new Uint8Array(), 'a.txt')).toEqual({ text: '', warnings: [] });
    expect(decodeBytes(utf8('a\tb\fc\u001b[0m'), 'a.txt')).toEqual({ text: 'a\tb\fc\u001b[0m', warnings: [] });
  });
});
