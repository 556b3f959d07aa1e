import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

const ARTICLE = 'fixtures/larijani-baghdad.txt';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'citecheck-cli-'));
}

describe('citecheck <paths>', () => {
  test('reports the example article and exits 1 for its errors', async () => {
    const run = await runCli([ARTICLE]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('fixtures/larijani-baghdad.txt');
    expect(run.stdout).toMatch(/ai-citation-artifact/);
    expect(run.stdout).toMatch(/✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ infos?\)/);
    expect(run.stderr).toBe('');
  });

  test('--format json follows the DESIGN.md contract', async () => {
    const run = await runCli(['--format', 'json', ARTICLE]);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(['version', 'tool', 'files', 'summary']);
    expect(report.files[0]).toMatchObject({ path: ARTICLE, format: 'text', date: null, dateSource: 'none' });
    expect(Object.keys(report.files[0].findings[0])).toEqual(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'claimId', 'citationId', 'evidence', 'suggestion', 'fix']);
    expect(report.summary.files).toBe(1);
  });

  test('the same input gives the same bytes', async () => {
    const first = await runCli(['--format', 'json', ARTICLE]);
    const second = await runCli(['--format', 'json', ARTICLE]);
    expect(second.stdout).toBe(first.stdout);
  });

  test('--date sets the article date and its source', async () => {
    const run = await runCli(['--format', 'json', '--date', '2025-08-12', ARTICLE]);
    expect(JSON.parse(run.stdout).files[0]).toMatchObject({ date: '2025-08-12', dateSource: 'flag' });
  });

  test('--quiet keeps errors only', async () => {
    const run = await runCli(['--format', 'json', '--quiet', ARTICLE]);
    const severities = new Set(JSON.parse(run.stdout).files[0].findings.map((finding: { severity: string }) => finding.severity));
    expect([...severities]).toEqual(['error']);
  });

  test('--max-warnings fails a run with no errors but too many warnings', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'Experts say the deal is done. Analysts widely believe it will hold.\n');
    expect((await runCli(['a.txt'], { cwd: dir })).code).toBe(0);
    const strict = await runCli(['--max-warnings', '1', 'a.txt'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('more than --max-warnings 1');
  });

  test('--rule turns a rule off', async () => {
    const run = await runCli(['--format', 'json', '--rule', 'ai-citation-artifact=off', ARTICLE]);
    const rules = JSON.parse(run.stdout).files[0].findings.map((finding: { ruleId: string }) => finding.ruleId);
    expect(rules).not.toContain('ai-citation-artifact');
    expect(rules.length).toBeGreaterThan(0);
  });

  test('reads standard input with -, named by --stdin-filename', async () => {
    const run = await runCli(['--format', 'json', '--stdin-filename', 'pasted.md', '-'], { stdin: 'Reports suggest the talks failed (IRNA +4).\n' });
    const file = JSON.parse(run.stdout).files[0];
    expect(file).toMatchObject({ path: 'pasted.md', format: 'markdown' });
    expect(file.findings.map((finding: { ruleId: string }) => finding.ruleId)).toEqual(expect.arrayContaining(['ai-citation-artifact', 'vague-attribution']));
  });

  test('walks a folder for articles, honouring .gitignore', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'drafts'));
    mkdirSync(join(dir, 'published'));
    writeFileSync(join(dir, '.gitignore'), 'drafts/\n');
    writeFileSync(join(dir, 'published', 'one.md'), '# One\n\nExperts say it worked.\n');
    writeFileSync(join(dir, 'published', 'two.html'), '<article><p>Reports suggest it failed.</p></article>');
    writeFileSync(join(dir, 'published', 'notes.json'), '{}');
    writeFileSync(join(dir, 'drafts', 'three.txt'), 'Experts say nothing.\n');
    const run = await runCli(['--format', 'json', '.'], { cwd: dir });
    expect(JSON.parse(run.stdout).files.map((file: { path: string }) => file.path)).toEqual(['published/one.md', 'published/two.html']);
  });
});

