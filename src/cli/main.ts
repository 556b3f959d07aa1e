/**
 * The command line: the only place that touches the process, files, streams and exit codes.
 * Exit codes: 0 clean (warnings within --max-warnings), 1 errors or too many warnings,
 * 2 bad usage, configuration or registry, or nothing readable. Never a stack trace.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Argument, Command, CommanderError, Option } from 'commander';
import { ConfigFinder, configFileIn } from '../config/find.js';
import { STARTER_NAME, starterConfig } from '../config/init.js';
import { FORMATS } from '../report/streams.js';
import { runCheck, colorFor, VERSION, type CheckFlags, type Streams } from './check.js';
import { installHook, uninstallHook } from './hook.js';
import { formatLookup, lookup } from './lookup.js';
import { parseDate, parseJobs, parseLimit, parseShard, parseSize, UsageError } from './options.js';
import { writeAtomically } from './write.js';
import type { Registry } from '../registry/registry.js';

export { VERSION, writeAtomically };

/** `registry import`: imported rows merged over the built-in registry and the --into file. */
async function importRegistry(path: string, shown: string, options: { from: 'wikipedia-rsp' | 'csv'; into?: string }, streams: Streams, cwd: string): Promise<number> {
  const { parse, stringify } = await import('../input/yaml.js');
  const { mergeImported, parseRspWikitext, parseSourceCsv } = await import('../registry/import.js');
  const { loadRegistryFiles } = await import('../registry/load.js');
  const { builtinRegistryPaths } = await import('../registry/builtin.js');
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch { throw new UsageError(`${shown}: cannot read`); }
  let rows;
  try { rows = options.from === 'csv' ? parseSourceCsv(text, shown) : parseRspWikitext(text); } catch (error) { throw new UsageError((error as Error).message); }
  const base = loadRegistryFiles(builtinRegistryPaths());
  const into = options.into ? resolve(cwd, options.into) : null;
  const local = into && existsSync(into) ? loadRegistryFiles([into], base) : base;
  const changed = mergeImported(rows, local.sources);
  if (!into) {
    streams.stdout.write(stringify({ sources: changed }));
    return 0;
  }
  // Keep the file's own entries (with their notes) and order; replace the changed ones, append the new.
  const own = existsSync(into) ? ((parse(readFileSync(into, 'utf8'), { logLevel: 'error' }) ?? {}) as { sources?: { id: string }[] }) : {};
  const byId = new Map(changed.map((source) => [source.id, source]));
  const sources = (own.sources ?? []).map((entry) => byId.get(entry.id) ?? entry);
  for (const source of changed) if (!sources.some((entry) => entry.id === source.id)) sources.push(source);
  writeAtomically(into, stringify({ ...own, sources }));
  loadRegistryFiles([into], base);
  streams.stdout.write(`${shown}: ${rows.length} rows imported; ${changed.length} entries updated or added in ${options.into}\n`);
  return 0;
}

/**
 * The registry a check in `cwd` uses: the built-in one, with the registry files of the
 * configuration found from `cwd` (or named by --config) merged over it, so `sources` answers as
 * the check would.
 */
async function configuredRegistry(cwd: string, explicit: string | undefined, lookupConfig: boolean): Promise<Registry> {
  const { defaultRegistry } = await import('../checker.js');
  const path = explicit !== undefined ? resolve(cwd, explicit) : lookupConfig ? new ConfigFinder().find(cwd) : null;
  if (path === null) return defaultRegistry();
  const [{ loadConfig }, { builtinRules }] = await Promise.all([import('../config/load.js'), import('../../rules/index.js')]);
  const config = await loadConfig(path, builtinRules);
  if (config.registries.length === 0) return defaultRegistry();
  const { loadRegistryFiles } = await import('../registry/load.js');
  return new (await import('../registry/registry.js')).Registry(loadRegistryFiles(config.registries, (await defaultRegistry()).data));
}

