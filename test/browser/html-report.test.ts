/**
 * The HTML report in a real browser: Debian's chromium, driven by playwright-core. The report is
 * opened from a file:// URL, as a fact-checker opens it. Without chromium this FAILS (it never
 * skips): CI installs it in .ci/run.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { exampleReports, repoRoot, reportsOf, type Reports } from './example-report.js';

const CHROMIUM = '/usr/bin/chromium';
// Without the background-networking flags chromium phones home at start-up, which this machine's
// closed network refuses (and which would show up as requests).
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const OUT = path.join(repoRoot, 'test-output/html-report');
/** Chromium renders in software here, on a shared machine: starting it and a full-page screenshot take seconds. */
const SLOW = 120_000;

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The HTML report's browser test needs Chromium at ${CHROMIUM}, and it is not installed. ` +
        'Install Debian\'s package: apt-get update && apt-get install -y chromium (.ci/run does this in CI).',
    );
  }
  mkdirSync(OUT, { recursive: true });
  // launch() gives every run a fresh, empty profile (its own --user-data-dir).
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, SLOW);

afterAll(async () => {
  await browser?.close();
});

interface Watched {
  page: Page;
  requests: string[];
  problems: string[];
  dialogs: string[];
}

/** Opens a report from a file:// URL, recording every request, script error and dialog. */
async function open(html: string, name: string, viewport = { width: 1280, height: 720 }): Promise<Watched> {
  const file = path.join(OUT, `${name}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport });
  const watched: Watched = { page, requests: [], problems: [], dialogs: [] };
  page.on('request', (request) => watched.requests.push(request.url()));
  page.on('pageerror', (error) => watched.problems.push(`page error: ${error.message}`));
  // CSP violations are reported as console errors: a blocked style or script would show here.
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') watched.problems.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(pathToFileURL(file).href);
  return watched;
}

/** Only the report itself, and data: URLs, may ever be loaded. */
function expectNoNetwork(requests: string[]): void {
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
}

const inViewport = (page: Page, id: string) =>
  page.evaluate((target) => {
    const box = document.getElementById(target)!.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
  }, id);

describe('HTML report of the example article, in chromium', () => {
  let reports: Reports;
  let watched: Watched;

  beforeAll(async () => {
    reports = await exampleReports();
    watched = await open(reports.html, 'larijani-baghdad');
  }, SLOW);
  afterAll(async () => {
    await watched?.page.close();
  });

  test('marks one span and lists one side-panel entry per JSON finding, and nothing else', async () => {
    const { page } = watched;
    const findings: { ruleId: string; severity: string; line: number; column: number; message: string }[] = JSON.parse(reports.json).files[0].findings;
    expect(findings.length).toBeGreaterThan(5);
    const key = (f: { ruleId: string; severity: string; line: number; column: number; message: string }) =>
      `${f.severity} ${f.ruleId} ${f.line}:${f.column} ${f.message}`;

    const entries = await page.$$eval('.panel a.goto', (links) =>
      links.map((a) => ({
        target: a.getAttribute('href')!.slice(1),
        ruleId: a.getAttribute('data-rule')!,
        severity: a.getAttribute('data-severity')!,
        line: Number(a.getAttribute('data-line')),
        column: Number(a.getAttribute('data-column')),
        message: a.querySelector('.msg')!.textContent!,
      })),
    );
    expect(entries.map(key).sort()).toEqual(findings.map(key).sort());

    const marks = await page.$$eval('.doc [data-anchor]', (anchors) =>
      anchors.map((anchor) => ({
        id: anchor.id,
        ruleId: anchor.getAttribute('data-rule')!,
        // Every segment of the finding's range, in document order.
        text: [...document.querySelectorAll(`.doc [data-f~="${anchor.id}"]`)].map((el) => el.textContent).join(''),
        visible: anchor.getBoundingClientRect().width > 0,
      })),
    );
    expect(marks).toHaveLength(findings.length);
    expect(new Set(marks.map((m) => m.id)).size).toBe(marks.length);
    // One for one: each entry points at a marked span of its own rule, and every span is pointed at.
    const markById = new Map(marks.map((m) => [m.id, m]));
    for (const entry of entries) expect(markById.get(entry.target)?.ruleId).toBe(entry.ruleId);
    expect(new Set(entries.map((e) => e.target))).toEqual(new Set(markById.keys()));

    // And each mark covers exactly the finding's text in the original file.
    const file = reports.results.files[0]!;
    file.findings.forEach((f, i) => {
      const mark = markById.get(`f1-${i + 1}`)!;
      expect(mark.text).toBe(file.source.slice(f.offset, f.endOffset));
      expect(mark.visible).toBe(true);
    });
  });

  test('clicking a side-panel entry scrolls the article to the finding and focuses it', async () => {
    const { page } = watched;
    const last = await page.$$eval('.panel a.goto', (links) =>
      links.map((a) => ({ target: a.getAttribute('href')!.slice(1), line: Number(a.getAttribute('data-line')) })).sort((a, b) => b.line - a.line)[0]!,
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await inViewport(page, last.target)).toBe(false);
    await page.screenshot({ path: path.join(OUT, 'top.png'), fullPage: true });

    await page.click(`.panel a.goto[href="#${last.target}"]`);
    await page.waitForFunction((target) => document.activeElement?.id === target, last.target, { timeout: 5000 });
    expect(await inViewport(page, last.target)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    // Focus shows the finding's message beside it.
    const tip = await page.$eval('#tip', (el) => ({ hidden: (el as HTMLElement).hidden, text: el.textContent }));
    expect(tip.hidden).toBe(false);
    expect(tip.text).toContain(await page.$eval(`#m${last.target.slice(1)}`, (el) => el.textContent!));
    await page.screenshot({ path: path.join(OUT, 'after-click.png') });
  }, SLOW);

  test('hovering a marked span shows its message; Enter on it reaches its side-panel entry', async () => {
    const { page } = watched;
    await page.hover('#f1-2');
    const text = await page.$eval('#tip', (el) => el.textContent!);
    expect(text).toContain(await page.$eval('#m1-2', (el) => el.textContent!));
    await page.focus('#f1-2');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.id)).toBe('e1-2');
  });

  test('reads in dark mode too', async () => {
    const { page } = watched;
    await page.emulateMedia({ colorScheme: 'dark' });
    const colors = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
    expect(colors[0]).not.toBe(colors[1]);
    expect(colors[0]).toBe('rgb(13, 17, 23)');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUT, 'dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('made no network request and raised no error or CSP violation', () => {
    expectNoNetwork(watched.requests);
    expect(watched.problems).toEqual([]);
    expect(watched.dialogs).toEqual([]);
  });
});

