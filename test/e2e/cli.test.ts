/** The built CLI on real files: --fix on the example article, configuration errors, machine formats, --cache (what it loads, and with --jobs). */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { builtinRules } from '../../rules/index.js';
import { citecheck, ENV, repository, ROOT } from './helpers.js';

const ARTICLE = join(ROOT, 'fixtures', 'larijani-baghdad.txt');
const EXPECTED = join(ROOT, 'test', 'e2e', 'larijani-baghdad.fixed.txt');

describe('--fix on the example article', () => {
  test('removes every chip count and changes nothing else', () => {
    const dir = repository();
    copyFileSync(ARTICLE, join(dir, 'article.txt'));
    const original = readFileSync(ARTICLE, 'utf8');
    const run = citecheck(['--fix', '--format', 'json', 'article.txt'], dir);
    const fixed = readFileSync(join(dir, 'article.txt'), 'utf8');
    expect(fixed).toBe(readFileSync(EXPECTED, 'utf8'));
    // The same, derived independently: a chip before a closing bracket or comma goes, one before the next name becomes ", ".
    expect(fixed).toBe(original.replace(/ \+\d+(?=[,)])/g, '').replace(/ \+\d+(?= \p{L})/gu, ','));
    expect(fixed).not.toMatch(/\+\d/);
    expect(run.stderr).toBe('citecheck: article.txt: fixed 7 problems\n');
    // The report shows what remains: no chatbot residue.
    const findings = JSON.parse(run.stdout).files[0].findings.map((finding: { ruleId: string }) => finding.ruleId);
    expect(findings).not.toContain('ai-citation-artifact');
    expect(findings).toContain('citation-cluster');
    // Idempotent.
    expect(citecheck(['--fix', 'article.txt'], dir).stderr).toBe('');
    expect(readFileSync(join(dir, 'article.txt'), 'utf8')).toBe(fixed);
  });
});

