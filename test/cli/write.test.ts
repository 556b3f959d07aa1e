import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtomicFile, Utf8Output } from '../../src/cli/write.js';

/** Text of any UTF-16 units, lone surrogates included, sometimes long enough to go in pieces. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), fc.integer({ min: 8_000, max: 40_000 }))
    .map(([unit, times]) => unit.repeat(times)),
);

describe('Utf8Output', () => {
  const chunk = fc.oneof(text, fc.uint8Array({ maxLength: 300_000 }).map((bytes) => Buffer.from(bytes)));

  test('writes exactly the UTF-8 of its text and bytes, in order, a pair of surrogates never split', () => {
    fc.assert(fc.property(fc.array(chunk, { maxLength: 5 }), fc.boolean(), fc.boolean(), (chunks, gather, keeps) => {
      const written: Uint8Array[] = [];
      // A sink that keeps the bytes it is given (answering false) must get bytes nothing reuses.
      const output = new Utf8Output((bytes) => {
        written.push(keeps ? bytes : Uint8Array.from(bytes));
        return !keeps;
      }, gather);
      const expected = Buffer.concat(chunks.map((each) => (typeof each === 'string' ? Buffer.from(each, 'utf8') : Buffer.from(each))));
      // Likewise the caller's bytes, which it reuses (here: spoils) when bytes() says it may.
      for (const each of chunks) {
        if (typeof each === 'string') output.text(each);
        else if (output.bytes(each)) each.fill(0x2a);
      }
      output.flush();
      // Buffer.equals: Jest's toEqual walks a buffer byte by byte, seconds for these.
      expect(Buffer.concat(written).equals(expected)).toBe(true);
    }), { numRuns: 60 });
  });

  test('gathers small writes into one for a file or pipe, and writes each at once to a terminal', () => {
    const counts = [true, false].map((gather) => {
      let writes = 0;
      const output = new Utf8Output(() => { writes++; return true; }, gather);
      for (let i = 0; i < 100; i++) {
        output.text(',');
        output.bytes(Buffer.from('{"path": "a.txt"}'));
      }
      output.flush();
      return writes;
    });
    expect(counts).toEqual([1, 200]);
  });

  test('says whether the sink was done with every piece', () => {
    expect(new Utf8Output(() => true, false).text('abc')).toBe(true);
    expect(new Utf8Output(() => false, false).text('abc')).toBe(false);
    expect(new Utf8Output(() => false, false).text('')).toBe(true);
    const held = new Utf8Output(() => false, true);
    expect(held.text('abc')).toBe(true); // only gathered so far
    expect(held.flush()).toBe(false);
  });

  test('keeps an emoji whole across the cut between two pieces', () => {
    const written: Buffer[] = [];
    const output = new Utf8Output((bytes) => { written.push(Buffer.from(bytes)); return true; }, false);
    // The first 65,536-unit piece would end between the two halves of the emoji.
    const text = `${'a'.repeat((1 << 16) - 1)}😀b`;
    output.text(text);
    const out = Buffer.concat(written).toString('utf8');
    expect(out.length).toBe(text.length);
    expect(out.endsWith('a😀b')).toBe(true);
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
