/**
 * The default command: check files, folders, globs, standard input or the staged content of a
 * git commit; optionally fix; report; and decide the exit code.
 */
import { realpathSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { Config } from '../config/load.js';
import type { SeveritySetting } from '../engine/finding.js';
import { emptySummary, mergeSummary, type FileError, type FileResult } from '../engine/results.js';
import { SECTIONED_ABOVE } from '../engine/sections.js';
import type { RuleSettings } from '../engine/settings.js';
import { isFormatName, reportStream, type StreamContext } from '../report/streams.js';
import { plural } from '../report/common.js';
import { DEFAULT_MAX_FILE_SIZE } from '../input/read.js';
import { readTarget, reportFile, reportLargeFile, type FileFlags, type FileReport, type Target } from './check-file.js';
import { ConfigResolver } from './configs.js';
import { ARTICLE_EXTENSIONS, absolutePath, expandPaths, ignoreFilterFor } from './files.js';
import { blobContents, gitRoot, stagedFiles, type StagedFile } from './git.js';
import { autoThreads, UsageError, type Shard } from './options.js';
import { AtomicFile, Utf8Output } from './write.js';

export interface Streams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

export interface CheckFlags {
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
  config?: string;
  configLookup: boolean;
  staged?: boolean;
  shard?: Shard;
  fix?: boolean;
  fixDryRun?: boolean;
  jobs?: number | 'auto';
  cache?: boolean;
  cacheLocation?: string;
}

interface Selected {
  target: Target;
  config: Config | null;
}

/** A file being checked, and whether it is done (so the loop never waits on it needlessly). */
interface InFlight {
  done: boolean;
  value?: FileReport | Large;
  settled: Promise<void>;
}

function launch(work: Promise<FileReport | Large>): InFlight {
  const entry: InFlight = { done: false, settled: Promise.resolve() };
  entry.settled = work.then((value) => { entry.value = value; entry.done = true; });
  return entry;
}

/** A very large file, left for its turn in the report (engine/sections.ts). */
interface Large {
  large: Selected;
  bytes?: Uint8Array;
}

export const VERSION = '0.1.0';
/** --jobs starts threads only for at least this many files. */
const MIN_FILES_FOR_JOBS = 8;
/** --cache reads files up to this size into one reused buffer. */
const SCRATCH_SIZE = 1 << 16;
/** More files than this, on a terminal and not in CI, get a progress line. */
const PROGRESS_THRESHOLD = 20;
const SEVERITY_SETTINGS = new Set(['off', 'info', 'warning', 'error']);

export async function runCheck(paths: string[], flags: CheckFlags, streams: Streams, cwd: string): Promise<number> {
  const progress = new Progress(streams.stderr);
  const say = (line: string) => { progress.clear(); streams.stderr.write(`citecheck: ${line}\n`); };
  if (!isFormatName(flags.format)) throw new UsageError(`unknown format "${flags.format}"`);
  if (flags.fix && flags.fixDryRun) throw new UsageError('--fix writes the fixes, --fix-dry-run only shows them: choose one');
  const cliSettings = await ruleSettingsFrom(flags.rule);
  const useStdin = !flags.staged && (paths.includes('-') || (paths.length === 0 && !streams.stdin.isTTY));
  if (flags.staged && paths.includes('-')) throw new UsageError('--staged reads the git index, not standard input');
  if (useStdin && flags.fix) throw new UsageError('--fix cannot write back to standard input; use --fix-dry-run');
  if (useStdin && flags.shard) throw new UsageError('--shard splits files, not standard input');
  if (paths.length === 0 && !useStdin && !flags.staged) throw new UsageError('no files given: name files, folders or globs, or pipe an article in (citecheck --help)');

  const named = paths.filter((path) => path !== '-');
  const { targets, problems } = flags.staged ? stagedTargets(named, cwd, flags.maxFileSize ?? DEFAULT_MAX_FILE_SIZE) : await fileTargets(named, cwd);
  for (const problem of problems) say(problem);
  const errors: FileError[] = problems.map((message) => ({ path: message.split(':')[0]!, message }));
  if (useStdin) {
    const name = flags.stdinFilename ?? '<stdin>';
    targets.unshift({ path: name, shown: name, explicit: true, source: { kind: 'stdin', bytes: await readStdin(streams.stdin) } });
  }

  // Every configuration is read before any file is checked, so a bad one fails the run at once.
  const resolver = new ConfigResolver({
    explicit: flags.config === undefined ? null : resolve(cwd, flags.config),
    lookup: flags.configLookup,
    cliSettings,
    checkOptions: {
      date: flags.date ?? null, maxFileSize: flags.maxFileSize, inlineConfig: flags.inlineConfig,
      reportUnusedDirectives: flags.reportUnusedDisableDirectives ? 'warning' : null,
    },
  });
  let selected: Selected[] = [];
  // A file named on the command line (or standard input's --stdin-filename, or a staged file) is
  // checked even when .gitignore leaves it out of walks, but not when .citecheckignore names it:
  // that file is the desk's own list of what citecheck never checks.
  let citecheckIgnored: ((path: string) => boolean) | null = null;
  for (const target of targets) {
    const path = target.source.kind === 'stdin' ? resolve(cwd, target.path) : target.path;
    const config = await resolver.configFor(path);
    if (target.source.kind !== 'stdin' && resolver.isIgnored(config, target.path)) {
      if (target.explicit) say(`${target.shown}: ignored by the "ignore" patterns of ${relative(cwd, config!.path) || config!.path}`);
      continue;
    }
    if (target.explicit && (citecheckIgnored ??= ignoreFilterFor(cwd, cwd, ['.citecheckignore']))(path)) {
      say(`${target.shown}: ignored by .citecheckignore`);
      continue;
    }
    selected.push({ target, config });
  }
  if (flags.shard) selected = shardOf(selected, flags.shard);
  const toFile = flags.outputFile !== undefined;
  const context: StreamContext = {
    cwd, color: !toFile && colorFor(streams.stdout, flags.color), toolVersion: VERSION,
  };
  const format = flags.format;
  const fileFlags: FileFlags = { quiet: flags.quiet, fix: flags.fix, fixDryRun: flags.fixDryRun };
  // Fixing rewrites files, so a fixing run neither reads nor fills the cache.
  const cache = flags.cache && !flags.fix && !flags.fixDryRun
    // resolve() drops a trailing separator, which says "a folder" ("--cache-location .cache/").
    ? await openCache(resolve(cwd, flags.cacheLocation ?? '.') + (/[\\/]$/.test(flags.cacheLocation ?? '') ? sep : ''), {
      version: VERSION, format, cwd, color: context.color, flags: fileFlags, date: flags.date, rule: flags.rule, inlineConfig: flags.inlineConfig,
      reportUnused: flags.reportUnusedDisableDirectives, maxFileSize: flags.maxFileSize, configLookup: flags.configLookup, config: flags.config,
    })
    : null;
  // The cache also keeps each configuration's registry as validated last time.
  if (cache) resolver.registryStore = cache;

  // Likewise the registry files the configurations name. (The built-in registry, checked at
  // build time, loads when a file needs checking: a --cache run may need none.)
  for (const { config } of selected) if (config && config.registries.length > 0) await resolver.checkerFor(config);

  // Formats whose parts depend on one file each are written as the files are checked, so an
  // archive's results are never all held at once; the others get every result at the end.
  const stream = reportStream(format, context);
  const out = toFile ? new AtomicFile(resolve(cwd, flags.outputFile!)) : null;
  /** Writes report bytes; true when they are written out already (not queued), as on Linux. */
  const writeOut = (bytes: Uint8Array): boolean => {
    streams.stdout.write(bytes);
    return (streams.stdout as { writableLength?: number }).writableLength === 0;
  };
  // A terminal shows each file's part as it comes; a file or pipe gets them gathered.
  const stdout = new Utf8Output(writeOut, streams.stdout.isTTY !== true);
  const write = (text: string | Uint8Array): boolean => {
    if (text.length === 0) return true;
    if (out) {
      out.write(text);
      return true;
    }
    progress.clear();
    return typeof text === 'string' ? stdout.text(text) : stdout.bytes(text);
  };
  const summary = emptySummary();
  const held: FileResult[] = [];
  const deliver = async (pending: FileReport | Large) => {
    const file = 'large' in pending ? await checkLarge(pending.large, pending.bytes) : pending;
    for (const message of file.messages) say(message);
    if (file.error) errors.push(file.error);
    if (!file.summary) return; // not checked at all
    if (file.part !== undefined) {
      if (summary.files > 0) write(stream!.separator);
      if (typeof file.part === 'function') file.part(write);
      else write(file.part);
    } else if (file.result) {
      held.push(file.result);
    }
    mergeSummary(summary, file.summary);
  };

  // Threads only pay off on more than a few files: each starts by loading citecheck anew. The
  // main thread is one of them: it checks a file whenever no worker has room for it.
  const threads = flags.jobs === 'auto' ? autoThreads(selected.length) : Math.min(flags.jobs ?? 1, selected.length);
  const pool = threads > 1 && selected.length >= MIN_FILES_FOR_JOBS
    ? new (await import('./jobs.js')).WorkerPool(threads - 1, {
      resolver: { explicit: resolver.options.explicit, lookup: resolver.options.lookup, cliSettings, checkOptions: resolver.options.checkOptions },
      flags: fileFlags, maxFileSize: flags.maxFileSize, format, context: { cwd, color: context.color, toolVersion: VERSION },
    })
    : null;

  // A very large file is checked in sections, on this thread, when its turn comes: its report
  // is written as the sections come, never held whole, and never cached.
  const sectioning = stream !== null && !flags.fix && !flags.fixDryRun;
  const checkLarge = async ({ target, config }: Selected, read?: Uint8Array): Promise<FileReport> => {
    const bytes = read ?? readTarget(target, flags.maxFileSize);
    const checker = await resolver.checkerFor(config);
    if ('error' in bytes) return reportFile(target, bytes, checker, fileFlags, stream);
    let first = true;
    const writePart = (text: string | Uint8Array) => {
      if (first && summary.files > 0) write(stream!.separator);
      first = false;
      return write(text);
    };
    return await reportLargeFile(target, bytes, checker, fileFlags, stream!, writePart) ?? reportFile(target, bytes, checker, fileFlags, stream);
  };

  let started = 0;
  /**
   * What a --cache run reads files into: a run of hits then only hashes them, and allocates no
   * memory for each (thousands of small buffers cost more in collections than the reading).
   */
  const scratch = cache ? Buffer.allocUnsafeSlow(SCRATCH_SIZE) : undefined;
  const start = async ({ target, config }: Selected, toWorker: boolean): Promise<FileReport | Large> => {
    const id = started++;
    progress.update(id, target.shown);
    const cacheable = cache !== null && target.source.kind !== 'stdin';
    // Worker threads read their own files; then only the size is needed here.
    let bytes = cacheable || !toWorker ? readTarget(target, flags.maxFileSize, scratch) : undefined;
    const size = bytes === undefined ? sizeOf(target.path) : 'error' in bytes ? 0 : bytes.length;
    if (sectioning && target.source.kind === 'file' && size > SECTIONED_ABOVE) return { large: { target, config }, bytes: bytes as Uint8Array | undefined };
    const key = cacheable && bytes && !('error' in bytes) ? cache.keyFor(bytes, config, target.shown) : null;
    const hit = key ? cache!.get(target.path, key) : null;
    if (hit) return hit;
    // The next file is read into the same scratch buffer: a file to check keeps its own copy.
    if (bytes instanceof Uint8Array && bytes.buffer === scratch?.buffer) bytes = Buffer.from(bytes);
    const report = toWorker
      ? await pool!.run({ id, target, configPath: config?.path ?? null, bytes })
      // A part the cache keeps is made as bytes once, for the report and the cache alike.
      : await reportFile(target, bytes!, await resolver.checkerFor(config), fileFlags, stream, key !== null);
    if (key) cache!.set(target.path, key, report);
    return report;
  };

  try {
    if (stream) write(stream.head);
    progress.start(selected.length);
    // Up to `ahead` files are in flight; each is delivered in input order as soon as it and
    // those before it are done, so the report streams and memory stays bounded. Workers are
    // kept busy first; between deliveries the main thread checks a file itself.
    const ahead = pool ? threads * 4 : 1;
    const inFlight: InFlight[] = [];
    let next = 0;
    while (next < selected.length || inFlight.length > 0) {
      while (next < selected.length && inFlight.length < ahead && pool?.hasRoom()) inFlight.push(launch(start(selected[next++]!, true)));
      const head = inFlight[0];
      if (head?.done) {
        inFlight.shift();
        await deliver(head.value!);
      } else if (next < selected.length && inFlight.length < ahead) {
        inFlight.push(launch(start(selected[next++]!, false)));
        // Let the workers' finished files in before deciding what comes next.
        if (pool) await new Promise((resolveLater) => setImmediate(resolveLater));
      } else {
        await head!.settled;
      }
    }
    progress.clear();
    if (stream) write(stream.tail(summary));
    else {
      // SARIF lists every rule; the HTML report colors each cited source by its registry rating.
      const [{ builtinRules }, { defaultRegistry }, { formatResults }] = await Promise.all([import('../../rules/index.js'), import('../checker.js'), import('../report/index.js')]);
      const sourceRegistry = await defaultRegistry();
      const rules = builtinRules.map((rule) => rule.meta);
      write(formatResults(format, { files: held, errors, summary }, { ...context, rules, sources: (id) => sourceRegistry.sourceWithId(id) }));
    }
    try {
      cache?.save();
    } catch (error) {
      // The report stands; only the next run is slower.
      say(`${(error as Error).message}; the next --cache run re-checks every file`);
    }
    out?.commit();
  } finally {
    stdout.flush();
    out?.abandon();
    await pool?.close();
  }

  // A named path that matches nothing is a usage error (a typo in a CI script must not pass),
  // whatever the other files hold. Otherwise nothing checked is a failure only when something
  // could not be read; an empty staged set, shard or fully ignored selection is a clean run.
  if (problems.length > 0) return 2;
  if (summary.files === 0) return errors.length > 0 ? 2 : 0;
  if (summary.errors > 0) return 1;
  if (flags.maxWarnings >= 0 && summary.warnings > flags.maxWarnings) {
    say(`${plural(summary.warnings, 'warning')}, more than --max-warnings ${flags.maxWarnings}`);
    return 1;
  }
  return 0;
}

function sizeOf(path: string): number {
  try { return statSync(path).size; } catch { return 0; }
}

async function openCache(location: string, run: unknown) {
  const { ReportCache } = await import('./cache.js');
  return new ReportCache(ReportCache.pathFor(location), run);
}

async function fileTargets(patterns: string[], cwd: string): Promise<{ targets: Target[]; problems: string[] }> {
  const { files, problems } = await expandPaths(patterns, cwd);
  const named = new Set(patterns);
  const targets = files.map((file): Target => ({ path: absolutePath(cwd, file), shown: file, explicit: named.has(file), source: { kind: 'file' } }));
  return { targets, problems };
}

/**
 * The staged article files (all of them, or those under the paths given: lint-staged and
 * pre-commit pass file names). A file named explicitly is checked whatever its extension.
 */
function stagedTargets(patterns: string[], cwd: string, maxFileSize: number): { targets: Target[]; problems: string[] } {
  const root = gitRoot(cwd);
  if (!root) throw new UsageError('--staged: not inside a git repository');
  // git reports real paths; compare like with like when cwd goes through a symbolic link.
  const here = realpathSync(cwd);
  const wanted = patterns.map((pattern) => resolve(here, pattern));
  const ignored = ignoreFilterFor(root, root);
  const chosen: (StagedFile & { explicit: boolean })[] = [];
  for (const file of stagedFiles(root)) {
    const path = join(root, file.path);
    const explicit = wanted.includes(path);
    const inScope = wanted.length === 0 || wanted.some((folder) => path.startsWith(folder + sep));
    const isArticle = ARTICLE_EXTENSIONS.includes(extname(path).slice(1).toLowerCase());
    if (explicit || (inScope && isArticle && !ignored(path))) chosen.push({ ...file, explicit });
  }
  const contents = blobContents(root, chosen.map((file) => file.blob), maxFileSize);
  const targets = chosen.map(({ path: rel, explicit }, i): Target => {
    const path = join(root, rel);
    return { path, shown: relative(here, path), explicit, source: { kind: 'staged', root, rel, content: contents[i] ?? null } };
  });
  return { targets, problems: [] };
}

/** The files of shard i of n: every n-th of the paths in sorted order, the same in every job. */
function shardOf<T extends { target: Target }>(selected: T[], shard: Shard): T[] {
  const order = selected.map((item) => item.target.shown).sort();
  const mine = new Set(order.filter((_, i) => i % shard.count === shard.index - 1));
  return selected.filter((item) => mine.has(item.target.shown));
}

/** --rule's settings; the rules (and with them the engine) load only when there are some. */
async function ruleSettingsFrom(flags: string[]): Promise<RuleSettings> {
  const settings: RuleSettings = {};
  if (flags.length === 0) return settings;
  const [{ builtinRules }, { nearestRule }] = await Promise.all([import('../../rules/index.js'), import('./rules.js')]);
  for (const flag of flags) {
    const [id, severity] = flag.split('=');
    if (!id || !severity || !SEVERITY_SETTINGS.has(severity)) throw new UsageError(`--rule takes id=severity (off, info, warning or error), not "${flag}"`);
    if (!builtinRules.some((rule) => rule.meta.id === id)) throw new UsageError(`--rule: unknown rule "${id}"${nearestRule(id)}`);
    settings[id] = { severity: severity as SeveritySetting };
  }
  return settings;
}

export function colorFor(stream: { isTTY?: boolean }, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if ('FORCE_COLOR' in process.env) return process.env.FORCE_COLOR !== '0' && process.env.FORCE_COLOR !== 'false';
  return Boolean(stream.isTTY) && process.env.TERM !== 'dumb';
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** "checking 12/340 path" on one self-erasing stderr line: only on a terminal, never in CI or a pipe. */
class Progress {
  private total = 0;
  private shown = false;

  constructor(private readonly stream: Streams['stderr']) {}

  start(total: number): void {
    const ci = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI);
    this.total = total > PROGRESS_THRESHOLD && this.stream.isTTY && !ci ? total : 0;
  }

  update(index: number, name: string): void {
    if (this.total === 0) return;
    const line = `citecheck: checking ${index + 1}/${this.total} ${name}`;
    this.stream.write(`\r\x1b[2K${line.slice(0, (this.stream.columns ?? 80) - 1)}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}
