/** The built CLI on real files: --fix on the example article, configuration errors, machine formats, --cache (what it runs, and with --jobs), the command itself (code cache, exit, old path). */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import ajvDraft04 from 'ajv-draft-04';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { runCli } from '../helpers/cli.js';
import { BIN, citecheck, ENV, repository, ROOT } from './helpers.js';

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

  test('a mapping used as a key is the schema\'s one line, without a Node warning from the YAML library', () => {
    const dir = repository({
      'citecheck.config.yaml': 'registries: [ours.yaml]\n',
      'ours.yaml': 'sources:\n  - id: wana\n    ? [x, y]\n    : z\n',
      'story.md': '---\n? [a, b]\n: c\ndate: 2024-05-01\n---\nThe talks failed.\n',
    });
    const run = citecheck(['story.md'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`citecheck: ${join(dir, 'ours.yaml')}:2: sources[0]: Unrecognized key: "[ x, y ]" ([ x, y ])\n`);
    // The same key in an article's front matter: the date is still read, and nothing is said.
    const article = citecheck(['--no-config-lookup', '--format', 'json', 'story.md'], dir);
    expect(article.stderr).toBe('');
    expect(JSON.parse(article.stdout).files[0].date).toBe('2024-05-01');
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

/**
 * The source files of dist/cli.cjs whose code ran in a run of the CLI: from V8's coverage of
 * the bundle (NODE_V8_COVERAGE), each function that ran mapped back through the source map.
 * A function is placed by the first token of its body: a module's initialiser (esbuild wraps
 * each lazily loaded module in one) starts and ends in glue the map gives to its neighbours.
 */
function sourcesRun(args: readonly string[], cwd: string): Set<string> {
  const coverage = mkdtempSync(join(tmpdir(), 'citecheck-coverage-'));
  try {
    spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...ENV, NODE_V8_COVERAGE: coverage }, encoding: 'utf8' });
    const bundle = join(ROOT, 'dist', 'cli.cjs');
    const code = readFileSync(bundle, 'utf8');
    // V8's offsets count from the start of what bin/citecheck.cjs compiles: the bundle in Node's module wrapper.
    const wrapper = Module.wrap('\0').indexOf('\0');
    const map = new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')));
    const lineStarts = [0, ...[...code.matchAll(/\n/g)].map((match) => match.index! + 1)];
    const sourceAt = (offset: number) => {
      offset -= wrapper;
      let line = 0;
      while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line++;
      const { originalSource } = map.findEntry(line, offset - lineStarts[line]!) as { originalSource?: string };
      const url = originalSource ? new URL(originalSource, pathToFileURL(bundle)) : null;
      return url?.protocol === 'file:' ? relative(ROOT, fileURLToPath(url)) : null;
    };
    const sources = new Set<string>();
    for (const file of readdirSync(coverage)) {
      const { result } = JSON.parse(readFileSync(join(coverage, file), 'utf8')) as { result: { url: string; functions: { ranges: { startOffset: number; endOffset: number; count: number }[] }[] }[] };
      for (const script of result.filter((entry) => entry.url === pathToFileURL(bundle).href)) {
        for (const { ranges: [whole] } of script.functions) {
          if (!whole || whole.count === 0) continue;
          const body = code.indexOf('{', whole.startOffset - wrapper) + 1 + wrapper;
          const source = sourceAt(body > wrapper && body < whole.endOffset ? body : whole.startOffset);
          if (source) sources.add(source);
        }
      }
    }
    return sources;
  } finally {
    rmSync(coverage, { recursive: true, force: true });
  }
}

