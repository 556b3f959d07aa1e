/**
 * Property-based tests (issue 7, item 1): hostile and mutated article text in all three formats
 * never throws, every position lies inside the document and agrees with its offsets, the same
 * input always gives the same JSON bytes, and fixing is confined to the fix ranges and
 * idempotent. `npm test` runs RUNS=200 cases per property; `npm run fuzz` runs 20,000.
 * A failure prints fast-check's seed and path: replay with FUZZ_SEED=<seed>.
 */
import fc from 'fast-check';
import { check, createChecker, defaultRegistry, formatResults, FORMATS, builtinRules, type CheckInput } from '../../src/index.js';
import { checkDocument } from '../../src/engine/check.js';
import { applyFixes } from '../../src/engine/fix.js';
import type { Fix } from '../../src/engine/finding.js';
import type { FileResult } from '../../src/engine/results.js';
import { loadDocument } from '../../src/input/load.js';
import { fixResult } from '../../src/cli/fix-files.js';
import { runCli } from '../helpers/cli.js';
import {
  RUNS, SEED, TIMEOUT, applyOwn, articleInput, expectWellFormed, expectWellFormedFile, extension, hasLoneSurrogate, junkText, lineColumn, linesOf, mutatedFixture, nonOverlapping,
} from './support.js';

const CONTEXT = { rules: builtinRules.map((rule) => rule.meta), cwd: '/fuzz', color: false, toolVersion: '0.1.0' };
const params = <T>(runs = RUNS, examples: T[] = []) => ({ numRuns: runs, seed: SEED, examples });
const FORMAT_OF = { txt: 'text', md: 'markdown', html: 'html' } as const;

/** The checked file, or null when the input was refused (binary-looking text: NULs, control bytes). */
async function checkOne(input: CheckInput): Promise<FileResult | null> {
  const results = await check(input);
  const path = typeof input === 'string' ? input : input.path;
  expectWellFormed(results, path);
  return results.files[0] ?? null;
}

const STRICT = process.env.FUZZ_STRICT === '1';

/** The paragraph (blank-line separated) an offset of `text` is in, by number. */
function paragraphOf(text: string, offset: number): number {
  return (text.slice(0, offset).match(/\n[ \t]*\r?\n/g) ?? []).length;
}

/** The paragraphs of the fixed text that hold a change made by applying `fixes` (non-overlapping) to the source. */
function changedParagraphs(fixed: string, fixes: readonly Fix[]): Set<number> {
  const changed = new Set<number>();
  let shift = 0;
  for (const fix of [...fixes].sort((a, b) => a.start - b.start)) {
    const start = fix.start + shift;
    changed.add(paragraphOf(fixed, start));
    changed.add(paragraphOf(fixed, start + fix.text.length));
    shift += fix.text.length - (fix.end - fix.start);
  }
  return changed;
}

beforeAll(async () => {
  await defaultRegistry();
  // Warm the lazily imported loaders so the first case does not pay for them.
  await check([{ path: 'w.md', text: 'x' }, { path: 'w.html', text: 'x' }]);
});

