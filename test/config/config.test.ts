import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigFinder, configFileIn } from '../../src/config/find.js';
import { starterConfig } from '../../src/config/init.js';
import { loadConfig } from '../../src/config/load.js';
import { builtinRules } from '../../rules/index.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'citecheck-config-'));
}

/** The InputError lines a configuration text gives, or [] when it loads. */
async function problems(name: string, text: string): Promise<string[]> {
  const dir = tempDir();
  writeFileSync(join(dir, name), text);
  try {
    await loadConfig(join(dir, name), builtinRules);
    return [];
  } catch (error) {
    return ((error as { lines?: string[] }).lines ?? [String(error)]).map((line) => line.replace(`${dir}/`, ''));
  }
}

describe('finding the configuration', () => {
  test('the nearest file from the article folder upward wins, up to the repository root', () => {
    const repo = tempDir();
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'desk', 'politics'), { recursive: true });
    writeFileSync(join(repo, 'citecheck.config.yaml'), 'rules: {}\n');
    writeFileSync(join(repo, 'desk', '.citecheckrc'), '{}');
    const finder = new ConfigFinder();
    expect(finder.find(join(repo, 'desk', 'politics'))).toBe(join(repo, 'desk', '.citecheckrc'));
    expect(finder.find(repo)).toBe(join(repo, 'citecheck.config.yaml'));
  });

  test('the search stops at the repository root', () => {
    const outer = tempDir();
    writeFileSync(join(outer, 'citecheck.config.json'), '{}');
    mkdirSync(join(outer, 'repo', '.git'), { recursive: true });
    expect(new ConfigFinder().find(join(outer, 'repo'))).toBeNull();
  });

  test('package.json counts only with a "citecheck" key', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), '{ "name": "newsroom" }');
    expect(configFileIn(dir)).toBeNull();
    writeFileSync(join(dir, 'package.json'), '{ "name": "newsroom", "citecheck": { "rules": {} } }');
    expect(configFileIn(dir)).toBe(join(dir, 'package.json'));
  });
});

describe('loading the configuration', () => {
  test('severities, options, registries, date and ignore', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'newsroom.yaml'), 'sources: []\n');
    writeFileSync(join(dir, 'citecheck.config.yaml'), [
      'rules:',
      '  tertiary-source: error',
      '  citation-cluster: [info, { max: 3 }]',
      '  vague-attribution: [off]',
      'registries: [newsroom.yaml]',
      'date: 2025-08-12',
      'ignore: ["drafts/"]',
    ].join('\n'));
    const config = await loadConfig(join(dir, 'citecheck.config.yaml'), builtinRules);
    expect(config).toEqual({
      path: join(dir, 'citecheck.config.yaml'),
      settings: { 'tertiary-source': { severity: 'error' }, 'citation-cluster': { severity: 'info', options: { max: 3 } }, 'vague-attribution': { severity: 'off' } },
      registries: [join(dir, 'newsroom.yaml')],
      date: '2025-08-12',
      ignore: ['drafts/'],
    });
  });

  test('JSON and package.json', async () => {
    expect(await problems('.citecheckrc', '{ "rules": { "tertiary-source": "off" } }')).toEqual([]);
    expect(await problems('package.json', '{\n  "name": "x",\n  "citecheck": {\n    "rules": { "tertiary-source": "never" }\n  }\n}\n'))
      .toEqual(['package.json:4: citecheck.rules.tertiary-source: Invalid option: expected one of "off"|"info"|"warning"|"error"']);
  });

  test.each([
    ['an unknown rule id', 'rules:\n  tertiary-sources: error\n', 'citecheck.config.yaml:2: rules.tertiary-sources: unknown rule "tertiary-sources"; did you mean "tertiary-source"?'],
    ['a bad severity', 'rules:\n  citation-cluster: warn\n', 'citecheck.config.yaml:2: rules.citation-cluster: Invalid option: expected one of "off"|"info"|"warning"|"error"'],
    ['a wrong option type', 'rules:\n  citation-cluster:\n    - warning\n    - max: three\n', 'citecheck.config.yaml:4: rules.citation-cluster[1].max: Invalid input: expected number, received string'],
    ['an option the rule does not take', 'rules:\n  tertiary-source: [warning, { strict: true }]\n', 'citecheck.config.yaml:2: rules.tertiary-source[1].strict: unknown key "strict" (tertiary-source takes no options)'],
    ['an unknown top-level key', 'rules: {}\nrule: {}\n', 'citecheck.config.yaml:2: rule: unknown key "rule" (citecheck reads rules, registries, date, ignore)'],
    ['a date that is no date', 'date: 2025-02-30\n', 'citecheck.config.yaml:1: date: must be a calendar date as YYYY-MM-DD'],
    ['a missing registry file', 'registries:\n  - sources/ours.yaml\n', 'citecheck.config.yaml:2: registries[0]: no such file "sources/ours.yaml" (paths are relative to the configuration file)'],
    ['ignore that is not a list', 'ignore: drafts/\n', 'citecheck.config.yaml:1: ignore: Invalid input: expected array, received string'],
  ])('%s is file:line: key: problem', async (_, text, line) => {
    expect(await problems('citecheck.config.yaml', text)).toEqual([line]);
  });

  test('every problem is reported at once', async () => {
    expect(await problems('citecheck.config.yaml', 'rules:\n  a-rule: error\n  tertiary-source: loud\n')).toHaveLength(2);
  });

  test('a YAML syntax error names its line', async () => {
    const lines = await problems('citecheck.config.yaml', 'rules:\n  tertiary-source: error\n   bad: [\n');
    expect(lines[0]).toMatch(/^citecheck\.config\.yaml:\d+: /);
  });

  test('the starter configuration loads and changes nothing', async () => {
    const text = starterConfig(builtinRules);
    expect(await problems('citecheck.config.yaml', text)).toEqual([]);
    const dir = tempDir();
    writeFileSync(join(dir, 'citecheck.config.yaml'), text);
    expect(await loadConfig(join(dir, 'citecheck.config.yaml'), builtinRules)).toMatchObject({ settings: {}, registries: [], date: null, ignore: [] });
    // Every rule is shown, with its default, ready to uncomment.
    for (const rule of builtinRules) expect(text).toContain(`# ${rule.meta.id}:`);
    const uncommented = text.replace(/^ {2}# ([a-z-]+:)/gm, '  $1');
    expect(await problems('citecheck.config.yaml', uncommented)).toEqual([]);
  });
});
