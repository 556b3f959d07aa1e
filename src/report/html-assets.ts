/**
 * The HTML report's stylesheet and script, inlined into every report. Both are constants: the
 * Content-Security-Policy allows exactly these by hash, so nothing injected into a report runs
 * or styles anything even if escaping were ever to fail.
 */
import { createHash } from 'node:crypto';

export const STYLE = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --focus: #0969da;
  --error: #c62828; --warning: #a15c00; --info: #0b62b8; --ai: #7b2cbf;
  --cl-ok: rgba(46, 125, 50, 0.14); --cl-un: rgba(230, 92, 0, 0.2); --hover: rgba(120, 120, 120, 0.12);
  --r-reliable: #dff3e2; --r-reliable-b: #2e7d32;
  --r-no-consensus: #fff4cc; --r-no-consensus-b: #b08800;
  --r-unreliable: #ffe1dc; --r-unreliable-b: #c62828;
  --r-deprecated: #3b3b3b; --r-deprecated-b: #000000; --r-deprecated-fg: #ffffff;
  --r-unknown: #eceff1; --r-unknown-b: #78909c;
  --flash: rgba(9, 105, 218, 0.35);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #161b22; --focus: #58a6ff;
    --error: #ff7b72; --warning: #e3b341; --info: #79c0ff; --ai: #d2a8ff;
    --cl-ok: rgba(63, 185, 80, 0.18); --cl-un: rgba(255, 138, 76, 0.22); --hover: rgba(200, 200, 200, 0.1);
    --r-reliable: #12361b; --r-reliable-b: #3fb950;
    --r-no-consensus: #3b2e00; --r-no-consensus-b: #d29922;
    --r-unreliable: #4a1512; --r-unreliable-b: #ff7b72;
    --r-deprecated: #000000; --r-deprecated-b: #8b949e; --r-deprecated-fg: #ffffff;
    --r-unknown: #262c36; --r-unknown-b: #8b949e;
    --flash: rgba(88, 166, 255, 0.4);
  }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 84rem; padding: 1rem 1.5rem 3rem; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
