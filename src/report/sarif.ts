/**
 * `--format sarif`: SARIF 2.1.0, read by GitHub code scanning and most code-review tools.
 * Suppressed findings are included with an in-source suppression, so a reviewer can audit them.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../engine/finding.js';
import type { Format } from '../input/document.js';
import type { Results } from '../engine/results.js';
import { DOCS_BASE_URL } from '../engine/rule.js';
import { byPosition, fingerprints, relativePath, type ReportContext } from './common.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const MIME_TYPE: Record<Format, string> = { text: 'text/plain', markdown: 'text/markdown', html: 'text/html' };
/** The repository the docs live in. */
const INFORMATION_URI = DOCS_BASE_URL.replace(/\/blob\/.*$/, '');
const FINGERPRINT_KEY = 'citecheck/v1';

export function sarif(results: Results, context: ReportContext): string {
  const ruleIndex = new Map(context.rules.map((rule, i) => [rule.id, i]));
  const artifacts = results.files.map((file) => ({
    location: artifactUri(file.path, context.cwd),
    mimeType: MIME_TYPE[file.format],
  }));

  const sarifResults = results.files.flatMap((file, fileIndex) => {
    const artifactLocation = { ...artifacts[fileIndex]!.location, index: fileIndex };
    const all = [...file.findings, ...file.suppressed].sort(byPosition);
    const prints = fingerprints(file, all, relativePath(file.path, context.cwd));
    return all.map((f, i) => ({
      ruleId: f.ruleId,
      ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId)! } : {}),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation,
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: prints[i]! },
      ...(f.fix ? { fixes: [fix(f, artifactLocation)] } : {}),
      ...(isSuppressed(f, file.suppressed) ? { suppressions: [suppression(f)] } : {}),
    }));
  });

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'citecheck',
            version: context.toolVersion,
            informationUri: INFORMATION_URI,
            rules: context.rules.map((rule) => {
              const helpUri = `${DOCS_BASE_URL}${rule.id}.md`;
              return {
                id: rule.id,
                shortDescription: { text: rule.description },
                fullDescription: { text: rule.description },
                helpUri,
                help: { text: `${rule.description} See ${helpUri}` },
                defaultConfiguration: { level: LEVEL[rule.severity] },
              };
            }),
          },
        },
        // Relative URIs resolve against the checked folder.
        originalUriBaseIds: { '%SRCROOT%': { uri: folderUri(context.cwd) } },
        // Files that could not be read are reported, so "no results" is not mistaken for "clean".
        invocations: [
          {
            executionSuccessful: results.errors.length === 0,
            toolExecutionNotifications: results.errors.map((e) => ({
              level: 'error',
              message: { text: e.message },
              locations: [{ physicalLocation: { artifactLocation: artifactUri(e.path, context.cwd) } }],
            })),
          },
        ],
        artifacts,
        results: sarifResults,
        // Finding columns count UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A URI relative to %SRCROOT%, or a file URL for a path outside it that has no relative form. */
function artifactUri(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const relative = relativePath(file, cwd);
  if (path.isAbsolute(relative)) return { uri: pathToFileURL(relative).href };
  return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function folderUri(folder: string): string {
  const href = pathToFileURL(path.resolve(folder)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function fix(f: Finding, artifactLocation: object) {
  const edit = f.fix!;
  return {
    ...(f.suggestion ? { description: { text: f.suggestion } } : {}),
    artifactChanges: [
      {
        artifactLocation,
        replacements: [
          { deletedRegion: { charOffset: edit.start, charLength: edit.end - edit.start }, insertedContent: { text: edit.text } },
        ],
      },
    ],
  };
}

function isSuppressed(f: Finding, suppressed: readonly Finding[]): boolean {
  return f.suppressed !== undefined || suppressed.includes(f);
}

function suppression(f: Finding) {
  const reason = f.suppressed?.reason;
  return { kind: 'inSource', ...(reason ? { justification: reason } : {}) };
}
