import type { Document } from '../../src/input/document.js';
import { loadHtml } from '../../src/input/html.js';

const blockTexts = (doc: Document): [string, string][] => doc.blocks.map((b) => [b.kind, doc.text.slice(b.start, b.end)]);
const at = (doc: Document, needle: string) => {
  const { line, column } = doc.map.position(doc.text.indexOf(needle));
  return { line, column };
};

describe('loadHtml: a news page', () => {
  const lines = [
    '<!DOCTYPE html>', // 1
    '<html lang="en">',
    '<head>',
    '  <meta charset="utf-8">',
    '  <title>Larijani visits Baghdad | Example News</title>', // 5
    '  <link rel="canonical" href="https://news.example.com/larijani-baghdad">',
    '  <meta property="article:published_time" content="2025-08-11T08:15:00+03:30">',
    '  <script>window.dataLayer = ["tracking text"];</script>',
    '</head>',
    '<body><nav><a href="/">Home</a> | <a href="/world">World news</a></nav><header>Example News</header><article><h1>Larijani  Visits', // 10
    '   Baghdad</h1>',
    '  <p>Tom &amp; Jerry&#8217;s envoy arrived, according to <a href="https://en.wikipedia.org/wiki/Ali_Larijani">Wikipedia</a>.</p>',
    '  <p>Talks reached their <em>final</em> stage<br>(IRNA English +1).</p>',
    '  <!-- citecheck-disable-next-line tertiary-source -- quoted on purpose -->',
    '  <blockquote>Security is shared, he said.</blockquote>', // 15
    '  <ul><li>Trade ties</li><li><p>Arbaeen pilgrimage</p></li></ul>',
    '  <figure><img src="a.jpg" alt="Larijani in Baghdad"><figcaption>Photo: IRNA</figcaption></figure>',
    '  <div>Direct text <b>bold</b><p>Nested paragraph.</p>tail</div>',
    '  <aside>Related: other story</aside><script>var ad = "script text";</script><style>p { color: red }</style>',
    '  <button>Share</button><form><label>Subscribe</label></form><noscript>Enable JS</noscript>', // 20
    '</article>',
    '<footer>Copyright Example News</footer>',
    '</body></html>',
  ];
  const original = lines.join('\n');
  const doc = loadHtml('page.html', original);

  test('every text node has a source position: "Wikipedia" in the <p> on line 12 maps back exactly', () => {
    expect(at(doc, 'Wikipedia')).toEqual({ line: 12, column: lines[11]!.indexOf('Wikipedia') + 1 });
  });

  test('character references keep the following positions right', () => {
    expect(doc.text).toContain('Tom & Jerry’s envoy arrived');
    expect(at(doc, '&')).toEqual({ line: 12, column: lines[11]!.indexOf('&amp;') + 1 });
    expect(at(doc, 'Jerry')).toEqual({ line: 12, column: lines[11]!.indexOf('Jerry') + 1 });
    expect(at(doc, '’s')).toEqual({ line: 12, column: lines[11]!.indexOf('&#8217;') + 1 });
    expect(at(doc, 's envoy')).toEqual({ line: 12, column: lines[11]!.indexOf('s envoy') + 1 });
    expect(at(doc, 'final')).toEqual({ line: 13, column: lines[12]!.indexOf('final') + 1 });
    expect(at(doc, 'Baghdad')).toEqual({ line: 11, column: 4 }); // after the collapsed line break
  });

  test('blocks: the article body only, whitespace collapsed, <br> a line break', () => {
    expect(blockTexts(doc)).toEqual([
      ['heading', 'Larijani Visits Baghdad'],
      ['paragraph', 'Tom & Jerry’s envoy arrived, according to Wikipedia.'],
      ['paragraph', 'Talks reached their final stage\n(IRNA English +1).'],
      ['paragraph', 'Security is shared, he said.'],
      ['paragraph', 'Trade ties'],
      ['paragraph', 'Arbaeen pilgrimage'],
      ['paragraph', 'Direct text bold'],
      ['paragraph', 'Nested paragraph.'],
      ['paragraph', 'tail'],
    ]);
    for (const chrome of ['Home', 'World news', 'Example News', 'tracking', 'Photo: IRNA', 'Related', 'script text', 'color', 'Share', 'Subscribe', 'Enable JS', 'Copyright', 'Larijani in Baghdad']) {
      expect(doc.text).not.toContain(chrome);
    }
  });

  test('links carry the range of their text', () => {
    expect(doc.links.map((link) => [doc.text.slice(link.start, link.end), link.href])).toEqual([
      ['Wikipedia', 'https://en.wikipedia.org/wiki/Ali_Larijani'],
    ]);
  });

  test('meta: title, canonical URL and article:published_time', () => {
    expect(doc.meta).toEqual({
      title: 'Larijani visits Baghdad | Example News',
      url: 'https://news.example.com/larijani-baghdad',
      date: '2025-08-11',
      dateSource: 'html-meta',
    });
  });

  test('directives from comments, at the comment’s line and column', () => {
    expect(doc.directives).toEqual([
      { kind: 'disable-next-line', ruleIds: ['tertiary-source'], reason: 'quoted on purpose', line: 14, column: 3 },
    ]);
  });
});

