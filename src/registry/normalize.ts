/** Name normalization shared by every registry look-up: one key per way of writing a name. */

const MARKS = /[\u0300-\u036f]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** "The Times of Israel" → "times of israel"; "Caliber.az" → "caliber az"; "IRNA-English" → "irna english". */
export function nameKey(name: string): string {
  const key = name.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(/[’']s\b/g, 's').replace(NON_WORD, ' ').trim();
  return key.startsWith('the ') ? key.slice(4) : key;
}

/** Words an outlet adds for an edition or channel: "IRNA English", "Al Jazeera Arabic". */
const EDITION_WORDS = new Set(['english', 'arabic', 'persian', 'farsi', 'french', 'russian', 'turkish', 'urdu', 'online', 'live', 'digital', 'international', 'world', 'news', 'website', 'com']);

/** The key without trailing edition words, or null when there are none to drop. */
export function withoutEdition(key: string): string | null {
  const words = key.split(' ');
  let end = words.length;
  while (end > 1 && EDITION_WORDS.has(words[end - 1]!)) end--;
  return end < words.length ? words.slice(0, end).join(' ') : null;
}

/** "https://en.irna.ir/news/1" → "en.irna.ir"; null for anything that is not an http(s) URL or a bare host. */
export function hostOf(href: string): string | null {
  let candidate = href.trim();
  if (!/^[a-z][a-z0-9+.-]*:/i.test(candidate)) candidate = `https://${candidate}`;
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.hostname.toLowerCase().replace(/^www\d?\./, '').replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}

/** Compares partial ISO dates where both are known: "2013-09" vs "2013-09-12" → 0. */
export function compareDates(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  return a.slice(0, length).localeCompare(b.slice(0, length));
}
