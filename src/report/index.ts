/** The report formats: each a pure function from results to the text the CLI prints. */
import type { Results } from '../engine/results.js';
import { codequality } from './codequality.js';
import type { Reporter, ReportContext } from './common.js';
import { compact } from './compact.js';
import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import type { FormatName } from './streams.js';
import { stylish } from './stylish.js';

export { FORMATS, isFormatName, reportStream, type FormatName } from './streams.js';
export type { FileExtras, ReportContext, ReportStream } from './common.js';

const REPORTERS: Record<FormatName, Reporter> = { stylish, json, compact, github, sarif, junit, codequality, html };

export function formatResults(name: FormatName, results: Results, context: ReportContext): string {
  return REPORTERS[name](results, context);
}
