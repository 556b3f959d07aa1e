/**
 * Source lists as chatbots and writers put them: "IRNA English +3, The Times of Israel +3 WANA +3,
 * Afghan Voice Agency", "Business Insider+15Reuters+15Reddit+15", "IRNA and Mehr". One forward
 * pass over the list: chips first, then separators.
 */

export interface ListedName {
  name: string;
  /** Offsets relative to the list's own text. */
  start: number;
  end: number;
  /** The chip's `+N`, or null for a plain name. */
  count: number | null;
  /** Offsets of the `+N` (with the spaces before it), when there is one. */
  chipStart: number | null;
  chipEnd: number | null;
}

/**
 * A chatbot's source-count chip: "+12" after a name; never "Disney+" or "Alexa+", nor a phone
 * number ("+44 20 7946 0958", "+1-555", "+1 (512) 555-0142") or a decimal ("+2.5%").
 */
// The look-behind starts a match only at the first space of a run, so a long run of spaces
// costs one pass, not one pass per space.
// Repeated counts ("Reuters +1 +1") are one chip, so one fix removes them all.
export const CHIP = /(?<!\s)\s*\+(\d{1,4})(?:\s*\+\d{1,4}(?![\d%]|[.,]\d|[\s-]?\d|\s?\(\d))*(?![\d%]|[.,]\d|[\s-]?\d|\s?\(\d)/g;
const CHIP_AT = new RegExp(CHIP.source, 'y');
const SPACE = /\s/;

/**
 * The matches of CHIP, in order, tried only where one can start: at each "+", or at the start
 * of the spaces before it (the look-behind rules out every other offset).
 */
export function chipsIn(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let from = 0;
  for (let plus = text.indexOf('+'); plus >= 0; plus = text.indexOf('+', Math.max(plus + 1, from))) {
    let start = plus;
    while (start > from && SPACE.test(text[start - 1]!)) start--;
    CHIP_AT.lastIndex = start;
    const chip = CHIP_AT.exec(text);
    if (chip) {
      found.push(chip);
      from = CHIP_AT.lastIndex;
    }
  }
  return found;
}

/** Names a "+N" can follow without being a chip: time zones ("UTC+2"), phone lead-ins ("Call +1"). */
export const NOT_CHIP_NAMES = /^(?:UTC|GMT|CET|CEST|EET|EEST|MSK|IST|EST|PST|CST|AST|Call|Phone|Tel|Fax|Dial|WhatsApp)$/i;
const SEPARATORS = /\s*(?:[,;|·•/]|\band\b|\bor\b|&)\s*/giu;
const LEAD_INS = /^(?:sources?|via|see(?: also)?|cited by|h\/t|credit|from|per)\s*:?\s+/i;
const MONTH_DATE = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i;

export function splitSourceList(list: string): ListedName[] {
  const names: ListedName[] = [];
  let from = 0;
  for (const chip of chipsIn(list)) {
    const at = chip.index;
    const before = list.slice(from, at);
    // A chip needs a name right before it: "+1" after a space-separated word, or glued ("Insider+15").
    const pieces = splitPlain(before, from);
    const last = pieces.pop();
    names.push(...pieces);
    if (last && /\p{L}/u.test(last.name) && !NOT_CHIP_NAMES.test(last.name)) names.push({ ...last, count: Number(chip[1]), chipStart: at, chipEnd: at + chip[0].length });
    else if (last) names.push(last);
    from = at + chip[0].length;
  }
  names.push(...splitPlain(list.slice(from), from));
  return names;
}

function splitPlain(text: string, base: number): ListedName[] {
  const names: ListedName[] = [];
  let from = 0;
  const push = (end: number) => {
    let start = from;
    let piece = text.slice(start, end);
    const leadIn = LEAD_INS.exec(piece.trimStart());
    if (leadIn) {
      start += piece.length - piece.trimStart().length + leadIn[0].length;
      piece = text.slice(start, end);
    }
    const trimmedStart = start + (piece.length - piece.trimStart().length);
    const trimmed = piece.trim();
    if (trimmed && /\p{L}/u.test(trimmed) && !MONTH_DATE.test(trimmed)) {
      names.push({ name: trimmed, start: base + trimmedStart, end: base + trimmedStart + trimmed.length, count: null, chipStart: null, chipEnd: null });
    }
  };
  for (const separator of text.matchAll(SEPARATORS)) {
    push(separator.index);
    from = separator.index + separator[0].length;
  }
  push(text.length);
  return names;
}
