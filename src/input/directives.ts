/**
 * Inline control comments (`citecheck-disable-next-line rule-a rule-b -- reason`), shared by the
 * plain-text, Markdown and HTML loaders so all three accept exactly the same grammar.
 */
import type { Directive } from './document.js';

const KINDS: Record<string, Directive['kind']> = {
  'citecheck-disable': 'disable',
  'citecheck-enable': 'enable',
  'citecheck-disable-line': 'disable-line',
  'citecheck-disable-next-line': 'disable-next-line',
};

/**
 * A rule id (`tertiary-source`, `plugin/rule`); anything else, such as a word with a full stop,
 * means the comment is prose.
 */
const RULE_ID = /^[A-Za-z0-9][\w/-]*$/;

/**
 * The directive in a comment's text (with or without its `<!-- -->` wrapper), or null when the
 * comment is not one: the keyword must come first and every following word must be a rule id,
 * so a comment that merely mentions citecheck-disable is left alone.
 */
export function directivesFromComment(comment: string, line: number, column: number): Directive | null {
  let body = comment.trim();
  if (body.startsWith('<!--') && body.endsWith('-->')) body = body.slice(4, -3).trim();
  // ESLint's convention: whitespace, two or more dashes, whitespace, then a free-text reason.
  const separator = /\s-{2,}(?:\s|$)/.exec(body);
  const head = separator ? body.slice(0, separator.index) : body;
  const reason = separator ? body.slice(separator.index + separator[0].length).trim() : '';
  const [keyword = '', ...ruleIds] = head.split(/[\s,]+/).filter((word) => word !== '');
  const kind = KINDS[keyword];
  if (kind === undefined || !ruleIds.every((id) => RULE_ID.test(id))) return null;
  const directive: Directive = { kind, ruleIds, line, column };
  if (reason !== '') directive.reason = reason;
  return directive;
}

/** Every directive in the HTML comments of `source`, which starts at original offset `offset`. */
export function directivesInHtml(source: string, offset: number, position: (offset: number) => { line: number; column: number }): Directive[] {
  const found: Directive[] = [];
  let open = source.indexOf('<!--');
  while (open >= 0) {
    const close = source.indexOf('-->', open + 4);
    if (close < 0) break;
    const { line, column } = position(offset + open);
    const directive = directivesFromComment(source.slice(open + 4, close), line, column);
    if (directive) found.push(directive);
    open = source.indexOf('<!--', close + 3);
  }
  return found;
}
