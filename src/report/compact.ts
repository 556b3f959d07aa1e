/** `--format compact`: one grep-able line per finding, `path:line:col: severity message [rule-id]`. */
import type { Results } from '../engine/results.js';
import { relativePath, type ReportContext } from './common.js';

export function compact(results: Results, context: ReportContext): string {
  const lines: string[] = [];
  for (const file of results.files) {
    const where = relativePath(file.path, context.cwd);
    for (const f of file.findings) {
      // A line break in a message would split one finding over two lines.
      const message = f.message.replace(/\s*[\r\n]+\s*/g, ' ');
      lines.push(`${where}:${f.line}:${f.column}: ${f.severity} ${message} [${f.ruleId}]`);
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}