describe('a hostile article', () => {
  const html = [
    '<!doctype html><html><head><title>Hostile</title>',
    "<script>window.__pwned = 'head script'; document.title = 'pwned'; alert('head')</script></head><body><article>",
    '<h1>Minister <img src="x" onerror="window.__pwned = \'img\'; alert(\'img\')"> visits Baghdad</h1>',
    '<p>The minister signed the deal, <a href="javascript:window.__pwned=\'link\';alert(\'link\')">click here</a>',
    ' and <a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">see this</a> and <a href="JaVaScRiPt&colon;alert(2)">this</a>.</p>',
    '<p onmouseover="window.__pwned=\'hover\'">Experts say &lt;script&gt;window.__pwned = \'entity\'&lt;/script&gt; is harmless, ',
    'according to <a href="https://example.org/story">Reuters</a>.</p>',
    "<script>window.__pwned = 'body script'; alert('body')</script>",
    '<svg onload="window.__pwned=\'svg\'"><circle r="2"/></svg><iframe src="https://example.org/"></iframe>',
    '<style>body { background: url(https://example.org/beacon.png) }</style>',
    '</article></body></html>',
  ].join('\n');
  const text = [
    "Experts say <script>window.__pwned = 'text'; alert('text')</script> changed everything.",
    '<img src=x onerror="alert(\'text img\')"> The minister said javascript:alert(3) was harmless (IRNA +2).',
    '',
  ].join('\n');
  const markdown = ["# Test\n\nAnalysts believe [the deal](javascript:alert('md')) was signed <script>alert('md')</script>.\n"].join('');

  test('executes nothing, loads nothing, and links nothing unsafe', async () => {
    const reports = await reportsOf([
      { path: 'hostile.html', text: html },
      { path: 'hostile<img src=x onerror=alert(9)>.txt', text },
      { path: 'hostile.md', text: markdown },
    ]);
    expect(reports.results.files).toHaveLength(3);
    const watched = await open(reports.html, 'hostile');
    const { page } = watched;
    try {
      // Give any injected code every chance: hover, click and focus everything in the articles
      // (but the links out, which would open a tab on the web), with real mouse moves over the marks.
      await page.$$eval('.doc *:not(a.ext)', (elements) => {
        for (const el of elements as HTMLElement[]) {
          el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
          el.click();
          el.focus();
        }
      });
      for (const mark of await page.$$('.doc [data-anchor]')) await mark.hover({ force: true });
      for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
      await page.waitForTimeout(200);

      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned,
        title: document.title,
        scripts: document.scripts.length,
        handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
        hrefs: [...document.querySelectorAll('[href]')].map((el) => el.getAttribute('href')!),
        embedded: document.querySelectorAll('img, iframe, object, embed, .doc svg').length,
        article: [...document.querySelectorAll('.doc')].map((el) => el.textContent).join('\n'),
      }));
      expect(state.pwned).toBeUndefined();
      expect(state.title).toBe('citecheck: 3 files');
      expect(state.scripts).toBe(1);
      expect(state.handlers).toEqual([]);
      expect(state.embedded).toBe(0);
      for (const href of state.hrefs) expect(href).toMatch(/^(#|https?:\/\/|data:,$)/);
      expect(state.hrefs).toContain('https://example.org/story');
      // The hostile text is shown, as text.
      expect(state.article).toContain("<script>window.__pwned = 'text'; alert('text')</script>");
      expect(state.article).toContain("<script>window.__pwned = 'entity'</script>");
      expect(state.article).toContain('[link not followed: javascript:');
      expect(state.article).not.toContain('head script');
      expect(watched.dialogs).toEqual([]);
      expect(page.url()).toMatch(/^file:.*hostile\.html$/);
      expectNoNetwork(watched.requests);
      expect(watched.problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, SLOW);
});
