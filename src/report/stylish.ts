/**
 * `--format stylish` (the default): ESLint's stylish layout, plus the offending source line with
 * a `^~~~` marker under each finding, for a fact-checker reading in a terminal.
 */
import path from 'node:path';
import pc from 'picocolors';
import type { Finding, Severity } from '../engine/finding.js';
import type { FileResult, Summary } from '../engine/results.js';
import { collect, plural, type ReportStream, type StreamContext } from './common.js';

/** The widest source excerpt shown, in terminal columns, ellipses included. */
const MAX_WIDTH = 100;
/** How much of the line to keep left of the finding when a long line is windowed. */
const LEFT_CONTEXT = 30;
const TAB_WIDTH = 4;
/** UTF-16 units either side of the finding looked at; plenty for MAX_WIDTH columns. */
const SLICE = 4 * MAX_WIDTH;
const INDENT = '    ';

type Colors = ReturnType<typeof pc.createColors>;

export function stylishStream(context: StreamContext): ReportStream {
  const c = pc.createColors(context.color);
  return {
    head: '',
    file: (file, extras) => (extras?.diff ?? '') + (file.findings.length > 0 ? fileSection(file, context.cwd, c) : ''),
    separator: '',
    tail: (summary) => totals(summary, c),
    sectioned(write) {
      let started = false;
      return {
        section(file, firstLine) {
          if (file.findings.length === 0) return;
          if (!started) write(`${fileHeader(file, context.cwd, c)}\n`);
          started = true;
          write(`${findingRows(file, c, firstLine).join('\n')}\n`);
        },
        end() { if (started) write('\n'); },
      };
    },
  };
}

export const stylish = collect(stylishStream);

