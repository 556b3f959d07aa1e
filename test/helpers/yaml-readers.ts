/**
 * For the tests of src/registry/yaml-errors.ts, which reads YAML with js-yaml where js-yaml
 * reads it as the `yaml` library does: the reference, and citecheck's reader, both reduced to a
 * value or 'error'.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { builtinRegistryPaths } from '../../src/registry/builtin.js';
import { InputError, parseYaml } from '../../src/registry/yaml-errors.js';

/** What the `yaml` library alone makes of a text: the reference the fast reader must match. */
export function reference(text: string): { value: unknown } | 'error' {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return 'error';
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }) ?? {} };
  } catch {
    return 'error'; // an alias to no anchor, or too many aliases
  }
}

/** What citecheck's reader makes of it: its value, or 'error' for an InputError. */
export function read(text: string): { value: unknown } | 'error' {
  try {
    return { value: parseYaml('x.yaml', text).value };
  } catch (error) {
    if (error instanceof InputError) return 'error';
    throw error;
  }
}

/** The built-in registry's YAML files. */
export const registryTexts = builtinRegistryPaths().map((path) => readFileSync(path, 'utf8'));
