/**
 * Markdown articles: the mdast tree's paragraphs, headings, list items and block quotes are the
 * prose; code, HTML, images and front matter are not. Text nodes carry source positions, so the
 * offset map is exact even through escapes, entities and block-quote markers.
 */
import type { Nodes, Parent, Root } from 'mdast';
import { blankMarkdown, frontMatterIn, hiddenByUnclosedComment, markdownHazard, plainFallback } from './depth.js';
import { directivesInHtml } from './directives.js';
import type { Block, Directive, Document, DocumentMeta } from './document.js';
import { frontMatterMeta } from './front-matter.js';
import { subsetMarkdownTree } from './markdown-subset.js';
import { isWhitespace, TextBuilder } from './text-builder.js';
import { unwrapRedirect } from './redirects.js';

export async function loadMarkdown(path: string, original: string): Promise<Document> {
  // micromark goes super-linear on some shapes (deep nesting, long `*` runs, unclosed
  // comments): those files are checked as plain text.
  const hazard = markdownHazard(original);
  let markdown = original;
  if (hazard !== undefined) {
    // A comment opened at a line's start and never closed is an HTML block that runs to the
    // end of the file (CommonMark): nothing after it is prose, and only what comes before is read.
    const hidden = hazard === 'too many unclosed comments' ? hiddenByUnclosedComment(original) : undefined;
    if (hidden === undefined || markdownHazard(original.slice(0, hidden)) !== undefined) return markdownAsPlainText(path, original);
    markdown = original.slice(0, hidden);
  }
  // Static-site generators' markup (Hugo's TOML front matter and shortcodes, MDX's import and
  // export lines) is no prose: blanked in place, so every offset still maps to the original.
  const site = siteMarkup(markdown);
  try {
    const doc = await parseMarkdown(path, original, site.markdown);
    return site.toml === null || doc.meta.dateSource !== 'none' ? doc : { ...doc, meta: await frontMatterMeta(tomlAsYaml(site.toml)) };
  } catch (error) {
    // Last resort for structure the parser cannot take (a stack overflow deep inside it).
    if (error instanceof RangeError) return markdownAsPlainText(path, original);
    throw error;
  }
}

/** Markdown checked as plain text, its markup and front matter blanked; the front matter still gives the date. */
async function markdownAsPlainText(path: string, original: string): Promise<Document> {
  const front = frontMatterIn(original);
  if (!front) return plainFallback(path, original, 'markdown', blankMarkdown(original));
  const blanked = original.slice(0, front.end).replace(/[^\r\n]/g, ' ') + original.slice(front.end);
  return { ...plainFallback(path, original, 'markdown', blankMarkdown(blanked)), meta: await frontMatterMeta(front.yaml) };
}

/** micromark, imported once, when a file first needs more than the subset parser reads. */
let fullParser: Promise<typeof import('./micromark.js')> | null = null;