a { color: var(--focus); }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
h1 { font-size: 1.5rem; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; margin: 0 0 0.5rem; overflow-wrap: anywhere; }
h3 { font-size: 1rem; margin: 0 0 0.5rem; }
h4 { font-size: 0.9rem; margin: 0.75rem 0 0.25rem; }
.muted, .tool { color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: 0.35rem 1.25rem; font-size: 0.85rem; border: 1px solid var(--line);
  border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
.legend > div { display: flex; flex-wrap: wrap; gap: 0.35rem 0.6rem; align-items: baseline; }
.legend b { font-weight: 600; }
.index { border-collapse: collapse; margin: 0.75rem 0 1.5rem; font-size: 0.9rem; }
.index th, .index td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.75rem; text-align: right; }
.index th:first-child, .index td:first-child { text-align: left; }
.file { border-top: 2px solid var(--line); padding-top: 1rem; margin-top: 1.5rem; }
.summary { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; align-items: flex-start; margin-bottom: 1rem; }
.meta { display: grid; grid-template-columns: auto 1fr; gap: 0.1rem 0.75rem; margin: 0; font-size: 0.9rem; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; }
.counts { list-style: none; padding: 0; margin: 0 0 0.4rem; display: flex; gap: 1rem; font-weight: 600; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
.support { font-size: 0.9rem; }
.chart { margin: 0; }
.chart svg, .support svg { display: block; }
.chart text { fill: var(--fg); font: 12px system-ui, "DejaVu Sans", sans-serif; }
.bar-error { fill: var(--error); } .bar-warning { fill: var(--warning); } .bar-info { fill: var(--info); }
.bar-ok { fill: var(--r-reliable-b); } .bar-rest { fill: var(--line); }
.cols { display: grid; grid-template-columns: minmax(0, 1fr) minmax(18rem, 26rem); gap: 1.5rem; align-items: start; }
@media (max-width: 60rem) { .cols { grid-template-columns: minmax(0, 1fr); } }
.doc { font: 17px/1.75 Georgia, "Times New Roman", "DejaVu Serif", serif; max-width: 46rem; }
.doc p { margin: 0 0 1em; white-space: pre-wrap; overflow-wrap: break-word; }
.doc p.h { font-weight: 700; font-size: 1.15em; }
.panel { position: sticky; top: 0.5rem; max-height: calc(100vh - 1rem); overflow: auto; background: var(--panel);
  border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem; font-size: 0.88rem; }
.panel ol { list-style: none; margin: 0; padding: 0; }
.entry { border-top: 1px solid var(--line); padding: 0.4rem 0; }
.goto { display: block; color: inherit; text-decoration: none; border-radius: 4px; padding: 0.15rem 0.25rem; }
.goto:hover { background: var(--hover); }
.goto .head { font-weight: 600; }
.goto .rule { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85em; color: var(--muted); }
.more { padding: 0 0.25rem; color: var(--muted); }
.more p { margin: 0.2rem 0 0; }
.ok { color: var(--r-reliable-b); font-weight: 600; }
/* Claims: check-worthy ones shaded by status, with an icon at the start (color is never alone);
   the rest are left plain, so what needs checking stands out. */
.cl-ok { background: var(--cl-ok); } .cl-un { background: var(--cl-un); }
.cl-start.cl-ok::before, .cl-start.cl-un::before { font: 700 0.7em system-ui, "DejaVu Sans", sans-serif; vertical-align: super; margin-right: 0.1em; }
.cl-start.cl-ok::before { content: "✓"; color: var(--r-reliable-b); }
.cl-start.cl-un::before { content: "?"; color: var(--warning); }
/* Cited sources: a chip per name, filled by reliability, with an icon per rating. */
.chip { border-top: 1px solid transparent; border-bottom: 1px solid transparent; padding: 0.05em 0; }
.chip-start { border-left: 1px solid transparent; border-radius: 0.35em 0 0 0.35em; padding-left: 0.2em; }
.chip-end { border-right: 1px solid transparent; border-radius: 0 0.35em 0.35em 0; padding-right: 0.25em; }
.chip-start.chip-end { border-radius: 0.35em; }
.chip-start::before { font: 700 0.75em system-ui, "DejaVu Sans", sans-serif; margin-right: 0.2em; }
.r-reliable { background: var(--r-reliable); border-color: var(--r-reliable-b) !important; }
.r-reliable.chip-start::before { content: "✓"; color: var(--r-reliable-b); }
.r-no-consensus { background: var(--r-no-consensus); border-color: var(--r-no-consensus-b) !important; }
.r-no-consensus.chip-start::before { content: "≈"; color: var(--r-no-consensus-b); }
.r-unreliable { background: var(--r-unreliable); border-color: var(--r-unreliable-b) !important; }
.r-unreliable.chip-start::before { content: "!"; color: var(--r-unreliable-b); }
.r-deprecated { background: var(--r-deprecated); color: var(--r-deprecated-fg); border-color: var(--r-deprecated-b) !important; }
.r-deprecated.chip-start::before { content: "⊘"; }
.r-unknown, .r-unrated { background: var(--r-unknown); border-color: var(--r-unknown-b) !important; border-style: dashed !important; }
.r-unknown.chip-start::before, .r-unrated.chip-start::before { content: "?"; color: var(--r-unknown-b); }
.r-person { border-color: var(--r-unknown-b) !important; border-style: dotted !important; }
.r-person.chip-start::before { content: "☺"; color: var(--muted); }
.ai { outline: 2px dashed var(--ai); outline-offset: 1px; }
.ai.chip-end::after { content: "AI"; font: 700 0.6em system-ui, "DejaVu Sans", sans-serif; color: var(--ai); vertical-align: super; margin-left: 0.2em; }
/* Findings: underlined, and the style of the line says the severity as well as its color. */
mark { background: none; color: inherit; }
mark.cl-ok { background: var(--cl-ok); } mark.cl-un { background: var(--cl-un); }
mark.r-reliable { background: var(--r-reliable); } mark.r-no-consensus { background: var(--r-no-consensus); }
mark.r-unreliable { background: var(--r-unreliable); } mark.r-deprecated { background: var(--r-deprecated); }
mark.r-unknown, mark.r-unrated { background: var(--r-unknown); }
.u-error, .u-warning, .u-info { text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: 0.25em;
  text-decoration-skip-ink: none; cursor: help; }
.u-error { text-decoration-style: wavy; text-decoration-color: var(--error); }
.u-warning { text-decoration-style: solid; text-decoration-color: var(--warning); }
.u-info { text-decoration-style: dotted; text-decoration-color: var(--info); }
.pin { text-decoration: none; font: 700 0.75em system-ui, "DejaVu Sans", sans-serif; vertical-align: super; }
.pin.u-error { color: var(--error); } .pin.u-warning { color: var(--warning); } .pin.u-info { color: var(--info); }
[data-anchor] { border-radius: 2px; }
.flash { animation: flash 1.6s ease-out; }
@keyframes flash { from { box-shadow: 0 0 0 4px var(--flash); background-color: var(--flash); } }
@media (prefers-reduced-motion: reduce) { .flash { animation: none; outline: 3px solid var(--flash); } }
.ext { text-decoration: none; font-size: 0.8em; vertical-align: super; margin-left: 0.1em; }
.unsafe, .url { font: 0.8em ui-monospace, "DejaVu Sans Mono", monospace; color: var(--error); overflow-wrap: anywhere; }
.url { color: var(--muted); }
#tip { position: absolute; z-index: 10; max-width: 28rem; background: var(--panel); color: var(--fg); border: 1px solid var(--line);
  border-radius: 6px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.25); padding: 0.5rem 0.7rem; font-size: 0.85rem; }
