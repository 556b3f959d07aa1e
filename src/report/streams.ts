/**
 * The formats written file by file (see ReportStream), apart from the others so that a run
 * printing one of them never loads the SARIF, JUnit or HTML writers.
 */
import type { ReportStream, StreamContext } from './common.js';
import { compactStream } from './compact.js';
import { githubStream } from './github.js';
import { jsonStream } from './json.js';
import { stylishStream } from './stylish.js';

export type { FileExtras, ReportStream, ReportWrite, SectionWriter, Spool, StreamContext } from './common.js';

export type FormatName = 'stylish' | 'json' | 'compact' | 'github' | 'sarif' | 'junit' | 'codequality' | 'html';

/** Every format name, the default (stylish) first. */
export const FORMATS: readonly FormatName[] = ['stylish', 'json', 'compact', 'github', 'sarif', 'junit', 'codequality', 'html'];

export function isFormatName(name: string): name is FormatName {
  return (FORMATS as readonly string[]).includes(name);
}

const STREAMS: Partial<Record<FormatName, (context: StreamContext) => ReportStream>> = {
  stylish: stylishStream, json: jsonStream, compact: compactStream, github: githubStream,
};

/** The format's stream, or null for a format that needs every result first (formatResults). */
export function reportStream(name: FormatName, context: StreamContext): ReportStream | null {
  return STREAMS[name]?.(context) ?? null;
}
