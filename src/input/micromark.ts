/**
 * micromark's full CommonMark parse (with YAML front matter), for the Markdown the subset
 * parser leaves to it. Imported only then: most articles never need it, and with its entity
 * tables it is most of what loading the Markdown reader costs at start.
 */
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';

export function micromarkTree(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] });
}