/** `sources --unknown`: every cited name that resolves to nothing, most cited first — a newsroom's to-do list. */
async function unknownSources(paths: string[], cwd: string, registry: Registry, say: (line: string) => void): Promise<string> {
  if (paths.length === 0) throw new UsageError('sources --unknown takes the articles to read: files, folders or globs');
  const { expandPaths } = await import('./files.js');
  const { createChecker } = await import('../checker.js');
  const { files, problems } = await expandPaths(paths, cwd);
  problems.forEach(say);
  if (files.length === 0) throw new UsageError('sources --unknown: no article could be read');
  const checker = await createChecker({ registry });
  const counts = new Map<string, number>();
  for (const path of files) {
    const outcome = await checker.checkInput(resolve(cwd, path));
    if ('error' in outcome) { say(outcome.error.message); continue; }
    for (const citation of outcome.result.citations) {
      if (citation.form === 'link' || citation.form === 'footnote') continue;
      for (const source of citation.sources) if (!source.sourceId && !source.primary) counts.set(source.name, (counts.get(source.name) ?? 0) + 1);
    }
  }
  const rows = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return rows.length === 0 ? 'Every cited source is in the registry.\n' : rows.map(([name, count]) => `${String(count).padStart(5)}  ${name}\n`).join('');
}