describe('loadHtml: backslashes', () => {
  // Found by npm run fuzz: two backslashes were read as a Markdown escape, and every position after them shifted by one.
  test.each(['\\\\Ali said it rose 5% in 2023.\n', '<p>C:\\\\data\\\\ Ali said it rose 5% in 2023.</p>\n', '<p>\\\\\\Ali said it.</p>'])('are text, and the positions after them hold: %j', (html) => {
    const doc = loadHtml('page.html', html);
    const ali = doc.text.indexOf('Ali');
    expect(doc.map.position(ali)).toEqual({ offset: html.indexOf('Ali'), line: 1, column: html.indexOf('Ali') + 1 });
    expect(doc.text.slice(0, ali)).toBe(html.slice(0, html.indexOf('Ali')).replace(/<p>/, ''));
  });
});

describe('loadHtml: dates', () => {
  test('<time datetime> inside the article when there is no meta', () => {
    const doc = loadHtml('a.html', '<time datetime="2020-01-01">old</time><article><time datetime="2025-08-12T10:00:00Z">Aug 12</time><p>Text.</p></article>');
    expect(doc.meta).toEqual({ date: '2025-08-12', dateSource: 'html-meta' });
  });

  test('JSON-LD datePublished in an @graph array; broken JSON-LD skipped', () => {
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [{ '@type': 'WebSite', name: 'Example' }, { '@type': 'NewsArticle', headline: 'x', datePublished: '2025-08-10T22:00:00-04:00' }],
    });
    const doc = loadHtml(
      'a.html',
      `<head><script type="application/ld+json">{ broken</script><script type="application/ld+json">${jsonLd}</script>` +
        '<meta property="og:title" content="OG title"><meta property="og:url" content="https://x.example/a"></head><body><p>Text.</p></body>',
    );
    expect(doc.meta).toEqual({ title: 'OG title', url: 'https://x.example/a', date: '2025-08-10', dateSource: 'html-meta' });
  });

  test('no date anywhere: dateSource none', () => {
    expect(loadHtml('a.html', '<p>Text.</p>').meta).toEqual({ dateSource: 'none' });
  });
});

describe('loadHtml: choosing the article body', () => {
  test('without <article> or <main>, the densest run of paragraphs', () => {
    const doc = loadHtml(
      'a.html',
      '<body><div class="sidebar"><p>Most read</p><p>Weather</p></div>' +
        '<div class="story"><h2>Looking Ahead: Lebanon and Beyond</h2><p>Larijani will travel onward to Beirut where he plans to hold talks.</p>' +
        '<p>He said Lebanon’s national unity mattered.</p></div></body>',
    );
    expect(blockTexts(doc)).toEqual([
      ['heading', 'Looking Ahead: Lebanon and Beyond'],
      ['paragraph', 'Larijani will travel onward to Beirut where he plans to hold talks.'],
      ['paragraph', 'He said Lebanon’s national unity mattered.'],
    ]);
  });

  test('of several <article>s (teasers), the longest; [itemprop=articleBody] when there is no article or main', () => {
    const doc = loadHtml('a.html', '<article><p>Teaser.</p></article><article><p>The full story is here, at length.</p></article>');
    expect(blockTexts(doc)).toEqual([['paragraph', 'The full story is here, at length.']]);
    const marked = loadHtml('a.html', '<div><p>Menu text that is long enough to be dense.</p></div><div itemprop="articleBody"><p>Body.</p></div>');
    expect(blockTexts(marked)).toEqual([['paragraph', 'Body.']]);
  });

  test('a live blog\'s posts, sibling <article>s of about one size, are all read; a story keeps its short teasers out', () => {
    const posts = '<main><article><p>Unemployment rose to 7.2% in May.</p></article><article><p>About 16,300 homes lost power.</p></article><article><p>Trains resumed at noon.</p></article></main>';
    expect(blockTexts(loadHtml('a.html', posts))).toEqual([
      ['paragraph', 'Unemployment rose to 7.2% in May.'], ['paragraph', 'About 16,300 homes lost power.'], ['paragraph', 'Trains resumed at noon.'],
    ]);
    const story = '<main><article><p>The full story is here, at length, with all of its many details set out.</p></article><article><p>Read next: a teaser.</p></article></main>';
    expect(blockTexts(loadHtml('a.html', story))).toEqual([['paragraph', 'The full story is here, at length, with all of its many details set out.']]);
  });
});

