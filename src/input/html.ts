/**
 * HTML articles: the article body only (never navigation, page chrome or scripts), its block
 * elements as blocks, with whitespace collapsed as a browser would. htmlparser2's start/end
 * indices give every text node's place in the source, so the offset map stays exact through
 * markup and character references.
 */
import { load } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { normalizeDate } from './date.js';
import { blankHtml, htmlHazard, plainFallback } from './depth.js';
import { directivesInHtml } from './directives.js';
import type { Block, Directive, Document, DocumentMeta } from './document.js';
import { isWhitespace, TextBuilder } from './text-builder.js';
import { unwrapRedirect } from './redirects.js';

/** Never prose: page chrome, code, and things a reader does not read as the article. */
const SKIPPED = new Set([
  'nav', 'header', 'footer', 'aside', 'script', 'style', 'noscript', 'template', 'form', 'figcaption',
  'button', 'select', 'textarea', 'pre', 'code', 'svg', 'math', 'iframe', 'object', 'canvas', 'video',
  'audio', 'head', 'title', 'img',
  // AMP's ads, share bar and embeds.
  'amp-ad', 'amp-embed', 'amp-sticky-ad', 'amp-social-share', 'amp-twitter', 'amp-instagram', 'amp-facebook', 'amp-youtube',
]);

/**
 * Page furniture inside the article element, known by a class or id word: the author's bio,
 * share and subscribe boxes, related and most-read lists, ads. A bio's "She joined in 2019" and
 * a promo's "Three stories every weekday" are not the article's claims. The word starts or ends
 * a class ("author-bio", "share_tools", "related"), never "author" alone, which is the byline's,
 * and never a CMS's tag or category class ("tag-share-prices" is a story about shares).
 */
const FURNITURE_WORDS = 'bio|about-the-author|about-author|related|relatedposts|sharedaddy|addtoany|newsletter|newsletters|share|sharing|social-share|subscribe|subscription|promo|advert|advertisement|ad|ads|sponsored|breadcrumbs?|paywall|disqus|outbrain|taboola|most-read|most-popular|trending|recirc|recirculation|signup|sign-up|kg-signup-card|like-button|graf--mixtapeembed|pullquote|pull-quote';
const FURNITURE = new RegExp(`^(?:${FURNITURE_WORDS})(?:[-_]|$)|[-_](?:${FURNITURE_WORDS})$`);
const TAXONOMY = /^(?:tag|tags|category|categories|topic|topics|section|post|type|format|status|keyword)[-_]/;
/** ARIA landmarks that are not the article: a page's navigation, sidebar, banner and footer. */
const FURNITURE_ROLES = new Set(['navigation', 'complementary', 'banner', 'contentinfo', 'search']);

/** Whether a reader skips the element as page furniture (or never sees it: `hidden`, `aria-hidden`). */
function isFurniture({ attribs }: Element): boolean {
  if (attribs.hidden !== undefined || attribs['aria-hidden'] === 'true') return true;
  if (attribs.role !== undefined && FURNITURE_ROLES.has(attribs.role.toLowerCase())) return true;
  return furnitureWords(attribs.class) || furnitureWords(attribs.id);
}

function furnitureWords(value: string | undefined): boolean {
  if (value === undefined) return false;
  for (const word of value.toLowerCase().split(/\s+/)) if (word.length <= 64 && !TAXONOMY.test(word) && FURNITURE.test(word)) return true;
  return false;
}

/** Elements that start and end a block; everything else flows into the enclosing block. */
const BLOCKS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'td', 'th', 'dd', 'dt', 'div', 'section',
  'article', 'main', 'ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'figure',
  'address', 'details', 'summary', 'hr', 'body', 'center',
]);

/** Never furniture, whatever their classes say: they hold the article. */
const LANDMARKS = new Set(['article', 'main', 'body']);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const DOCS_TITLE = /(?:^|\s)(?:title|subtitle)(?:\s|$)/;

/** The length of an element's text (what cheerio's .text() gives), without recursion. */
function textLength(root: AnyNode): number {
  let length = 0;
  const pending: AnyNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'text') length += node.data.length;
    else if ('children' in node) for (const child of node.children) pending.push(child);
  }
  return length;
}

