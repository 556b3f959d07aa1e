import { Buffer } from 'node:buffer';
import type { Citation } from '../src/citations/citation.js';
import { NAME_LINE, SIGNATURE } from '../src/citations/support.js';
import type { Document } from '../src/input/document.js';
import { defineRule } from '../src/engine/rule.js';
import type { Claim } from '../src/parse/claim.js';
import { forEachWord, isDirectQuotation, quotations, wordsOf, type Quotation } from '../src/parse/features.js';

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Words outside the quotation that name who spoke or where it was published. */
const SPEAKER_CUES = set(`
  said says say told tells added adds asked asks wrote writes stated explained insisted noted argued warned replied
  continued according declared announced recalled tweeted posted remarked stressed urged promised vowed acknowledged
  admitted conceded complained cautioned predicted testified quoted quoting saying telling adding calling statement interview
  remarks`);
/** A quoted name, not a quotation: the motto "Més que un club", a campaign dubbed "…". */
const NAMING = set('called dubbed titled entitled named motto slogan so-called known');
const MAX_SHOWN = 8;

export default defineRule({
  meta: {
    id: 'unattributed-quote',
    description: 'A direct quotation with no speaker or source in its sentence or the next.',
    severity: 'warning',
    fixable: false,
    messages: {
      unattributed: 'Nobody is said to have said {{quote}}. Name the speaker ("…," the minister said) or cite where it was published.',
    },
    defaults: {},
  },
  check({ document, claims, citations, report }) {
    // Wanted only for a paragraph with a quotation in it.
    let byIdMap: Map<string, Citation> | null = null;
    const byId = (): ReadonlyMap<string, Citation> => (byIdMap ??= new Map(citations.map((citation) => [citation.id, citation])));
    let index = 0;
    /** The last quotation of the previous paragraph, when it ran on unclosed or after a colon, and whether it was attributed. */
    let runOn: { block: number; attributed: boolean } | null = null;
    document.blocks.forEach((block, blockIndex) => {
      while (index < claims.length && claims[index]!.block < blockIndex) index++;
      const first = index;
      let last = first;
      while (last < claims.length && claims[last]!.block === blockIndex) last++;
      if (block.kind === 'heading' || first === last) return;
      const text = document.text.slice(block.start, block.end);
      const quotes = quotations(text);
      if (quotes.length === 0) {
        // No quotation to attribute; only a closing colon carries over to the next paragraph.
        runOn = /:\s*$/.test(text) ? { block: blockIndex, attributed: true } : null;
        return;
      }
      // The paragraph with quoted words blanked out: a "said" inside a quotation names no speaker.
      const masked = blankQuotes(text, quotes);
      const cued = new Map<number, boolean>();
      const hasCue = (k: number): boolean => {
        if (!cued.has(k)) cued.set(k, speakerIn(claims[k]!, masked, block.start, byId()));
        return cued.get(k)!;
      };
      let claim = first;
      let attributed = false;
      /** The last claim of the previous attributed quotation: a quotation in the sentence after it is the same speaker's. */
      let spoken: number | null = null;
      for (const quote of quotes) {
        const start = block.start + quote.start;
        const end = block.start + quote.end;
        while (claim < last - 1 && claims[claim]!.end <= start) claim++;
        let through = claim;
        while (through < last - 1 && claims[through + 1]!.start < end) through++;
        attributed = (spoken !== null && claim === spoken + 1) || signed(document, blockIndex, text, quote) || isAttributed(quote, text, masked, claim, through, last, hasCue, claims, runOn, blockIndex);
        if (attributed) spoken = through;
        if (!isDirectQuotation(text, quote) || naming(text, quote) || attributed) continue;
        report({ messageId: 'unattributed', data: { quote: shorten(document.text.slice(start, end)) }, start, end, claimId: claims[claim]!.id });
      }
      // An unclosed quotation runs on with its attribution; a paragraph ending in a colon introduces the next one.
      if (quotes.at(-1)?.closed === false) runOn = { block: blockIndex, attributed };
      else runOn = /:\s*$/.test(text) ? { block: blockIndex, attributed: true } : null;
    });
  },
});


