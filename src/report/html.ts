/**
 * `--format html`: one self-contained page a fact-checker reads the article in. Each file is
 * shown as text with claims shaded by status, cited sources as chips colored by reliability and
 * every finding underlined (message on hover and focus), beside a side panel listing the
 * findings by severity; a summary and a bar chart of findings by rule head each file, and an
 * index heads several. Inline CSS and JS only, allowed by hash; nothing is ever fetched.
 */
import type { CitationResult, FileResult, Results } from '../engine/results.js';
import type { Evidence, Finding, Severity } from '../engine/finding.js';
import type { DateSource, Format } from '../input/document.js';
import type { CitedSource } from '../citations/citation.js';
import { plural, relativePath, type ReportContext, type SourceInfo } from './common.js';
import { CSP, SCRIPT, STYLE } from './html-assets.js';
import {
  lineStarts,
  offsetOf,
  renderArticle,
  SEVERITY_ICON,
  type ChipCategory,
  type ChipMark,
  type ClaimMark,
  type FindingMark,
} from './html-article.js';
import { esc, externalLink } from './html-escape.js';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const SEVERITY_TITLE: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Infos' };
const FORMAT_NAME: Record<Format, string> = { text: 'plain text', markdown: 'Markdown', html: 'HTML' };
const DATE_SOURCE: Record<DateSource, string> = {
  flag: 'given with --date',
  frontmatter: 'from the front matter',
  'html-meta': "from the page's metadata",
  config: 'from the configuration',
  none: 'none found',
};
const CATEGORY_LABEL: Record<ChipCategory, string> = {
  reliable: 'generally reliable',
  'no-consensus': 'no consensus',
  unreliable: 'generally unreliable',
  deprecated: 'deprecated',
  unrated: 'in the registry, not rated',
  unknown: 'not in the registry',
  person: 'person or official body quoted',
};
const RATING_LABEL: Record<SourceInfo['reliability']['rating'], string> = {
  'generally-reliable': 'generally reliable',
  'no-consensus': 'no consensus',
  'generally-unreliable': 'generally unreliable',
  deprecated: 'deprecated',
  blacklisted: 'blacklisted',
  unrated: 'not rated',
};
const EVIDENCE_LABEL: Record<Evidence['kind'], string> = { source: 'Source entry', office: 'Fact: office', event: 'Fact: event', claim: 'Claim' };

