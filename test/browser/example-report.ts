/** The example article's reports, built through the public API as the CLI builds them. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRules, check, defaultRegistry, formatResults, type Results } from '../../src/index.js';
import type { ReportContext } from '../../src/report/index.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLE = path.join(repoRoot, 'fixtures/larijani-baghdad.txt');

/** The context the CLI gives reporters, registry lookups included. */
export async function reportContext(): Promise<ReportContext> {
  // The registry as the sources say, not as the last build compiled it.
  process.env.CITECHECK_REGISTRY_FROM_YAML = '1';
  const registry = await defaultRegistry();
  return {
    rules: builtinRules.map((rule) => rule.meta),
    cwd: repoRoot,
    color: false,
    toolVersion: '0.1.0',
    sources: (id) => registry.sourceWithId(id),
  };
}

export interface Reports {
  results: Results;
  context: ReportContext;
  html: string;
  json: string;
}

export async function reportsOf(input: Parameters<typeof check>[0]): Promise<Reports> {
  const context = await reportContext();
  const results = await check(input);
  return { results, context, html: formatResults('html', results, context), json: formatResults('json', results, context) };
}

export function exampleReports(): Promise<Reports> {
  return reportsOf(EXAMPLE);
}
