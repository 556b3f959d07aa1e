import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

const WANA = 'Officials met in Baghdad, according to WANA.\n';

/** A temporary repository-like folder (with .git, so the configuration search stops there). */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'citecheck-cli-config-'));
  mkdirSync(join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function ruleIds(args: string[], cwd: string): Promise<string[]> {
  const run = await runCli(['--format', 'json', ...args], { cwd });
  return JSON.parse(run.stdout).files.flatMap((file: { findings: { ruleId: string }[] }) => file.findings.map((finding) => finding.ruleId));
}

describe('configuration files', () => {
  test('rule severities apply to the files below the configuration', async () => {
    const dir = project({ 'citecheck.config.yaml': 'rules:\n  vague-attribution: off\n', 'a.txt': 'Experts say the deal is done.\n' });
    expect(await ruleIds(['a.txt'], dir)).toEqual([]);
    expect(await ruleIds(['--no-config-lookup', 'a.txt'], dir)).toEqual(['vague-attribution']);
  });

  test('--rule wins over the configuration', async () => {
    const dir = project({ '.citecheckrc': '{ "rules": { "vague-attribution": "off" } }', 'a.txt': 'Experts say the deal is done.\n' });
    const run = await runCli(['--format', 'json', '--rule', 'vague-attribution=error', 'a.txt'], { cwd: dir });
    expect(JSON.parse(run.stdout).files[0].findings.map((finding: { severity: string }) => finding.severity)).toEqual(['error']);
    expect(run.code).toBe(1);
  });

  test('the nearest configuration applies to each file', async () => {
    const dir = project({
      'citecheck.config.yaml': 'rules:\n  vague-attribution: error\n',
      'desk/package.json': JSON.stringify({ name: 'desk', citecheck: { rules: { 'vague-attribution': 'info' } } }),
      'a.txt': 'Experts say the deal is done.\n',
      'desk/b.txt': 'Experts say the deal is done.\n',
    });
    const run = await runCli(['--format', 'json', '.'], { cwd: dir });
    const severities = Object.fromEntries(JSON.parse(run.stdout).files.map((file: { path: string; findings: { severity: string }[] }) => [file.path, file.findings[0]!.severity]));
    expect(severities).toEqual({ 'a.txt': 'error', 'desk/b.txt': 'info' });
  });

  test('a broken package.json that holds a "citecheck" key is reported, not dropped; one without the key is not ours', async () => {
    const broken = project({ 'package.json': '{"name":"x",\n "citecheck":{"rules":{"vague-attribution":"error"}}\n', 'a.txt': 'Experts say the deal is done.\n' });
    const run = await runCli(['a.txt'], { cwd: broken });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/package\.json:3: /);
    const other = project({ 'package.json': '{"name":"x",\n "scripts": {\n', 'a.txt': 'Experts say the deal is done.\n' });
    expect((await runCli(['a.txt'], { cwd: other })).code).toBe(0);
  });

  test('a named file (or --stdin-filename) that .citecheckignore lists is skipped with a line; one .gitignore lists is checked', async () => {
    const dir = project({
      '.citecheckignore': 'pub/g.txt\n',
      '.gitignore': 'drafts/\n',
      'pub/g.txt': 'Experts say the deal is done.\n',
      'drafts/d.txt': 'Experts say the deal is done.\n',
    });
    const named = await runCli(['--format', 'json', 'pub/g.txt', 'drafts/d.txt'], { cwd: dir });
    expect(named.stderr).toBe('citecheck: pub/g.txt: ignored by .citecheckignore\n');
    expect(JSON.parse(named.stdout).files.map((file: { path: string }) => file.path)).toEqual(['drafts/d.txt']);
    expect(named.code).toBe(0);
    const stdin = await runCli(['--format', 'json', '--stdin-filename', 'pub/g.txt', '-'], { cwd: dir, stdin: 'Experts say the deal is done.\n' });
    expect(stdin.stderr).toBe('citecheck: pub/g.txt: ignored by .citecheckignore\n');
  });

  test('rule options', async () => {
    const text = 'The deal was confirmed (Reuters, AP, AFP).\n';
    const dir = project({ 'citecheck.config.yaml': 'rules:\n  citation-cluster: [warning, { max: 3 }]\n', 'a.txt': text });
    expect(await ruleIds(['--no-config-lookup', 'a.txt'], dir)).toContain('citation-cluster');
    expect(await ruleIds(['a.txt'], dir)).not.toContain('citation-cluster');
  });

  test('a newsroom registry overrides a built-in source ("treat WANA as unreliable")', async () => {
    const dir = project({
      'citecheck.config.yaml': 'registries: [registry/newsroom.yaml]\n',
      // Only the rating: the built-in aliases ("WANA") are kept.
      'registry/newsroom.yaml': 'sources:\n  - id: wana\n    reliability: { rating: generally-unreliable, provenance: "Our standards desk" }\n',
      'a.txt': WANA,
    });
    expect(await ruleIds(['--no-config-lookup', 'a.txt'], dir)).not.toContain('unreliable-source');
    const run = await runCli(['--format', 'json', 'a.txt'], { cwd: dir });
    const finding = JSON.parse(run.stdout).files[0].findings.find((f: { ruleId: string }) => f.ruleId === 'unreliable-source');
    expect(finding).toMatchObject({ severity: 'warning' });
  });

  test('`sources` answers from the registries a check in the folder uses', async () => {
    const dir = project({
      'citecheck.config.yaml': 'registries: [registry/newsroom.yaml]\n',
      'registry/newsroom.yaml': 'sources:\n  - id: wana\n    reliability: { rating: generally-unreliable, provenance: "Our standards desk" }\n',
      'elsewhere.yaml': 'rules:\n  vague-attribution: off\n',
    });
    expect((await runCli(['sources', 'WANA'], { cwd: dir })).stdout).toContain('reliability: generally-unreliable — Our standards desk');
    expect((await runCli(['sources', '--no-config-lookup', 'WANA'], { cwd: dir })).stdout).toContain('reliability: unrated');
    expect((await runCli(['sources', '--config', 'elsewhere.yaml', 'WANA'], { cwd: dir })).stdout).toContain('reliability: unrated');
    const none = await runCli(['sources', '--unknown'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('sources --unknown takes the articles to read');
  });

  test('a bad registry file is file:line: key: problem, exit 2', async () => {
    const dir = project({
      'citecheck.config.yaml': 'registries: [ours.yaml]\n',
      'ours.yaml': 'sources:\n  - id: wana\n    reliability: { rating: dodgy, provenance: "x" }\n',
      'a.txt': WANA,
    });
    const run = await runCli(['a.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^citecheck: .*ours\.yaml:3: sources\[0\]\.reliability\.rating: /m);
  });

  test('an alias to no anchor in a registry is file:line, not an internal error', async () => {
    const dir = project({
      'citecheck.config.yaml': 'registries: [ours.yaml]\n',
      'ours.yaml': 'sources:\n  - id: wana\n    reliability: *dodgy\n',
      'a.txt': WANA,
    });
    const run = await runCli(['a.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^citecheck: .*ours\.yaml:3: Unresolved alias .*: dodgy$/m);
    expect(run.stderr).not.toMatch(/internal error/);
  });

  test('the configured date is used when the article has none', async () => {
    const dir = project({ 'citecheck.config.json': '{ "date": "2025-08-12" }', 'a.txt': 'Experts say it.\n', 'b.md': '---\ndate: 2024-01-02\n---\nExperts say it.\n' });
    const files = JSON.parse((await runCli(['--format', 'json', 'a.txt', 'b.md'], { cwd: dir })).stdout).files;
    expect(files.map((file: { date: string; dateSource: string }) => [file.date, file.dateSource])).toEqual([['2025-08-12', 'config'], ['2024-01-02', 'frontmatter']]);
    const flagged = JSON.parse((await runCli(['--format', 'json', '--date', '2020-01-01', 'a.txt'], { cwd: dir })).stdout).files[0];
    expect(flagged).toMatchObject({ date: '2020-01-01', dateSource: 'flag' });
  });

  test('ignore patterns, relative to the configuration file', async () => {
    const dir = project({
      'citecheck.config.yaml': 'ignore:\n  - drafts/\n  - "*.draft.md"\n',
      'drafts/a.txt': 'Experts say it.\n', 'b.draft.md': 'Experts say it.\n', 'c.md': 'Experts say it.\n',
    });
    const run = await runCli(['--format', 'json', '.'], { cwd: dir });
    expect(JSON.parse(run.stdout).files.map((file: { path: string }) => file.path)).toEqual(['c.md']);
    // A file named on the command line and ignored gets a word, and the run is clean.
    const named = await runCli(['b.draft.md'], { cwd: dir });
    expect(named.stderr).toBe('citecheck: b.draft.md: ignored by the "ignore" patterns of citecheck.config.yaml\n');
    expect(named.code).toBe(0);
  });

  test('--config names the file for every checked file', async () => {
    const dir = project({ 'settings/strict.yaml': 'rules:\n  vague-attribution: error\n', 'a.txt': 'Experts say it.\n' });
    const run = await runCli(['--format', 'json', '--config', 'settings/strict.yaml', 'a.txt'], { cwd: dir });
    expect(JSON.parse(run.stdout).files[0].findings[0].severity).toBe('error');
    const missing = await runCli(['--config', 'nope.yaml', 'a.txt'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`citecheck: ${join(dir, 'nope.yaml')}: cannot read configuration file (no such file)\n`);
  });

  test('a bad configuration: every problem as file:line: key: problem, exit 2, nothing checked', async () => {
    const dir = project({ 'citecheck.config.yaml': 'rules:\n  tertiary-sources: error\n  citation-cluster: [warning, { max: "3" }]\n', 'a.txt': 'Experts say it.\n' });
    const run = await runCli(['a.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe([
      `citecheck: ${join(dir, 'citecheck.config.yaml')}:2: rules.tertiary-sources: unknown rule "tertiary-sources"; did you mean "tertiary-source"?`,
      `citecheck: ${join(dir, 'citecheck.config.yaml')}:3: rules.citation-cluster[1].max: Invalid input: expected number, received string`,
      '',
    ].join('\n'));
  });

  test('standard input finds the configuration from --stdin-filename or the current folder', async () => {
    const dir = project({ 'citecheck.config.yaml': 'rules:\n  vague-attribution: off\n' });
    const run = await runCli(['--format', 'json', '--stdin-filename', 'pasted.txt', '-'], { cwd: dir, stdin: 'Experts say it.\n' });
    expect(JSON.parse(run.stdout).files[0].findings).toEqual([]);
  });
});

describe('citecheck init', () => {
  test('writes a commented starter configuration that loads', async () => {
    const dir = project({ 'a.txt': 'Experts say it.\n' });
    const run = await runCli(['init'], { cwd: dir });
    expect(run.code).toBe(0);
    const text = readFileSync(join(dir, 'citecheck.config.yaml'), 'utf8');
    expect(text).toMatch(/^# citecheck configuration/);
    expect(text).toMatch(/^ {2}# ai-citation-artifact: +error$/m);
    expect((await runCli(['a.txt'], { cwd: dir })).code).toBe(0);
  });

  test('refuses to overwrite', async () => {
    const dir = project({ 'citecheck.config.yaml': 'rules: {}\n' });
    const run = await runCli(['init'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('already configures citecheck here; not overwriting it');
    expect(readFileSync(join(dir, 'citecheck.config.yaml'), 'utf8')).toBe('rules: {}\n');
    const other = project({ '.citecheckrc': '{}' });
    expect((await runCli(['init'], { cwd: other })).code).toBe(2);
    expect(existsSync(join(other, 'citecheck.config.yaml'))).toBe(false);
  });
});
