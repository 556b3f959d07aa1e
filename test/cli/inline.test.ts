/** Inline control end to end, through the CLI: plain text, Markdown and HTML alike. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

const VAGUE = 'Experts say the deal is done.';
const CHIP = 'The talks failed (Reuters +4).';

/** The same article in each format: a disable-next-line with a reason, then a disable…enable block. */
const ARTICLES: Record<string, string> = {
  'a.txt': [
    'citecheck-disable-next-line vague-attribution -- the desk quotes this on purpose',
    VAGUE,
    '',
    'citecheck-disable',
    CHIP,
    'citecheck-enable',
    '',
    `${VAGUE} ${CHIP}`,
    '',
  ].join('\n'),
  'a.md': [
    '<!-- citecheck-disable-next-line vague-attribution -- the desk quotes this on purpose -->',
    VAGUE,
    '',
    '<!-- citecheck-disable -->',
    CHIP,
    '<!-- citecheck-enable -->',
    '',
    `${VAGUE} ${CHIP}`,
    '',
  ].join('\n'),
  'a.html': [
    '<article>',
    '<!-- citecheck-disable-next-line vague-attribution -- the desk quotes this on purpose -->',
    `<p>${VAGUE}</p>`,
    '<!-- citecheck-disable -->',
    `<p>${CHIP}</p>`,
    '<!-- citecheck-enable -->',
    `<p>${VAGUE} ${CHIP}</p>`,
    '</article>',
    '',
  ].join('\n'),
};

/** The line of the last paragraph, which no directive covers. */
const LAST_LINE: Record<string, number> = { 'a.txt': 8, 'a.md': 8, 'a.html': 7 };

function articles(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'citecheck-inline-'));
  for (const [name, text] of Object.entries({ ...ARTICLES, ...extra })) writeFileSync(join(dir, name), text);
  return dir;
}

type JsonFinding = { ruleId: string; line: number };

describe.each(Object.keys(ARTICLES))('%s', (name) => {
  test('directives suppress what they name, where they say', async () => {
    const run = await runCli(['--format', 'json', name], { cwd: articles() });
    const findings: JsonFinding[] = JSON.parse(run.stdout).files[0].findings;
    expect(findings.map((finding) => [finding.ruleId, finding.line])).toEqual([
      ['vague-attribution', LAST_LINE[name]],
      ['ai-citation-artifact', LAST_LINE[name]],
    ]);
  });

  test('--no-inline-config ignores them all', async () => {
    const run = await runCli(['--format', 'json', '--no-inline-config', name], { cwd: articles() });
    const findings: JsonFinding[] = JSON.parse(run.stdout).files[0].findings;
    expect(findings.filter((finding) => finding.ruleId === 'vague-attribution')).toHaveLength(2);
    expect(findings.filter((finding) => finding.ruleId === 'ai-citation-artifact')).toHaveLength(2);
  });

  test('SARIF lists the suppressed findings as in-source suppressions with the reason', async () => {
    const run = await runCli(['--format', 'sarif', name], { cwd: articles() });
    const results: { ruleId: string; suppressions?: { kind: string; justification?: string }[] }[] = JSON.parse(run.stdout).runs[0].results;
    const suppressed = results.filter((result) => result.suppressions);
    expect(suppressed.map((result) => [result.ruleId, result.suppressions])).toEqual(expect.arrayContaining([
      ['vague-attribution', [{ kind: 'inSource', justification: 'the desk quotes this on purpose' }]],
      ['ai-citation-artifact', [{ kind: 'inSource' }]],
    ]));
    expect(suppressed).toHaveLength(2);
    expect(results.filter((result) => !result.suppressions)).toHaveLength(2);
  });
});

test.each([
  ['b.txt', `citecheck-disable-next-line vague-attribution, ai-citation-artifact\n${VAGUE} ${CHIP}\n`],
  ['b.md', `<!-- citecheck-disable-next-line vague-attribution ai-citation-artifact -->\n${VAGUE} ${CHIP}\n`],
  ['b.html', `<article>\n<!-- citecheck-disable-next-line vague-attribution ai-citation-artifact -->\n<p>${VAGUE} ${CHIP}</p>\n</article>\n`],
])('%s: one directive can name several rules', async (name, text) => {
  const run = await runCli(['--format', 'json', name], { cwd: articles({ [name]: text }) });
  expect(JSON.parse(run.stdout).files[0].findings).toEqual([]);
});

describe('--report-unused-disable-directives', () => {
  test.each([
    ['u.txt', 'citecheck-disable-next-line tertiary-source\nThe talks went well.\n', 1, 1],
    ['u.md', 'Intro.\n\n<!-- citecheck-disable-next-line tertiary-source -->\nThe talks went well.\n', 3, 1],
    ['u.html', '<article>\n  <!-- citecheck-disable-next-line tertiary-source -->\n  <p>The talks went well.</p>\n</article>\n', 2, 3],
  ])('%s: a directive that suppresses nothing is reported at its place', async (name, text, line, column) => {
    const dir = articles({ [name]: text });
    const quiet = await runCli(['--format', 'json', name], { cwd: dir });
    expect(JSON.parse(quiet.stdout).files[0].findings).toEqual([]);
    const run = await runCli(['--format', 'json', '--report-unused-disable-directives', name], { cwd: dir });
    expect(JSON.parse(run.stdout).files[0].findings).toEqual([
      expect.objectContaining({ ruleId: 'unused-disable-directive', severity: 'warning', line, column, message: expect.stringContaining('(tertiary-source)') }),
    ]);
  });

  test('used directives are not reported', async () => {
    const dir = articles();
    for (const name of Object.keys(ARTICLES)) {
      const run = await runCli(['--format', 'json', '--report-unused-disable-directives', name], { cwd: dir });
      expect(JSON.parse(run.stdout).files[0].findings.map((finding: JsonFinding) => finding.ruleId)).not.toContain('unused-disable-directive');
    }
  });
});