/** An element as CSS selectors see it: script and style elements are elements too. */
function isTag(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** An element's text as cheerio's .text() gives it (comments left out), without recursion. */
function textOf(root: AnyNode | undefined): string {
  const parts: string[] = [];
  const pending: AnyNode[] = root ? [root] : [];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'text') parts.push(node.data);
    else if (node.type !== 'comment' && 'children' in node) for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
  }
  return parts.join('');
}

/**
 * The elements the article body and the page metadata are looked up in, in document order,
 * found in one walk over the page. Each list or first match is what the CSS selector named
 * beside it would select (same attribute case rules), at a fraction of a query's cost.
 */
interface PageIndex {
  article: Element[];
  main: Element[];
  /** [itemprop=articleBody] */
  itemprop: Element[];
  /** [role=main] */
  roleMain: Element[];
  p: Element[];
  body?: Element;
  title?: Element;
  /** meta[property="og:title"] */
  ogTitle?: Element;
  /** link[rel~=canonical] */
  canonical?: Element;
  /** meta[property="og:url"] */
  ogUrl?: Element;
  /** meta[property="article:published_time"], meta[name="article:published_time"] */
  publishedTime?: Element;
  /** time[datetime] */
  time: Element[];
  /** script[type="application/ld+json"] */
  jsonLd: Element[];
  comments: AnyNode[];
}

/** `rel` compares case-insensitively in HTML, as a whitespace-separated list (css-select's test for ~=). */
const CANONICAL = /(?:^|\s)canonical(?:$|\s)/i;
const LD_JSON = 'application/ld+json';
const CHROME = new Set(['nav', 'aside', 'footer', 'header']);

function indexPage(root: AnyNode): PageIndex {
  const index: PageIndex = { article: [], main: [], itemprop: [], roleMain: [], p: [], time: [], jsonLd: [], comments: [] };
  const pending: AnyNode[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'comment') index.comments.push(node);
    if (isTag(node)) addElement(index, node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
  }
  return index;
}

function addElement(index: PageIndex, el: Element): void {
  const { name, attribs } = el;
  if (attribs.itemprop === 'articleBody') index.itemprop.push(el);
  if (attribs.role === 'main') index.roleMain.push(el);
  switch (name) {
    case 'article': index.article.push(el); break;
    case 'main': index.main.push(el); break;
    case 'p': index.p.push(el); break;
    case 'body': index.body ??= el; break;
    case 'title': index.title ??= el; break;
    case 'meta':
      if (attribs.property === 'og:title') index.ogTitle ??= el;
      if (attribs.property === 'og:url') index.ogUrl ??= el;
      if (attribs.property === 'article:published_time' || attribs.name === 'article:published_time') index.publishedTime ??= el;
      break;
    case 'link': {
      const rel = attribs.rel;
      if (rel != null && rel.length >= 'canonical'.length && CANONICAL.test(rel)) index.canonical ??= el;
      break;
    }
    case 'time':
      if (Object.hasOwn(attribs, 'datetime') && attribs.datetime != null) index.time.push(el);
      break;
    case 'script': {
      const type = attribs.type;
      if (type != null && type.length === LD_JSON.length && type.toLowerCase() === LD_JSON) index.jsonLd.push(el);
      break;
    }
  }
}

/** True when `el` lies inside `ancestor` (not when it is `ancestor`). */
function inside(el: AnyNode, ancestor: AnyNode): boolean {
  for (let node = el.parent; node; node = node.parent) if (node === ancestor) return true;
  return false;
}