export function html(results: Results, context: ReportContext): string {
  const files = results.files.map((file, i) => ({ file, n: i + 1, where: relativePath(file.path, context.cwd) }));
  const { errors, warnings, infos } = results.summary;
  const title = files.length === 1 ? `citecheck: ${files[0]!.where}` : `citecheck: ${plural(files.length, 'file')}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // An empty icon, so the browser does not go looking for favicon.ico.
    '<link rel="icon" href="data:,">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>citecheck report</h1>`,
    `<p class="tool">citecheck ${esc(context.toolVersion)} · ${plural(files.length, 'file')} · ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')} · ${esc(supportSentence(results.summary.checkworthyClaims, results.summary.supportedClaims))}</p>`,
    legend(),
    files.length > 1 || results.errors.length > 0 ? index(files, results) : '',
    '</header>',
    '<main>',
    ...files.map(({ file, n, where }) => fileSection(file, n, where, context)),
    '</main>',
    '<div id="tip" role="tooltip" hidden></div>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** "4 of 5 check-worthy claims supported (80%)", rounded down so 100% means all of them. */
function supportSentence(worthy: number, supported: number): string {
  if (worthy === 0) return 'no check-worthy claims';
  return `${supported} of ${plural(worthy, 'check-worthy claim')} supported (${Math.floor((supported / worthy) * 100)}%)`;
}

/** What the shades, chips and underlines mean, each with its icon or line style as well as its color. */
function legend(): string {
  const chip = (category: ChipCategory, text: string, extra = '') =>
    `<span class="chip chip-start chip-end r-${category}${extra}">${esc(text)}</span>`;
  const chips = [
    chip('reliable', 'generally reliable'),
    chip('no-consensus', 'no consensus'),
    chip('unreliable', 'generally unreliable'),
    chip('deprecated', 'deprecated'),
    chip('unknown', 'unknown or unrated'),
    chip('person', 'person or official body quoted'),
    chip('unknown', 'chatbot artifact', ' ai'),
  ];
  return [
    '<div class="legend">',
    '<div><b>Claims:</b> <span class="cl-ok cl-start">check-worthy, supported</span> <span class="cl-un cl-start">check-worthy, unsupported</span> <span>not check-worthy (plain)</span></div>',
    `<div><b>Sources:</b> ${chips.join(' ')}</div>`,
    `<div><b>Findings:</b> ${SEVERITIES.map((s) => `<span class="u-${s}">${SEVERITY_ICON[s]} ${s}</span>`).join(' ')}</div>`,
    '</div>',
  ].join('\n');
}

interface Entry {
  file: FileResult;
  n: number;
  where: string;
}

function index(files: Entry[], results: Results): string {
  const rows = files.map(({ file, n, where }) => {
    const count = (s: Severity) => file.findings.filter((f) => f.severity === s).length;
    const worthy = file.claims.filter((c) => c.checkworthy);
    const supported = worthy.filter((c) => c.supported).length;
    const share = worthy.length === 0 ? '–' : `${supported}/${worthy.length} (${Math.floor((supported / worthy.length) * 100)}%)`;
    return `<tr><td><a href="#file-${n}">${esc(where)}</a></td><td class="sev-error">${count('error')}</td><td class="sev-warning">${count('warning')}</td><td class="sev-info">${count('info')}</td><td>${share}</td></tr>`;
  });
  const unreadable = results.errors.map((e) => `<li>${esc(e.path)}: ${esc(e.message)}</li>`);
  return [
    files.length > 0
      ? `<table class="index"><caption class="sr">Files checked</caption><thead><tr><th scope="col">File</th><th scope="col">${SEVERITY_ICON.error} Errors</th><th scope="col">${SEVERITY_ICON.warning} Warnings</th><th scope="col">${SEVERITY_ICON.info} Infos</th><th scope="col">Claims supported</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '',
    unreadable.length > 0 ? `<p><b>Not checked:</b></p><ul class="unreadable">${unreadable.join('')}</ul>` : '',
  ].join('\n');
}

function fileSection(file: FileResult, n: number, where: string, context: ReportContext): string {
  const worthy = file.claims.filter((c) => c.checkworthy);
  const supported = worthy.filter((c) => c.supported).length;
  const ids = file.findings.map((_, i) => `f${n}-${i + 1}`);
  const article = renderArticle(file, marksOf(file, ids, context.sources));
  const date = file.date ? `${esc(file.date)} <span class="muted">(${esc(DATE_SOURCE[file.dateSource])})</span>` : '<span class="muted">unknown (no date found)</span>';
  const counts = SEVERITIES.map((s) => {
    const count = file.findings.filter((f) => f.severity === s).length;
    return `<li class="sev-${s}">${SEVERITY_ICON[s]} ${plural(count, s)}</li>`;
  });
  return [
    `<section class="file" id="file-${n}" aria-labelledby="file-${n}-title">`,
    `<h2 id="file-${n}-title">${esc(where)}</h2>`,
    '<div class="summary">',
    '<dl class="meta">',
    `<dt>File</dt><dd>${esc(where)}</dd>`,
    `<dt>Format</dt><dd>${FORMAT_NAME[file.format]}</dd>`,
    `<dt>Date</dt><dd>${date}</dd>`,
    `<dt>Claims</dt><dd>${file.claims.length}, ${worthy.length} check-worthy</dd>`,
    '</dl>',
    '<div>',
    `<ul class="counts">${counts.join('')}</ul>`,
    supportBar(worthy.length, supported),
    '</div>',
    ruleChart(file.findings),
    '</div>',
    '<div class="cols">',
    `<article class="doc" aria-label="Article text: ${esc(where)}">${article}</article>`,
    `<aside class="panel" aria-labelledby="file-${n}-panel">`,
    `<h3 id="file-${n}-panel">Findings</h3>`,
    file.findings.length === 0 ? '<p class="ok">✓ No problems found</p>' : panel(file.findings, ids, context.sources),
    '</aside>',
    '</div>',
    '</section>',
  ].join('\n');
}

/** Every mark on the article, in original offsets. */
function marksOf(file: FileResult, ids: readonly string[], sources: ReportContext['sources']) {
  const starts = lineStarts(file.source);
  const at = (line: number, column: number) => offsetOf(starts, file.source.length, line, column);
  const claims: ClaimMark[] = file.claims.map((c) => ({
    start: at(c.line, c.column),
    end: at(c.endLine, c.endColumn),
    status: !c.checkworthy ? 'nc' : c.supported ? 'ok' : 'un',
  }));
  const chips = file.citations.flatMap((c) => chipsOf(file.source, c, at(c.line, c.column), at(c.endLine, c.endColumn), sources));
  const findings: FindingMark[] = file.findings.map((f, i) => ({
    start: f.offset,
    end: f.endOffset,
    id: ids[i]!,
    severity: f.severity,
    ruleId: f.ruleId,
  }));
  return { claims, chips, findings };
}

/**
 * One chip per cited name. Names carry offsets into the prose text, not the original, so each is
 * placed by its distance from the citation's start and checked against the original; where the
 * two differ (markup inside the citation) the name is looked for inside the citation instead.
 */
function chipsOf(source: string, citation: CitationResult, start: number, end: number, sources: ReportContext['sources']): ChipMark[] {
  const chips: ChipMark[] = [];
  let from = start;
  for (const cited of citation.sources) {
    const length = cited.end - cited.start;
    let at = start + (cited.start - citation.start);
    if (source.slice(at, at + length) !== cited.name) {
      at = source.indexOf(cited.name, from);
      if (at < 0 || at + cited.name.length > end) continue;
    }
    chips.push({ start: at, end: at + cited.name.length, ...chipLook(cited, sources) });
    from = at + cited.name.length;
  }
  // A citation none of whose names could be placed is one chip, colored by its weakest source.
  if (chips.length === 0 && citation.sources.length > 0 && end > start) {
    const looks = citation.sources.map((cited) => chipLook(cited, sources));
    const weakest = looks.reduce((a, b) => (WEAKNESS[b.category] > WEAKNESS[a.category] ? b : a));
    chips.push({ start, end, ...weakest, artifact: looks.some((l) => l.artifact), label: looks.map((l) => l.label).join('; ') });
  }
  return chips;
}

const WEAKNESS: Record<ChipCategory, number> = { reliable: 0, person: 1, unrated: 2, 'no-consensus': 3, unknown: 4, unreliable: 5, deprecated: 6 };

function chipLook(cited: CitedSource, sources: ReportContext['sources']): Pick<ChipMark, 'category' | 'artifact' | 'label'> {
  const chipNote = cited.chipCount !== null ? ` · chatbot chip "+${cited.chipCount}"` : '';
  if (cited.sourceId === null) {
    const category: ChipCategory = cited.primary ? 'person' : 'unknown';
    return { category, artifact: cited.chipCount !== null, label: `${cited.name}: ${CATEGORY_LABEL[category]}${chipNote}` };
  }
  const info = sources?.(cited.sourceId);
  if (!info) return { category: 'unrated', artifact: cited.chipCount !== null, label: `${cited.name}: registry entry "${cited.sourceId}"${chipNote}` };
  const category = categoryOf(info);
  return {
    category,
    artifact: cited.chipCount !== null || info.kind === 'chatbot',
    label: `${info.name}: ${RATING_LABEL[info.reliability.rating] ?? info.reliability.rating} · ${info.affiliation} · ${info.kind}${chipNote}`,
  };
}

function categoryOf(info: SourceInfo): ChipCategory {
  switch (info.reliability.rating) {
    case 'generally-reliable':
      return 'reliable';
    case 'no-consensus':
      return 'no-consensus';
    case 'generally-unreliable':
      return 'unreliable';
    case 'deprecated':
    case 'blacklisted':
      return 'deprecated';
    default:
      return 'unrated';
  }
}

/** The side panel: findings grouped by severity, each a link to its place in the article. */
function panel(findings: readonly Finding[], ids: readonly string[], sources: ReportContext['sources']): string {
  const groups = SEVERITIES.map((severity) => {
    const entries = findings.flatMap((f, i) => (f.severity === severity ? [entry(f, ids[i]!.slice(1), sources)] : []));
    if (entries.length === 0) return '';
    return `<section class="group"><h4 class="sev-${severity}">${SEVERITY_ICON[severity]} ${SEVERITY_TITLE[severity]} (${entries.length})</h4><ol>${entries.join('')}</ol></section>`;
  });
  return groups.join('\n');
}

function entry(f: Finding, n: string, sources: ReportContext['sources']): string {
  const more: string[] = [];
  if (f.suggestion) more.push(`<p>→ ${esc(f.suggestion)}</p>`);
  if (f.evidence) more.push(evidence(f.evidence, sources));
  return [
    `<li class="entry" id="e${n}" data-severity="${f.severity}" data-rule="${esc(f.ruleId)}">`,
    `<a class="goto" href="#f${n}" data-rule="${esc(f.ruleId)}" data-severity="${f.severity}" data-line="${f.line}" data-column="${f.column}">`,
    `<span class="head sev-${f.severity}">${SEVERITY_ICON[f.severity]} <span class="sr">${f.severity}, </span>${f.line}:${f.column}</span> <span class="rule">${esc(f.ruleId)}</span><br>`,
    `<span class="msg" id="m${n}">${esc(f.message)}</span>`,
    '</a>',
    more.length > 0 ? `<div class="more" id="x${n}">${more.join('')}</div>` : '',
    '</li>',
  ].join('');
}

/** The registry knowledge behind a finding, with its reference, and the source's rating when known. */
function evidence(ev: Evidence, sources: ReportContext['sources']): string {
  const parts = [`<p><b>${EVIDENCE_LABEL[ev.kind]}</b> <code>${esc(ev.id)}</code>: ${esc(ev.summary)}${ev.reference ? ` · ${externalLink(ev.reference, 'reference')}` : ''}</p>`];
  const info = ev.kind === 'source' ? sources?.(ev.id) : undefined;
  if (info) {
    parts.push(
      `<p>Rating: ${esc(RATING_LABEL[info.reliability.rating] ?? info.reliability.rating)} (${esc(info.reliability.provenance)}) · ${esc(info.affiliation)} · ${esc(info.kind)} · ${externalLink(info.reference, 'about the source')}</p>`,
    );
  }
  return parts.join('');
}

/** Findings by rule as a bar chart (inline SVG); the bars' labels carry the numbers too. */
function ruleChart(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const byRule = new Map<string, { count: number; severity: Severity }>();
  for (const f of findings) {
    const row = byRule.get(f.ruleId) ?? { count: 0, severity: f.severity };
    row.count++;
    if (SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(row.severity)) row.severity = f.severity;
    byRule.set(f.ruleId, row);
  }
  const rows = [...byRule].sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1));
  const max = rows[0]![1].count;
  const label = 190;
  const barWidth = 160;
  const rowHeight = 20;
  const height = rows.length * rowHeight;
  const bars = rows.map(([rule, { count, severity }], i) => {
    const y = i * rowHeight;
    const width = Math.max(2, Math.round((count / max) * barWidth));
    return [
      `<text x="${label - 6}" y="${y + 14}" text-anchor="end">${esc(rule)}</text>`,
      `<rect class="bar-${severity}" x="${label}" y="${y + 3}" width="${width}" height="${rowHeight - 6}" rx="2"></rect>`,
      `<text x="${label + width + 4}" y="${y + 14}">${count}</text>`,
    ].join('');
  });
  const description = rows.map(([rule, { count }]) => `${rule}: ${count}`).join(', ');
  return `<figure class="chart"><svg width="${label + barWidth + 30}" height="${height}" viewBox="0 0 ${label + barWidth + 30} ${height}" role="img" aria-label="Findings by rule: ${esc(description)}"><title>Findings by rule: ${esc(description)}</title>${bars.join('')}</svg></figure>`;
}

/** The share of check-worthy claims supported, as a sentence and a bar. */
function supportBar(worthy: number, supported: number): string {
  const sentence = `<p class="support">${esc(supportSentence(worthy, supported))}</p>`;
  if (worthy === 0) return sentence;
  const width = 200;
  const filled = Math.round((supported / worthy) * width);
  return `${sentence}<div class="support"><svg width="${width}" height="8" viewBox="0 0 ${width} 8" aria-hidden="true"><rect class="bar-rest" width="${width}" height="8" rx="4"></rect><rect class="bar-ok" width="${filled}" height="8" rx="4"></rect></svg></div>`;
}