/** `original` read as Markdown up to `markdown`'s end (a prefix of it; the rest is not prose). */
async function parseMarkdown(path: string, original: string, markdown: string): Promise<Document> {
  // Most articles use a small subset of Markdown that a linear hand-written parser reads
  // ~25x faster into the same tree; anything else goes to micromark.
  const tree: Root = subsetMarkdownTree(markdown) ?? (await (fullParser ??= import('./micromark.js'))).micromarkTree(markdown);
  const builder = new TextBuilder(original, false);
  const directives: Directive[] = [];
  const definitions = new Map<string, string>();
  let frontMatter: string | null = null;
  const position = (offset: number) => builder.map.positionOfOriginal(offset);

  // Explicit stacks, not recursion: deeply nested input must not overflow the call stack.
  // Reference-style links need their definitions, which may come after them.
  const pending: Nodes[] = [tree];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
    if ('children' in node) for (const child of node.children) pending.push(child);
  }

  /** An inline HTML `<a href>` whose `</a>` is still to come. */
  let openAnchor: { start: number; href: string } | null = null;
  /** Inline content of a block. */
  const inline = (root: Parent): void => {
    openAnchor = null;
    const stack: (Nodes | (() => void))[] = [];
    const pushChildren = (parent: Parent): void => {
      for (let i = parent.children.length - 1; i >= 0; i--) stack.push(parent.children[i] as Nodes);
    };
    pushChildren(root);
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (typeof node === 'function') {
        node();
        continue;
      }
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      switch (node.type) {
        case 'text':
          if (start !== undefined && end !== undefined) builder.appendDecoded(node.value, start, end);
          break;
        case 'break':
          builder.lineBreak(start ?? 0);
          break;
        case 'html': {
          if (start !== undefined) directives.push(...directivesInHtml(original.slice(start, end), start, position));
          // Inline HTML links, `<a href="…">Reuters reported</a>`: the text between the tags is the link's.
          const anchor = INLINE_ANCHOR.exec(node.value);
          if (anchor) openAnchor = { start: builder.offset, href: anchor[1] ?? anchor[2] ?? anchor[3]! };
          else if (openAnchor && /^<\/a\s*>$/i.test(node.value)) {
            builder.links.push({ start: openAnchor.start, end: builder.offset, href: unwrapRedirect(decodeAttribute(openAnchor.href)) });
            openAnchor = null;
          }
          break;
        }
        case 'link':
        case 'linkReference': {
          const href = node.type === 'link' ? node.url : definitions.get(node.identifier);
          const linkStart = builder.offset;
          if (href !== undefined) stack.push(() => builder.links.push({ start: linkStart, end: builder.offset, href: unwrapRedirect(href) }));
          pushChildren(node);
          break;
        }
        default:
          // Emphasis and friends hold prose; inline code and images do not.
          if (node.type !== 'inlineCode' && 'children' in node) pushChildren(node);
      }
    }
  };

  // Each block with the list or quote it is inside (the innermost), if any.
  const blocks: { node: Nodes; inside: Block['inside'] }[] = [];
  for (let i = tree.children.length - 1; i >= 0; i--) blocks.push({ node: tree.children[i]!, inside: undefined });
  while (blocks.length > 0) {
    const { node, inside } = blocks.pop()!;
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell': // only with a GFM extension, which citecheck does not load today
        builder.kind = node.type === 'heading' ? 'heading' : 'paragraph';
        builder.inside = inside;
        inline(node);
        builder.endBlock();
        break;
      case 'yaml':
        frontMatter = node.value;
        break;
      case 'html': {
        const start = node.position?.start.offset;
        if (start !== undefined) directives.push(...directivesInHtml(original.slice(start, node.position?.end.offset), start, position));
        break;
      }
      default:
        // Containers (lists, items, quotes) hold blocks; code, definitions and rules do not.
        if (node.type !== 'code' && 'children' in node) {
          const within = node.type === 'blockquote' ? 'quote' : node.type === 'list' ? 'list' : inside;
          for (let i = node.children.length - 1; i >= 0; i--) blocks.push({ node: node.children[i] as Nodes, inside: within });
        }
    }
  }

  const meta: DocumentMeta = frontMatter === null ? { dateSource: 'none' } : await frontMatterMeta(frontMatter);
  const { text, blocks: textBlocks, links } = builder.finish();
  return { path, format: 'markdown', original, text, blocks: splitPipeTables(text, textBlocks), links, directives, meta, map: builder.map };
}

