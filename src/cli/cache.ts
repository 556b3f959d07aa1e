/**
 * --cache: what each file gave last time (its report part, counts and messages), reused while
 * nothing that could change it has changed, and each configuration's registry as validated. An
 * entry's key hashes the file's bytes (never its modification time), citecheck's version and
 * build, the built-in registry, the file's configuration with the registry files it names, and
 * every flag that shapes the report; anything else re-checks.
 *
 * The file is a header line, the index as JSON, then the report parts back to back. A re-run
 * reads the index, then each part it writes, as bytes, straight from its place in the file:
 * reading the whole file into one buffer cost more than all the rest of a cached run.
 */
import { createHash, hash as oneHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/load.js';
import type { RegistryData } from '../registry/registry.js';
import { builtinRegistryFiles } from '../registry/builtin.js';
import type { FileReport } from './check-file.js';
import { AtomicFile } from './write.js';

const MAGIC = 'citecheck-cache 1';

/**
 * The code that makes the reports: the built command's script (from sources, this module). The
 * version number alone changes only at a release, so an update between two (a `git pull` and
 * `npm ci`) would go on reporting what the old rules found; a new build re-checks every file.
 */
function ownCode(): Buffer {
  return readFileSync(fileURLToPath(import.meta.url));
}
export const DEFAULT_CACHE_FILE = '.citecheckcache';

interface Entry {
  key: string;
  /** The report without its part, which lives in the file's tail. */
  report: Omit<FileReport, 'part' | 'result'>;
  kind: 'part' | 'result' | 'none';
  start: number;
  end: number;
}

/** The size of the pieces the cache file's parts are read in. */
const PIECE = 1 << 18;

export class ReportCache {
  private readonly old = new Map<string, Entry>();
  /** The old cache file, open, and where its parts begin. */
  private fd: number | null = null;
  private partsAt = 0;
  private size = 0;
  private readonly fresh = new Map<string, { key: string; report: FileReport }>();
  /** Whether this run checked anything anew: a run of hits only leaves the file as it is. */
  private changed = false;
  private readonly runKey: string;
  private readonly configKeys = new Map<string | null, string>();
  /** The registries this run used or validated, as JSON, by their index name: only they are kept. */
  private readonly registries = new Map<string, { key: string; json: Buffer }>();

  /** `run` names everything run-wide that shapes a report: flags, format, version. */
  constructor(private readonly path: string, run: unknown) {
    this.runKey = hash(JSON.stringify(run), ownCode(), ...builtinRegistryFiles().map((file) => readFileSync(file)));
    this.load();
  }

  /** The key of one file's entry: its bytes under its configuration in this run, shown as `shown`. */
  keyFor(bytes: Uint8Array, config: Config | null, shown: string): string {
    // Two one-shot hashes: a Hash object and its updates per file cost a re-run of 2,000 files
    // three times as much. The parts are hex digests and a path: no NUL inside any of them.
    return oneHash('sha256', `${this.runKey}\0${this.configKey(config)}\0${shown}\0${oneHash('sha256', bytes)}`);
  }

  get(file: string, key: string): FileReport | null {
    const entry = this.old.get(file);
    if (!entry || entry.key !== key) return null;
    if (this.fd === null || this.partsAt + entry.end > this.size) return null;
    const report: FileReport = { ...entry.report };
    // A part is copied from the cache file to the report when its turn comes, in small pieces:
    // reading tens of megabytes into fresh memory cost more than the whole rest of the run.
    if (entry.kind === 'part') report.part = (write) => this.copy(entry, write);
    if (entry.kind === 'result') {
      const body = this.read(entry);
      if (body === null) return null;
      report.result = JSON.parse(body.toString('utf8'));
    }
    this.fresh.set(file, { key, report });
    return report;
  }

  set(file: string, key: string, report: FileReport): void {
    // Held as UTF-8 until save(), not as text: a string of JSON with one curly quote in it takes
    // two bytes a character, and a run over an archive holds every file's part.
    const part = typeof report.part === 'string' ? Buffer.from(report.part) : report.part;
    this.fresh.set(file, { key, report: { ...report, part } });
    this.changed = true;
  }

  /**
   * The registry a configuration's files gave when they were last validated: kept under the
   * hash of this run's key (citecheck's build and built-in registry) and the configuration's
   * (its file and the registry files it names), so editing any of them validates them again.
   */
  registryFor(config: Config): RegistryData | null {
    const name = registryName(config);
    const key = this.registryKey(config);
    const entry = this.old.get(name);
    if (!entry || entry.key !== key || this.fd === null) return null;
    const json = this.read(entry);
    if (json === null) return null;
    try {
      const data = JSON.parse(json.toString('utf8')) as RegistryData;
      this.registries.set(name, { key, json });
      return data;
    } catch {
      return null;
    }
  }

  keepRegistry(config: Config, data: RegistryData): void {
    this.registries.set(registryName(config), { key: this.registryKey(config), json: Buffer.from(JSON.stringify(data)) });
    this.changed = true;
  }

  /** Writes the cache: this run's entries, and the earlier ones of files it did not check. */
  save(): void {
    if (!this.changed) return this.close();
    const index: Record<string, Entry> = {};
    const parts: Buffer[] = [];
    let offset = 0;
    const add = (file: string, key: string, report: Entry['report'], body: Buffer | null, kind: Entry['kind']) => {
      const { part: _part, result: _result, ...rest } = report as FileReport;
      index[file] = { key, report: rest, kind, start: offset, end: offset + (body?.length ?? 0) };
      if (body) { parts.push(body); offset += body.length; }
    };
    for (const [name, { key, json }] of this.registries) add(name, key, {} as Entry['report'], json, 'result');
    for (const [file, entry] of this.old) {
      // A registry no configuration of this run named may be gone for good: not carried on.
      if (this.fresh.has(file) || file.startsWith(REGISTRY)) continue;
      const body = entry.kind === 'none' ? null : this.read(entry);
      if (entry.kind === 'none' || body !== null) add(file, entry.key, entry.report, body, entry.kind);
    }
    for (const [file, { key, report }] of this.fresh) {
      if (typeof report.part === 'function') {
        const entry = this.old.get(file)!;
        const body = this.read(entry);
        if (body !== null) add(file, key, report, body, 'part');
      } else if (report.part !== undefined) add(file, key, report, typeof report.part === 'string' ? Buffer.from(report.part) : Buffer.from(report.part.buffer, report.part.byteOffset, report.part.byteLength), 'part');
      else if (report.result !== undefined) add(file, key, report, Buffer.from(JSON.stringify(report.result)), 'result');
      else add(file, key, report, null, 'none');
    }
    // "--cache-location .cache/" names a folder that may not exist yet.
    mkdirSync(dirname(this.path), { recursive: true });
    const file = new AtomicFile(this.path);
    try {
      file.write(`${MAGIC}\n${JSON.stringify(index)}\n`);
      for (const part of parts) file.write(part);
      file.commit();
    } finally {
      file.abandon();
      this.close();
    }
  }

  /** --cache-location: a file, or a folder to keep `.citecheckcache` in (as ESLint reads it). */
  static pathFor(location: string): string {
    let folder = location.endsWith('/') || location.endsWith(sep);
    try { folder ||= statSync(location).isDirectory(); } catch { /* a new file */ }
    return folder ? join(location, DEFAULT_CACHE_FILE) : location;
  }

  /** An unreadable, foreign or older cache is an empty one: the run re-checks and rewrites it. */
  private load(): void {
    try {
      this.fd = openSync(this.path, 'r');
      this.size = fstatSync(this.fd).size;
    } catch {
      return this.close();
    }
    // The header and index: read in pieces up to the second line break.
    const chunks: Buffer[] = [];
    let length = 0;
    let lineBreaks = 0;
    let end = -1;
    while (end < 0) {
      const chunk = Buffer.allocUnsafe(1 << 16);
      const read = readSync(this.fd, chunk, 0, chunk.length, length);
      if (read === 0) break;
      for (let i = 0; i < read && end < 0; i++) if (chunk[i] === 10 && ++lineBreaks === 2) end = length + i;
      chunks.push(chunk.subarray(0, read));
      length += read;
    }
    const head = Buffer.concat(chunks, length);
    const firstLine = head.indexOf(10);
    if (end < 0 || head.toString('utf8', 0, firstLine) !== MAGIC) return this.close();
    try {
      const index = JSON.parse(head.toString('utf8', firstLine + 1, end)) as Record<string, Entry>;
      for (const [file, entry] of Object.entries(index)) this.old.set(file, entry);
      this.partsAt = end + 1;
    } catch {
      this.old.clear();
      this.close();
    }
  }

  /**
   * The part of the cache file read last, from `windowAt` (an offset into the parts). Parts lie
   * in the order their files were checked, so the next file's part is usually in it already:
   * one read serves several files.
   */
  private window: Buffer | null = null;
  private windowAt = 0;
  private windowLength = 0;

  /**
   * Writes an entry's part from the window, reading the file on into it as needed. A write that
   * keeps its bytes (a full pipe holds them until it drains) keeps the window too, and the next
   * read gets a new one.
   */
  private copy(entry: Entry, write: (bytes: Uint8Array) => boolean): void {
    for (let at = entry.start; at < entry.end;) {
      if (this.window === null || at < this.windowAt || at >= this.windowAt + this.windowLength) {
        this.window ??= Buffer.allocUnsafeSlow(PIECE);
        const read = readSync(this.fd!, this.window, 0, this.window.length, this.partsAt + at);
        if (read === 0) throw new Error(`${this.path} changed while citecheck was reading it`);
        this.windowAt = at;
        this.windowLength = read;
      }
      const end = Math.min(entry.end, this.windowAt + this.windowLength);
      if (!write(this.window.subarray(at - this.windowAt, end - this.windowAt))) this.window = null;
      at = end;
    }
  }

  /** An entry's part, as bytes; null when the file is shorter than its index says (a miss). */
  private read(entry: Entry): Buffer | null {
    const bytes = Buffer.allocUnsafe(entry.end - entry.start);
    try {
      for (let done = 0; done < bytes.length;) {
        const read = readSync(this.fd!, bytes, done, bytes.length - done, this.partsAt + entry.start + done);
        if (read === 0) return null;
        done += read;
      }
    } catch {
      return null;
    }
    return bytes;
  }

  private close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private registryKey(config: Config): string {
    return hash(this.runKey, this.configKey(config));
  }

  private configKey(config: Config | null): string {
    const path = config?.path ?? null;
    let key = this.configKeys.get(path);
    if (key === undefined) {
      // The registry files a configuration names are part of it: editing one re-checks.
      key = config ? hash(JSON.stringify(config), ...config.registries.map((file) => readFileSync(file))) : '';
      this.configKeys.set(path, key);
    }
    return key;
  }
}

/** Index names of kept registries start with a NUL, which no file path holds. */
const REGISTRY = '\0registry ';

function registryName(config: Config): string {
  return `${REGISTRY}${config.path}`;
}

function hash(...parts: (string | Uint8Array)[]): string {
  const sha = createHash('sha256');
  for (const part of parts) sha.update(part).update('\0');
  return sha.digest('hex');
}
