/**
 * `--format github`: GitHub Actions workflow commands, which GitHub turns into annotations on
 * the pull request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule-id::message`.
 */
import type { Severity } from '../engine/finding.js';
import { collect, relativePath, sectionsAsFiles, type ReportStream, type StreamContext } from './common.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function githubStream(context: StreamContext): ReportStream {
  const stream: ReportStream = {
    head: '',
    file(file) {
      const where = escapeProperty(relativePath(file.path, context.cwd));
      let lines = '';
      for (const f of file.findings) {
        const properties = `file=${where},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escapeProperty(f.ruleId)}`;
        lines += `::${COMMAND[f.severity]} ${properties}::${escapeData(f.message)}\n`;
      }
      return lines;
    },
    separator: '',
    tail: () => '',
    sectioned: (write, spool) => sectionsAsFiles(stream.file)(write, spool),
  };
  return stream;
}

export const github = collect(githubStream);

/** The escaping GitHub's runner undoes for a command's message (% first, so it is not doubled). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Properties also end at `,` and the message starts after `::`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