describe('--cache', () => {
  test('a run whose files all come from the cache never loads the rules (nor the engine with them)', () => {
    const dir = repository({ 'a.txt': 'Iran and Iraq signed a pipeline deal in 2023 [Wikipedia].\n', 'b.md': '# Talks\n\nExperts say the deal will collapse.\n' });
    // The rules, the checker and the engine's passes; not the small engine modules the report and the cache share.
    const checkingCode = (sources: Set<string>) => [...sources].filter((source) => /^(rules\/|src\/checker\.ts|src\/engine\/check\.ts|src\/parse\/|src\/citations\/)/.test(source)).sort();
    const checking = sourcesRun(['--cache', '--format', 'json', '.'], dir);
    expect(checkingCode(checking)).toEqual(expect.arrayContaining(['rules/tertiary-source.ts', 'rules/vague-attribution.ts', 'src/checker.ts', 'src/engine/check.ts']));
    const cached = sourcesRun(['--cache', '--format', 'json', '.'], dir);
    expect(cached).toContain('src/cli/cache.ts');
    expect(checkingCode(cached)).toEqual([]);
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

  test('another build of citecheck, of the same version, checks every file again', () => {
    // A copy of the installed command, then the same copy rebuilt with a change.
    const installed = mkdtempSync(join(tmpdir(), 'citecheck-installed-'));
    for (const part of ['bin', 'dist', 'registry', 'package.json']) cpSync(join(ROOT, part), join(installed, part), { recursive: true });
    const dir = repository({ 'a.txt': 'Iran and Iraq signed a pipeline deal in 2023 [Wikipedia].\n' });
    const run = () => spawnSync(process.execPath, [join(installed, 'bin', 'citecheck.cjs'), '--cache', '--format', 'json', '.'], { cwd: dir, env: ENV, encoding: 'utf8' }).stdout;
    const first = run();
    const cache = join(dir, '.citecheckcache');
    const marked = readFileSync(cache, 'latin1').replace('"ruleId": "tertiary-source"', '"ruleId": "TERTIARY-SOURCE"');
    writeFileSync(cache, marked, 'latin1');
    expect(run()).toContain('TERTIARY-SOURCE');
    writeFileSync(cache, marked, 'latin1');
    writeFileSync(join(installed, 'dist', 'cli.cjs'), `${readFileSync(join(installed, 'dist', 'cli.cjs'), 'utf8')}\n// rebuilt\n`);
    expect(run()).toBe(first);
    rmSync(installed, { recursive: true, force: true });
  });
});

describe('the command', () => {
  test('compiles the CLI with a code cache V8 accepts (made by the build for this Node), named after the build', () => {
    const bundle = join(ROOT, 'dist', 'cli.cjs');
    const source = readFileSync(bundle, 'utf8');
    const build = /^\/\/ citecheck build ([0-9a-f]{16})\n"use strict";/.exec(source)?.[1];
    expect(build).toBeDefined();
    expect(readdirSync(join(ROOT, 'dist')).filter((name) => name.endsWith('.cache'))).toEqual([`cli.cjs.${build}.cache`]);
    const script = new Script(Module.wrap(source), { filename: bundle, cachedData: readFileSync(`${bundle}.${build}.cache`) });
    expect(script.cachedDataRejected).toBe(false);
  });

  test('compiles each library it loads from dist/vendor/ with a code cache of the same build, which V8 accepts', () => {
    const build = /^\/\/ citecheck build ([0-9a-f]{16})\n/.exec(readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8'))?.[1];
    const vendor = join(ROOT, 'dist', 'vendor');
    const scripts = readdirSync(vendor).filter((name) => name.endsWith('.cjs')).sort();
    expect(scripts).toEqual(['cheerio-slim.cjs', 'js-yaml.cjs', 'micromark.cjs', 'tinyglobby.cjs', 'yaml.cjs', 'zod.cjs']);
    expect(readdirSync(vendor).filter((name) => name.endsWith('.cache')).sort()).toEqual(scripts.map((name) => `${name}.${build}.cache`));
    for (const name of scripts) {
      const source = readFileSync(join(vendor, name), 'utf8');
      expect(source.startsWith(`// citecheck build ${build}\n`)).toBe(true);
      const script = new Script(Module.wrap(source), { filename: join(vendor, name), cachedData: readFileSync(join(vendor, `${name}.${build}.cache`)) });
      expect([name, script.cachedDataRejected]).toEqual([name, false]);
    }
  });

  test('loads each library once, from dist/vendor/, never from node_modules', () => {
    // A configuration with a registry (zod, js-yaml), front matter with a list (yaml), Markdown
    // beyond the subset reader (micromark), HTML (cheerio) and a glob (tinyglobby).
    const dir = repository({
      'citecheck.config.yaml': 'registries: [desk.yaml]\n',
      'desk.yaml': 'sources:\n  - id: desk-wire\n    name: "Desk Wire"\n    kind: news-agency\n    country: GB\n    affiliation: independent\n    reliability: { rating: unrated, provenance: "none" }\n    reference: "https://deskwire.example.com/about"\n',
      'story.md': '---\nauthors:\n  - Desk\ndate: 2024-05-01\n---\n- Officials met, according to Desk Wire.\n\n```\ncode\n```\n',
      'story.html': '<p>Officials met (Reuters +3).</p>\n',
    });
    const trace = join(dir, 'loaded.cjs');
    // Preloaded: lists every file Node's own loader compiles.
    writeFileSync(trace, "const M = require('node:module'); const c = M.prototype._compile; M.prototype._compile = function (s, f) { process.stderr.write(`loaded ${f}\\n`); return c.call(this, s, f); };\n");
    const run = spawnSync(process.execPath, ['--require', trace, BIN, '--format', 'json', 'story.html', '*.md'], { cwd: dir, env: ENV, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).files.map((file: { path: string; date: string | null }) => [file.path, file.date])).toEqual([['story.html', null], ['story.md', '2024-05-01']]);
    const loaded = run.stderr.split('\n').filter((line) => line.startsWith('loaded ')).map((line) => relative(ROOT, line.slice('loaded '.length)));
    expect(loaded.filter((path) => path.includes('node_modules'))).toEqual([]);
  });

  test('ends as soon as the report is out, with all of it written to a pipe', () => {
    // Well past a pipe's 64 KB buffer, so the reader has drained it many times before the end.
    const article = Array.from({ length: 400 }, (_, i) => `Exports rose ${i}% in 2024 (IRNA English +${i + 1}), according to the Rowan${i} News Agency.\n`).join('\n');
    const dir = repository({ 'a.txt': article, 'b.txt': article });
    const run = spawnSync(process.execPath, [BIN, '--format', 'json', 'a.txt', 'b.txt'], { cwd: dir, env: ENV, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    expect(run.stdout.length).toBeGreaterThan(1_000_000);
    expect(run.status).toBe(1);
    // The same report written to a file: byte for byte.
    expect(citecheck(['--format', 'json', '--output-file', 'report.json', 'a.txt', 'b.txt'], dir).code).toBe(1);
    expect(run.stdout).toBe(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect((JSON.parse(run.stdout) as { files: { path: string }[] }).files.map((file) => file.path)).toEqual(['a.txt', 'b.txt']);
  });

  test('still runs from bin/citecheck.js, the path git hooks installed by earlier versions name', () => {
    const dir = repository({ 'a.txt': 'The talks failed (Reuters +4).\n' });
    const old = spawnSync(process.execPath, [join(ROOT, 'bin', 'citecheck.js'), '--format', 'json', 'a.txt'], { cwd: dir, env: ENV, encoding: 'utf8' });
    expect({ code: old.status, stdout: old.stdout, stderr: old.stderr }).toEqual(citecheck(['--format', 'json', 'a.txt'], dir));
    expect(old.status).toBe(1);
  });
});

describe('front matter the YAML library reads (not plain key: value lines)', () => {
  const article = '---\ntitle: "Talks"\nauthors:\n  - Desk\n  - Wire\ndate: 2024-05-01\n---\nExperts say the talks failed.\n';

  test('gives its date in the CLI, in its --jobs workers and in the API', async () => {
    const dir = repository(Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`story-${i}.md`, article])));
    for (const jobs of ['1', '2']) {
      const run = citecheck(['--jobs', jobs, '--format', 'json', '.'], dir);
      const files = (JSON.parse(run.stdout) as { files: { date: string | null; dateSource: string }[] }).files;
      expect(files.map((file) => `${file.date} ${file.dateSource}`)).toEqual(Array(8).fill('2024-05-01 frontmatter'));
    }
    const api = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href) as typeof import('../../src/index.js');
    const results = await api.check([{ path: 'story.md', text: article }]);
    expect(results.files.map((file) => 'date' in file && file.date)).toEqual(['2024-05-01']);
  });
});

describe('the built CLI and API against the sources', () => {
  // Bundling can change behaviour where the sources cannot show it (a CommonJS library's
  // exports, a module's path, strict mode): every loader, the YAML and schema libraries, and
  // each stage, run both ways; and through the --jobs workers (twice the files: workers start
  // only for 8 or more).
  const files = {
    'article.txt': readFileSync(ARTICLE, 'utf8'),
    'story.md': '---\ntitle: "Talks"\ntags: [iran, iraq]  # a comment\ndate: 2024-05-01\n---\n# Talks\n\n<!-- citecheck-disable-next-line vague-attribution -- quoted -->\nExperts say the deal is done.\n\nThe talks failed, [Reuters][r] reported (IRNA English +3).\n\n| who | said |\n| --- | --- |\n| Ali Larijani, Iran\'s foreign minister | no |\n\n[r]: https://www.reuters.com/world/\n',
    'plain.md': '---\ndate: 2025-08-12\n---\nAli Larijani, Iran\'s foreign minister, said so, according to the Rowan News Agency.\n',
    'page.html': '<html><head><meta property="article:published_time" content="2024-03-02T10:00:00Z"></head><body><nav>Home</nav><article><p>Trade rose 14% &amp; more, according to <a href="https://en.wikipedia.org/wiki/Iraq">Wikipedia</a>. Click here.</p></article></body></html>',
    '.citecheckrc.yaml': 'registries:\n  - newsroom.yaml\nrules:\n  relative-date: warning\n',
    'newsroom.yaml': 'sources:\n  - id: rowan\n    name: "Rowan News Agency"\n    aliases: []\n    domains: ["rowan.example"]\n    kind: news-agency\n    country: IQ\n    affiliation: independent\n    reliability:\n      rating: unrated\n      provenance: "No public rating"\n    reference: "https://rowan.example/about"\n',
  };

  test.each([['json'], ['stylish'], ['compact'], ['sarif']])('--format %s gives the same bytes and exit code', async (format) => {
    const dir = repository({ ...files, ...Object.fromEntries(Object.entries(files).filter(([path]) => !path.endsWith('.yaml')).map(([path, text]) => [`more/${path}`, text])) });
    const built = citecheck(['--format', format, '.'], dir);
    expect(built.stdout.length).toBeGreaterThan(500);
    expect(built).toEqual(await runCli(['--format', format, '.'], { cwd: dir }));
    expect(citecheck(['--jobs', '2', '--format', format, '.'], dir)).toEqual(built);
  });

  test.each([
    [['explain', 'unknown-source']],
    [['rules']],
    [['sources', 'IRNA', 'English']],
    [['sources', 'Ali', 'Larijani']],
    [['sources', '--unknown', 'article.txt']],
    [['registry', 'validate', 'newsroom.yaml']],
    [['registry', 'import', '--from', 'csv', 'list.csv']],
    [['registry', 'import', '--from', 'csv', 'list.csv', '--into', 'newsroom.yaml']],
    [['--fix-dry-run', '--format', 'json', 'article.txt']],
  ])('citecheck %j gives the same bytes, files and exit code', async (args) => {
    const csv = { 'list.csv': 'name,domain,rating\nKurdistan Chronicle,kurdistanchronicle.example.com,generally-reliable\n' };
    const builtDir = repository({ ...files, ...csv });
    const sourcesDir = repository({ ...files, ...csv });
    const built = citecheck(args, builtDir);
    expect(built.stderr).not.toMatch(/internal error/);
    expect(built).toEqual(await runCli(args, { cwd: sourcesDir }));
    expect(readFileSync(join(builtDir, 'newsroom.yaml'), 'utf8')).toBe(readFileSync(join(sourcesDir, 'newsroom.yaml'), 'utf8'));
  });

  test('the built CLI makes no import() call: a script compiled by node:vm cannot run one', () => {
    expect(readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8').match(/\bimport\(/g)).toBeNull();
  });

  test('the built API gives the sources\' results', async () => {
    const built = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href) as typeof import('../../src/index.js');
    const sources = await import('../../src/index.js');
    const inputs = Object.entries(files).filter(([path]) => !path.endsWith('.yaml')).map(([path, text]) => ({ path, text }));
    const results = JSON.stringify(await built.check(inputs));
    expect(results).toContain('"date":"2024-05-01","dateSource":"frontmatter"');
    expect(results).toBe(JSON.stringify(await sources.check(inputs)));
  });
});
