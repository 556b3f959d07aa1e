import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ajvDraft04 from 'ajv-draft-04';
import { formatResults } from '../../src/report/index.js';
import { context, files, results, resultsOf, shiftDown } from './fixture.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Reference data shared by the team: read in place, never copied into the repository.
// ajv-draft-04 is CommonJS: from ESM its default import is module.exports, whose .default is the class.
const Ajv = ajvDraft04.default;
const schema = JSON.parse(readFileSync(path.resolve(repoRoot, '../shared/schemas/sarif-schema-2.1.0.json'), 'utf8'));
const validate = new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(schema);

describe('sarif reporter', () => {
  const text = formatResults('sarif', results, context);
  const log = JSON.parse(text);
  const run = log.runs[0];

  test('validates against the SARIF 2.1.0 schema', () => {
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    const empty = JSON.parse(formatResults('sarif', resultsOf(), context));
    expect(validate(empty) ? [] : validate.errors).toEqual([]);
    const failed = { ...resultsOf(), errors: [{ path: 'gone.md', message: 'gone.md: no such file' }] };
    const withErrors = JSON.parse(formatResults('sarif', failed, context));
    expect(validate(withErrors) ? [] : validate.errors).toEqual([]);
    expect(withErrors.runs[0].invocations[0].executionSuccessful).toBe(false);
    // The validator does catch mistakes.
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'info';
    expect(validate(broken)).toBe(false);
  });

  test('describes the tool and every rule', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = run.tool.driver;
    expect(driver).toMatchObject({ name: 'citecheck', version: '0.1.0', informationUri: 'https://github.com/citecheck/citecheck' });
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(context.rules.map((r) => r.id));
    expect(driver.rules[0]).toMatchObject({
      id: 'ai-citation-artifact',
      shortDescription: { text: 'Chatbot citation residue.' },
      helpUri: 'https://github.com/citecheck/citecheck/blob/main/rules/ai-citation-artifact.md',
      defaultConfiguration: { level: 'error' },
    });
    const level = (id: string) => driver.rules.find((r: { id: string }) => r.id === id).defaultConfiguration.level;
    expect([level('unknown-source'), level('relative-date')]).toEqual(['warning', 'note']);
  });

  test('reports every finding with level, rule index and region', () => {
    // 8 findings plus the suppressed one.
    expect(run.results).toHaveLength(9);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    const byRule = (id: string) => run.results.find((r: { ruleId: string }) => r.ruleId === id);
    expect(byRule('relative-date').level).toBe('note');
    expect(byRule('fact-contradiction').level).toBe('error');
    const artifact = byRule('ai-citation-artifact');
    expect(artifact.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'articles/iran.md', uriBaseId: '%SRCROOT%', index: 0 },
      region: { startLine: 4, startColumn: 39, endLine: 4, endColumn: 56 },
    });
    // Paths are URI references: the space and the % are encoded.
    expect(byRule('fact-contradiction').locations[0].physicalLocation.artifactLocation.uri).toBe('articles/notes%2C%2050%25.txt');
    expect(run.artifacts.map((a: { mimeType: string }) => a.mimeType)).toEqual(['text/markdown', 'text/plain']);
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///repo/');
  });

  test('carries fixes as character replacements', () => {
    const fixed = run.results.find((r: { ruleId: string }) => r.ruleId === 'ai-citation-artifact');
    const start = files[0]!.source.indexOf('+1)');
    expect(fixed.fixes[0].artifactChanges[0].replacements).toEqual([
      { deletedRegion: { charOffset: start, charLength: 2 }, insertedContent: { text: '' } },
    ]);
  });

  test('includes suppressed findings as in-source suppressions', () => {
    const suppressed = run.results.filter((r: { suppressions?: unknown }) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].ruleId).toBe('tertiary-source');
    expect(suppressed[0].suppressions).toEqual([{ kind: 'inSource', justification: 'quoted as context, not evidence' }]);
  });

  test('fingerprints are stable, distinct and ignore line numbers', () => {
    const prints = run.results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['citecheck/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    const shifted = JSON.parse(formatResults('sarif', shiftDown(results), context));
    expect(shifted.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['citecheck/v1'])).toEqual(prints);
    expect(formatResults('sarif', results, context)).toBe(text);
  });
});
