/** Escaping for the HTML report: everything from an article, a registry or a rule goes through here. */

// C0 controls (but tab, LF, CR) and DEL: the HTML parser would turn NUL into U+FFFD anyway,
// and the others only make trouble in attributes and copy-paste.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const SPECIAL = /[&<>"']/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in quoted attribute values alike. */
export function esc(value: string): string {
  return value.replace(CONTROL, '\uFFFD').replace(SPECIAL, (ch) => ENTITY[ch]!);
}

/**
 * The URL to put in an href, or null when it must not be clickable: only absolute http(s) URLs
 * qualify, so `javascript:`, `data:`, `vbscript:`, relative and protocol-relative URLs (which
 * would resolve against file://) all stay plain text.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

/** An outbound link that opens in a new tab and tells the target nothing about the report. */
export function externalLink(url: string | null | undefined, label: string): string {
  const href = safeHref(url);
  if (href === null) return url ? `<span class="url">${esc(url)}</span>` : '';
  return `<a href="${esc(href)}" rel="noopener noreferrer nofollow" target="_blank" referrerpolicy="no-referrer">${esc(label)}</a>`;
}
