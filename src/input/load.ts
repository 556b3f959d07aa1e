/**
 * Picks the loader for a file. The Markdown and HTML loaders are imported only when a file of
 * that format turns up: cheerio alone costs 140 ms+ of start-up, which a git hook checking one
 * plain-text file should not pay.
 */
import type { Document, Format } from './document.js';
import { loadText } from './text.js';

export function formatOf(path: string): Format {
  const dot = path.lastIndexOf('.');
  const extension = dot > path.lastIndexOf('/') ? path.slice(dot + 1).toLowerCase() : '';
  if (extension === 'md' || extension === 'markdown') return 'markdown';
  if (extension === 'html' || extension === 'htm') return 'html';
  return 'text';
}

/** The loader modules, imported once: an import() per file would cost more than a small file's loading. */
let markdownLoader: Promise<typeof import('./markdown.js')> | null = null;
let htmlLoader: Promise<typeof import('./html.js')> | null = null;

/** `original` is the decoded file text (see decodeBytes). */
export async function loadDocument(path: string, text: string, format: Format = formatOf(path)): Promise<Document> {
  // Text from stdin or an editor may still carry a BOM; lines and columns must not count it.
  const original = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  switch (format) {
    case 'markdown':
      return (await (markdownLoader ??= import('./markdown.js'))).loadMarkdown(path, original);
    case 'html':
      return (await (htmlLoader ??= import('./html.js'))).loadHtml(path, original);
    case 'text':
      return loadText(path, original);
  }
}
