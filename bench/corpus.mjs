// Deterministic news-like corpora for `npm run bench`: seeded PRNG, no Math.random, so every
// machine benchmarks the same bytes. Bump GENERATOR_VERSION whenever the output changes.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

export const GENERATOR_VERSION = 1;

/** The corpora: multi-file ones rotate .txt/.md/.html; single big files are Markdown. */
export const CORPORA = {
  'article-3k': { kind: 'single', ext: 'txt', bytes: 3_000, seed: 3, quick: true },
  'files-100': { kind: 'multi', files: 100, bytes: 300_000, seed: 100, quick: true },
  'files-2000': { kind: 'multi', files: 2_000, bytes: 6_000_000, seed: 2000 },
  'single-5mb': { kind: 'single', ext: 'md', bytes: 5_000_000, seed: 5 },
  'single-10mb': { kind: 'single', ext: 'md', bytes: 10_000_000, seed: 10 },
  'single-20mb': { kind: 'single', ext: 'md', bytes: 20_000_000, seed: 20 },
};

// ---------------------------------------------------------------- seeded randomness

/** mulberry32: a small, fast, well-mixed 32-bit PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

// ---------------------------------------------------------------- vocabulary

// Outlets with their web domains: registry names, common short forms, and a few unknown ones.
const OUTLETS = [
  ['Reuters', 'reuters.com'], ['Associated Press', 'apnews.com'], ['AFP', 'afp.com'],
  ['BBC News', 'bbc.com'], ['Al Jazeera', 'aljazeera.com'], ['IRNA English', 'en.irna.ir'],
  ['Mehr News Agency', 'en.mehrnews.com'], ['Tasnim News Agency', 'tasnimnews.com'],
  ['Fars News Agency', 'farsnews.ir'], ['Press TV', 'presstv.ir'], ['Rudaw', 'rudaw.net'],
  ['Kurdistan24', 'kurdistan24.net'], ['Shafaq News', 'shafaq.com'], ['Iraqi News Agency', 'ina.iq'],
  ['Caliber.az', 'caliber.az'], ['The Times of Israel', 'timesofisrael.com'], ['Haaretz', 'haaretz.com'],
  ['Anadolu Agency', 'aa.com.tr'], ['Daily Sabah', 'dailysabah.com'], ['Arab News', 'arabnews.com'],
  ['Al-Monitor', 'al-monitor.com'], ['The New York Times', 'nytimes.com'],
  ['The Washington Post', 'washingtonpost.com'], ['The Guardian', 'theguardian.com'],
  ['Tehran Times', 'tehrantimes.com'], ['Afghan Voice Agency', 'avapress.com'], ['WANA', 'wanaen.com'],
  ['Middle East Eye', 'middleeasteye.net'], ['Gulf Daily Wire', 'gulfdailywire.net'],
  ['Tehran Observer', 'tehranobserver.org'],
];
const TERTIARY = ['Wikipedia', 'Wiki', 'ChatGPT', 'Google News'];
const PEOPLE = [
  ["Iran's foreign minister Abbas Araghchi", 'Araghchi'],
  ['Iranian President Masoud Pezeshkian', 'Pezeshkian'],
  ["Ali Larijani, secretary of Iran's Supreme National Security Council", 'Larijani'],
  ["Iraq's National Security Advisor Qasim al-Araji", 'al-Araji'],
  ['Israeli Prime Minister Benjamin Netanyahu', 'Netanyahu'],
  ['Israeli Defence Minister Israel Katz', 'Katz'],
  ['Iraqi President Abdul Latif Rashid', 'Rashid'],
  ["Iran's foreign minister Ali Larijani", 'Larijani'], // a wrong title, on purpose
  ['Turkish Foreign Minister Hakan Fidan', 'Fidan'],
  ['UN Secretary-General António Guterres', 'Guterres'],
  ['Deputy Oil Minister Reza Karimi', 'Karimi'],
  ['Kurdish regional spokesman Peshawa Hawramani', 'Hawramani'],
];
const PLACES = ['Baghdad', 'Tehran', 'Beirut', 'Erbil', 'Damascus', 'Ankara', 'Doha', 'Muscat', 'Basra', 'Mosul', 'Tabriz', 'Amman'];
const SUBJECTS = ['The delegation', 'The ministry', 'Tehran', 'Baghdad', 'The central bank', 'Parliament', 'A regional official',
  'The coalition', 'The negotiating team', 'The government', 'The militia leadership', 'The oil ministry', 'The security council'];
const VERBS = ['has agreed to', 'is expected to', 'plans to', 'refused to', 'moved to', 'pledged to', 'was preparing to', 'declined to', 'voted to'];
const OBJECTS = ['expand trade across the border', 'reopen the crossing at Shalamcheh', 'sign a memorandum on water sharing',
  'review the bilateral security pact', 'release the detained journalists', 'resume talks in Muscat', 'cut fuel subsidies',
  'raise the export quota', 'disarm the groups near the border', 'extend the electricity contract', 'open a consulate in Basra',
  'host the pilgrims during Arbaeen', 'freeze the assets of two companies', 'investigate the drone strike'];
const TAILS = ['before the end of the month', 'despite objections from the opposition', 'after three days of talks', '',
  'in a statement released late on Tuesday', 'once the new cabinet is sworn in', 'under pressure from Washington', '', 'this week'];
const VAGUE = ['Experts say', 'Analysts believe', 'It is believed', 'Observers noted', 'Sources said', 'Many people think',
  'Critics argue', 'It is widely reported'];
const QUOTES = ['We will not accept any agreement that ignores our security', 'The talks were frank and constructive',
  'Our neighbours know that stability here is stability for them', 'Nothing has been signed yet',
  'This is a landmark achievement for both nations', 'We are ready to discuss every issue on the table',
  'The attacks must stop before trade can resume'];
const HEADINGS = ['Why this matters', 'Looking ahead', 'Background', 'Regional reaction', 'What comes next', 'The numbers',
  'Diplomatic visit and strategic intent', 'Conclusion'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// ---------------------------------------------------------------- sentences

// A link is written as \u0001text\u0002url\u0003 and rendered per format.
const host = (domain) => (domain.split('.').length > 2 ? domain : `www.${domain}`);
const link = (rng, [name, domain]) => `\u0001${name}\u0002https://${host(domain)}/news/${rng.int(100000, 999999)}\u0003`;
const outlet = (rng) => rng.pick(OUTLETS)[0];
const date = (rng) => `${rng.pick(MONTHS)} ${rng.int(1, 28)}, ${rng.int(2015, 2025)}`;
const clause = (rng) => `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} ${rng.pick(OBJECTS)} ${rng.pick(TAILS)}`.trim();
const lower = (s) => s[0].toLowerCase() + s.slice(1);
const chips = (rng) => Array.from({ length: rng.int(2, 4) }, () => `${outlet(rng)} +${rng.int(1, 14)}`).join(rng.chance(0.5) ? ' ' : ', ');

const SENTENCES = [
  (r) => `${r.pick(PEOPLE)[0]} said on ${r.pick(WEEKDAYS)} that ${lower(clause(r))} (${outlet(r)}).`,
  (r) => `${clause(r)}, according to ${outlet(r)} and ${outlet(r)}.`,
  (r) => { const [, who] = r.pick(PEOPLE); return `"${r.pick(QUOTES)}," ${who} told ${outlet(r)}.`; },
  (r) => `${clause(r)} (${chips(r)}).`,
  (r) => `${r.pick(VAGUE)} that ${lower(clause(r))}.`,
  (r) => `The ministry said ${r.int(3, 900)} people were detained in ${r.pick(PLACES)} on ${date(r)}, ${outlet(r)} reported.`,
  (r) => `Trade between the two countries reached $${r.int(2, 40)}.${r.int(0, 9)} billion last year, up ${r.int(1, 60)} percent (${outlet(r)} +${r.int(1, 9)}).`,
  (r) => `${clause(r)}. [${r.pick(TERTIARY)}]`,
  (r) => `A treaty signed in ${r.pick(PLACES)} on ${date(r)} had addressed these worries, as ${link(r, r.pick(OUTLETS))} reported at the time.`,
  (r) => `${r.pick(PEOPLE)[0]} arrived in ${r.pick(PLACES)} on ${r.pick(WEEKDAYS)}, where ${lower(clause(r))}.`,
  (r) => `For additional coverage click on ${outlet(r)} or ${outlet(r)}.`,
  (r) => `${clause(r)}, ${link(r, r.pick(OUTLETS))} reported, citing two officials.`,
];

const sentence = (rng) => rng.pick(SENTENCES)(rng);
const HEAD_VERBS = ['agree to', 'move to', 'pledge to', 'plan to', 'refuse to', 'vote to'];
const headline = (rng) => `${rng.pick(PLACES)} and ${rng.pick(PLACES)} ${rng.pick(HEAD_VERBS)} ${rng.pick(OBJECTS)}`;

/** An article as blocks: paragraphs, headings and block quotes, about `bytes` of text. */
export function article(rng, bytes) {
  const blocks = [];
  let size = 0;
  while (size < bytes) {
    let block;
    if (blocks.length > 2 && rng.chance(0.12)) block = { type: 'h', text: rng.pick(HEADINGS) };
    else if (blocks.length > 1 && rng.chance(0.06)) block = { type: 'quote', text: `"${rng.pick(QUOTES)}," ${rng.pick(PEOPLE)[1]} said.` };
    else block = { type: 'p', text: Array.from({ length: rng.int(2, 5) }, () => sentence(rng)).join(' ') };
    blocks.push(block);
    size += block.text.length + 2;
  }
  const day = `${rng.int(2019, 2025)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  return { title: headline(rng), date: day, author: `${rng.pick(['Sara', 'Omid', 'Layla', 'Daniel'])} ${rng.pick(['Rahimi', 'Haddad', 'Cohen', 'Yilmaz'])}`, blocks };
}

// ---------------------------------------------------------------- rendering

const LINK = /\u0001([^\u0002]*)\u0002([^\u0003]*)\u0003/g;
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function renderTxt(a) {
  const body = a.blocks.map((b) => (b.type === 'quote' ? `    ${b.text}` : b.text).replace(LINK, '$1'));
  return `${a.title}\n\n${body.join('\n\n')}\n`;
}

function renderMd(a, frontMatter = true) {
  const body = a.blocks.map((b) => {
    const text = b.text.replace(LINK, '[$1]($2)');
    return b.type === 'h' ? `## ${text}` : b.type === 'quote' ? `> ${text}` : text;
  });
  const fm = frontMatter ? `---\ntitle: "${a.title}"\ndate: ${a.date}\nauthor: ${a.author}\n---\n\n` : '';
  return `${fm}# ${a.title}\n\n*By ${a.author}*\n\n${body.join('\n\n')}\n`;
}