/** Runs citecheck with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[], streams: Streams = process, cwd = process.cwd()): Promise<number> {
  let exitCode = 0;
  const say = (line: string) => streams.stderr.write(`citecheck: ${line}\n`);
  const program = new Command('citecheck')
    .description('Checks the sources and attributions of news articles (plain text, Markdown, HTML) and reports problems like a linter.')
    .version(VERSION, '-v, --version')
    .argument('[paths...]', 'files, folders or globs to check; - reads standard input')
    .addOption(new Option('-f, --format <name>', 'output format').choices([...FORMATS]).default('stylish'))
    .option('-o, --output-file <path>', 'write the report to a file instead of standard output')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (-1: no limit)', parseLimit('--max-warnings'), -1)
    .option('--quiet', 'report errors only')
    .option('--date <YYYY-MM-DD>', "the article's date, for titles and relative dates", parseDate)
    .option('--stdin-filename <name>', 'the name (and so the format) of standard input')
    .option('--max-file-size <size>', 'skip files larger than this (e.g. 10MB)', parseSize)
    .option('-c, --config <path>', 'use this configuration file for every file (no lookup)')
    .option('--no-config-lookup', 'ignore configuration files')
    .option('--rule <id=severity>', 'set a rule\'s severity (off, info, warning, error); repeatable', (value: string, all: string[]) => [...all, value], [] as string[])
    .option('--no-inline-config', 'ignore citecheck-disable comments in the articles')
    .option('--report-unused-disable-directives', 'report citecheck-disable comments that suppress nothing')
    .option('--staged', 'check the staged content of staged files (for a pre-commit hook)')
    .option('--shard <i/n>', 'check only shard i of n (split an archive across CI jobs)', parseShard)
    .option('-j, --jobs <n|auto>', 'check files in n threads ("auto": one for every 2 cores and 200 files)', parseJobs)
    .option('--cache', 'reuse the results of files unchanged since the last --cache run')
    .option('--cache-location <path>', `where --cache keeps its file (default: ${'.citecheckcache'} in the current folder)`)
    .option('--fix', 'apply the fixes of fixable problems to the files')
    .option('--fix-dry-run', 'show the fixes without writing them (JSON: an "output" field per file)')
    .option('--color', 'force colored output')
    .option('--no-color', 'never color the output')
    .showHelpAfterError('(run citecheck --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => streams.stdout.write(text), writeErr: (text) => streams.stderr.write(text) })
    .action(async (paths: string[], flags: CheckFlags) => {
      exitCode = await runCheck(paths, flags, streams, cwd);
    });

  program.command('explain')
    .argument('<rule>', 'a rule id, e.g. tertiary-source')
    .description("print a rule's documentation")
    .action(async (id: string) => { streams.stdout.write((await import('./rules.js')).explainRule(id)); });

  program.command('rules')
    .description('list the rules with their default severity and whether they fix')
    .action(async () => { streams.stdout.write((await import('./rules.js')).listRules()); });

  program.command('sources')
    .argument('[query...]', 'a name, alias, domain or URL; with --unknown, the articles to read')
    .option('--unknown', 'list every cited name the registry does not know in these articles, with counts')
    .description('look a source (or a person or office) up in the registries a check here uses (-c and --no-config-lookup apply)')
    .action(async (words: string[], options: { unknown?: boolean }) => {
      // The command's own -c and --no-config-lookup, wherever they stand on the line.
      const { config, configLookup } = program.opts<{ config?: string; configLookup: boolean }>();
      const registry = await configuredRegistry(cwd, config, configLookup);
      if (options.unknown) {
        streams.stdout.write(await unknownSources(words, cwd, registry, say));
        return;
      }
      const query = words.join(' ');
      if (!query) throw new UsageError('sources takes a name, alias, domain or URL (or --unknown <files…>)');
      const found = lookup(registry, query);
      if (found.sources.length + found.people.length + found.offices.length === 0) {
        const suggestions = registry.suggestSources(query);
        streams.stdout.write(`No source, person or office matches "${query}".${suggestions.length ? ` Did you mean ${suggestions.map((name) => `"${name}"`).join(' or ')}?` : ''}\n`);
        exitCode = 1;
        return;
      }
      streams.stdout.write(formatLookup(registry, found, colorFor(streams.stdout, undefined)));
    });

  const registryCommand = program.command('registry').description('work with registry files');
  registryCommand.command('import')
    .argument('<file>', "the list to import: the wikitext of Wikipedia's perennial-sources table, or a CSV")
    .addOption(new Option('--from <kind>', 'what the file is').choices(['wikipedia-rsp', 'csv']).makeOptionMandatory())
    .option('--into <registry.yaml>', 'a registry file of your own to merge into (written in place); otherwise YAML goes to standard output')
    .description('turn a public or newsroom list of sources into registry YAML, keeping local notes')
    .action(async (file: string, options: { from: 'wikipedia-rsp' | 'csv'; into?: string }) => {
      exitCode = await importRegistry(resolve(cwd, file), file, options, streams, cwd);
    });
  registryCommand.command('validate')
    .argument('[files...]', "registry files of your own (merged over the built-in registry); none: the built-in registry's YAML")
    .description('validate registry files: schema, names and domains claimed twice, office holders out of order')
    .action(async (files: string[]) => {
      const { loadRegistryFiles } = await import('../registry/load.js');
      const { builtinRegistryPaths } = await import('../registry/builtin.js');
      const base = files.length > 0 ? loadRegistryFiles(builtinRegistryPaths()) : undefined;
      const data = loadRegistryFiles(files.length > 0 ? files.map((file) => resolve(cwd, file)) : builtinRegistryPaths(), base);
      streams.stdout.write(`valid: ${data.sources.length} sources, ${data.people.length} people, ${data.offices.length} offices, ${data.events.length} events\n`);
    });

  program.command('init')
    .description(`write a commented starter configuration (${STARTER_NAME}) in the current folder`)
    .action(async () => {
      const target = resolve(cwd, STARTER_NAME);
      const existing = existsSync(target) ? target : configFileIn(cwd);
      if (existing) throw new UsageError(`${existing} already configures citecheck here; not overwriting it`);
      writeAtomically(target, starterConfig((await import('../../rules/index.js')).builtinRules));
      streams.stdout.write(`Wrote ${STARTER_NAME}. Edit it, then run citecheck on your articles.\n`);
    });

  program.command('hook')
    .addArgument(new Argument('<action>', 'install or uninstall the git pre-commit hook').choices(['install', 'uninstall']))
    .description('install (or remove) a git pre-commit hook that checks staged articles')
    .action((action: string) => {
      streams.stdout.write(`${action === 'install' ? installHook(cwd) : uninstallHook(cwd)}\n`);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) { say(error.message); return 2; }
    const lines = inputErrorLines(error);
    if (lines) { for (const line of lines) say(line); return 2; }
    say(`internal error: ${(error as Error).message} (please report this with the input that caused it)`);
    if (process.env.CITECHECK_DEBUG) streams.stderr.write(`${(error as Error).stack}\n`);
    return 2;
  }
}

/**
 * The `file:line: key: problem` lines of a configuration or registry error. Recognised by name:
 * importing the InputError class would load the YAML parser on every start.
 */
function inputErrorLines(error: unknown): string[] | null {
  const lines = (error as { lines?: unknown } | null)?.lines;
  return error instanceof Error && error.name === 'InputError' && Array.isArray(lines) ? lines as string[] : null;
}

