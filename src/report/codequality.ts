/**
 * `--format codequality`: GitLab Code Quality (a subset of the Code Climate spec), a JSON array
 * GitLab shows in merge requests. The fingerprint is how GitLab tells new problems from old.
 */
import type { Severity } from '../engine/finding.js';
import type { Results } from '../engine/results.js';
import { fingerprints, relativePath, type ReportContext } from './common.js';

const SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };

export function codequality(results: Results, context: ReportContext): string {
  const issues = results.files.flatMap((file) => {
    const where = relativePath(file.path, context.cwd);
    const prints = fingerprints(file, file.findings, where);
    return file.findings.map((f, i) => ({
      description: f.message,
      check_name: f.ruleId,
      fingerprint: prints[i]!,
      severity: SEVERITY[f.severity],
      location: { path: where, lines: { begin: f.line } },
    }));
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
