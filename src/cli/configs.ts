/**
 * Which configuration applies to each checked file, and the checker built from it: the
 * nearest configuration file (or the one --config names), each loaded and validated once, each
 * distinct configuration one checker (its own rule settings, registry and date).
 */
import { dirname, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Checker, CheckOptions } from '../checker.js';
import type { RuleSettings } from '../engine/settings.js';
import type { Config } from '../config/load.js';
import { ConfigFinder } from '../config/find.js';
import type { Registry, RegistryData } from '../registry/registry.js';

export interface ConfigOptions {
  /** --config: this file for every checked file. */
  explicit: string | null;
  /** false with --no-config-lookup. */
  lookup: boolean;
  /** --rule: wins over the configuration's severities (its options stay). */
  cliSettings: RuleSettings;
  /** Everything else a checker takes from the command line. */
  checkOptions: Omit<CheckOptions, 'settings' | 'registry' | 'configDate'>;
}

/** Registries validated by an earlier run (--cache), by the configuration that names them. */
export interface RegistryStore {
  /** The registry as validated when the configuration and its registry files were as they are now, or null. */
  registryFor(config: Config): RegistryData | null;
  keepRegistry(config: Config, data: RegistryData): void;
}

export class ConfigResolver {
  private readonly finder = new ConfigFinder();
  registryStore: RegistryStore | null = null;
  private readonly loaded = new Map<string, Promise<Config>>();
  private readonly checkers = new Map<string, Promise<Checker>>();
  private readonly ignores = new Map<string, Ignore>();

  constructor(readonly options: ConfigOptions) {}

  /** The configuration for a file (absolute path), or null when there is none. */
  async configFor(file: string): Promise<Config | null> {
    return this.configAt(this.options.explicit ?? (this.options.lookup ? this.finder.find(dirname(file)) : null));
  }

  /** The configuration file at `path` (null: none), loaded once. */
  async configAt(path: string | null): Promise<Config | null> {
    if (path === null) return null;
    if (!this.loaded.has(path)) {
      // Loaded only when a configuration exists: the YAML parser and zod stay out of a plain run.
      this.loaded.set(path, Promise.all([import('../config/load.js'), import('../../rules/index.js')])
        .then(([{ loadConfig }, { builtinRules }]) => loadConfig(path, builtinRules)));
    }
    return this.loaded.get(path)!;
  }

  /** Whether the configuration's `ignore` patterns leave the file out. */
  isIgnored(config: Config | null, file: string): boolean {
    if (!config || config.ignore.length === 0) return false;
    const rel = relative(dirname(config.path), file).split(sep).join('/');
    if (rel === '' || rel.startsWith('..')) return false; // outside the configuration's folder (--config)
    if (!this.ignores.has(config.path)) this.ignores.set(config.path, ignore().add(config.ignore));
    return this.ignores.get(config.path)!.ignores(rel);
  }

  checkerFor(config: Config | null): Promise<Checker> {
    const key = config?.path ?? '';
    if (!this.checkers.has(key)) this.checkers.set(key, this.build(config));
    return this.checkers.get(key)!;
  }

  /** The engine, the rules and the registry load with the first checker: a --cache run may need none. */
  private async build(config: Config | null): Promise<Checker> {
    const { createChecker, defaultRegistry } = await import('../checker.js');
    const settings: RuleSettings = { ...config?.settings };
    for (const [id, setting] of Object.entries(this.options.cliSettings)) settings[id] = { ...settings[id], ...setting };
    let registry: Registry | undefined;
    if (config && config.registries.length > 0) {
      // A registry kept by --cache skips parsing and validating its files: a newsroom's 1,000
      // sources take longer than checking an article.
      let data = this.registryStore?.registryFor(config) ?? null;
      if (data === null) {
        const { loadRegistryFiles } = await import('../registry/load.js');
        data = loadRegistryFiles(config.registries, (await defaultRegistry()).data);
        this.registryStore?.keepRegistry(config, data);
      }
      registry = new (await import('../registry/registry.js')).Registry(data);
    }
    return createChecker({ ...this.options.checkOptions, settings, registry, configDate: config?.date ?? null });
  }
}