/** A GFM table's delimiter row: "| --- | ---: |", "---|:---:" (no two runs of blanks side by side, so no backtracking). */
const DELIMITER_ROW = /^[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*(?:\|[ \t]*)?$/;

/**
 * GFM pipe tables, which remark reads as paragraphs without its GFM extension: each cell becomes
 * a block of its own inside the table, as an HTML table's cells are, so a row of figures is not
 * one long sentence. The delimiter row and the pipes are no prose.
 */
function splitPipeTables(text: string, blocks: Block[]): Block[] {
  if (!text.includes('|')) return blocks;
  const split: Block[] = [];
  for (const block of blocks) {
    // A table's first two rows are short: a block without a pipe and a break near its start is none.
    const head = text.slice(block.start, Math.min(block.end, block.start + 1024));
    if (!head.includes('|') || !head.includes('\n')) {
      split.push(block);
      continue;
    }
    const firstBreak = text.indexOf('\n', block.start);
    const secondBreak = firstBreak < 0 ? -1 : text.indexOf('\n', firstBreak + 1);
    const secondEnd = secondBreak < 0 || secondBreak > block.end ? block.end : secondBreak;
    const isTable = block.kind === 'paragraph' && firstBreak >= 0 && firstBreak < block.end && text.slice(block.start, firstBreak).includes('|')
      && DELIMITER_ROW.test(text.slice(firstBreak + 1, secondEnd));
    if (!isTable) {
      split.push(block);
      continue;
    }
    for (let lineStart = block.start; lineStart < block.end;) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0 || lineEnd > block.end) lineEnd = block.end;
      if (!DELIMITER_ROW.test(text.slice(lineStart, lineEnd))) {
        let cellStart = lineStart;
        for (let i = lineStart; i <= lineEnd; i++) {
          if (i < lineEnd && (text[i] !== '|' || text[i - 1] === '\\')) continue;
          let start = cellStart;
          let end = i;
          while (start < end && isWhitespace(text[start]!)) start++;
          while (end > start && isWhitespace(text[end - 1]!)) end--;
          if (end > start) split.push({ kind: 'paragraph', inside: 'table', start, end });
          cellStart = i + 1;
        }
      }
      lineStart = lineEnd + 1;
    }
  }
  return split;
}

/** Hugo's TOML front matter: "+++", some lines, "+++". */
const TOML_FRONT_MATTER = /^\+\+\+[ \t]*\r?\n([^]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/;
/** A Hugo shortcode: `{{< tweet user="x" id="1" >}}`, `{{% callout note %}}`, its closing tag. */
const SHORTCODE = /\{\{[<%][^\n]{0,400}?[%>]\}\}/g;
/** MDX's module lines: `import X from '…'`, `export const meta = …` (never a prose line that starts with "import"). */
const MDX_LINE = /^(?:import\s+(?:[\w$]+|\{[^}\n]*\}|\*\s+as\s+[\w$]+)(?:\s*,\s*\{[^}\n]*\})?\s+from\s+['"][^'"\n]+['"];?|export\s+(?:const|let|var|function|default)\b[^\n]*)[ \t]*$/gm;

const blank = (markup: string): string => markup.replace(/[^\r\n]/g, ' ');

/** The Markdown with Hugo's and MDX's markup blanked, and the TOML front matter's text if any. */
function siteMarkup(markdown: string): { markdown: string; toml: string | null } {
  let toml: string | null = null;
  let text = markdown;
  const front = markdown.startsWith('+++') ? TOML_FRONT_MATTER.exec(markdown) : null;
  if (front) {
    toml = front[1]!;
    text = blank(front[0]) + text.slice(front[0].length);
  }
  if (text.includes('{{')) text = text.replace(SHORTCODE, blank);
  if (text.includes('import') || text.includes('export')) text = text.replace(MDX_LINE, blank);
  return { markdown: text, toml };
}

/** The `date`, `title` and `publishDate` lines of TOML front matter, as the YAML front matter reader takes them. */
function tomlAsYaml(toml: string): string {
  const lines: string[] = [];
  for (const line of toml.split(/\r?\n/)) {
    const match = /^(date|title|publishDate)\s*=\s*(.+?)\s*$/.exec(line);
    if (match) lines.push(`${match[1] === 'publishDate' ? 'date' : match[1]}: ${match[2]}`);
  }
  return lines.join('\n');
}

/** An inline HTML link's opening tag and its address (quoted either way, or bare). */
const INLINE_ANCHOR = /^<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))[^>]*>$/i;

/** An attribute value's character references that addresses carry: `&amp;`. */
function decodeAttribute(value: string): string {
  return value.includes('&') ? value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'") : value;
}