describe('configuration errors', () => {
  test('print file:line: key: problem and exit 2, never a stack trace', () => {
    const dir = repository({
      'citecheck.config.yaml': 'rules:\n  ai-citation-artifact: warn\n  tertiary-sources: off\n  citation-cluster: [warning, { max: two }]\ndate: yesterday\n',
      'story.txt': 'The talks failed.\n',
    });
    const run = citecheck(['story.txt'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const config = join(dir, 'citecheck.config.yaml');
    expect(run.stderr.split('\n').filter(Boolean).sort()).toEqual([
      `citecheck: ${config}:2: rules.ai-citation-artifact: Invalid option: expected one of "off"|"info"|"warning"|"error"`,
      `citecheck: ${config}:3: rules.tertiary-sources: unknown rule "tertiary-sources"; did you mean "tertiary-source"?`,
      `citecheck: ${config}:4: rules.citation-cluster[1].max: Invalid input: expected number, received string`,
      `citecheck: ${config}:5: date: must be a calendar date as YYYY-MM-DD`,
    ].sort());
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('in a JSON .citecheckrc too', () => {
    const dir = repository({ '.citecheckrc': '{\n  "date": "yesterday"\n}\n', 'story.txt': 'x\n' });
    const run = citecheck(['story.txt'], dir);
    expect([run.code, run.stderr]).toEqual([2, `citecheck: ${join(dir, '.citecheckrc')}:2: date: must be a calendar date as YYYY-MM-DD\n`]);
  });
});

describe('machine formats, read back by parsers', () => {
  const text = '<!-- citecheck-disable-next-line vague-attribution -- quoted on purpose -->\nExperts say the deal is done.\n\nThe talks failed (Reuters +4).\n';

  test('SARIF validates against the 2.1.0 schema and carries the suppression with its reason', () => {
    const dir = repository({ 'story.md': text });
    const run = citecheck(['--format', 'sarif', '--output-file', 'report.sarif', 'story.md'], dir);
    expect(run.code).toBe(1);
    const log = JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8'));
    const Ajv = ajvDraft04.default;
    const schema = JSON.parse(readFileSync(join(ROOT, '..', 'shared', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'));
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    const results = log.runs[0].results as { ruleId: string; suppressions?: unknown[] }[];
    expect(results.find((result) => result.ruleId === 'vague-attribution')?.suppressions).toEqual([{ kind: 'inSource', justification: 'quoted on purpose' }]);
    expect(results.find((result) => result.ruleId === 'ai-citation-artifact')?.suppressions).toBeUndefined();
  });

  test('JUnit parses as XML: one testcase per file, one failure per finding', () => {
    const dir = repository({ 'story.md': text, 'clean.txt': 'The talks failed, Reuters reported.\n' });
    const run = citecheck(['--format', 'junit', 'story.md', 'clean.txt'], dir);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name) });
    const cases = parser.parse(run.stdout).testsuites.testsuite[0].testcase;
    expect(cases.map((testcase: { name: string; failure?: unknown[] }) => [testcase.name, testcase.failure?.length ?? 0])).toEqual([['story.md', 1], ['clean.txt', 0]]);
  });
});

/** The built files under dist/ a run of the CLI loads, by a module hook that names each on stderr. */
function loadedModules(args: readonly string[], cwd: string): string[] {
  const hook = `export async function load(url, context, next) { if (url.includes('/dist/')) process._rawDebug('loaded ' + url); return next(url, context); }`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});`;
  const run = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, join(ROOT, 'bin', 'citecheck.js'), ...args], { cwd, env: ENV, encoding: 'utf8' });
  return [...run.stderr.matchAll(/^loaded file:\/\/(.+)$/gm)].map((match) => decodeURIComponent(match[1]!));
}

describe('--cache', () => {
  test('a run whose files all come from the cache never loads the rules (nor the engine with them)', () => {
    // Rule descriptions as the bundle spells them (plain ASCII, nothing to escape).
    const descriptions = builtinRules.map((rule) => rule.meta.description).filter((text) => /^[ -~]+$/.test(text) && !/["'\\]/.test(text));
    expect(descriptions.length).toBeGreaterThan(3);
    const holdsRules = (files: string[]) => files.some((file) => descriptions.some((text) => readFileSync(file, 'utf8').includes(text)));
    const dir = repository({ 'a.txt': 'Iran and Iraq signed a pipeline deal in 2023 [Wikipedia].\n', 'b.md': '# Talks\n\nExperts say the deal will collapse.\n' });
    const checking = loadedModules(['--cache', '--format', 'json', '.'], dir);
    expect(holdsRules(checking)).toBe(true);
    const cached = loadedModules(['--cache', '--format', 'json', '.'], dir);
    expect(cached.length).toBeGreaterThan(0);
    expect(holdsRules(cached)).toBe(false);
  });

  test('files checked anew beside files from the cache give exactly the plain run', () => {
    // Articles of one length, each citing its own unknown source: a file checked with another's
    // bytes (--cache reads each file into one reused buffer to hash it, while the checker is
    // still loading) would name the wrong source.
    const names = ['Alder', 'Birch', 'Cedar', 'Dogwd', 'Elmwd', 'Firwd', 'Gumwd', 'Hazel', 'Ilexx', 'Jacar', 'Karri', 'Larch'];
    const article = (name: string) => `Exports rose 14% in 2024, according to the ${name} News Agency.\n`;
    const dir = repository(Object.fromEntries(names.map((name, i) => [`article-${String(i).padStart(2, '0')}.txt`, article(name)])));
    const first = citecheck(['--cache', '--jobs', '2', '--format', 'json', '.'], dir);
    const messages = JSON.parse(first.stdout).files.flatMap((file: { findings: { message: string }[] }) => file.findings.map((finding) => finding.message));
    expect(messages.filter((message: string) => message.startsWith('"Larch News Agency" is not in the source registry'))).toHaveLength(1);
    expect(first).toEqual(citecheck(['--format', 'json', '.'], dir));
    writeFileSync(join(dir, 'article-02.txt'), article('Maple'));
    writeFileSync(join(dir, 'article-07.txt'), article('Nyssa'));
    expect(citecheck(['--cache', '--jobs', '2', '--format', 'json', '.'], dir)).toEqual(citecheck(['--format', 'json', '.'], dir));
  });
});
