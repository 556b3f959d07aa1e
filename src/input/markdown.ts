/**
 * Markdown articles: the mdast tree's paragraphs, headings, list items and block quotes are the
 * prose; code, HTML, images and front matter are not. Text nodes carry source positions, so the
 * offset map is exact even through escapes, entities and block-quote markers.
 */
import type { Nodes, Parent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { parse as parseYaml } from 'yaml';
import { normalizeDate } from './date.js';
import { directivesInHtml } from './directives.js';
import type { Directive, Document, DocumentMeta } from './document.js';
import { TextBuilder } from './text-builder.js';

/** `date` and `title` from YAML front matter; broken YAML is ignored, not fatal. */
function frontMatterMeta(yaml: string): DocumentMeta {
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch {
    return { dateSource: 'none' };
  }
  if (typeof data !== 'object' || data === null) return { dateSource: 'none' };
  const { date, title } = data as Record<string, unknown>;
  const iso = normalizeDate(date);
  const meta: DocumentMeta = iso ? { date: iso, dateSource: 'frontmatter' } : { dateSource: 'none' };
  if (typeof title === 'string' && title.trim() !== '') meta.title = title.trim();
  return meta;
}

export function loadMarkdown(path: string, original: string): Document {
  const tree: Root = fromMarkdown(original, {
    extensions: [frontmatter(['yaml'])],
    mdastExtensions: [frontmatterFromMarkdown(['yaml'])],
  });
  const builder = new TextBuilder(original, false);
  const directives: Directive[] = [];
  const definitions = new Map<string, string>();
  let meta: DocumentMeta = { dateSource: 'none' };
  const position = (offset: number) => builder.map.positionOfOriginal(offset);

  // Reference-style links need their definitions, which may come after them.
  const collect = (node: Nodes): void => {
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
    if ('children' in node) for (const child of node.children) collect(child);
  };
  collect(tree);

  /** Inline content of a block. */
  const inline = (parent: Parent): void => {
    for (const node of parent.children as Nodes[]) {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      switch (node.type) {
        case 'text':
          if (start !== undefined && end !== undefined) builder.appendDecoded(node.value, start, end);
          break;
        case 'break':
          builder.lineBreak(start ?? 0);
          break;
        case 'html':
          if (start !== undefined) directives.push(...directivesInHtml(original.slice(start, end), start, position));
          break;
        case 'link':
        case 'linkReference': {
          const href = node.type === 'link' ? node.url : definitions.get(node.identifier);
          const linkStart = builder.offset;
          inline(node);
          if (href !== undefined) builder.links.push({ start: linkStart, end: builder.offset, href });
          break;
        }
        default:
          // Emphasis and friends hold prose; inline code and images do not.
          if (node.type !== 'inlineCode' && 'children' in node) inline(node);
      }
    }
  };

  const block = (parent: Parent): void => {
    for (const node of parent.children as Nodes[]) {
      switch (node.type) {
        case 'paragraph':
        case 'heading':
        case 'tableCell': // only with a GFM extension, which citecheck does not load today
          builder.kind = node.type === 'heading' ? 'heading' : 'paragraph';
          inline(node);
          builder.endBlock();
          break;
        case 'yaml':
          meta = frontMatterMeta(node.value);
          break;
        case 'html': {
          const start = node.position?.start.offset;
          if (start !== undefined) directives.push(...directivesInHtml(original.slice(start, node.position?.end.offset), start, position));
          break;
        }
        default:
          // Containers (lists, items, quotes) hold blocks; code, definitions and rules do not.
          if (node.type !== 'code' && 'children' in node) block(node);
      }
    }
  };
  block(tree);

  const { text, blocks, links } = builder.finish();
  return { path, format: 'markdown', original, text, blocks, links, directives, meta, map: builder.map };
}