/** The article body: <article>, <main>, a marked-up body, or the densest run of paragraphs. */
function articleBody(index: PageIndex, root: AnyNode): AnyNode {
  // Like $(el).parents('nav, aside, footer, header'): the document itself is no ancestor.
  const outsideChrome = (el: Element): boolean => {
    for (let node = el.parent; node && node.type !== 'root'; node = node.parent) if (isTag(node) && CHROME.has(node.name)) return false;
    return true;
  };
  for (const candidates of [index.article, index.main, index.itemprop, index.roleMain]) {
    // Pages list teasers as <article> too: the story is the one with the most text.
    let best: Element | undefined;
    let bestLength = -1;
    for (const el of candidates) {
      if (!outsideChrome(el)) continue;
      const length = textLength(el);
      if (length > bestLength) [best, bestLength] = [el, length];
    }
    if (best) return candidates === index.article ? liveBlog(best, bestLength, candidates) ?? best : best;
  }
  const paragraphText = new Map<AnyNode, number>();
  for (const p of index.p) {
    if (p.parent) paragraphText.set(p.parent, (paragraphText.get(p.parent) ?? 0) + textLength(p));
  }
  let densest: AnyNode | undefined;
  let most = 0;
  for (const [parent, length] of paragraphText) if (length > most) [densest, most] = [parent, length];
  return densest ?? index.body ?? root;
}

/**
 * A live blog's posts are sibling <article>s of about one size: when the longest holds less
 * than half of its siblings' text, the body is their parent, so every post is read (a story
 * beside its short teasers keeps the story alone).
 */
function liveBlog(best: Element, bestLength: number, articles: readonly Element[]): AnyNode | null {
  const parent = best.parent;
  if (!parent) return null;
  let siblings = 0;
  let total = 0;
  for (const el of articles) {
    if (el.parent !== parent) continue;
    siblings++;
    total += el === best ? bestLength : textLength(el);
  }
  return siblings > 1 && bestLength * 2 < total ? parent : null;
}

/** An attribute's trimmed value as cheerio's .attr() gives it; undefined when missing or blank. */
function attribute(el: Element | undefined, name: string): string | undefined {
  const value = el && Object.hasOwn(el.attribs, name) ? el.attribs[name]?.trim() : undefined;
  return value === '' ? undefined : value;
}

