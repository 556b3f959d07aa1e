/**
 * Turns a zod failure on YAML or JSON input into lines a user can act on:
 * `file:line: key.path: problem`, the line found in the source text. Shared by the registry
 * and configuration loaders.
 */
import { createRequire } from 'node:module';
import { load as loadPlainYaml } from 'js-yaml';
import type { Document as YamlDocument, LineCounter } from 'yaml';
import type { ZodError } from 'zod';
import { InputError } from './input-error.js';

export { InputError };

export interface ParsedYaml {
  path: string;
  value: unknown;
  /** Line (1-based) of the node at a key path, or of the nearest ancestor that exists. */
  lineOf(keyPath: readonly PropertyKey[]): number;
}

/**
 * Parses YAML (JSON is YAML too); a syntax error is an InputError. Two readers share the work:
 * - js-yaml reads a plain file five times as fast as `yaml` does: a newsroom's registry of
 *   1,000 sources took 0.55 s of every run (a git hook's too) through `yaml`, 0.1 s through it.
 * - `yaml` reads what js-yaml might read otherwise (see MAYBE_READ_OTHERWISE) or rejects, so
 *   every error message is its own; and it finds a key's line, only when a message needs one.
 */
export function parseYaml(path: string, text: string): ParsedYaml {
  if (!leftToYaml(text)) {
    let value: unknown;
    try {
      value = loadPlainYaml(text);
    } catch {
      return parseWithPositions(path, text);
    }
    let positions: ReturnType<typeof yamlDocument> | null = null;
    return { path, value: value ?? {}, lineOf: (keyPath) => lineIn((positions ??= yamlDocument(text)), keyPath) };
  }
  return parseWithPositions(path, text);
}

/**
 * What the two readers take differently, so js-yaml leaves it to `yaml`: anchors and aliases
 * (`yaml` caps their expansion), tags and directives (js-yaml knows fewer tags, and a `%YAML 1.1`
 * directive changes what `yes` means to `yaml` only), a carriage return that ends a line alone,
 * an explicit key (`? k`), and an empty or null key (`: v`, `null: v`), which `yaml` names ""
 * and js-yaml "null", and rejects in some places js-yaml accepts.
 * test/fuzz/yaml-readers.test.ts holds the two readers to the same results on mutated registries.
 */
export function leftToYaml(text: string): boolean {
  return MAYBE_READ_OTHERWISE.test(text);
}
const MAYBE_READ_OTHERWISE = /(?:^|[\s,[{])[&*!]\S|^%|\r(?!\n)|(?:^[ \t-]*|[,[{][ \t]*)(?:\?(?=[ \t]|$)|(?:~|null|Null|NULL)?[ \t]*:(?=[\s,\]}]|$))/m;

function parseWithPositions(path: string, text: string): ParsedYaml {
  const positions = yamlDocument(text);
  const { doc, lineCounter } = positions;
  if (doc.errors.length > 0) {
    throw new InputError(doc.errors.slice(0, 5).map((error) => {
      const line = lineCounter.linePos(error.pos[0]).line;
      return `${path}:${line}: ${error.message.split('\n')[0]}`;
    }));
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias to no anchor, or aliases that would expand past the cap: `yaml` throws these
    // only when it builds the value, as plain errors.
    throw new InputError([`${path}:${aliasLine(positions)}: ${(error as Error).message}`]);
  }
  return { path, value: value ?? {}, lineOf: (keyPath) => lineIn(positions, keyPath) };
}

/** The line of the first alias to no anchor, else of the first alias. */
function aliasLine({ doc, lineCounter }: { doc: YamlDocument; lineCounter: LineCounter }): number {
  let first: number | undefined;
  let unresolved: number | undefined;
  yamlLibrary().visit(doc, {
    Alias(_, alias) {
      const start = alias.range?.[0] ?? 0;
      first ??= start;
      if (unresolved === undefined && alias.resolve(doc) === undefined) unresolved = start;
    },
  });
  const offset = unresolved ?? first;
  return offset === undefined ? 1 : lineCounter.linePos(offset).line;
}

/** `yaml` is loaded only for a file js-yaml leaves to it, or a message that needs a line. */
function yamlDocument(text: string): { doc: YamlDocument; lineCounter: LineCounter } {
  const yaml = yamlLibrary();
  const lineCounter = new yaml.LineCounter();
  // logLevel 'error': what `yaml` would only warn about (a mapping used as a key, stringified)
  // reaches the user as the schema's message, not as a Node warning on stderr.
  return { doc: yaml.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' }), lineCounter };
}

/**
 * Required, not imported: parseYaml is synchronous, and an import would load `yaml` with every
 * configuration js-yaml reads alone. (From node_modules, without the CLI's code cache for its
 * copy in dist/vendor/: only an odd or faulty file gets here.)
 */
function yamlLibrary(): typeof import('yaml') {
  return createRequire(import.meta.url)('yaml') as typeof import('yaml');
}

function lineIn({ doc, lineCounter }: { doc: YamlDocument; lineCounter: LineCounter }, keyPath: readonly PropertyKey[]): number {
  const { isNode } = yamlLibrary();
  for (let depth = keyPath.length; depth >= 0; depth--) {
    const node = doc.getIn(keyPath.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}

export function keyPathText(keyPath: readonly PropertyKey[]): string {
  return keyPath.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '') || '(top level)';
}

/** One line per zod issue, `file:line: key: problem`. */
export function describeZodError(parsed: ParsedYaml, error: ZodError, basePath: readonly PropertyKey[] = []): string[] {
  return error.issues.slice(0, 20).map((issue) => {
    const keyPath = [...basePath, ...issue.path];
    const keys = 'keys' in issue && Array.isArray(issue.keys) ? ` (${issue.keys.join(', ')})` : '';
    return `${parsed.path}:${parsed.lineOf(keyPath)}: ${keyPathText(keyPath)}: ${issue.message}${keys}`;
  });
}
