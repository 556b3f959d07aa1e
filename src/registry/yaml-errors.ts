/**
 * Turns a zod failure on YAML or JSON input into lines a user can act on:
 * `file:line: key.path: problem`, the line found in the source text. Shared by the registry
 * and configuration loaders.
 */
import { LineCounter, parseDocument, isNode, type Document as YamlDocument } from 'yaml';
import type { ZodError } from 'zod';
import { InputError } from './input-error.js';

export { InputError };

export interface ParsedYaml {
  path: string;
  value: unknown;
  /** Line (1-based) of the node at a key path, or of the nearest ancestor that exists. */
  lineOf(keyPath: readonly PropertyKey[]): number;
}

/** Parses YAML (JSON is YAML too) keeping positions; a syntax error is an InputError. */
export function parseYaml(path: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc: YamlDocument = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(doc.errors.slice(0, 5).map((error) => {
      const line = lineCounter.linePos(error.pos[0]).line;
      return `${path}:${line}: ${error.message.split('\n')[0]}`;
    }));
  }
  return {
    path,
    value: doc.toJS({ maxAliasCount: 100 }) ?? {},
    lineOf(keyPath) {
      for (let depth = keyPath.length; depth >= 0; depth--) {
        const node = doc.getIn(keyPath.slice(0, depth) as unknown[], true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return 1;
    },
  };
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