#tip[hidden] { display: none; }
#tip p { margin: 0.15rem 0; }
#tip .tip-head { font-weight: 700; }
#tip .tip-chip, #tip .tip-claim { color: var(--muted); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  :root { --bg: #ffffff; --fg: #000000; --muted: #444444; --panel: #ffffff; }
  body { max-width: none; padding: 0; font-size: 11pt; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .cols { display: block; }
  .panel { position: static; max-height: none; overflow: visible; border: none; padding: 0; margin-top: 1rem; }
  .file { break-before: page; } .file:first-of-type { break-before: auto; }
  .entry { break-inside: avoid; }
  #tip, .ext { display: none; }
  .more a[href]::after { content: " (" attr(href) ")"; font-size: 0.85em; overflow-wrap: anywhere; }
  @page { margin: 1.5cm; }
}
`;

/**
 * Tooltips on hover and focus (built from the side panel's entries with textContent and
 * cloneNode, never innerHTML), side-panel links that scroll to and focus their finding, and
 * Enter on a finding to jump to its entry.
 */
export const SCRIPT = `
(() => {
  'use strict';
  const tip = document.getElementById('tip');
  const SEVERITY = { error: '\\u2716 error', warning: '\\u25b2 warning', info: '\\u2139 info' };
  const CLAIM = { 'cl-ok': '\\u2713 Claim: check-worthy, supported by a citation',
    'cl-un': '? Claim: check-worthy, nothing cited supports it', 'cl-nc': 'Claim: not check-worthy' };
  let current = null;

  const para = (className, text) => {
    const p = document.createElement('p');
    p.className = className;
    p.textContent = text;
    return p;
  };
  const hide = () => { current = null; tip.hidden = true; };

  /** The marked element an event is about: a finding's segment, or a source chip. */
  const markOf = (node) => {
    if (!(node instanceof Element) || !node.closest('.doc')) return null;
    const el = node.closest('[data-f], [data-chip], [data-anchor]');
    if (el && !el.hasAttribute('data-f') && el.hasAttribute('data-anchor')) return el.querySelector('[data-f]') || el;
    return el;
  };

  const show = (el) => {
    if (el === current) return;
    const parts = [];
    if (el.dataset.chip) parts.push(para('tip-chip', el.dataset.chip));
    for (const id of (el.dataset.f || '').split(' ')) {
      const entry = id && document.getElementById('e' + id.slice(1));
      const message = id && document.getElementById('m' + id.slice(1));
      if (!entry || !message) continue;
      parts.push(para('tip-head sev-' + entry.dataset.severity, SEVERITY[entry.dataset.severity] + ' \\u00b7 ' + entry.dataset.rule));
      parts.push(para('tip-msg', message.textContent));
      const more = document.getElementById('x' + id.slice(1));
      if (more) {
        const copy = more.cloneNode(true);
        copy.removeAttribute('id');
        parts.push(copy);
      }
    }
    for (const name of Object.keys(CLAIM)) if (el.classList.contains(name)) parts.push(para('tip-claim', CLAIM[name]));
    if (parts.length === 0) return hide();
    current = el;
    tip.replaceChildren(...parts);
    tip.hidden = false;
    const box = el.getBoundingClientRect();
    const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - tip.offsetWidth - 8));
    const fitsBelow = box.bottom + 6 + tip.offsetHeight <= window.innerHeight || box.top < tip.offsetHeight + 6;
    const top = fitsBelow ? box.bottom + 6 : box.top - tip.offsetHeight - 6;
    tip.style.left = left + window.scrollX + 'px';
    tip.style.top = top + window.scrollY + 'px';
  };

  document.addEventListener('mouseover', (event) => {
    const el = markOf(event.target);
    if (el) show(el);
    else if (!tip.contains(event.target)) hide();
  });
  document.addEventListener('focusin', (event) => {
    const el = markOf(event.target);
    if (el) show(el);
    else hide();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') return hide();
    const anchor = event.key === 'Enter' && event.target instanceof Element && event.target.closest('[data-anchor]');
    const link = anchor && document.querySelector('#e' + anchor.id.slice(1) + ' a.goto');
    if (!link) return;
    event.preventDefault();
    link.focus();
  });
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element && event.target.closest('a.goto');
    const target = link && document.getElementById(link.getAttribute('href').slice(1));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
    target.classList.remove('flash');
    void target.offsetWidth;
    target.classList.add('flash');
  });
})();
`;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * No network at all (default-src 'none'), and only this file's own style and script, by hash.
 * form-action and base-uri are not covered by default-src, so they are closed explicitly.
 */
export const CSP = [
  "default-src 'none'",
  `style-src ${hash(STYLE)}`,
  `script-src ${hash(SCRIPT)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
