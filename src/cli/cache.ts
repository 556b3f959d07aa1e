/**
 * --cache: what each file gave last time (its report part, counts and messages), reused while
 * nothing that could change it has changed. An entry's key hashes the file's bytes (never its
 * modification time), citecheck's version, the built-in registry, the file's configuration with
 * the registry files it names, and every flag that shapes the report; anything else re-checks.
 *
 * The file is a header line, the index as JSON, then the report parts back to back, so a re-run
 * reads it in one go and decodes only what it writes.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Config } from '../config/load.js';
import { builtinRegistryFiles } from '../registry/builtin.js';
import type { FileReport } from './check-file.js';
import { writeAtomically } from './write.js';

const MAGIC = 'citecheck-cache 1';
export const DEFAULT_CACHE_FILE = '.citecheckcache';

interface Entry {
  key: string;
  /** The report without its part, which lives in the file's tail. */
  report: Omit<FileReport, 'part' | 'result'>;
  kind: 'part' | 'result' | 'none';
  start: number;
  end: number;
}

export class ReportCache {
  private readonly old = new Map<string, Entry>();
  private blob: Buffer = Buffer.alloc(0);
  private readonly fresh = new Map<string, { key: string; report: FileReport }>();
  private readonly runKey: string;
  private readonly configKeys = new Map<string | null, string>();

  /** `run` names everything run-wide that shapes a report: flags, format, version. */
  constructor(private readonly path: string, run: unknown) {
    this.runKey = hash(JSON.stringify(run), ...builtinRegistryFiles().map((file) => readFileSync(file)));
    this.load();
  }

  /** The key of one file's entry: its bytes under its configuration in this run, shown as `shown`. */
  keyFor(bytes: Uint8Array, config: Config | null, shown: string): string {
    return hash(this.runKey, this.configKey(config), shown, bytes);
  }

  get(file: string, key: string): FileReport | null {
    const entry = this.old.get(file);
    if (!entry || entry.key !== key) return null;
    const report: FileReport = { ...entry.report };
    if (entry.kind === 'part') report.part = this.blob.toString('utf8', entry.start, entry.end);
    if (entry.kind === 'result') report.result = JSON.parse(this.blob.toString('utf8', entry.start, entry.end));
    this.fresh.set(file, { key, report });
    return report;
  }

  set(file: string, key: string, report: FileReport): void {
    this.fresh.set(file, { key, report });
  }

  /** Writes the cache: this run's entries, and the earlier ones of files it did not check. */
  save(): void {
    const index: Record<string, Entry> = {};
    const parts: Buffer[] = [];
    let offset = 0;
    const add = (file: string, key: string, report: FileReport, body: Buffer | null, kind: Entry['kind']) => {
      const { part: _part, result: _result, ...rest } = report;
      index[file] = { key, report: rest, kind, start: offset, end: offset + (body?.length ?? 0) };
      if (body) { parts.push(body); offset += body.length; }
    };
    for (const [file, entry] of this.old) {
      if (!this.fresh.has(file)) add(file, entry.key, entry.report, this.blob.subarray(entry.start, entry.end), entry.kind);
    }
    for (const [file, { key, report }] of this.fresh) {
      if (report.part !== undefined) add(file, key, report, Buffer.from(report.part), 'part');
      else if (report.result !== undefined) add(file, key, report, Buffer.from(JSON.stringify(report.result)), 'result');
      else add(file, key, report, null, 'none');
    }
    const header = Buffer.from(`${MAGIC}\n${JSON.stringify(index)}\n`);
    writeAtomically(this.path, Buffer.concat([header, ...parts]));
  }

  /** --cache-location: a file, or a folder to keep `.citecheckcache` in (as ESLint reads it). */
  static pathFor(location: string): string {
    let folder = location.endsWith('/') || location.endsWith(sep);
    try { folder ||= statSync(location).isDirectory(); } catch { /* a new file */ }
    return folder ? join(location, DEFAULT_CACHE_FILE) : location;
  }

  /** An unreadable, foreign or older cache is an empty one: the run re-checks and rewrites it. */
  private load(): void {
    let data: Buffer;
    try { data = readFileSync(this.path); } catch { return; }
    const firstLine = data.indexOf(10);
    const secondLine = firstLine < 0 ? -1 : data.indexOf(10, firstLine + 1);
    if (secondLine < 0 || data.toString('utf8', 0, firstLine) !== MAGIC) return;
    try {
      const index = JSON.parse(data.toString('utf8', firstLine + 1, secondLine)) as Record<string, Entry>;
      for (const [file, entry] of Object.entries(index)) this.old.set(file, entry);
      this.blob = data.subarray(secondLine + 1);
    } catch {
      this.old.clear();
    }
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

function hash(...parts: (string | Uint8Array)[]): string {
  const sha = createHash('sha256');
  for (const part of parts) sha.update(part).update('\0');
  return sha.digest('hex');
}