function renderHtml(a) {
  const body = a.blocks.map((b) => {
    const text = escapeHtml(b.text).replace(LINK, '<a href="$2">$1</a>');
    return b.type === 'h' ? `<h2>${text}</h2>` : b.type === 'quote' ? `<blockquote><p>${text}</p></blockquote>` : `<p>${text}</p>`;
  });
  const title = escapeHtml(a.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} | Regional Desk</title>
<meta property="article:published_time" content="${a.date}T08:00:00Z">
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a> <a href="https://www.reuters.com/">Reuters feed</a> <a href="/about">About us</a></nav>
<header><p class="brand">Regional Desk</p></header>
<main>
<article>
<h1>${title}</h1>
<p class="byline">By ${a.author} · <time datetime="${a.date}">${a.date}</time></p>
${body.join('\n')}
</article>
</main>
<footer><p>© Regional Desk. Wire copy from Reuters, AFP and Associated Press. <a href="/privacy">Privacy</a></p></footer>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({ section: "world" });</script>
</body>
</html>
`;
}

export const RENDER = { txt: renderTxt, md: renderMd, html: renderHtml };
const OVERHEAD = { txt: 300, md: 420, html: 1_150 }; // bytes a format adds, plus the last block's overshoot

// ---------------------------------------------------------------- writing corpora

function writeMulti(dir, { files, bytes, seed }) {
  const rng = prng(seed);
  const formats = ['txt', 'md', 'html'];
  const mean = bytes / files;
  let total = 0;
  for (let i = 0; i < files; i++) {
    const ext = formats[i % 3];
    const target = Math.max(800, Math.round(mean * (0.6 + 0.8 * rng.next())) - OVERHEAD[ext]);
    const folder = join(dir, `batch-${String(Math.floor(i / 100)).padStart(2, '0')}`);
    mkdirSync(folder, { recursive: true });
    const text = RENDER[ext](article(rng, target));
    writeFileSync(join(folder, `article-${String(i).padStart(4, '0')}.${ext}`), text);
    total += Buffer.byteLength(text);
  }
  return total;
}

/** A single file: one article (small) or many articles under headings, streamed to disk. */
function writeSingle(dir, name, { ext, bytes, seed }) {
  const rng = prng(seed);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.${ext}`);
  if (bytes < 50_000) {
    const text = RENDER[ext](article(rng, bytes - 120));
    writeFileSync(path, text);
    return Buffer.byteLength(text);
  }
  const fd = openSync(path, 'w');
  let total = 0;
  const put = (s) => { total += writeSync(fd, s); };
  put(`---\ntitle: "Regional archive"\ndate: 2025-08-12\n---\n\n# Regional archive\n\n`);
  while (total < bytes) {
    const a = article(rng, rng.int(2_000, 6_000));
    put(`${renderMd(a, false).replace(/^# /, '## ').replace(/\n## /g, '\n### ')}\n`);
  }
  closeSync(fd);
  return total;
}