describe('bad input', () => {
  test('a missing file is one line naming it; the other files are still checked, and the run fails (a typo in a CI script must not pass)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.txt'), 'Experts say the deal is done.\n');
    const run = await runCli(['--format', 'json', 'missing.txt', 'good.txt'], { cwd: dir });
    expect(run.stderr).toBe('citecheck: missing.txt: no such file or folder\n');
    expect(JSON.parse(run.stdout).files).toHaveLength(1);
    expect(run.code).toBe(2);
    const glob = await runCli(['--format', 'json', 'drafts/*.md', 'good.txt'], { cwd: dir });
    expect(glob.stderr).toBe('citecheck: drafts/*.md: no files match\n');
    expect(glob.code).toBe(2);
    expect((await runCli(['--format', 'json', 'good.txt'], { cwd: dir })).code).toBe(0);
  });

  test('front matter that cannot be read says so on standard error; the article is still checked', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad-date.md'), '---\ntitle: Talks\ndate: 2025-02-30\n---\nThe deal was announced today.\n');
    writeFileSync(join(dir, 'bad-yaml.md'), '---\ntitle: "Talks\ndate: 2025-02-03\n---\nThe deal was announced today.\n');
    writeFileSync(join(dir, 'good.md'), '---\ntitle: Talks\ndate: 2025-02-03\n---\nThe deal was announced today.\n');
    const run = await runCli(['--format', 'json', 'bad-date.md', 'bad-yaml.md', 'good.md'], { cwd: dir });
    expect(run.stderr).toBe([
      'citecheck: bad-date.md: front matter date "2025-02-30" is not a calendar date, so the article was checked without a date',
      'citecheck: bad-yaml.md: front matter is not valid YAML, so its date and title were not read',
      '',
    ].join('\n'));
    expect(JSON.parse(run.stdout).files).toHaveLength(3);
    expect(run.code).toBe(0);
  });

  test('an --output-file in a folder that does not exist: one line in words, exit 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.txt'), 'The minister resigned, Reuters reported.\n');
    const run = await runCli(['-o', 'nodir/report.json', '--format', 'json', 'good.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^citecheck: cannot write .*nodir[\\/]report\.json \(no such folder\)\n$/);
  });

  test('a disable comment naming no rule says so, with the nearest rule; the article is still checked', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), '<!-- citecheck-disable-next-line vague-atribution -- quoted on purpose -->\nExperts say the deal is done.\n\n<!-- citecheck-disable-next-line vague-attribution -->\nExperts say it is over.\n');
    const run = await runCli(['--format', 'json', 'a.md'], { cwd: dir });
    expect(run.stderr).toBe('citecheck: a.md:1: citecheck-disable-next-line names no rule "vague-atribution"; did you mean "vague-attribution"?\n');
    expect(JSON.parse(run.stdout).files[0].findings.map((finding: { line: number }) => finding.line)).toEqual([2]);
  });

  test('--max-warnings -1, the default --help shows, means no limit', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.txt'), 'Experts say the deal is done.\n');
    expect((await runCli(['--max-warnings', '-1', 'good.txt'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['--max-warnings', '0', 'good.txt'], { cwd: dir })).code).toBe(1);
  });

  test('a run that checked nothing does not say "No problems found"', async () => {
    const run = await runCli(['nowhere/missing.txt']);
    expect(run.stdout).toBe('No files were checked.\n');
  });

  test('exit 2 when nothing could be read', async () => {
    const run = await runCli(['nowhere/missing.txt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('citecheck: nowhere/missing.txt: no such file or folder\n');
  });

  test('a binary file is skipped with a message', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    writeFileSync(join(dir, 'good.txt'), 'Experts say the deal is done.\n');
    const run = await runCli(['photo.txt', 'good.txt'], { cwd: dir });
    expect(run.stderr).toMatch(/^citecheck: photo\.txt: .*binary.*\n$/);
    expect(run.code).toBe(0);
  });

  test('a file over --max-file-size is refused', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.txt'), 'word '.repeat(1000));
    const run = await runCli(['--max-file-size', '1KB', 'big.txt'], { cwd: dir });
    expect(run.stderr).toBe('citecheck: big.txt: 5 KB is over the 1 KB limit (--max-file-size), skipped\n');
    expect(run.code).toBe(2);
  });

  test('an unreadable file is one line', async () => {
    if (process.getuid?.() === 0) return; // root reads everything
    const dir = tempDir();
    writeFileSync(join(dir, 'locked.txt'), 'text');
    chmodSync(join(dir, 'locked.txt'), 0);
    const run = await runCli(['locked.txt'], { cwd: dir });
    expect(run.stderr).toBe('citecheck: locked.txt: cannot read (permission denied)\n');
  });

  test('an empty file is checked and said to be empty', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.txt'), '');
    const run = await runCli(['empty.txt'], { cwd: dir });
    expect(run.stderr).toBe('citecheck: empty.txt: empty file, nothing to check\n');
    expect(run.code).toBe(0);
  });

  test('a folder with no articles', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'images'));
    const run = await runCli(['images'], { cwd: dir });
    expect(run.stderr).toContain('images: no article files');
    expect(run.code).toBe(2);
  });

  test.each([
    [['--date', '2025-02-30', ARTICLE], '--date must be a calendar date as YYYY-MM-DD, not "2025-02-30"'],
    [['--rule', 'tertiary-sources=off', ARTICLE], '--rule: unknown rule "tertiary-sources"; did you mean "tertiary-source"?'],
    [['--max-warnings', 'many', ARTICLE], '--max-warnings takes a whole number (or -1, no limit), not "many"'],
    [['--max-warnings', '-2', ARTICLE], '--max-warnings takes a whole number (or -1, no limit), not "-2"'],
  ])('bad usage %j exits 2 with one line', async (args, message) => {
    const run = await runCli(args as string[]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('an unknown format is a usage error', async () => {
    const run = await runCli(['--format', 'xml', ARTICLE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Allowed choices are stylish, json, compact, github, sarif, junit, codequality");
  });
});

describe('subcommands', () => {
  test('explain prints a rule doc', async () => {
    const run = await runCli(['explain', 'citation-cluster']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# citation-cluster/);
  });

  test('explain knows the id unused directives are reported under', async () => {
    const run = await runCli(['explain', 'unused-disable-directive']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# unused-disable-directive\n\nReported with `--report-unused-disable-directives`/);
  });

  test('explain suggests the nearest rule', async () => {
    const run = await runCli(['explain', 'citation-clusters']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('did you mean "citation-cluster"?');
  });

  test('rules lists every rule with its default severity', async () => {
    const run = await runCli(['rules']);
    expect(run.stdout).toMatch(/^ai-citation-artifact\s+error\s+fixable\s+Chatbot citation residue/m);
    expect(run.stdout).toMatch(/^vague-attribution\s+warning\s+/m);
  });

  test('sources finds an outlet by name and by domain, the same entry', async () => {
    const byName = await runCli(['sources', 'IRNA English']);
    const byDomain = await runCli(['sources', 'irna.ir']);
    expect(byName.stdout).toContain('Islamic Republic News Agency');
    expect(byDomain.stdout).toBe(byName.stdout);
  });

  test('sources shows an open term as current only as of the registry\'s last check', async () => {
    const run = await runCli(['sources', 'Abbas Araghchi']);
    expect(run.stdout).toContain('Minister of Foreign Affairs of Iran (IR): 2024-08-21 – present (as of 2025-12-31)');
    // A hand-over recorded after the check dates what the registry knows of that office.
    expect((await runCli(['sources', 'Mojtaba Khamenei'])).stdout).toContain('2026-03 – present (as of 2026-03)');
  });

  test('--version and --help', async () => {
    expect((await runCli(['--version'])).stdout.trim()).toBe('0.1.0');
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: citecheck');
  });
});

describe('registry and source look-ups', () => {
  test('registry validate accepts the built-in registry', async () => {
    const run = await runCli(['registry', 'validate']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^valid: \d+ sources, \d+ people, \d+ offices, \d+ events\n$/);
  });

  test('registry validate names the file, line and key of a problem', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'desk.yaml'), 'sources:\n  - id: wana\n    reliability: { rating: shaky, provenance: desk }\n');
    const run = await runCli(['registry', 'validate', 'desk.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/desk\.yaml:3: sources\[0\]\.reliability\.rating: /);
  });

  test('sources --unknown lists cited names the registry lacks, most cited first', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'The deal was signed (Kurdistan Chronicle, Reuters).\nTalks resumed (Kurdistan Chronicle).\nA deal was near (Basra Daily Wire).\n');
    const run = await runCli(['sources', '--unknown', 'a.txt'], { cwd: dir });
    expect(run.stdout).toBe('    2  Kurdistan Chronicle\n    1  Basra Daily Wire\n');
  });
});

describe('registry import', () => {
  const excerpt = join(process.cwd(), 'test/registry/rsp-excerpt.wikitext');

  test('--from wikipedia-rsp merges into a newsroom file, keeping its notes, and the result validates', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'desk.yaml'), 'sources:\n  - id: reuters\n    note: "Desk: prefer Reuters for wire copy."\n');
    const run = await runCli(['registry', 'import', '--from', 'wikipedia-rsp', excerpt, '--into', 'desk.yaml'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/4 rows imported; \d+ entries updated or added in desk\.yaml/);
    const { parse } = await import('yaml');
    const desk = parse(readFileSync(join(dir, 'desk.yaml'), 'utf8')) as { sources: { id: string; note?: string; reliability?: { rating: string } }[] };
    const reuters = desk.sources.find((source) => source.id === 'reuters')!;
    expect(reuters.note).toBe('Desk: prefer Reuters for wire copy.');
    expect(reuters.reliability?.rating).toBe('generally-reliable');
    expect(desk.sources.find((source) => source.id === 'spam-wire')?.reliability?.rating).toBe('blacklisted');
    expect((await runCli(['registry', 'validate', 'desk.yaml'], { cwd: dir })).code).toBe(0);
  });

  test('--from csv prints YAML; a bad rating names the line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'list.csv'), 'name,domain,rating\nKurdistan Chronicle,kurdistanchronicle.example.com,reliable\n');
    const run = await runCli(['registry', 'import', '--from', 'csv', 'list.csv'], { cwd: dir });
    expect(run.stdout).toContain('name: Kurdistan Chronicle');
    writeFileSync(join(dir, 'bad.csv'), 'name,domain,rating\nX,x.example.com,great\n');
    const bad = await runCli(['registry', 'import', '--from', 'csv', 'bad.csv'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.csv:2: rating "great"');
  });
});
