/**
 * Finds the configuration file that applies to a checked file: the nearest one from the file's
 * folder upward to the repository root. Cheap (file tests only, no YAML or zod), because it runs
 * on every start; loading is in load.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** In one folder, the first of these that exists wins. */
export const CONFIG_NAMES = [
  'citecheck.config.json', 'citecheck.config.yaml', 'citecheck.config.yml',
  '.citecheckrc', '.citecheckrc.json', '.citecheckrc.yaml', '.citecheckrc.yml',
  'package.json',
] as const;

/** The configuration file in `dir` itself, or null. A package.json counts only with a "citecheck" key. */
export function configFileIn(dir: string): string | null {
  for (const name of CONFIG_NAMES) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    if (name === 'package.json' && !hasCitecheckKey(path)) continue;
    return path;
  }
  return null;
}

function hasCitecheckKey(path: string): boolean {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return false; // unreadable: not our file to judge
  }
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && 'citecheck' in value;
  } catch {
    // Broken JSON that holds our key is our configuration, with an error to report (a trailing
    // comma must not drop the desk's rules without a word); without the key, not our file.
    return /"citecheck"\s*:/.test(text);
  }
}

/** Looks configuration files up, remembering every folder it has looked in. */
export class ConfigFinder {
  private readonly cache = new Map<string, string | null>();

  /** The nearest configuration file from `dir` up to the repository root (the filesystem root outside one). */
  find(dir: string): string | null {
    const visited: string[] = [];
    let found: string | null = null;
    for (let folder = resolve(dir); ; folder = dirname(folder)) {
      if (this.cache.has(folder)) { found = this.cache.get(folder)!; break; }
      visited.push(folder);
      found = configFileIn(folder);
      if (found || existsSync(join(folder, '.git')) || dirname(folder) === folder) break;
    }
    for (const folder of visited) this.cache.set(folder, found);
    return found;
  }
}