/**
 * Makes sure corpus `name` exists under `root` for this generator version; returns
 * { path (what to pass the tools), dir, bytes }. The root is its own (empty) git repository,
 * so that the project's .gitignore, which lists bench/corpora/, does not hide the files from
 * citecheck's folder walk.
 */
export function ensureCorpus(root, name) {
  prepareRoot(root);
  const spec = CORPORA[name];
  const dir = join(root, name);
  const manifest = join(root, `${name}.json`);
  const fresh = existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === GENERATOR_VERSION;
  if (!fresh) {
    rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`bench: generating ${name}…\n`);
    const bytes = spec.kind === 'multi' ? writeMulti(dir, spec) : writeSingle(dir, name, spec);
    writeFileSync(manifest, JSON.stringify({ version: GENERATOR_VERSION, bytes }));
  }
  const { bytes } = JSON.parse(readFileSync(manifest, 'utf8'));
  const path = spec.kind === 'multi' ? dir : join(dir, `${name}.${spec.ext}`);
  return { name, path, dir, bytes, files: spec.kind === 'multi' ? spec.files : 1 };
}

/** Creates the corpora root; wipes it when it was made by another generator version. */
export function prepareRoot(root) {
  const stamp = join(root, 'GENERATOR_VERSION');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() !== String(GENERATOR_VERSION)) {
    rmSync(root, { recursive: true, force: true });
  }
  if (!existsSync(stamp)) {
    mkdirSync(root, { recursive: true });
    writeFileSync(stamp, `${GENERATOR_VERSION}\n`);
  }
  if (!existsSync(join(root, '.git'))) execFileSync('git', ['init', '-q', root]);
}

