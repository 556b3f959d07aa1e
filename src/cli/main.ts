/**
 * The command line: the only place that touches the process, files, streams and exit codes.
 * Exit codes: 0 clean (warnings within --max-warnings), 1 errors or too many warnings,
 * 2 bad usage, configuration or registry, or nothing readable.
 */
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, basename } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import pc from 'picocolors';
import { closest, distance } from 'fastest-levenshtein';
import { createChecker, defaultRegistry, builtinRules } from '../index.js';
import { summarize, type FileError, type FileResult, type Results } from '../engine/results.js';
import type { Severity, SeveritySetting } from '../engine/finding.js';
import type { RuleSettings } from '../engine/settings.js';
import { packageRoot } from '../registry/builtin.js';
import { InputError } from '../registry/input-error.js';
import { formatResults, FORMATS, isFormatName, type FormatName } from '../report/index.js';
import { expandPaths } from './files.js';
import { formatLookup, lookup } from './lookup.js';
import { parseCount, parseDate, parseSize, UsageError } from './options.js';

export const VERSION = '0.1.0';

interface Streams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

interface CheckFlags {
  format: string;
  outputFile?: string;
  maxWarnings: number;
  quiet?: boolean;
  date?: string;
  stdinFilename?: string;
  maxFileSize?: number;
  color?: boolean;
  rule: string[];
  inlineConfig: boolean;
  reportUnusedDisableDirectives?: boolean;
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
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount('--max-warnings'), -1)
    .option('--quiet', 'report errors only')
    .option('--date <YYYY-MM-DD>', "the article's date, for titles and relative dates", parseDate)
    .option('--stdin-filename <name>', 'the name (and so the format) of standard input')
    .option('--max-file-size <size>', 'skip files larger than this (e.g. 10MB)', parseSize)
    .option('--rule <id=severity>', 'set a rule\'s severity (off, info, warning, error); repeatable', (value: string, all: string[]) => [...all, value], [] as string[])
    .option('--no-inline-config', 'ignore citecheck-disable comments in the articles')
    .option('--report-unused-disable-directives', 'report citecheck-disable comments that suppress nothing')
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
    .action((id: string) => {
      const rule = builtinRules.find((candidate) => candidate.meta.id === id);
      if (!rule) throw new UsageError(`unknown rule "${id}"${nearestRule(id)}; \`citecheck rules\` lists them`);
      streams.stdout.write(readFileSync(join(packageRoot(), 'rules', `${id}.md`), 'utf8'));
    });

  program.command('rules')
    .description('list the rules with their default severity and whether they fix')
    .action(() => {
      const width = Math.max(...builtinRules.map((rule) => rule.meta.id.length));
      for (const rule of builtinRules) {
        const { id, severity, fixable, description } = rule.meta;
        streams.stdout.write(`${id.padEnd(width)}  ${severity.padEnd(7)}  ${fixable ? 'fixable' : '       '}  ${description}\n`);
      }
    });

  program.command('sources')
    .argument('<query>', 'a name, alias, domain or URL')
    .description('look a source (or a person or office) up in the registries')
    .action(async (query: string) => {
      const registry = await defaultRegistry();
      const found = lookup(registry, query);
      if (found.sources.length + found.people.length + found.offices.length === 0) {
        const suggestions = registry.suggestSources(query);
        streams.stdout.write(`No source, person or office matches "${query}".${suggestions.length ? ` Did you mean ${suggestions.map((name) => `"${name}"`).join(' or ')}?` : ''}\n`);
        exitCode = 1;
        return;
      }
      streams.stdout.write(formatLookup(registry, found, colorFor(streams.stdout, undefined)));
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) { say(error.message); return 2; }
    if (error instanceof InputError) { for (const line of error.lines) say(line); return 2; }
    say(`internal error: ${(error as Error).message} (please report this with the input that caused it)`);
    if (process.env.CITECHECK_DEBUG) streams.stderr.write(`${(error as Error).stack}\n`);
    return 2;
  }
}

function nearestRule(id: string): string {
  const ids = builtinRules.map((rule) => rule.meta.id);
  const near = closest(id, ids);
  return distance(id, near) <= Math.max(3, id.length / 3) ? `; did you mean "${near}"?` : '';
}

