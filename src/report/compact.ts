/** `--format compact`: one grep-able line per finding, `path:line:col: severity message [rule-id]`. */
import { collect, relativePath, sectionsAsFiles, type ReportStream, type StreamContext } from './common.js';

export function compactStream(context: StreamContext): ReportStream {
  const stream: ReportStream = {
    head: '',
    file(file) {
      const where = relativePath(file.path, context.cwd);
      let lines = '';
      for (const f of file.findings) {
        // A line break in a message would split one finding over two lines.
        const message = f.message.replace(/\s*[\r\n]+\s*/g, ' ');
        lines += `${where}:${f.line}:${f.column}: ${f.severity} ${message} [${f.ruleId}]\n`;
      }
      return lines;
    },
    separator: '',
    tail: () => '',
    sectioned: (write, spool) => sectionsAsFiles(stream.file)(write, spool),
  };
  return stream;
}

export const compact = collect(compactStream);