describe('loadHtml: page furniture inside the article', () => {
  test('an author bio, share, related, newsletter and ad boxes, hidden elements and landmarks are skipped', () => {
    const doc = loadHtml('a.html', [
      '<article class="story">',
      '<p class="byline author">By Lena Fischer</p>',
      '<div class="share-tools"><a href="https://twitter.com/intent/tweet">Share on X</a></div>',
      '<p>Nimbus shares rose 4% on Thursday, the company said.</p>',
      '<aside class="newsletter">Sign up for our free newsletter.</aside>',
      '<div class="ad-slot">Advertisement</div>',
      '<div class="c-related"><a href="/a">Cloud outage knocked 3,000 websites offline</a></div>',
      '<section class="author-bio"><p>She joined in 2019 from Heise.</p></section>',
      '<div id="most-read"><p>Bug bounty payouts hit a record $81 million in 2024.</p></div>',
      '<div hidden><p>Hidden text.</p></div><div aria-hidden="true"><p>Also hidden.</p></div>',
      '<div role="complementary"><p>Sidebar text.</p></div>',
      '<div id="jp-relatedposts" class="jp-relatedposts"><p>Libraries will close at 6 p.m. from March.</p></div>',
      '<div class="sharedaddy sd-sharing-enabled"><p>Share this:</p></div>',
      '</article>',
    ].join('\n'));
    expect(blockTexts(doc)).toEqual([['paragraph', 'By Lena Fischer'], ['paragraph', 'Nimbus shares rose 4% on Thursday, the company said.']]);
  });

  test('near misses: a CMS’s tag and category classes, words inside a class word, and the article itself are kept', () => {
    const doc = loadHtml('a.html', [
      '<article class="post tag-share-prices category-social-affairs has-ads-disabled">',
      '<div class="tag-related"><p>Shares fell 3% on Monday.</p></div>',
      '<div class="biology-desk"><p>The study covered 57 trials.</p></div>',
      '<div class="shared-content"><p>The council voted 7-4.</p></div>',
      '</article>',
    ].join('\n'));
    expect(blockTexts(doc).map(([, text]) => text)).toEqual(['Shares fell 3% on Monday.', 'The study covered 57 trials.', 'The council voted 7-4.']);
  });
});

describe('loadHtml: publishing systems\' furniture', () => {
  test('Ghost\'s signup card, Substack\'s like button and Medium\'s read-next card are not read', () => {
    const doc = loadHtml('a.html', '<article><p>Rents rose 9% in 2024, the agency said.</p><div class="kg-card kg-signup-card"><p>Join 48,000 readers since 2017.</p></div>'
      + '<a class="like-button" href="#">∙ 212</a><div class="graf graf--mixtapeEmbed"><a href="https://medium.com/x">Read next: the housing crisis</a></div></article>');
    expect(blockTexts(doc)).toEqual([['paragraph', 'Rents rose 9% in 2024, the agency said.']]);
    expect(doc.links).toEqual([]);
  });

  test('a pull quote repeats the body: WordPress\'s and Medium\'s are not read', () => {
    const doc = loadHtml('a.html', '<article><p>“We forgot the people,” she told Público.</p><figure class="wp-block-pullquote"><blockquote><p>“We forgot the people.”</p></blockquote></figure>'
      + '<blockquote class="graf graf--pullquote">“We forgot the people.”</blockquote></article>');
    expect(blockTexts(doc)).toEqual([['paragraph', '“We forgot the people,” she told Público.']]);
  });
});

