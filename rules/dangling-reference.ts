import type { Citation } from '../src/citations/citation.js';
import { defineRule } from '../src/engine/rule.js';
import type { Link } from '../src/input/document.js';
import { countBelow } from '../src/parse/ranges.js';

/**
 * Phrases that point at a link; flagged only when no link stands behind them. "click on WANA" is
 * a pointer citation (found with the citations), so a bare "click on" is not a phrase here. Words
 * are joined by one whitespace character, so a phrase wrapped onto the next line still matches.
 */
const POINTING = /\b(?:click\s(?:on\s)?(?:here|(?:this|the)\slink|below|above)|(?:see|follow|visit|open)\s(?:the\s|this\s)?(?:link|links|url)|link\s(?:here|below|above)|read\smore\s(?:here|at|on)|(?:see|watch|read)\shere)\b|\[(?:source|link|here|url|ref|citation)\]|\((?:source|link)\)/gi;
/** Verbs that also run in prose ("Analysts see a link", "he will visit the link road"): a pointer only as an imperative. */
const PROSE_VERBS = /^(?:see|visit|follow|open|watch|read|check)\b/i;
/** Words after which a verb is still an imperative: "please see", "and visit". */
const IMPERATIVE_LEADS = new Set(['please', 'and', 'or', 'then', 'also', 'simply', 'just']);
/** The most that may stand between a pointing phrase and its link: "click here: https://…", "see link (https://…)". */
const ADJACENT = /^[\s:(\[\-–—]{0,3}$/;

/**
 * Whether a link stands behind [start, end): overlapping it ("[click here](…)", "click on
 * [WANA](…)") or right next to it. Links are looked up by binary search: testing every link for
 * every phrase was quadratic on a page of links and "click here"s. The index is built on the
 * first question: most articles point at nothing.
 */
function linkNear(text: string, links: readonly Link[]): (start: number, end: number) => boolean {
  let index: { starts: number[]; reach: number[]; ends: number[] } | null = null;
  const indexLinks = () => {
    const byStart = [...links].sort((a, b) => a.start - b.start);
    // reach[i]: the furthest any of the first i + 1 links (by start) reaches.
    const reach: number[] = [];
    for (const link of byStart) reach.push(Math.max(link.end, reach.at(-1) ?? 0));
    return { starts: byStart.map((link) => link.start), reach, ends: links.map((link) => link.end).sort((a, b) => a - b) };
  };
  return (start, end) => {
    const { starts, reach, ends } = index ??= indexLinks();
    const before = countBelow(starts, end);
    if (before > 0 && reach[before - 1]! > start) return true;
    // ADJACENT allows at most three characters between them.
    for (let i = before; i < starts.length && starts[i]! - end <= 3; i++) if (ADJACENT.test(text.slice(end, starts[i]))) return true;
    for (let i = countBelow(ends, start + 1) - 1; i >= 0 && start - ends[i]! <= 3; i--) if (ADJACENT.test(text.slice(ends[i], start))) return true;
    return false;
  };
}

/** A link that opens nothing: `[here]()`, `<a href="#">`, `javascript:void(0)`. ("#notes" lands somewhere.) */
const EMPTY_HREF = /^(?:#?|javascript:.*)$/i;

/** True when the verb at `index` opens a clause: after the start, punctuation or "please"/"and". */
function imperative(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 24), index).trimEnd();
  if (before === '' || /[.!?;:,(\[—–\-"“]$/.test(before)) return true;
  return IMPERATIVE_LEADS.has(before.slice(before.search(/\S+$/)).toLowerCase());
}

/** A link's text for a message: one line, at most 60 characters. */
function shown(label: string): string {
  const line = label.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** An element's id in HTML source: id="x", id='x' or id=x. */
const ID_ATTRIBUTE = /\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

export default defineRule({
  meta: {
    id: 'dangling-reference',
    description: '"click here", "click on WANA", "see link", "[source]" with no link behind it; a link with no address; a footnote marker with no note.',
    severity: 'warning',
    fixable: false,
    messages: {
      dangling: '"{{text}}" points the reader at a link that is not there. Add the link, or name the source and what it published.',
      empty: 'The link "{{text}}" opens nothing: it has no address. Add the address it should open, or name the source and what it published.',
      note: 'Footnote marker "{{text}}" points to a note the article does not have. Add the note with its source, or cite the source in the text.',
    },
    defaults: {},
  },
  check({ document, citations, report }) {
    const text = document.text;
    // An empty link is reported once, as empty: a "click here" it covers is not reported again.
    for (const link of document.links) {
      if (EMPTY_HREF.test(link.href)) report({ messageId: 'empty', data: { text: shown(text.slice(link.start, link.end)) }, start: link.start, end: link.end });
    }
    const linked = linkNear(text, document.links);
    const pointing = (start: number) => !PROSE_VERBS.test(text.slice(start, start + 8)) || imperative(text, start);
    const pointers = new Map<number, Citation>();
    for (const citation of citations) if (citation.form === 'pointer' && !pointers.has(citation.start)) pointers.set(citation.start, citation);
    const reported = new Set<number>();
    for (const match of text.matchAll(POINTING)) {
      // "click on WANA or IRNA English": the phrase runs on to the names it points at.
      const pointer = pointers.get(match.index);
      const end = pointer ? pointer.end : match.index + match[0].length;
      if (!pointing(match.index) || linked(match.index, end)) continue;
      reported.add(match.index);
      report({ messageId: 'dangling', data: { text: text.slice(match.index, end).replace(/\s+/g, ' ') }, start: match.index, end, citationId: pointer?.id ?? null });
    }
    for (const citation of citations) {
      if (citation.form !== 'pointer' || reported.has(citation.start) || linked(citation.start, citation.end)) continue;
      if (!/^(?:click|see|visit|check|read|more)/i.test(citation.text) || !pointing(citation.start)) continue;
      report({ messageId: 'dangling', data: { text: citation.text.replace(/\s+/g, ' ') }, start: citation.start, end: citation.end, citationId: citation.id });
    }
    // A footnote marker with no note, and no link on it that goes somewhere: an HTML page's "[1]"
    // may link out, or to a note the text does not show as one; "#footnote-3" with no element of
    // that id on the page goes nowhere. (A link elsewhere near the marker is no note of its.)
    let linksAt: Map<number, string[]> | null = null;
    const linksStartingAt = (start: number): string[] => {
      if (!linksAt) {
        linksAt = new Map();
        for (const link of document.links) linksAt.set(link.start, [...(linksAt.get(link.start) ?? []), link.href]);
      }
      return linksAt.get(start) ?? [];
    };
    let pageIds: Set<string> | null = null;
    const landsOnPage = (href: string): boolean => {
      if (!href.startsWith('#') || document.format !== 'html') return true;
      // Anywhere on the page: a reference list may stand outside the article's body.
      pageIds ??= new Set([...document.original.matchAll(ID_ATTRIBUTE)].map((match) => match[1] ?? match[2] ?? match[3]!));
      try {
        return pageIds.has(decodeURIComponent(href.slice(1))) || pageIds.has(href.slice(1));
      } catch {
        return pageIds.has(href.slice(1));
      }
    };
    for (const citation of citations) {
      if (citation.form !== 'footnote' || citation.note !== null || linksStartingAt(citation.start).some(landsOnPage)) continue;
      report({ messageId: 'note', data: { text: citation.text }, start: citation.start, end: citation.end, citationId: citation.id, claimId: citation.claimIds[0] ?? null });
    }
  },
});
