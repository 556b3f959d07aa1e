/**
 * The article body of the HTML report: the original text with claims shaded, cited sources as
 * chips and findings underlined. Every mark is a range of the ORIGINAL file; overlapping ranges
 * are cut into non-overlapping segments in one pass over the sorted range boundaries, each
 * segment one <span> carrying the classes of every range it lies in.
 */
import type { Severity } from '../engine/finding.js';
import type { FileResult } from '../engine/results.js';
import { articleBlocks, type Piece } from './html-blocks.js';
import { esc, safeHref } from './html-escape.js';

export type ClaimStatus = 'ok' | 'un' | 'nc';

/** Chip categories: the cited source's rating, as a reader needs it. */
export type ChipCategory = 'reliable' | 'no-consensus' | 'unreliable' | 'deprecated' | 'unrated' | 'unknown' | 'person';

export interface ClaimMark {
  start: number;
  end: number;
  status: ClaimStatus;
}

export interface ChipMark {
  start: number;
  end: number;
  category: ChipCategory;
  /** A chatbot chip (`IRNA English +12`) or a chatbot cited as a source. */
  artifact: boolean;
  /** What the tooltip says about the source. */
  label: string;
}

export interface FindingMark {
  start: number;
  end: number;
  /** The element id of the finding's first segment, e.g. "f1-3". */
  id: string;
  severity: Severity;
  ruleId: string;
}