function colorFor(stream: { isTTY?: boolean }, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if ('FORCE_COLOR' in process.env) return process.env.FORCE_COLOR !== '0' && process.env.FORCE_COLOR !== 'false';
  return Boolean(stream.isTTY) && process.env.TERM !== 'dumb';
}

const SEVERITY_SETTINGS = new Set(['off', 'info', 'warning', 'error']);

function ruleSettingsFrom(flags: string[]): RuleSettings {
  const settings: RuleSettings = {};
  for (const flag of flags) {
    const [id, severity] = flag.split('=');
    if (!id || !severity || !SEVERITY_SETTINGS.has(severity)) throw new UsageError(`--rule takes id=severity (off, info, warning or error), not "${flag}"`);
    if (!builtinRules.some((rule) => rule.meta.id === id)) throw new UsageError(`--rule: unknown rule "${id}"${nearestRule(id)}`);
    settings[id] = { severity: severity as SeveritySetting };
  }
  return settings;
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function runCheck(paths: string[], flags: CheckFlags, streams: Streams, cwd: string): Promise<number> {
  const say = (line: string) => streams.stderr.write(`citecheck: ${line}\n`);
  if (!isFormatName(flags.format)) throw new UsageError(`unknown format "${flags.format}"`);
  const settings = ruleSettingsFrom(flags.rule);
  const useStdin = paths.includes('-') || (paths.length === 0 && !streams.stdin.isTTY);
  if (paths.length === 0 && !useStdin) throw new UsageError('no files given: name files, folders or globs, or pipe an article in (citecheck --help)');

  const { files, problems } = await expandPaths(paths.filter((path) => path !== '-'), cwd);
  for (const problem of problems) say(problem);

  const checker = await createChecker({
    date: flags.date ?? null, settings, maxFileSize: flags.maxFileSize, inlineConfig: flags.inlineConfig,
    reportUnusedDirectives: flags.reportUnusedDisableDirectives ? 'warning' : null,
  });
  const results: FileResult[] = [];
  const errors: FileError[] = problems.map((message) => ({ path: message.split(':')[0]!, message }));
  const inputs = files.map((path) => ({ path: resolve(cwd, path), shown: path }));
  if (useStdin) {
    const text = await readStdin(streams.stdin);
    inputs.unshift({ path: flags.stdinFilename ?? '<stdin>', shown: flags.stdinFilename ?? '<stdin>', text } as never);
  }
  for (const input of inputs as { path: string; shown: string; text?: string }[]) {
    const outcome = await checker.checkInput(input.text === undefined ? input.path : { path: input.path, text: input.text });
    if ('error' in outcome) {
      const message = outcome.error.message.replace(input.path, input.shown);
      say(message);
      errors.push({ path: input.shown, message });
      continue;
    }
    for (const warning of outcome.warnings) say(warning.replace(input.path, input.shown));
    if (outcome.result.source.trim() === '') say(`${input.shown}: empty file, nothing to check`);
    const result = { ...outcome.result, path: input.shown };
    if (flags.quiet) result.findings = result.findings.filter((finding) => finding.severity === 'error');
    results.push(result);
  }

  const report: Results = { files: results, errors, summary: summarize(results) };
  const toFile = flags.outputFile !== undefined;
  const output = formatResults(flags.format as FormatName, report, {
    rules: builtinRules.map((rule) => rule.meta), cwd, color: !toFile && colorFor(streams.stdout, flags.color), toolVersion: VERSION,
  });
  if (toFile) writeAtomically(resolve(cwd, flags.outputFile!), output);
  else streams.stdout.write(output);

  if (results.length === 0) return 2;
  if (report.summary.errors > 0) return 1;
  if (flags.maxWarnings >= 0 && report.summary.warnings > flags.maxWarnings) {
    say(`${report.summary.warnings} warnings, more than --max-warnings ${flags.maxWarnings}`);
    return 1;
  }
  return 0;
}

/** Writes through a temporary file and a rename, so a reader never sees half a report. */
export function writeAtomically(path: string, content: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (error) {
    try { unlinkSync(temp); } catch { /* already gone */ }
    throw new UsageError(`cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

export type { Severity };
