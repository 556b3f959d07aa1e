import fc from 'fast-check';
import { cellFrame, codeFrame, frameWindow } from '../../src/report/stylish.js';
import { formatResults } from '../../src/report/index.js';
import { context, findingAt, files, results, resultsOf } from './fixture.js';

const ANSI = /\u001b\[/;

/** The source line and marker printed under the finding at `line:col`. */
function frameOf(text: string, position: string): { source: string; marker: string } {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trimStart().startsWith(`${position} `));
  return { source: lines[i + 1]!, marker: lines[i + 2]! };
}

describe('stylish reporter', () => {
  const text = formatResults('stylish', results, context);

  test('groups findings by file, position and severity aligned, the rule id after the message', () => {
    expect(text).not.toMatch(ANSI);
    const lines = text.split('\n');
    expect(lines[0]).toBe('articles/iran.md');
    expect(lines).toContain('  4:39  error    Chatbot chip “IRNA English +1” left in the text  ai-citation-artifact');
    expect(lines).toContain('  5:1   warning  "Experts say" names no expert  vague-attribution');
    expect(lines).toContain('articles/notes, 50%.txt');
    // A line break inside a message stays on one line.
    expect(lines).toContain('  2:2   error    Raisi was not president on 2025-08-12: Pezeshkian was  fact-contradiction');
    expect(lines).toContain('    → Write (IRNA English)');
  });

  test('shows the source line with a marker under the finding', () => {
    const { source, marker } = frameOf(text, '4:39');
    expect(source).toBe('    Iran launched 40 missiles at the base (IRNA English +1).');
    expect(marker).toBe(`${' '.repeat(4 + 38)}^${'~'.repeat(16)}`);
    expect(source.slice(marker.indexOf('^'), marker.length)).toBe('(IRNA English +1)');
  });

  test('expands tabs and counts wide characters when placing the marker', () => {
    const { source, marker } = frameOf(text, '2:48');
    expect(source).toBe('        President Raisi — 伊朗总统 — signed the deal, per “Mehr”.');
    // Four CJK characters take two columns each.
    expect(marker.indexOf('^')).toBe(source.indexOf('“Mehr”') + 4);
    expect(marker.trim()).toBe('^~~~~~');
  });

  test('summarises problems and claims, with plurals', () => {
    expect(text.endsWith('✖ 8 problems (2 errors, 5 warnings, 1 info)\n2 check-worthy claims, 1 supported (50%)\n')).toBe(true);
    const one = resultsOf({ ...files[1]!, findings: files[1]!.findings.slice(0, 1), claims: files[0]!.claims.slice(0, 1) });
    expect(formatResults('stylish', one, context).endsWith('✖ 1 problem (1 error, 0 warnings, 0 infos)\n1 check-worthy claim, 1 supported (100%)\n')).toBe(
      true,
    );
  });

  test('says so when there are no problems', () => {
    const clean = resultsOf({ ...files[0]!, findings: [] });
    expect(formatResults('stylish', clean, context)).toBe('✔ No problems found\n2 check-worthy claims, 1 supported (50%)\n');
    expect(formatResults('stylish', resultsOf(), context)).toBe('No files were checked.\n');
  });

  test('colors severities only when asked', () => {
    const colored = formatResults('stylish', results, { ...context, color: true });
    expect(colored).toMatch(ANSI);
    expect(colored).toContain('\u001b[31merror');
    expect(colored).toContain('\u001b[33mwarning');
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(text);
  });

  test('never prints control characters from the article', () => {
    const source = 'Evil \u001b[2J text said X.';
    const file = { ...files[1]!, source, findings: [findingAt(source, 'X', 'unknown-source', 'warning', 'X \u001b[31m is unknown')] };
    expect(formatResults('stylish', resultsOf(file), context)).not.toMatch(ANSI);
  });
});

describe('codeFrame', () => {
  const at = (line: string, needle: string, endLine = 1) => {
    const column = line.indexOf(needle) + 1;
    return codeFrame(line, { line: 1, column, endLine, endColumn: column + needle.length })!;
  };

  test('windows a long line around the finding to 100 columns', () => {
    const line = `${'a'.repeat(300)} NEEDLE ${'b'.repeat(300)}`;
    const frame = at(line, 'NEEDLE');
    expect(frame.line.length).toBeLessThanOrEqual(100);
    expect(frame.line.startsWith('…')).toBe(true);
    expect(frame.line.endsWith('…')).toBe(true);
    expect(frame.line.slice(frame.indent, frame.indent + 6)).toBe('NEEDLE');
    expect(frame.marker).toBe('^~~~~~');
  });

  test('keeps the end of a long line when the finding is near it', () => {
    const line = `${'a'.repeat(300)} END.`;
    const frame = at(line, 'END');
    expect(frame.line.length).toBe(100);
    expect(frame.line.endsWith(' END.')).toBe(true);
    expect(frame.line.slice(frame.indent, frame.indent + 3)).toBe('END');
  });

  test('a huge line costs no more than a short one', () => {
    const line = `${'x'.repeat(5_000_000)} HERE`;
    const frame = at(line, 'HERE');
    expect(frame.line.endsWith(' HERE')).toBe(true);
    expect(frame.line.length).toBeLessThanOrEqual(100);
  });

  test('marks to the end of the line for a multi-line range, and at least one column', () => {
    expect(at('Quote starts here', 'starts', 2).marker).toBe('^~~~~~~~~~~');
    expect(codeFrame('abc', { line: 1, column: 4, endLine: 1, endColumn: 4 })).toEqual({ line: 'abc', indent: 3, marker: '^' });
    expect(codeFrame('', { line: 1, column: 1, endLine: 1, endColumn: 1 })).toBeNull();
  });

  test('does not split surrogate pairs', () => {
    const line = `${'😀'.repeat(300)} X ${'😀'.repeat(300)}`;
    const frame = at(line, 'X');
    expect(frame.line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  test('printable ASCII is framed as cell by cell, at any column, window and line length', () => {
    const frameOf = (line: string, column: number, endLine: number, endColumn: number) => {
      const f = { line: 1, column, endLine, endColumn };
      return { fast: codeFrame(line, f), cells: cellFrame(line, ...frameWindow(line, column), f) };
    };
    // Line lengths around the window edges (400 units either side) and MAX_WIDTH (100).
    const line = fc.oneof(fc.string({ maxLength: 120 }), fc.string({ minLength: 380, maxLength: 1_300 }))
      .map((text) => text.replace(/[^\x20-\x7e]/g, 'x'));
    let windowed = 0;
    fc.assert(fc.property(line, fc.nat(1_400), fc.nat(60), fc.boolean(), (text, at, size, multiLine) => {
      const column = at + 1;
      const { fast, cells } = frameOf(text, column, multiLine ? 2 : 1, column + size);
      if (fast && fast.line.startsWith('…')) windowed++;
      expect(fast).toEqual(cells);
    }), { numRuns: 2_000 });
    expect(windowed).toBeGreaterThan(100);
    // A tab or a control character takes the cell path, and is expanded or replaced there.
    expect(codeFrame('a\tb X', { line: 1, column: 5, endLine: 1, endColumn: 6 })).toEqual({ line: 'a   b X', indent: 6, marker: '^' });
  });
});