describe('loadHtml: a Google Docs export', () => {
  test('its title is a heading, and its comments (the "[a]" marker and the comment at the end) are not read', () => {
    const doc = loadHtml('a.html', '<body><p class="c1 title"><span>Council approves bus lane plan</span></p>'
      + '<p class="c2"><span>About 80 people objected.</span><sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup></p>'
      + '<p class="c2"><span>The council voted 7-2 on Tuesday to build the lane along Gloucester Road by the end of next year.</span></p>'
      + '<div><p class="c1"><a href="#cmnt_ref1" id="cmnt1">[a]</a><span>Is the 80 people figure ours? 3 of the last 5 stories used it.</span></p></div></body>');
    expect(blockTexts(doc)).toEqual([
      ['heading', 'Council approves bus lane plan'], ['paragraph', 'About 80 people objected.'],
      ['paragraph', 'The council voted 7-2 on Tuesday to build the lane along Gloucester Road by the end of next year.'],
    ]);
  });

  test('a paragraph whose class merely contains "title" is prose', () => {
    expect(blockTexts(loadHtml('a.html', '<p class="entry-title-text">Rents rose 9% in 2024.</p>'))).toEqual([['paragraph', 'Rents rose 9% in 2024.']]);
  });
});

describe('loadHtml: footnote numbers written bare', () => {
  test('WordPress\'s and Substack\'s footnote numbers read as "[1]", at the number\'s place', () => {
    const original = '<p>Google was fined in 2018.<sup class="fn"><a href="#aa11" id="aa11-link">1</a></sup> Revenue rose.<a class="footnote-anchor" href="#footnote-2">2</a></p>';
    const doc = loadHtml('a.html', original);
    expect(blockTexts(doc)).toEqual([['paragraph', 'Google was fined in 2018.[1] Revenue rose.[2]']]);
    expect(doc.map.toOriginalOffset(doc.text.indexOf('[1]') + 1)).toBe(original.indexOf('>1<') + 1);
    expect(doc.links.map((link) => [doc.text.slice(link.start, link.end), link.href])).toEqual([['[1]', '#aa11'], ['[2]', '#footnote-2']]);
  });

  test.each([
    ['a unit\'s superscript', '<p>It covers 40 km<sup>2</sup> of land.</p>', 'It covers 40 km2 of land.'],
    ['a page number linked', '<p>See page <a href="#p3">3</a> for more.</p>', 'See page 3 for more.'],
    ['a superscript linking out', '<p>Exports fell.<sup><a href="https://example.org/">4</a></sup></p>', 'Exports fell.4'],
  ])('not a footnote number: %s', (_, html, text) => {
    expect(blockTexts(loadHtml('a.html', html))).toEqual([['paragraph', text]]);
  });
});

describe('loadHtml: embedded posts', () => {
  test('a tweet’s embed is the post shown, not the article’s copy: neither its text nor its links (its date, its photo) are read; links around it stay', () => {
    const doc = loadHtml('a.html', '<article><p>The Taoiseach urged calm on <a href="https://x.com/MichealMartinTD">X</a>.</p>'
      + '<blockquote class="twitter-tweet"><p lang="en">Please stay at home until the red warning has passed.</p>&mdash; Micheál Martin (@MichealMartinTD) '
      + '<a href="https://twitter.com/MichealMartinTD/status/1882700000000000000">January 24, 2025</a></blockquote><p>See <a href="https://www.met.ie/">Met Éireann</a>.</p></article>');
    expect(doc.links.map((link) => link.href)).toEqual(['https://x.com/MichealMartinTD', 'https://www.met.ie/']);
    expect(doc.text).not.toContain('Please stay at home');
    expect(blockTexts(doc)).toEqual([['paragraph', 'The Taoiseach urged calm on X.'], ['paragraph', 'See Met Éireann.']]);
  });

  test('AMP embeds, ads and share bars are not read', () => {
    const doc = loadHtml('a.html', '<article><p>Fires spread on Friday.</p><amp-ad><div fallback>Sponsored: hotels from €59 a night</div></amp-ad>'
      + '<amp-twitter><blockquote placeholder class="twitter-tweet">Crews are on site.</blockquote></amp-twitter><amp-social-share type="email"></amp-social-share></article>');
    expect(blockTexts(doc)).toEqual([['paragraph', 'Fires spread on Friday.']]);
  });
});

