import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtomicFile, utf8Writer } from '../../src/cli/write.js';

/** Text of any UTF-16 units, lone surrogates included, sometimes long enough to go in pieces. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), fc.integer({ min: 8_000, max: 40_000 }))
    .map(([unit, times]) => unit.repeat(times)),
);

describe('utf8Writer', () => {
  test('writes exactly the UTF-8 of its text, in whatever pieces, a pair of surrogates never split', () => {
    fc.assert(fc.property(fc.array(text, { maxLength: 4 }), fc.boolean(), (texts, keeps) => {
      const written: Uint8Array[] = [];
      // A stream that keeps the bytes it is given (answering false) must get bytes no later write reuses.
      const write = utf8Writer((bytes) => {
        written.push(keeps ? bytes : Uint8Array.from(bytes));
        return !keeps;
      });
      for (const each of texts) write(each);
      // Buffer.equals: Jest's toEqual walks a buffer byte by byte, seconds for these.
      expect(Buffer.concat(written).equals(Buffer.from(texts.join(''), 'utf8'))).toBe(true);
    }), { numRuns: 60 });
  });

  test('says whether every piece was taken at once', () => {
    expect(utf8Writer(() => true)('abc')).toBe(true);
    expect(utf8Writer(() => false)('abc')).toBe(false);
    expect(utf8Writer(() => false)('')).toBe(true);
  });

  test('keeps an emoji whole across the cut between two pieces', () => {
    const pieces: string[] = [];
    const write = utf8Writer((bytes) => { pieces.push(Buffer.from(bytes).toString('utf8')); return true; });
    // The 65,536-unit piece would end between the two halves of the emoji.
    write(`${'a'.repeat((1 << 16) - 1)}😀b`);
    expect(pieces).toHaveLength(2);
    expect(pieces[1]).toBe('😀b');
  });
});

describe('AtomicFile', () => {
  test('writes text and bytes, in order, and shows the file only at commit', () => {
    const folder = mkdtempSync(join(tmpdir(), 'citecheck-write-'));
    try {
      const path = join(folder, 'report.json');
      const file = new AtomicFile(path);
      const long = `“${'x'.repeat(100_000)}”`;
      file.write(long);
      file.write(Buffer.from(' — bytes'));
      expect(() => readFileSync(path)).toThrow();
      file.commit();
      expect(readFileSync(path, 'utf8')).toBe(`${long} — bytes`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