function signed(document: Document, block: number, text: string, quote: Quotation): boolean {
  const after = text.slice(quote.end, quote.end + 8);
  if (SIGNATURE.test(after)) return true;
  const next = document.blocks[block + 1];
  // Only when nothing but a closing mark follows in the paragraph (bounded: `after` is 8 characters).
  if (text.length - quote.end > after.length || !/^[\s.,;]*$/.test(after) || next === undefined) return false;
  const opening = document.text.slice(next.start, Math.min(next.end, next.start + 80));
  // A block quote's last line, a name without a dash: <cite>Mayor Teresa Lindqvist</cite>.
  return SIGNATURE.test(opening) || (document.blocks[block]!.inside === 'quote' && next.inside === 'quote' && next.end - next.start <= 80 && NAME_LINE.test(opening));
}


/** A speaker or source for the quotation spanning claims [from, through]: in them, the next claim, a colon before it, or the paragraph it continues. */
function isAttributed(quote: Quotation, text: string, masked: string, from: number, through: number, last: number,
  hasCue: (k: number) => boolean, claims: readonly Claim[], runOn: { block: number; attributed: boolean } | null, block: number): boolean {
  if (/:\s*$/.test(masked.slice(Math.max(0, quote.start - 3), quote.start))) return true;
  if (quote.start === text.length - text.trimStart().length && runOn && runOn.block === block - 1) return runOn.attributed;
  for (let k = from; k <= Math.min(through + 1, last - 1); k++) if (hasCue(k)) return true;
  // "He told reporters:" then the quotation as a sentence of its own.
  return from > 0 && claims[from - 1]!.text.trimEnd().endsWith(':');
}

/** A cue outside the quotations of the claim, or a citation of it that is not inside one ("“Everyone said…”"). */
function speakerIn(claim: Claim, masked: string, offset: number, byId: ReadonlyMap<string, Citation>): boolean {
  const outside = (at: number): boolean => masked[at - offset] !== ' ';
  if (claim.citationIds.some((id) => byId.get(id)?.form !== 'pointer' && outside(byId.get(id)!.start))) return true;
  // Word by word, without keeping them: most claims with a quotation are read to their end.
  const text = masked.slice(claim.start - offset, claim.end - offset);
  let cued = false;
  let previous = '';
  forEachWord(text, (start, end) => {
    const lower = text.slice(start, end).toLowerCase();
    cued = SPEAKER_CUES.has(lower) || (previous === 'put' && lower === 'it');
    previous = lower;
    return cued;
  });
  return cued;
}

/** The text with every quotation's inside blanked (same length), in one pass. */
export function blankQuotes(text: string, quotes: readonly Quotation[]): string {
  // In one copy of the UTF-16 units, not pieces joined: a paragraph of 100,000 quotation
  // marks made 200,000 pieces. (Units are copied as they are, lone surrogates included.)
  const bytes = Buffer.allocUnsafeSlow(text.length * 2); // unpooled: its offset is 0, as a Uint16Array needs
  bytes.write(text, 'utf16le');
  const units = new Uint16Array(bytes.buffer, 0, text.length);
  for (const quote of quotes) units.fill(SPACE, Math.min(quote.start + 1, text.length), quote.closed ? quote.end - 1 : quote.end);
  return bytes.toString('utf16le');
}
const SPACE = 32;

/** One of the two words before the quotation names it rather than quotes it ("the motto is", "dubbed"). */
function naming(text: string, quote: Quotation): boolean {
  return wordsOf(text.slice(Math.max(0, quote.start - 30), quote.start)).slice(-2).some((word) => NAMING.has(word.lower));
}

function shorten(quote: string): string {
  const words = quote.split(/\s+/);
  return words.length <= MAX_SHOWN ? quote : `${words.slice(0, MAX_SHOWN).join(' ')}…”`;
}
