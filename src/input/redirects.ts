/**
 * Links that go through a redirector to their real target: a Google Docs export wraps every
 * link in `https://www.google.com/url?q=<target>&sa=D…`, Facebook in `l.facebook.com/l.php?u=`,
 * Outlook in `safelinks.protection.outlook.com/?url=`. The article cites the target.
 */

/** The redirector's host, and the query parameter that holds the target. */
const REDIRECTORS = /^https?:\/\/(?:www\.)?(?:google\.[a-z.]{2,6}\/url\?(?:.*&)?(?:q|url)=|l\.facebook\.com\/l\.php\?(?:.*&)?u=|[a-z0-9]+\.safelinks\.protection\.outlook\.com\/\?(?:.*&)?url=)([^&#]+)/i;

/** The link's real target: the redirector's parameter when it holds an http(s) address, else the link itself. */
export function unwrapRedirect(href: string): string {
  if (!href.includes('url') && !href.includes('l.php')) return href;
  const match = REDIRECTORS.exec(href);
  if (!match) return href;
  let target: string;
  try {
    target = decodeURIComponent(match[1]!.replace(/\+/g, ' '));
  } catch {
    return href;
  }
  return /^https?:\/\//i.test(target) ? target : href;
}