/** datePublished in JSON-LD, searching nested objects and @graph arrays. */
function jsonLdDate(data: unknown, depth = 0): unknown {
  if (depth > 8 || typeof data !== 'object' || data === null) return undefined;
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = jsonLdDate(item, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const record = data as Record<string, unknown>;
  if (record.datePublished !== undefined) return record.datePublished;
  return jsonLdDate(Object.values(record), depth + 1);
}

function pageMeta(index: PageIndex, body: AnyNode): DocumentMeta {
  const meta: DocumentMeta = { dateSource: 'none' };
  const title = textOf(index.title).trim() || attribute(index.ogTitle, 'content');
  if (title) meta.title = title;
  const url = attribute(index.canonical, 'href') ?? attribute(index.ogUrl, 'content');
  if (url) meta.url = url;

  const candidates: (() => unknown)[] = [
    () => attribute(index.publishedTime, 'content'),
    () => index.time.find((el) => inside(el, body))?.attribs.datetime,
    () => {
      for (const script of index.jsonLd) {
        try {
          const found = jsonLdDate(JSON.parse(textOf(script)));
          if (found !== undefined) return found;
        } catch {
          // Broken JSON-LD is common and not the article's problem.
        }
      }
      return undefined;
    },
  ];
  for (const candidate of candidates) {
    const date = normalizeDate(candidate());
    if (date) return { ...meta, date, dateSource: 'html-meta' };
  }
  return meta;
}

export function loadHtml(path: string, original: string): Document {
  if (htmlHazard(original) !== undefined) return plainFallback(path, original, 'html', blankHtml(original));
  try {
    return parseHtml(path, original);
  } catch (error) {
    // Last resort for structure the parser cannot take (a stack overflow deep inside it).
    if (error instanceof RangeError) return plainFallback(path, original, 'html', blankHtml(original));
    throw error;
  }
}

function parseHtml(path: string, original: string): Document {
  // htmlparser2 in HTML mode (xmlMode: false) records every node's source start and end.
  const $ = load(original, { xml: { xmlMode: false, withStartIndices: true, withEndIndices: true } });
  // The document itself: $.root() would build a selection object around it for every page.
  const root: AnyNode = $._root;
  const index = indexPage(root);
  const builder = new TextBuilder(original, true);
  const body = articleBody(index, root);

  // An explicit stack, not recursion: 10,000 nested elements must not overflow the call stack.
  type Step = { node: AnyNode; heading: boolean } | (() => void);
  const stack: Step[] = [];
  const targets = new Map<string, { start: number; end: number }>();
  // Ordered-list items and the numbers the browser shows for them, by the item's text range.
  const numbering = new Map<AnyNode, string>();
  const numberedItems: { start: number; end: number; number: string }[] = [];
  const pushChildren = (parent: AnyNode, heading: boolean): void => {
    if (!('children' in parent)) return;
    for (let i = parent.children.length - 1; i >= 0; i--) stack.push({ node: parent.children[i]!, heading });
  };
  pushChildren(body, false);
  while (stack.length > 0) {
    const step = stack.pop()!;
    if (typeof step === 'function') {
      step();
      continue;
    }
    const { node, heading } = step;
    if (node.type === 'text') {
      if (node.startIndex !== null) builder.appendDecoded(node.data, node.startIndex, (node.endIndex ?? original.length - 1) + 1);
      continue;
    }
    if (node.type !== 'tag') continue;
    const name = node.name.toLowerCase();
    // Footers and captions are page furniture, but not a quotation's signature:
    // <blockquote>…<footer>— Name</footer>, <figure><blockquote>…</blockquote><figcaption>— Name</figcaption>.
    const attribution = builder.inside === 'quote' && (name === 'footer' || name === 'figcaption');
    if ((SKIPPED.has(name) && !attribution) || (!LANDMARKS.has(name) && isFurniture(node))) continue;
    // An embedded post (a tweet, an Instagram post) is the poster's words, shown, not the article's claims.
    if (name === 'blockquote' && node.attribs.class !== undefined && EMBEDDED_POST.test(node.attribs.class)) continue;
    // A Google Docs export's comments: the "[a]" marker in the text, and the comment itself at the end.
    if (name === 'a' && node.attribs.href?.startsWith('#cmnt')) continue;
    if (docsComment(node)) continue;
    // Where a "#id" link lands: the element's text, ended once its children are in (pushed first, run last).
    const id = node.attribs.id;
    if (id) {
      const start = builder.offset;
      stack.push(() => {
        if (!targets.has(id)) targets.set(id, { start, end: builder.offset });
      });
    }
    if (name === 'ol') numberItems(node, numbering);
    const number = name === 'li' ? numbering.get(node) : undefined;
    if (number !== undefined) {
      const start = builder.offset;
      stack.push(() => numberedItems.push({ start, end: builder.offset, number }));
    }
    if (name === 'br') {
      builder.lineBreak(node.startIndex ?? 0);
    } else if (BLOCKS.has(name) || attribution) {
      // A Google Docs export writes the title and subtitle as <p class="title">, <p class="subtitle">.
      const inner = heading || HEADINGS.has(name) || (name === 'p' && DOCS_TITLE.test(node.attribs.class ?? ''));
      const outside = builder.inside;
      builder.endBlock();
      builder.kind = inner ? 'heading' : 'paragraph';
      builder.inside = insideOf(node, name) ?? outside;
      stack.push(() => {
        builder.endBlock();
        builder.kind = heading ? 'heading' : 'paragraph';
        builder.inside = outside;
      });
      pushChildren(node, inner);
    } else if (name === 'a' && node.attribs.href !== undefined && bareFootnote(node) !== null) {
      // WordPress's and Substack's footnote numbers, "1" linking to its note, read as "[1]".
      const number = bareFootnote(node)!;
      const start = builder.offset;
      builder.bracketed(number.label, number.start, number.end);
      builder.links.push({ start, end: builder.offset, href: node.attribs.href.trim() });
    } else if (name === 'a' && node.attribs.href !== undefined) {
      const start = builder.offset;
      const href = unwrapRedirect(node.attribs.href.trim());
      stack.push(() => builder.links.push({ start, end: builder.offset, href }));
      pushChildren(node, heading);
    } else {
      pushChildren(node, heading);
    }
  }

  // Directives may sit anywhere in the file, not only in the article body.
  const directives: Directive[] = [];
  const position = (offset: number) => builder.map.positionOfOriginal(offset);
  for (const node of index.comments) {
    if (node.startIndex === null) continue;
    directives.push(...directivesInHtml(original.slice(node.startIndex, (node.endIndex ?? node.startIndex) + 1), node.startIndex, position));
  }

  const meta = pageMeta(index, body);
  const { text, blocks, links } = builder.finish();
  const listNumbers = new Map<number, string>();
  for (const { start, end, number } of numberedItems) {
    let at = start;
    while (at < end && isWhitespace(text[at]!)) at++;
    if (at < end && !listNumbers.has(at)) listNumbers.set(at, number);
  }
  return { path, format: 'html', original, text, blocks, links, directives, meta, map: builder.map, targets, listNumbers };
}

/** The blockquotes platforms' embed codes write, which their scripts turn into the post. */
const EMBEDDED_POST = /(?:^|\s)(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed|bluesky-embed|reddit-embed|text-post-media|mastodon-embed)(?:\s|$)/;

/**
 * A Google Docs export's comment: a paragraph or box that opens with its "[a]" link back to the
 * text, at most a few elements down (so deep nesting costs nothing).
 */
function docsComment(node: Element, depth = 0): boolean {
  const first = node.children.find((child) => child.type !== 'text' || child.data.trim() !== '');
  if (!first || !isTag(first)) return false;
  if (first.name.toLowerCase() === 'a') return first.attribs.href?.startsWith('#cmnt_ref') ?? false;
  return depth < 2 && (first.name.toLowerCase() === 'p' || first.name.toLowerCase() === 'span') && docsComment(first, depth + 1);
}

/**
 * A footnote's number as WordPress (`<sup class="fn"><a href="#id">1</a></sup>`) and Substack
 * (`<a class="footnote-anchor" href="#footnote-1">1</a>`) write it: a link to a place on the
 * page whose only text is the number, in a superscript or marked as a footnote.
 */
function bareFootnote(link: Element): { label: string; start: number; end: number } | null {
  const child = link.children.length === 1 ? link.children[0] : undefined;
  if (!child || child.type !== 'text' || child.startIndex === null || !link.attribs.href!.trim().startsWith('#')) return null;
  const number = /^(\s*)(\d{1,3})\s*$/.exec(child.data);
  if (!number) return null;
  const parent = link.parent;
  const marked = (parent !== null && isTag(parent) && parent.name.toLowerCase() === 'sup') || /footnote/i.test(link.attribs.class ?? '');
  if (!marked) return null;
  const start = child.startIndex + number[1]!.length;
  return { label: number[2]!, start, end: start + number[2]!.length };
}

/** What a block element makes of the blocks inside it: a list's items, a quotation (a figure holding one included), a table's cells. */
function insideOf(node: Element, name: string): Block['inside'] {
  if (name === 'blockquote') return 'quote';
  if (name === 'ul' || name === 'ol' || name === 'dl' || name === 'li') return 'list';
  if (name === 'figure' && node.children.some((child) => isTag(child) && child.name.toLowerCase() === 'blockquote')) return 'quote';
  if (name === 'table') return 'table';
  return undefined;
}

/**
 * The numbers an <ol> shows its items: from `start` (1 by default), a `value` resetting the
 * count, counting down when `reversed`.
 */
function numberItems(list: Element, numbering: Map<AnyNode, string>): void {
  const items = list.children.filter((child): child is Element => isTag(child) && child.name.toLowerCase() === 'li');
  const reversed = list.attribs.reversed !== undefined;
  const step = reversed ? -1 : 1;
  let next = integer(list.attribs.start) ?? (reversed ? items.length : 1);
  for (const item of items) {
    const value = integer(item.attribs.value);
    if (value !== null) next = value;
    numbering.set(item, String(next));
    next += step;
  }
}

function integer(attribute: string | undefined): number | null {
  return attribute !== undefined && /^\s*-?\d{1,9}\s*$/.test(attribute) ? Number(attribute) : null;
}
