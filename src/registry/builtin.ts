/**
 * The built-in registry. A build compiles `registry/**\/*.yaml` once, validated, into
 * `dist/registry.json`, so a run only parses JSON; running from source (tests) compiles the
 * YAML instead, which loads the yaml and zod modules.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NameIndex, RegistryData } from './registry.js';

/** The folder holding citecheck's package.json, from wherever this module was bundled to. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'registry'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('citecheck: cannot find its own package folder');
    dir = parent;
  }
}

/** The built-in registry's YAML files, in a stable order. */
export function builtinRegistryPaths(root = packageRoot()): string[] {
  const paths: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name)) paths.push(path);
    }
  };
  walk(join(root, 'registry'));
  return paths;
}

export const COMPILED_REGISTRY = 'dist/registry.json';

/**
 * JSON in ASCII, every other UTF-16 unit as a \u escape (JSON.parse gives back the same
 * strings): the compiled registry, read at every start, is read as Latin-1, one byte a
 * character with nothing to decode (~1.5 ms sooner than as UTF-8 here).
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The files the built-in registry is read from (what a cache of results depends on). */
export function builtinRegistryFiles(): string[] {
  const root = packageRoot();
  const compiled = join(root, COMPILED_REGISTRY);
  return existsSync(compiled) && !process.env.CITECHECK_REGISTRY_FROM_YAML ? [compiled] : builtinRegistryPaths(root);
}

/** The built-in registry's data, with its name index when read from the compiled JSON. */
export async function loadBuiltinRegistry(): Promise<{ data: RegistryData; nameIndex?: NameIndex }> {
  const root = packageRoot();
  const compiled = join(root, COMPILED_REGISTRY);
  if (existsSync(compiled) && !process.env.CITECHECK_REGISTRY_FROM_YAML) {
    const { nameIndex, ...data } = JSON.parse(readFileSync(compiled, 'latin1')) as RegistryData & { nameIndex: NameIndex };
    return { data, nameIndex };
  }
  const { loadRegistryFiles } = await import('./load.js');
  return { data: loadRegistryFiles(builtinRegistryPaths(root)) };
}