describe('loadHtml: redirecting links', () => {
  test.each([
    ['a Google Docs export', 'https://www.google.com/url?q=https://www.bbc.co.uk/news/x&amp;sa=D&amp;ust=1', 'https://www.bbc.co.uk/news/x'],
    ['an encoded target', 'https://www.google.com/url?sa=t&amp;url=https%3A%2F%2Fen.wikipedia.org%2Fwiki%2FX', 'https://en.wikipedia.org/wiki/X'],
    ['Facebook', 'https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.reuters.com%2Fa&amp;h=AT0', 'https://www.reuters.com/a'],
    ['Outlook', 'https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fapnews.com%2Fb&amp;data=0', 'https://apnews.com/b'],
    ['not a redirect', 'https://www.google.com/search?q=https://www.bbc.co.uk/', 'https://www.google.com/search?q=https://www.bbc.co.uk/'],
    ['a target that is no address', 'https://www.google.com/url?q=javascript:alert(1)', 'https://www.google.com/url?q=javascript:alert(1)'],
  ])('%s goes to its target', (_, href, target) => {
    expect(loadHtml('a.html', `<p>The story, <a href="${href}">the broadcaster said</a>.</p>`).links.map((link) => link.href)).toEqual([target]);
  });
});

describe('loadHtml: CRLF', () => {
  test('positions count CRLF as one line break', () => {
    const original = '<article>\r\n<p>First\r\nline &amp; more</p>\r\n<p>Second (IRNA English +1).</p>\r\n</article>';
    const doc = loadHtml('a.html', original);
    expect(blockTexts(doc)).toEqual([
      ['paragraph', 'First line & more'],
      ['paragraph', 'Second (IRNA English +1).'],
    ]);
    expect(at(doc, 'more')).toEqual({ line: 3, column: 12 });
    expect(at(doc, '(IRNA')).toEqual({ line: 4, column: 11 });
  });
});

describe('loadHtml: a tag left open at the end of the file', () => {
  // The parser drops the opening of an unclosed tag or declaration at the end of the input
  // (`</`, `<!`, `<?`, `</b `) and keeps the rest as text, inside the same source span.
  test.each([
    ['a </- x', '- x', 4],
    ['a <!- x', '- x', 4],
    ['a </1 x', '1 x', 4],
    ['a </b x', 'x', 6],
    ['a <!x y', 'x y', 4],
  ])('%j: the text kept maps to where it stands', (original, kept, offset) => {
    const doc = loadHtml('a.html', original);
    expect(doc.text.endsWith(kept)).toBe(true);
    expect(doc.map.toOriginalOffset(doc.text.length - kept.length)).toBe(offset);
    expect(doc.map.toOriginalOffset(doc.text.length - 1)).toBe(original.length - 1);
  });

  test('positions stay on their lines across a CRLF after it (a fuzz counterexample)', () => {
    const doc = loadHtml('a.html', '</- \r\n\u2018');
    expect(doc.text).toBe('- \u2018');
    expect(doc.map.position(doc.text.indexOf('\u2018'))).toMatchObject({ line: 2, column: 1 });
    expect(doc.map.position(0)).toMatchObject({ line: 1, column: 3 });
  });
});

describe('htmlHazard', () => {
  test('flags nesting the parser handles in quadratic time; counts neither void elements nor closed ones', async () => {
    const { htmlHazard, MAX_HTML_NESTING } = await import('../../src/input/depth.js');
    expect(htmlHazard(`<body>${'<div>'.repeat(MAX_HTML_NESTING)}text`)).toBe('too deeply nested');
    expect(htmlHazard(`<body>${'<div>'.repeat(MAX_HTML_NESTING - 2)}text`)).toBeUndefined();
    expect(htmlHazard(`<body>${'<br><img src=x>'.repeat(MAX_HTML_NESTING)}</body>`)).toBeUndefined();
    expect(htmlHazard(`<body>${'<p>text</p>'.repeat(MAX_HTML_NESTING * 2)}</body>`)).toBeUndefined();
    expect(htmlHazard(`<p>${'a < b '.repeat(MAX_HTML_NESTING * 2)}</p>`)).toBeUndefined();
  });
});
