/**
 * Every fixture article with an `<name>.expected.json` beside it is checked in each recorded
 * configuration, and the WHOLE list of findings must match: a new false alarm fails as surely
 * as a missed problem.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../src/index.js';
import { builtinRegistry } from './helpers/rule-tester.js';

interface ExpectedRun {
  date: string | null;
  findings: { ruleId: string; severity: string; messageId: string; line: number; column: number; endLine: number; endColumn: number; text: string }[];
}

const fixtures = readdirSync('fixtures').filter((name) => name.endsWith('.expected.json'));

describe.each(fixtures)('%s', (expectedFile) => {
  const article = join('fixtures', expectedFile.replace('.expected.json', '.txt'));
  const { runs } = JSON.parse(readFileSync(join('fixtures', expectedFile), 'utf8')) as { runs: ExpectedRun[] };

  test.each(runs.map((run) => [run.date ?? 'no date', run] as const))('with %s', async (_label, run) => {
    const results = await check(article, { date: run.date, registry: await builtinRegistry() });
    const file = results.files[0]!;
    const actual = file.findings.map((finding) => ({
      ruleId: finding.ruleId, severity: finding.severity, messageId: finding.messageId,
      line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn,
      text: file.source.slice(finding.offset, finding.endOffset),
    }));
    expect(actual).toEqual(run.findings);
  });
});
