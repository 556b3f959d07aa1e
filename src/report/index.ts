/** The report formats: each a pure function from results to the text the CLI prints. */
import type { Results } from '../engine/results.js';
import { codequality } from './codequality.js';
import type { Reporter, ReportContext } from './common.js';
import type { ReportStream } from './common.js';
import { compact, compactStream } from './compact.js';
import { github, githubStream } from './github.js';
import { html } from './html.js';
import { json, jsonStream } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish, stylishStream } from './stylish.js';

export type { FileExtras, ReportContext, ReportStream } from './common.js';

export type FormatName = 'stylish' | 'json' | 'compact' | 'github' | 'sarif' | 'junit' | 'codequality' | 'html';

const REPORTERS: Record<FormatName, Reporter> = { stylish, json, compact, github, sarif, junit, codequality, html };

/** Every format name, the default (stylish) first. */
export const FORMATS = Object.keys(REPORTERS) as readonly FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(REPORTERS, name);
}

export function formatResults(name: FormatName, results: Results, context: ReportContext): string {
  return REPORTERS[name](results, context);
}

/** Formats written file by file as the files are checked; the others need every result first. */
const STREAMS: Partial<Record<FormatName, (context: ReportContext) => ReportStream>> = {
  stylish: stylishStream, json: jsonStream, compact: compactStream, github: githubStream,
};

export function reportStream(name: FormatName, context: ReportContext): ReportStream | null {
  return STREAMS[name]?.(context) ?? null;
}