function totals(summary: Summary, c: Colors): string {
  const { errors, warnings, infos } = summary;
  const total = errors + warnings + infos;
  // Nothing read (a missing path, an empty staged set) is no clean bill.
  if (summary.files === 0) return `${c.bold('No files were checked.')}
`;
  let line: string;
  if (total === 0) {
    line = c.bold(c.green('✔ No problems found'));
  } else {
    const color = errors > 0 ? c.red : warnings > 0 ? c.yellow : c.cyan;
    const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}`;
    line = c.bold(color(`✖ ${plural(total, 'problem')} (${counts})`));
  }
  return `${line}\n${claimsLine(summary)}\n`;
}

function claimsLine(summary: Summary): string {
  const { checkworthyClaims: worthy, supportedClaims: supported } = summary;
  const line = `${worthy} check-worthy claim${worthy === 1 ? '' : 's'}, ${supported} supported`;
  // Rounded down, so 100% means every claim is supported.
  return worthy === 0 ? line : `${line} (${Math.floor((supported / worthy) * 100)}%)`;
}

const SEVERITY_COLOR: Record<Severity, keyof Colors> = { error: 'red', warning: 'yellow', info: 'cyan' };

function fileSection(file: FileResult, cwd: string, c: Colors): string {
  return `${[fileHeader(file, cwd, c), ...findingRows(file, c, 1)].join('\n')}\n\n`;
}

function fileHeader(file: FileResult, cwd: string, c: Colors): string {
  return c.underline(c.bold(path.relative(cwd, path.resolve(cwd, file.path))));
}

/** `firstLine`: the file line `file.source` starts at (a section of a large file starts further down). */
function findingRows(file: FileResult, c: Colors, firstLine: number): string[] {
  const lines = file.source.split(/\r\n|\r|\n/);
  const rows = file.findings.map((f) => ({ f, message: oneLine(f.message) }));
  const lineWidth = Math.max(...rows.map((r) => String(r.f.line).length));
  const columnWidth = Math.max(...rows.map((r) => String(r.f.column).length));
  const severityWidth = Math.max(...rows.map((r) => r.f.severity.length));

  const out: string[] = [];
  for (const { f, message } of rows) {
    // Pad before coloring: escape codes have no width.
    const position = `${String(f.line).padStart(lineWidth)}:${String(f.column).padEnd(columnWidth)}`;
    const severity = c[SEVERITY_COLOR[f.severity]] as (s: string) => string;
    // Messages are sentences of very different lengths: padding them to one column would push
    // every rule id past the terminal's edge, so the id follows its message.
    out.push(`  ${c.dim(position)}  ${severity(f.severity.padEnd(severityWidth))}  ${message}  ${c.dim(f.ruleId)}`);
    const excerpt = codeFrame(lines[f.line - firstLine] ?? '', f);
    if (excerpt) out.push(`${INDENT}${excerpt.line}`, `${INDENT}${' '.repeat(excerpt.indent)}${severity(excerpt.marker)}`);
    if (f.suggestion) out.push(`${INDENT}${c.green(`→ ${oneLine(f.suggestion)}`)}`);
  }
  return out;
}

/** A message on one terminal line, with no control characters an article could smuggle in. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\t/g, ' ').replace(CONTROL, '\uFFFD');
}

// C0/C1 controls, ESC included: printing them raw would let an article drive the terminal.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

interface Cell {
  /** What is printed for one code point: tabs become spaces, controls become U+FFFD. */
  text: string;
  width: number;
  /** UTF-16 index of the code point in the line (finding columns count UTF-16 units). */
  unit: number;
}

type Range = Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>;
/** A source line as printed, and the marker under the finding: `indent` columns in. */
type Frame = { line: string; indent: number; marker: string };

/**
 * The finding's source line, expanded and windowed to MAX_WIDTH columns, and a marker to print
 * `indent` columns in, under the finding's range (its first line only). Null for an empty line.
 */
export function codeFrame(source: string, f: Range): Frame | null {
  const [lo, hi] = frameWindow(source, f.column);
  const window = source.slice(lo, hi);
  // Printable ASCII is one column per unit: a chip flood's 50,000 frames on one line need no
  // cell objects (test/report/stylish.test.ts holds this path to cellFrame).
  return PRINTABLE_ASCII.test(window) ? asciiFrame(window, lo, hi < source.length, f) : cellFrame(source, lo, hi, f);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The units [lo, hi) of the line looked at: only the neighbourhood of the finding can be shown,
 * and a minified HTML line can be huge.
 */
export function frameWindow(source: string, column: number): [number, number] {
  let lo = Math.max(0, column - 1 - SLICE);
  let hi = Math.min(source.length, column - 1 + SLICE);
  if (isLowSurrogate(source.charCodeAt(lo))) lo++;
  if (isLowSurrogate(source.charCodeAt(hi))) hi++;
  return [lo, hi];
}

/** codeFrame for a window of printable ASCII, where a cell is a UTF-16 unit and one column wide. */
function asciiFrame(window: string, lo: number, cutRight: boolean, f: Range): Frame | null {
  const n = window.length;
  if (n === 0) return null;
  const at = (column: number) => Math.min(n, Math.max(0, column - 1 - lo));
  const start = at(f.column);
  const end = Math.max(start + 1, f.endLine === f.line ? at(f.endColumn) : n);
  const span = (a: number, b: number) => Math.max(0, Math.min(b, n) - Math.min(a, n));
  const cutLeft = lo > 0;
  let from = 0;
  let to = n;
  if (cutLeft || cutRight || n > MAX_WIDTH) {
    from = Math.max(0, Math.min(start - LEFT_CONTEXT, n - (MAX_WIDTH - (cutRight ? 2 : 1))));
    let used = from > 0 || cutLeft ? 1 : 0;
    for (to = from; to < n && used + 1 + (to < n - 1 || cutRight ? 1 : 0) <= MAX_WIDTH; to++) used++;
  }
  const lead = from > 0 || cutLeft ? '…' : '';
  const trail = to < n || cutRight ? '…' : '';
  const line = lead + window.slice(from, to) + trail;
  const indent = lead.length + span(from, Math.min(start, to));
  const length = Math.max(1, span(Math.max(start, from), Math.min(end, to)));
  return { line: line.trimEnd(), indent, marker: `^${'~'.repeat(length - 1)}` };
}

/** codeFrame for any window: cells of code points, tabs expanded, wide and zero-width characters measured. */
export function cellFrame(source: string, lo: number, hi: number, f: Range): Frame | null {
  const cells: Cell[] = [];
  let x = 0;
  let unit = lo;
  for (const char of source.slice(lo, hi)) {
    const cp = char.codePointAt(0)!;
    const tab = TAB_WIDTH - (x % TAB_WIDTH);
    const cell: Cell =
      char === '\t'
        ? { text: ' '.repeat(tab), width: tab, unit }
        : cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)
          ? { text: '\uFFFD', width: 1, unit }
          : { text: char, width: charWidth(cp), unit };
    cells.push(cell);
    x += cell.width;
    unit += char.length;
  }
  if (cells.length === 0) return null;

  const at = (column: number) => {
    const i = cells.findIndex((cell) => cell.unit >= column - 1);
    return i === -1 ? cells.length : i;
  };
  const start = at(f.column);
  const end = Math.max(start + 1, f.endLine === f.line ? at(f.endColumn) : cells.length);
  const span = (a: number, b: number) => cells.slice(a, b).reduce((sum, cell) => sum + cell.width, 0);

  // The window [from, to) of cells: all of them if they fit, else LEFT_CONTEXT columns before
  // the finding and as much after it as fits, with "…" where the line goes on.
  const cutLeft = lo > 0;
  const cutRight = hi < source.length;
  let from = 0;
  let to = cells.length;
  if (cutLeft || cutRight || x > MAX_WIDTH) {
    const fromX = Math.max(0, Math.min(span(0, start) - LEFT_CONTEXT, x - (MAX_WIDTH - (cutRight ? 2 : 1))));
    for (let fx = 0; fx < fromX; ) fx += cells[from++]!.width;
    let used = from > 0 || cutLeft ? 1 : 0;
    const more = (i: number) => i < cells.length - 1 || cutRight;
    for (to = from; to < cells.length && used + cells[to]!.width + (more(to) ? 1 : 0) <= MAX_WIDTH; to++) used += cells[to]!.width;
  }
  const lead = from > 0 || cutLeft ? '…' : '';
  const trail = to < cells.length || cutRight ? '…' : '';
  const line = lead + cells.slice(from, to).map((cell) => cell.text).join('') + trail;
  const indent = lead.length + span(from, Math.min(start, to));
  const length = Math.max(1, span(Math.max(start, from), Math.min(end, to)));
  return { line: line.trimEnd(), indent, marker: `^${'~'.repeat(length - 1)}` };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function width(text: string): number {
  let w = 0;
  for (const char of text) w += charWidth(char.codePointAt(0)!);
  return w;
}

/** Terminal columns of a code point: 0 for combining marks, 2 for East Asian wide and emoji. */
function charWidth(cp: number): number {
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}
