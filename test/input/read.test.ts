import { cannotRead, formatSize, overTheLimit } from '../../src/input/read.js';

describe('formatSize', () => {
  test.each([
    [512, 0, '512 bytes'],
    [1024, 0, '1 KB'],
    [3277, 0, '3 KB'],
    [3277, 1, '3.2 KB'],
    [10 * 1024 * 1024, 0, '10 MB'],
    [Math.round(2.5 * 1024 * 1024), 0, '2.5 MB'],
  ])('%d bytes with %d decimals: %s', (bytes, digits, written) => {
    expect(formatSize(bytes, digits)).toBe(written);
  });
});

describe('overTheLimit', () => {
  test.each([
    [5 * 1024, 1024, '5 KB is over the 1 KB limit'],
    // Rounded alike, the size gets the decimals that tell it from the limit.
    [3277, 3072, '3.2 KB is over the 3 KB limit'],
    [3073, 3072, '3.001 KB is over the 3 KB limit'],
    [200 * 1024 * 1024, 10 * 1024 * 1024, '200 MB is over the 10 MB limit'],
    // No three decimals tell a megabyte and a byte from a megabyte: then the bytes do.
    [1024 * 1024 + 1, 1024 * 1024, '1048577 bytes is over the 1 MB limit'],
  ])('%d bytes against %d: %s', (size, limit, says) => {
    expect(overTheLimit('a.txt', size, limit)).toEqual({ error: `a.txt: ${says} (--max-file-size), skipped` });
  });
});

describe('cannotRead', () => {
  const failure = (code?: string) => Object.assign(new Error('failed'), code === undefined ? {} : { code });
  test.each([
    [failure('ENOENT'), 'no such file'],
    [failure('EACCES'), 'permission denied'],
    // A code without words of ours is shown as Node gives it.
    [failure('EIO'), 'EIO'],
    // No code at all (or an empty one, or not even an Error) still says something.
    [failure(), 'unknown error'],
    [failure(''), 'unknown error'],
    [null, 'unknown error'],
  ])('%p: %s', (error, reason) => {
    expect(cannotRead('a.txt', error)).toEqual({ error: `a.txt: cannot read (${reason})` });
  });
});