// ---------------------------------------------------------------- a newsroom's registry

const NEWSROOM_VERSION = 1;
const NEWSROOM_PLACES = ['Harbor', 'Valley', 'Coastal', 'Northern', 'Metro', 'Prairie', 'Delta', 'Summit', 'Lakeside', 'Capital', 'Border', 'Island'];
const NEWSROOM_TITLES = ['Ledger', 'Courier', 'Dispatch', 'Sentinel', 'Gazette', 'Herald', 'Observer', 'Chronicle', 'Tribune', 'Monitor', 'Record', 'Bulletin'];

/**
 * The example article beside a newsroom's configuration, which names a registry of 1,000
 * sources of its own (what a desk adds over the built-in registry): the cold start of a git
 * hook in such a repository. Returns the article's path.
 */
export function ensureNewsroom(root, article) {
  prepareRoot(root);
  const dir = join(root, 'newsroom');
  const stamp = join(dir, 'VERSION');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== String(NEWSROOM_VERSION)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const random = prng(1000);
    const kinds = ['newspaper', 'website', 'broadcaster', 'magazine', 'news-agency'];
    const countries = ['US', 'GB', 'CA', 'AU', 'IE', 'NZ', 'ZA', 'IN'];
    const entries = Array.from({ length: 1000 }, (_, i) => {
      const name = `${random.pick(NEWSROOM_PLACES)} ${random.pick(NEWSROOM_TITLES)} ${String(i).padStart(4, '0')}`;
      const slug = name.toLowerCase().replace(/ /g, '-');
      return [
        `  - id: desk-${slug}`,
        `    name: "${name}"`,
        `    aliases: ["${name.split(' ').slice(1).join(' ')} Online"]`,
        `    domains: ["${slug}.example.com"]`,
        `    kind: ${random.pick(kinds)}`,
        `    country: ${random.pick(countries)}`,
        '    affiliation: independent',
        `    reliability: { rating: ${random.pick(['generally-reliable', 'no-consensus', 'unrated'])}, provenance: "Desk review, 2026" }`,
        `    reference: "https://${slug}.example.com/about"`,
      ].join('\n');
    });
    writeFileSync(join(dir, 'desk-sources.yaml'), `# A newsroom's own sources (generated for the benchmark).\nsources:\n${entries.join('\n\n')}\n`);
    writeFileSync(join(dir, 'citecheck.config.yaml'), 'registries:\n  - desk-sources.yaml\nrules:\n  vague-attribution: warning\n');
    writeFileSync(join(dir, 'article.txt'), readFileSync(article));
    writeFileSync(stamp, `${NEWSROOM_VERSION}\n`);
  }
  return join(dir, 'article.txt');
}