describe('the oracles', () => {
  test('lineColumn counts \\n, \\r\\n and lone \\r, columns in UTF-16 units', () => {
    const s = 'ab\r\ncd\ref\n😀g';
    expect(lineColumn(s, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(s, 3)).toEqual({ line: 1, column: 4 });
    expect(lineColumn(s, 4)).toEqual({ line: 2, column: 1 });
    expect(lineColumn(s, 7)).toEqual({ line: 3, column: 1 });
    expect(lineColumn(s, 12)).toEqual({ line: 4, column: 3 });
    expect(lineColumn(s, s.length)).toEqual({ line: 4, column: 4 });
    expect(linesOf(s)).toEqual(['ab', 'cd', 'ef', '😀g']);
  });

  test('applyOwn applies last first', () => {
    expect(applyOwn('abcdef', [{ start: 0, end: 1, text: 'X' }, { start: 3, end: 5, text: '' }])).toBe('Xbcf');
  });
});

describe('properties', () => {
  test('any input, in the format its extension picks: no exception, positions inside and consistent', async () => {
    await fc.assert(fc.asyncProperty(articleInput, async ({ text, ext }) => {
      const results = await check({ path: `x.${ext}`, text });
      expectWellFormed(results, `x.${ext}`);
      // Text without NUL or control characters (and not opening like a GIF or PDF) is never taken for binary.
      if (!/[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f]/.test(text) && !/^(\ufeff)?(GIF8|%PDF)/.test(text)) expect(results.errors).toEqual([]);
      for (const file of results.files) expect(file.format).toBe(FORMAT_OF[ext]);
    }), params(RUNS, [
      // `</` left open at the end of HTML: the parser drops it, and the text after it (a CRLF
      // included) had been mapped two characters early, onto the wrong line.
      [{ text: '</- \r\n\u2018', ext: 'html' }],
    ]));
  }, TIMEOUT);

  test('the same junk as text, Markdown and HTML', async () => {
    await fc.assert(fc.asyncProperty(junkText, async (text) => {
      const results = await check([{ path: 'x.txt', text }, { path: 'x.md', text }, { path: 'x.html', text }]);
      expect(results.files.length + results.errors.length).toBe(3);
      for (const file of results.files) expectWellFormedFile(file);
    }), params(Math.ceil(RUNS / 2)));
  }, TIMEOUT);

  test('bytes: UTF-16 LE/BE with BOM and UTF-8 with broken bytes decode and check', async () => {
    const encoding = fc.constantFrom('utf16le', 'utf16be', 'utf8-bom', 'utf8-broken');
    await fc.assert(fc.asyncProperty(junkText, extension, encoding, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0x80, max: 0xff })), { maxLength: 5 }), async (text, ext, enc, bad) => {
      let bytes: Buffer;
      if (enc === 'utf16le') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      else if (enc === 'utf16be') bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
      else if (enc === 'utf8-bom') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
      else {
        bytes = Buffer.from(text, 'utf8');
        for (const [at, byte] of bad) if (bytes.length > 0) bytes[at % bytes.length] = byte;
      }
      const results = await check({ path: `x.${ext}`, bytes });
      expectWellFormed(results, `x.${ext}`);
      if (enc.startsWith('utf16')) {
        // A UTF-16 file is never binary, even with NULs in it; what it says is what is checked.
        expect(results.errors).toEqual([]);
        const decoded = new TextDecoder(enc === 'utf16le' ? 'utf-16le' : 'utf-16be').decode(bytes);
        expect(results.files[0]!.source).toBe(decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded);
      }
    }), params(Math.ceil(RUNS / 2)));
  }, TIMEOUT);

  test('the engine on raw strings (lone surrogates and NULs reach the loaders)', async () => {
    const registry = await defaultRegistry();
    await fc.assert(fc.asyncProperty(junkText, extension, async (text, ext) => {
      const doc = await loadDocument(`x.${ext}`, text);
      const result = checkDocument(doc, { registry, rules: builtinRules });
      expectWellFormedFile(result);
    }), params(Math.ceil(RUNS / 2)));
  }, TIMEOUT);

  test('the same input gives the same JSON bytes, whatever was checked in between', async () => {
    await fc.assert(fc.asyncProperty(articleInput, articleInput, async (a, b) => {
      const inputA = { path: `a.${a.ext}`, text: a.text };
      const first = formatResults('json', await check(inputA), CONTEXT);
      await check({ path: `b.${b.ext}`, text: b.text });
      const again = formatResults('json', await check(inputA), CONTEXT);
      expect(again).toBe(first);
      expect(() => JSON.parse(first)).not.toThrow();
    }), params(Math.ceil(RUNS / 2)));
  }, TIMEOUT);

  test('every report format renders any result', async () => {
    await fc.assert(fc.asyncProperty(articleInput, async ({ text, ext }) => {
      const results = await check({ path: `x.${ext}`, text });
      for (const format of FORMATS) {
        const output = formatResults(format, results, CONTEXT);
        expect(typeof output).toBe('string');
        if (format === 'json' || format === 'sarif' || format === 'codequality') expect(() => JSON.parse(output)).not.toThrow();
      }
    }), params(Math.ceil(RUNS / 4)));
  }, TIMEOUT);

  /** The fixes of a checked file (none when the input was refused as binary). */
  const fixesOf = (file: FileResult | null) => (file?.findings ?? []).flatMap((finding) => (finding.fix ? [finding.fix] : []));
  /** Mostly chatbot-heavy text, where the fixes are. */
  const fixable = fc.tuple(fc.oneof(mutatedFixture, junkText), extension);

  test('fixes are confined to their ranges: text outside them is unchanged', async () => {
    await fc.assert(fc.asyncProperty(fixable, async ([text, ext]) => {
      const first = await checkOne({ path: `x.${ext}`, text });
      if (!first) return;
      const source = first.source;
      const fixes = fixesOf(first);
      const { taken } = nonOverlapping(fixes);
      const once = applyOwn(source, taken);
      // The oracle keeps every character outside the ranges, in order…
      let at = 0;
      let shift = 0;
      for (const fix of taken) {
        expect(once.slice(at + shift, fix.start + shift)).toBe(source.slice(at, fix.start));
        shift += fix.text.length - (fix.end - fix.start);
        at = fix.end;
      }
      expect(once.slice(at + shift)).toBe(source.slice(at));
      // …and the product's applier (what --fix runs) agrees with it, when no fix text carries a
      // line break (which it re-ends in the file's own style).
      if (!fixes.some((fix) => /[\r\n]/.test(fix.text))) expect(applyFixes(source, fixes).output).toBe(once);
      // Fixing never makes valid UTF-16 invalid (a fix splitting a surrogate pair).
      if (!hasLoneSurrogate(source)) expect(hasLoneSurrogate(once)).toBe(false);
    }), params());
  }, TIMEOUT);

  /**
   * One pass of non-overlapping fixes, then a second check: what it still finds to fix must sit
   * in a paragraph the first pass changed. Random junk makes cascades there (a "+1" that becomes
   * a chip only once a tracking parameter glued to its name is gone), which --fix's passes take
   * in turn (the next property); a fix found only on the second pass in a paragraph the first
   * did not touch is one the first pass missed. `FUZZ_STRICT=1` asks for nothing at all on the
   * second pass, which junk still fails.
   */
  test('one pass of non-overlapping fixes leaves nothing more to fix in the paragraphs it did not change', async () => {
    await fc.assert(fc.asyncProperty(fixable, async ([text, ext]) => {
      const path = `x.${ext}`;
      const first = await checkOne({ path, text });
      const { taken, skipped } = nonOverlapping(fixesOf(first));
      if (!first || taken.length === 0 || skipped.length > 0) return;
      const once = applyOwn(first.source, taken);
      const second = await checkOne({ path, text: once });
      // Residue was all the text had: what is left (nothing, or a stray control character) is
      // skipped as empty or binary, and there is nothing more to fix.
      if (second === null && !/[\p{L}\p{N}]/u.test(once)) return;
      expect({ fixed: once, readable: second !== null }).toEqual({ fixed: once, readable: true });
      const changed = changedParagraphs(once, taken);
      const more = nonOverlapping(fixesOf(second)).taken.filter((fix) => STRICT || !changed.has(paragraphOf(once, fix.start)));
      expect({ fixed: once, more: more.map((fix) => ({ ...fix, removes: once.slice(fix.start, fix.end) })) }).toEqual({ fixed: once, more: [] });
    }), params(RUNS, [
      // Found by this property; run first so the case is checked every time.
      [['Reuters +1 +1.', 'txt']],
      [['+1 +1 +1 ', 'txt']],
      [['\uE200cite\uE202turn0search0\uE202turn0news12\uE201\uF8FF', 'txt']],
      [['turn0news12oai_citation:2‡\u000bAli Larijani arrived in Baghdad (IRNA English +1).', 'txt']],
      [['?utm_source=copilot.com\uE000', 'txt']],
      [['https://www.reuters.com/a?utm_source=chatgpt.com【12:3†report.pdf】', 'txt']],
      [['according to Ioai_citation:2‡+1 +1 RNA English and Mehr News Agency.', 'txt']],
      [['【12:3†report.pdf】\u0001', 'txt']],
    ] as [[string, 'txt' | 'md' | 'html']][]));
  }, TIMEOUT);

  test('--fix (the multi-pass fixer) applied twice equals applied once', async () => {
    const checker = await createChecker();
    await fc.assert(fc.asyncProperty(fixable, async ([text, ext]) => {
      const path = `x.${ext}`;
      const first = await checkOne({ path, text });
      if (!first || fixesOf(first).length === 0) return;
      const fixed = await fixResult(checker, path, first, () => true);
      if (fixed.output === null) return;
      expectWellFormedFile(fixed.result);
      expect(fixed.result.source).toBe(fixed.output);
      const again = await fixResult(checker, path, fixed.result, () => true);
      expect({ fixed: fixed.output, again: again.output }).toEqual({ fixed: fixed.output, again: null });
    }), params(Math.ceil(RUNS / 2)));
  }, TIMEOUT);

  test('a chip fix removes exactly the "+N" in the original file, through markup and entities', async () => {
    const around = fc.array(fc.constantFrom(
      'The deal was signed', ' ', '. ', '\n', '\n\n', '&amp; ', '&nbsp;', '&#8217;', '“', '”', '**', '_', '`x`', '<b>', '</b>', '<i>', '<br>', '<span class="a">', '</span>',
      '<p>', '</p>', '# ', '> ', '- ', '[IRNA](https://irna.ir) ', '<a href="https://x.y">link</a> ', '<!-- note -->', 'e\u0301', '😀', '\r\n', 'according to Reuters', 'Wikipedia',
    ), { maxLength: 12 }).map((pieces) => pieces.join(''));
    const chip = fc.tuple(fc.constantFrom('Reuters', 'IRNA English', 'Caliber.az', 'Rudaw', 'Mehr News Agency'), fc.constantFrom(' +', '+', ' \u00a0+', '  +'), fc.integer({ min: 1, max: 9999 }));
    await fc.assert(fc.asyncProperty(around, fc.array(chip, { minLength: 1, maxLength: 3 }), around, extension, async (before, chips, after, ext) => {
      const text = `${before} (${chips.map(([name, sep, n]) => `${name}${sep}${n}`).join(' ')}) ${after}\n`;
      const file = await checkOne({ path: `x.${ext}`, text });
      if (!file) return;
      // Markdown and HTML collapse a run of spaces to one, and the engine drops a fix whose
      // range does not map one to one; with single spaces every chip must keep its fix.
      const mustFix = ext === 'txt' || chips.every(([, sep]) => sep === ' +' || sep === '+');
      for (const finding of file.findings) {
        if (finding.ruleId !== 'ai-citation-artifact' || !finding.message.startsWith('Chatbot source chip')) continue;
        // The finding spans the name and its chip; its fix removes the count and nothing else.
        const flagged = file.source.slice(finding.offset, finding.endOffset);
        const removed = finding.fix && file.source.slice(finding.fix.start, finding.fix.end);
        const ok = /\+\d{1,4}$/.test(flagged) && (removed === null ? !mustFix : /^\s*\+\d{1,4}$/.test(removed));
        expect({ text, flagged, removed, ok }).toEqual({ text, flagged, removed, ok: true });
      }
    }), params(RUNS, [
      // Found by this property: a stray end tag shifts every position after it in its text run.
      ['The deal was signed </b>', [['IRNA English', ' +', 1]], '', 'html'],
    ] as [string, [string, string, number][], string, 'txt' | 'md' | 'html'][]));
  }, TIMEOUT);

  test('through the CLI on stdin: no stack trace, exit 0 or 1, JSON on stdout', async () => {
    await fc.assert(fc.asyncProperty(articleInput, async ({ text, ext }) => {
      const run = await runCli(['--format', 'json', '--stdin-filename', `in.${ext}`, '-'], { stdin: text });
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stderr).not.toContain('internal error');
      if (run.code === 2) {
        // Only a binary-looking input is refused, with one line naming it.
        expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^citecheck: in\\.${ext}: `))]);
      } else {
        expect([0, 1]).toContain(run.code);
        expect(JSON.parse(run.stdout).files).toHaveLength(1);
      }
    }), params(Math.ceil(RUNS / 4)));
  }, TIMEOUT);
});