export interface Marks {
  claims: ClaimMark[];
  chips: ChipMark[];
  findings: FindingMark[];
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
export const SEVERITY_ICON: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

type Mark = { kind: 'claim'; mark: ClaimMark } | { kind: 'chip'; mark: ChipMark } | { kind: 'finding'; mark: FindingMark };
interface Boundary {
  at: number;
  open: boolean;
  item: Mark;
}

/** Start offsets of every line of `source` (LF, CRLF and lone CR end a line, as in the loaders). */
export function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const ch = source.charCodeAt(i);
    if (ch === 10 || (ch === 13 && source.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** The original offset of a 1-based line and column, clamped to the file. */
export function offsetOf(starts: readonly number[], length: number, line: number, column: number): number {
  const start = starts[line - 1] ?? length;
  return Math.min(length, Math.max(0, start + column - 1));
}

/** The article's blocks as HTML, marks applied. */
export function renderArticle(file: FileResult, marks: Marks): string {
  const source = file.source;
  const boundaries: Boundary[] = [];
  const add = (item: Mark) => {
    const { start, end } = item.mark;
    boundaries.push({ at: start, open: true, item });
    // A zero-length finding still closes after it opens: it becomes a pin where it sits.
    boundaries.push({ at: Math.max(start, end), open: false, item });
  };
  for (const mark of marks.claims) if (mark.end > mark.start) add({ kind: 'claim', mark });
  for (const mark of marks.chips) if (mark.end > mark.start) add({ kind: 'chip', mark });
  for (const mark of marks.findings) add({ kind: 'finding', mark });
  // At the same offset, closes go before opens so that adjacent ranges do not overlap; a
  // zero-length range opens before them all, so that its own close follows its open.
  const order = (b: Boundary) => (!b.open ? 1 : b.item.mark.end <= b.item.mark.start ? 0 : 2);
  boundaries.sort((a, b) => a.at - b.at || order(a) - order(b));

  const claims: ClaimMark[] = [];
  const chips: ChipMark[] = [];
  const findings: FindingMark[] = [];
  const started = new Set<object>();
  const anchored = new Set<FindingMark>();
  const pins: FindingMark[] = [];
  let next = 0;

  const open = (item: Mark) => {
    if (item.kind === 'claim') claims.push(item.mark);
    else if (item.kind === 'chip') chips.push(item.mark);
    else findings.push(item.mark);
  };
  const close = (item: Mark) => {
    const list: object[] = item.kind === 'claim' ? claims : item.kind === 'chip' ? chips : findings;
    list.splice(list.indexOf(item.mark), 1);
    // A finding none of whose text is shown (inside markup, in a blank line, zero-length) still
    // needs its anchor: a pin where the text resumes.
    if (item.kind === 'finding' && !anchored.has(item.mark)) pins.push(item.mark);
  };
  /** Applies every boundary at or before `offset`. */
  const applyThrough = (offset: number) => {
    while (next < boundaries.length && boundaries[next]!.at <= offset) {
      const b = boundaries[next++]!;
      if (b.open) open(b.item);
      else close(b.item);
    }
  };

  const out: string[] = [];
  const emitPins = () => {
    for (const pin of pins.splice(0)) {
      anchored.add(pin);
      out.push(
        `<mark class="pin u-${pin.severity}" id="${pin.id}" data-f="${pin.id}" data-anchor="" data-rule="${esc(pin.ruleId)}" tabindex="0" aria-describedby="m${pin.id.slice(1)}">${SEVERITY_ICON[pin.severity]}</mark>`,
      );
    }
  };
  /** One segment: `text` shown for original[start, end) under the marks active now. */
  const emit = (text: string, end: number) => {
    emitPins();
    if (text === '') return;
    out.push(segment(text, end));
  };

  const segment = (text: string, end: number): string => {
    const body = esc(text);
    if (claims.length === 0 && chips.length === 0 && findings.length === 0) return body;
    const classes: string[] = [];
    const attributes: string[] = [];
    const claim = claims[claims.length - 1];
    if (claim) {
      classes.push(`cl-${claim.status}`);
      if (!started.has(claim)) classes.push('cl-start');
      started.add(claim);
    }
    const chip = chips[chips.length - 1];
    if (chip) {
      classes.push('chip', `r-${chip.category}`);
      if (chip.artifact) classes.push('ai');
      if (!started.has(chip)) classes.push('chip-start');
      if (end >= chip.end) classes.push('chip-end');
      started.add(chip);
      attributes.push(`data-chip="${esc(chip.label)}"`);
    }
    // Line breaks alone cannot hold focus visibly: a finding's anchor waits for real text.
    const visible = /[^\r\n]/.test(text);
    const anchors = visible ? findings.filter((f) => !anchored.has(f)) : [];
    for (const f of anchors) anchored.add(f);
    if (findings.length > 0) {
      const worst = findings.reduce((a, b) => (RANK[b.severity] > RANK[a.severity] ? b : a));
      classes.push(`u-${worst.severity}`);
      attributes.push(`data-f="${findings.map((f) => f.id).join(' ')}"`);
    }
    const tag = findings.length > 0 ? 'mark' : 'span';
    const [first, ...more] = anchors;
    if (first) attributes.push(anchorAttributes(first));
    let html = `<${tag} class="${classes.join(' ')}"${attributes.map((a) => ` ${a}`).join('')}>${body}</${tag}>`;
    // Two findings starting on the same character: each still gets its own focusable anchor.
    for (const f of more) html = `<mark class="anc" ${anchorAttributes(f)}>${html}</mark>`;
    return html;
  };

  for (const block of articleBlocks(source, file.format)) {
    out.push(block.heading ? '<p class="h">' : '<p>');
    for (const piece of block.pieces) renderPiece(piece);
    out.push('</p>');
  }
  applyThrough(Infinity);
  if (pins.length > 0) {
    out.push('<p class="tail">');
    emitPins();
    out.push('</p>');
  }
  return out.join('');

  function renderPiece(piece: Piece): void {
    if (piece.type === 'link') {
      emitPins();
      out.push(linkMarker(piece.href));
      return;
    }
    applyThrough(piece.start);
    if (piece.exact) {
      // Cut the piece at every boundary inside it.
      let at = piece.start;
      while (at < piece.end) {
        const cut = Math.min(piece.end, boundaries[next]?.at ?? Infinity);
        emit(source.slice(at, cut), cut);
        at = cut;
        applyThrough(at);
      }
      return;
    }
    // A piece that is not its source (a character reference, collapsed whitespace) cannot be cut:
    // ranges starting inside it cover all of it, and ranges ending inside it end after it.
    const closes: Boundary[] = [];
    while (next < boundaries.length && boundaries[next]!.at < piece.end) {
      const b = boundaries[next++]!;
      if (b.open) open(b.item);
      else closes.push(b);
    }
    emit(piece.text, piece.end);
    for (const b of closes) close(b.item);
  }
}

function anchorAttributes(f: FindingMark): string {
  return `id="${f.id}" data-anchor="" data-rule="${esc(f.ruleId)}" tabindex="0" aria-describedby="m${f.id.slice(1)}"`;
}

/**
 * Beside an article's link: its target, clickable only for http(s). A `javascript:` or `data:`
 * URL is shown as inert text, flagged, so a fact-checker sees what the article tried to link.
 */
function linkMarker(href: string): string {
  const safe = safeHref(href);
  if (safe) return `<a class="ext" href="${esc(safe)}" rel="noopener noreferrer nofollow" target="_blank" referrerpolicy="no-referrer" title="${esc(safe)}" aria-label="link: ${esc(safe)}">↗</a>`;
  return `<span class="unsafe" title="${esc(href)}">[link not followed: ${esc(href.length > 60 ? `${href.slice(0, 57)}…` : href)}]</span>`;
}
