/**
 * HTML articles: the article body only (never navigation, page chrome or scripts), its block
 * elements as blocks, with whitespace collapsed as a browser would. htmlparser2's start/end
 * indices give every text node's place in the source, so the offset map stays exact through
 * markup and character references.
 */
import { load, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { normalizeDate } from './date.js';
import { blankHtml, plainFallback } from './depth.js';
import { directivesInHtml } from './directives.js';
import type { Directive, Document, DocumentMeta } from './document.js';
import { TextBuilder } from './text-builder.js';

/** Never prose: page chrome, code, and things a reader does not read as the article. */
const SKIPPED = new Set([
  'nav', 'header', 'footer', 'aside', 'script', 'style', 'noscript', 'template', 'form', 'figcaption',
  'button', 'select', 'textarea', 'pre', 'code', 'svg', 'math', 'iframe', 'object', 'canvas', 'video',
  'audio', 'head', 'title', 'img',
]);

/** Elements that start and end a block; everything else flows into the enclosing block. */
const BLOCKS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'td', 'th', 'dd', 'dt', 'div', 'section',
  'article', 'main', 'ul', 'ol', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'figure',
  'address', 'details', 'summary', 'hr', 'body', 'center',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

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

/** The article body: <article>, <main>, a marked-up body, or the densest run of paragraphs. */
function articleBody($: CheerioAPI): AnyNode {
  const outsideChrome = (el: Element): boolean => $(el).parents('nav, aside, footer, header').length === 0;
  for (const selector of ['article', 'main', '[itemprop=articleBody]', '[role=main]'] as const) {
    const candidates = $(selector).toArray().filter(outsideChrome);
    // Pages list teasers as <article> too: the story is the one with the most text.
    let best: Element | undefined;
    let bestLength = -1;
    for (const el of candidates) {
      const length = textLength(el);
      if (length > bestLength) [best, bestLength] = [el, length];
    }
    if (best) return best;
  }
  const paragraphText = new Map<AnyNode, number>();
  $('p').each((_, p) => {
    if (p.parent) paragraphText.set(p.parent, (paragraphText.get(p.parent) ?? 0) + textLength(p));
  });
  let densest: AnyNode | undefined;
  let most = 0;
  for (const [parent, length] of paragraphText) if (length > most) [densest, most] = [parent, length];
  return densest ?? $('body')[0] ?? $.root()[0]!;
}

function content($: CheerioAPI, selector: string, attribute: string): string | undefined {
  const value = $(selector).first().attr(attribute)?.trim();
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

function pageMeta($: CheerioAPI, body: AnyNode): DocumentMeta {
  const meta: DocumentMeta = { dateSource: 'none' };
  const title = $('title').first().text().trim() || content($, 'meta[property="og:title"]', 'content');
  if (title) meta.title = title;
  const url = content($, 'link[rel~=canonical]', 'href') ?? content($, 'meta[property="og:url"]', 'content');
  if (url) meta.url = url;

  const candidates: (() => unknown)[] = [
    () => content($, 'meta[property="article:published_time"], meta[name="article:published_time"]', 'content'),
    () => $(body).find('time[datetime]').first().attr('datetime'),
    () => {
      for (const script of $('script[type="application/ld+json"]').toArray()) {
        try {
          const found = jsonLdDate(JSON.parse($(script).text()));
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
  const builder = new TextBuilder(original, true);
  const body = articleBody($);

  // An explicit stack, not recursion: 10,000 nested elements must not overflow the call stack.
  type Step = { node: AnyNode; heading: boolean } | (() => void);
  const stack: Step[] = [];
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
    if (SKIPPED.has(name)) continue;
    if (name === 'br') {
      builder.lineBreak(node.startIndex ?? 0);
    } else if (BLOCKS.has(name)) {
      const inner = heading || HEADINGS.has(name);
      builder.endBlock();
      builder.kind = inner ? 'heading' : 'paragraph';
      stack.push(() => {
        builder.endBlock();
        builder.kind = heading ? 'heading' : 'paragraph';
      });
      pushChildren(node, inner);
    } else if (name === 'a' && node.attribs.href !== undefined) {
      const start = builder.offset;
      const href = node.attribs.href.trim();
      stack.push(() => builder.links.push({ start, end: builder.offset, href }));
      pushChildren(node, heading);
    } else {
      pushChildren(node, heading);
    }
  }

  // Directives may sit anywhere in the file, not only in the article body.
  const directives: Directive[] = [];
  const position = (offset: number) => builder.map.positionOfOriginal(offset);
  const pending: AnyNode[] = [$.root()[0]!];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'comment' && node.startIndex !== null) {
      directives.push(...directivesInHtml(original.slice(node.startIndex, (node.endIndex ?? node.startIndex) + 1), node.startIndex, position));
    } else if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
    }
  }

  const meta = pageMeta($, body);
  const { text, blocks, links } = builder.finish();
  return { path, format: 'html', original, text, blocks, links, directives, meta, map: builder.map };
}
