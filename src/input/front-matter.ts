/**
 * `date` and `title` from a Markdown file's YAML front matter. Nearly every front matter is a
 * few `key: value` lines; those are read here directly, since a full YAML parse costs far more
 * than the rest of loading such a file (and the YAML library is then never loaded). Anything
 * else (nesting, lists, comments, escapes, repeated keys…) goes to the YAML parser, which
 * decides as before.
 */
import { normalizeDate } from './date.js';
import type { DocumentMeta } from './document.js';

/** Non-ASCII characters YAML prints as they are (no line or paragraph separator, no byte-order mark), or a surrogate pair. */
const WIDE = '[\\u00a0-\\u2027\\u202a-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd]|[\\ud800-\\udbff][\\udc00-\\udfff]';
/**
 * One `key: value` line that every YAML reading agrees on: a plain key, then a plain scalar
 * that starts with a letter or digit and holds no comment, flow bracket or ": ", or a quoted
 * scalar with no escape or quote inside. Tabs, control characters and anything else go to the
 * parser.
 */
const SIMPLE_LINE = new RegExp(
  '^([A-Za-z_][A-Za-z0-9_-]{0,63}): +(?:'
  + `((?:[A-Za-z0-9]|${WIDE})(?:[A-Za-z0-9 ._/+,()'"!?;&@%=*-]|:(?=[A-Za-z0-9])|${WIDE})*)`
  + `|"((?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|${WIDE})*)"`
  + `|'((?:[\\x20-\\x26\\x28-\\x7e]|${WIDE})*)'`
  + ')$',
);
/** Keys YAML reads as null or a boolean, and the one a JavaScript object cannot hold plainly. */
const SPECIAL_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);
/** Plain scalars the YAML 1.2 core schema reads as null, booleans or numbers rather than strings. */
const NOT_A_STRING = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?(?:\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;

/**
 * The front matter's strings as the YAML parser reads them (other scalars as null), for
 * `key: value` lines only; undefined for anything else.
 */
export function simpleFrontMatter(yaml: string): Record<string, unknown> | undefined {
  if (yaml === '') return undefined;
  const data: Record<string, unknown> = {};
  const keys = new Set<string>();
  for (const line of yaml.split('\n')) {
    const match = SIMPLE_LINE.exec(withoutTrailingSpaces(line));
    if (!match) return undefined;
    const [, key, plain, doubleQuoted, singleQuoted] = match as unknown as [string, string, string | undefined, string | undefined, string | undefined];
    if (SPECIAL_KEYS.has(key) || keys.has(key)) return undefined;
    keys.add(key);
    if (plain !== undefined) data[key] = NOT_A_STRING.test(plain) ? null : plain;
    else data[key] = doubleQuoted ?? singleQuoted;
  }
  return data;
}

/** `date` and `title` from YAML front matter; broken YAML is ignored, not fatal. */
export async function frontMatterMeta(yaml: string): Promise<DocumentMeta> {
  let data: unknown = simpleFrontMatter(yaml);
  if (data === undefined) {
    // The YAML library is loaded only for front matter the line reader leaves to it.
    const { parse } = await import('./yaml.js');
    try {
      // logLevel 'error': an article's odd front matter never puts a Node warning on stderr.
      data = parse(yaml, { logLevel: 'error' });
    } catch {
      return { dateSource: 'none', problem: 'front matter is not valid YAML, so its date and title were not read' };
    }
  }
  if (typeof data !== 'object' || data === null) return { dateSource: 'none' };
  const { date, title } = data as Record<string, unknown>;
  const iso = normalizeDate(date);
  const meta: DocumentMeta = iso ? { date: iso, dateSource: 'frontmatter' } : { dateSource: 'none' };
  if (!iso && date !== undefined && date !== null && date !== '') {
    meta.problem = `front matter date ${JSON.stringify(date instanceof Date ? date.toISOString() : String(date))} is not a calendar date, so the article was checked without a date`;
  }
  if (typeof title === 'string' && title.trim() !== '') meta.title = title.trim();
  return meta;
}

/** Trailing spaces end no value; cut in a loop, as a regex would backtrack over a long run of them. */
function withoutTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 32) end--;
  return line.slice(0, end);
}
