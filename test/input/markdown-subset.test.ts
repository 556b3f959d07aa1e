/**
 * subsetMarkdownTree is a fast path in front of micromark: whenever it answers, its tree must be
 * exactly fromMarkdown's (positions included), and it must say null for Markdown it does not know.
 */
import fc from 'fast-check';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { subsetMarkdownTree } from '../../src/input/markdown-subset.js';

const micromarkTree = (original: string): Root =>
  fromMarkdown(original, { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] });

const FRONT_MATTER = '---\ntitle: "Larijani in Baghdad"\ndate: 2025-08-12\nauthor: Omid Haddad\n---\n';

describe('accepted, and the same tree as micromark', () => {
  test.each([
    ['an article', `${FRONT_MATTER}\n# Larijani in Baghdad\n\n*By Omid Haddad*\n\nTalks ended, [Reuters](https://www.reuters.com/world/1) said. [Wiki]\n\nA second paragraph (IRNA +3 Rudaw +5).\n`],
    ['headings of every depth', '# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six\n'],
    ['a multi-line paragraph', 'First line of the paragraph,\nsecond line [Outlet](https://x.com/a/1),\nthird line. [Wiki]\n'],
    ['no front matter', '# Heading\n\nText.\n'],
    ['no trailing newline', `${FRONT_MATTER}\nText [Wiki] ends here.`],
    ['several trailing newlines', 'Text.\n\n\n\n'],
    ['front matter right before the text', `${FRONT_MATTER}Text.\n`],
    ['front matter alone, no newline', '---\ntitle: x\n---'],
    ['an empty document', ''],
    ['blank lines only', '\n\n'],
    ['emphasis in a heading and before punctuation', '# The *Baghdad* talks\n\nSaid *no*, *yes*; *maybe*: (it *was*) *over.*\n'],
    ['emphasis at a line start inside a paragraph', 'Text\n*By Name*\nmore\n'],
    ['non-ASCII and emoji in plain text', 'Ant\u00f3nio Guterres said \u2018yes\u2019 \u{1F600} today.\n'],
    ['link destinations with query strings', 'See [the story](https://x.com/a?id=1_2~3|4!5) now.\n'],
    ['literal brackets and parentheses', '[Google News] and [ChatGPT] (Reuters +3, IRNA +5). [x] (y)\n'],
    ['digits that do not start a list', '2025 was a year.\n\n12 people 3.5 percent\n'],
    ['hashes and signs inside a line', 'Item #3 costs +5 and -2 today.\n'],
    ['an exclamation mark that is no image', 'Wow! Really!\n'],
    ['a one-line block quote', 'Text.\n\n> "The talks were frank and constructive," Katz said.\n\nMore text.\n'],
    ['a multi-line block quote', 'Text.\n\n> "We will not accept any agreement\n> that ignores our security,"\n> Araghchi said.\n\nMore text.\n'],
    ['a block quote with two paragraphs', 'Text.\n\n> First paragraph,\n> on two lines.\n>\n> Second paragraph.\n\nMore text.\n'],
    ['a block quote with three paragraphs', '> One.\n>\n> Two.\n>\n> Three.\n'],
    ['a block quote with a link and emphasis', '> "It is *over*," [Reuters](https://r.com/x) said [Wiki],\n> *quoting* [the minister](https://x.com/a).\n'],
    ['links and emphasis at the starts and ends of quoted lines', '> *By Name*\n> [Reuters](https://r.com/x)\n> *end.*\n> [a](https://x.com/a) b\n> c *d*\n> e\n'],
    ['a block quote at the start', '> Quoted.\n\nText.\n'],
    ['a block quote at the end', 'Text.\n\n> Quoted.\n'],
    ['a block quote at the end, no trailing newline', 'Text.\n\n> Quoted.'],
    ['a block quote alone', '> Quoted.\n'],
    ['a block quote right after front matter', `${FRONT_MATTER}> Quoted.\n`],
    ['a block quote after a heading', '# Title\n\n> Quoted.\n\n## Next\n'],
    ['two block quotes in a row', '> One.\n\n> Two.\n\n\n> Three.\n'],
    ['non-ASCII in a block quote', '> Ant\u00f3nio said \u2018yes\u2019 \u{1F600}\n> today.\n'],
    ['a directive before a paragraph', 'Text.\n\n<!-- citecheck-disable-next-line vague-attribution -- the desk quotes this -->\nExperts say the deal is done.\n'],
    ['a directive right after front matter, then a heading', `${FRONT_MATTER}<!-- citecheck-disable -->\n# Title\n\nText.\n`],
    ['a comment over several lines, a blank one among them', 'Text.\n\n<!-- draft:\n\nstill the comment -->\nAfter it.\n'],
    ['text after the closing belongs to the comment block', '<!-- a --> b *c*\n\nText.\n'],
    ['comments that close where they open', '<!-->\n\n<!--->\nText.\n'],
    ['a comment at the end, no trailing newline', 'Text.\n\n<!-- citecheck-enable -->'],
    ['a comment before a block quote', '<!-- c -->\n> Quoted.\n'],
    ['directives around a paragraph, interrupting it', '<!-- citecheck-disable unknown-source -->\nTalks began (IRNA English +1).\n<!-- citecheck-enable -->\n\nMore.\n'],
    ['a comment interrupting a heading line, a quote and a multi-line paragraph', '# Title\n<!-- a -->\n> Quoted.\n<!-- b -->\nOne,\ntwo.\n<!-- c -->'],
    ['a realistic article with a quote', `${FRONT_MATTER}\n# Larijani in Baghdad\n\n*By Omid Haddad*\n\nTalks ended on Tuesday, [Reuters](https://www.reuters.com/world/1) said. [Wiki]\n\n> "This is a landmark achievement for both nations," Hawramani said.\n\nThe coalition voted to extend the contract (IRNA +3 Rudaw +5).\n\n> "We are ready to discuss every issue on the table,"\n> Karimi told *Rudaw*.\n>\n> "The talks were frank," he added.\n\nA last paragraph.\n`],
  ])('%s', (_name, original) => {
    const tree = subsetMarkdownTree(original);
    expect(tree).not.toBeNull();
    expect(tree).toStrictEqual(micromarkTree(original));
  });
});

describe('near misses: left to micromark', () => {
  test.each([
    ['a code span', 'Run `citecheck` now.\n'],
    ['a fenced code block', '```\ncode\n```\n'],
    ['a tilde fence', '~~~\ncode\n~~~\n'],
    ['indented code', '    code\n'],
    ['an HTML comment', 'Text <!-- citecheck-disable --> more.\n'],
    ['an indented HTML comment', ' <!-- citecheck-disable -->\nText.\n'],
    ['an HTML comment never closed', 'Text.\n\n<!-- citecheck-disable\n\nText.\n'],
    ['a tab in an HTML comment', '<!-- a\tb -->\nText.\n'],
    ['an autolink', 'See <https://x.com>.\n'],
    ['an entity', 'Salt &amp; pepper.\n'],
    ['a backslash escape', 'Not \\*emphasis\\*.\n'],
    ['underscore emphasis', 'Some _emphasis_ here.\n'],
    ['strong emphasis', 'Some **strong** here.\n'],
    ['a dash list', '- item\n'],
    ['a star list', '* item\n'],
    ['a plus list', '+ item\n'],
    ['an ordered list', '1. item\n'],
    ['an ordered list with a parenthesis', '1) item\n'],
    ['a list interrupting a paragraph', 'Text\n- item\n'],
    ['a lazy continuation line', '> quoted\nlazy line\n'],
    ['a lazy line after a quoted paragraph', '> one\n>\n> two\nlazy\n'],
    ['a nested block quote', '> > quoted\n'],
    ['a nested block quote on a later line', '> quoted\n> > nested\n'],
    ['a double marker', '>> quoted\n'],
    ['a marker without its space', '>quoted\n'],
    ['a later line without the space', '> quoted\n>more\n'],
    ['a marker and two spaces', '>  quoted\n'],
    ['a marker after a space', ' > quoted\n'],
    ['a marker and a tab', '>\tquoted\n'],
    ['a heading in a block quote', '> # Title\n'],
    ['a heading in a later quoted paragraph', '> Text\n>\n> # Title\n'],
    ['a heading interrupting a quoted paragraph', '> Text\n> # Title\n'],
    ['a list in a block quote', '> - item\n'],
    ['a list interrupting a quoted paragraph', '> Text\n> 1. item\n'],
    ['a setext heading in a block quote', '> Title\n> =====\n'],
    ['a thematic break in a block quote', '> ***\n'],
    ['indented code in a block quote', '>     code\n'],
    ['a fence in a block quote', '> ```\n> code\n> ```\n'],
    ['HTML in a block quote', '> <b>bold</b>\n'],
    ['a quoted line with a trailing space', '> quoted \n> more\n'],
    ['a separator with a trailing space', '> one\n> \n> two\n'],
    ['a last line with a trailing space', '> one\n> '],
    ['a hard break in a block quote', '> one  \n> two\n'],
    ['an empty block quote', '>\n'],
    ['an empty block quote without a newline', '>'],
    ['a marker and a space only', '> \n'],
    ['a block quote starting with an empty line', '>\n> quoted\n'],
    ['a block quote ending with an empty line', '> quoted\n>\n'],
    ['a block quote ending with an empty line at the end', '> quoted\n>'],
    ['two empty lines between quoted paragraphs', '> one\n>\n>\n> two\n'],
    ['a block quote directly followed by a paragraph line', 'Text\n\n> quoted\nText\n'],
    ['a block quote directly followed by a heading', '> quoted\n# Title\n'],
    ['a block quote interrupting a paragraph', 'Text\n> quoted\n'],
    ['a block quote directly after a heading', '# Title\n> quoted\n'],
    ['a line of spaces after a block quote', '> quoted\n \nText\n'],
    ['a greater-than sign inside a quoted line', '> a > b\n'],
    ['a link definition in a block quote', '> [a]: http://x\n\nText [a].\n'],
    ['a setext heading (=)', 'Title\n=====\n'],
    ['a setext heading (-)', 'Title\n-----\n'],
    ['a thematic break', 'Text\n\n***\n'],
    ['a dash thematic break', 'Text\n\n---\n'],
    ['a tab', 'Text\twith a tab.\n'],
    ['CRLF line endings', 'Line one\r\nLine two\r\n'],
    ['a hard break (two trailing spaces)', 'Line one  \nLine two\n'],
    ['a trailing space', 'Line one \nLine two\n'],
    ['a line of spaces', 'Text\n  \nMore\n'],
    ['a link reference definition', '[a]: http://x\n\nText [a].\n'],
    ['a full reference link', 'See [text][ref].\n'],
    ['a collapsed reference link', 'See [text][].\n'],
    ['an image', 'See ![a](b).\n'],
    ['a link with a title', 'See [a](https://x.com "Title").\n'],
    ['a link with a space in the destination', 'See [a](https://x.com/a b).\n'],
    ['a link with parentheses in the destination', 'See [a](https://x.com/(a)).\n'],
    ['a link in angle brackets', 'See [a](<https://x.com>).\n'],
    ['an empty link destination', 'See [a]().\n'],
    ['nested brackets', 'See [a [b] c](https://x.com).\n'],
    ['a link inside brackets', 'See [[a](https://x.com)].\n'],
    ['a stray closing bracket', 'See a] b.\n'],
    ['an unclosed bracket', 'See [a b.\n'],
    ['a bracket spanning lines', 'See [a\nb](https://x.com).\n'],
    ['emphasis inside a link', 'See [*a*](https://x.com).\n'],
    ['a link inside emphasis', 'See *a [b](https://x.com)*.\n'],
    ['emphasis mid-word', 'a*b*c\n'],
    ['emphasis after punctuation', 'See (*a*) here.\n'],
    ['emphasis closed before a letter', 'See *a*b here.\n'],
    ['emphasis closed after punctuation', 'See *a,* here.\n'],
    ['emphasis spanning lines', 'See *a\nb* here.\n'],
    ['an unclosed star', 'Five *3 four.\n'],
    ['non-ASCII next to a star', 'See *\u00e9t\u00e9* here.\n'],
    ['non-ASCII next to a bracket', 'See \u00e9[a](https://x.com).\n'],
    ['a non-breaking space', 'Text\u00a0here.\n'],
    ['a heading without a space', '#Hashtag\n'],
    ['a heading with closing hashes', '# Title #\n'],
    ['a heading with two spaces', '#  Title\n'],
    ['a heading interrupting a paragraph', 'Text\n# Title\n'],
    ['a paragraph right after a heading', '# Title\nText\n'],
    ['seven hashes', '####### Title\n'],
    ['an empty heading', '#\n'],
    ['empty front matter', '---\n---\nText\n'],
    ['a front matter fence with a trailing space', '---\ntitle: x\n--- \nText\n'],
    ['unclosed front matter', '---\ntitle: x\n\nText\n'],
    ['a line starting with a space', 'Text\n more\n'],
  ])('%s', (_name, original) => {
    expect(subsetMarkdownTree(original)).toBeNull();
  });
});

describe('random documents: accepted means the same tree as micromark', () => {
  // Documents are blocks of lines of atoms. Most atoms are in the subset, some sit on its edges,
  // a few are Markdown outside it; odd line starts, separators and fences test the block rules.
  const subsetAtom = fc.constantFrom(
    'word', 'Baghdad', '2025', '+3', 'said,', 'end.', '"quoted"', "it's", '(Reuters +3 IRNA +5)', '[Wiki]',
    '[Reuters](https://r.com/x)', '[a b](https://x.com/a_b?c=d~e)', '*By Name*', '*said*', '*end.*', '*a*.', '*a*,',
    '*a*)', 'Ant\u00f3nio', '\u2018quoted\u2019', '\u{1F600}', 'C#', 'Wow!', 'https://x.com/a',
  );
  const edgeAtom = fc.constantFrom(
    '*', '[', ']', '(', ')', '#', '-', '+', '1.', '2)', '!', '](https://x.com/a)', ' ', '*a', 'b*', '.*', '*.',
    'é', '😀', '’', '1', ':', '[]', '()', '#####',
  );
  const nearMissAtom = fc.constantFrom(
    '_', '`', '<', '>', '&', '&amp;', '\\', '---', '- ', '> ', '1. ', '  ', '\t', '\r', '=', '~', '|', '**',
    '![a](b)', '[a]: http://x', '][ref]', '(x "t")', '\u00a0', '\u{1F600}*', '*\u00e9', '<!-- c -->',
  );
  const atom = fc.oneof({ arbitrary: subsetAtom, weight: 60 }, { arbitrary: edgeAtom, weight: 4 }, { arbitrary: nearMissAtom, weight: 1 });
  const separator = fc.oneof({ arbitrary: fc.constant(' '), weight: 12 }, fc.constantFrom('', '  '));
  const line = fc.tuple(atom, fc.array(fc.tuple(separator, atom), { maxLength: 6 }))
    .map(([first, rest]) => first + rest.map(([space, next]) => space + next).join(''));
  const headingMark = fc.oneof({ arbitrary: fc.constantFrom('# ', '## ', '### ', '###### '), weight: 6 }, fc.constantFrom('####### ', '#', '#  ', ' # '));
  const heading = fc.tuple(headingMark, line).map(([mark, text]) => mark + text);
  const lineStart = fc.oneof({ arbitrary: fc.constant(''), weight: 20 }, fc.constantFrom('* ', '- ', '+ ', '> ', '1. ', '2) ', ' ', '    ', '# '));
  const paragraph = fc.array(fc.tuple(lineStart, line), { minLength: 1, maxLength: 4 }).map((lines) => lines.map(([start, text]) => start + text).join('\n'));
  // Block quotes: lines mostly start with `> `; lazy lines (no marker), nested and malformed
  // markers, and odd separators between quoted paragraphs test the edges.
  const quoteMark = fc.oneof({ arbitrary: fc.constant('> '), weight: 80 }, fc.constantFrom('', '>', '> > ', '>> ', '>  ', ' > ', '> # ', '> - '));
  const quotedParagraph = fc.array(fc.tuple(quoteMark, line), { minLength: 1, maxLength: 3 }).map((lines) => lines.map(([mark, text]) => mark + text).join('\n'));
  const quoteSeparator = fc.oneof({ arbitrary: fc.constant('\n>\n'), weight: 25 }, fc.constantFrom('\n', '\n> \n', '\n>\n>\n', '\n\n', '\n> >\n'));
  const blockQuote = fc.tuple(quotedParagraph, fc.array(fc.tuple(quoteSeparator, quotedParagraph), { maxLength: 2 }), fc.oneof({ arbitrary: fc.constant(''), weight: 15 }, fc.constantFrom('\n>', '\n> ', '\nlazy')))
    .map(([first, rest, end]) => first + rest.map(([separator, next]) => separator + next).join('') + end);
  // HTML comment blocks: closed on their first line or later (past blank lines), text after the
  // closing, odd openings and closings, never closed, and characters micromark might rewrite.
  const commentBody = fc.array(fc.constantFrom('citecheck-disable', ' ', 'a', '-', '--', '>', '\n', '\n\n', '<!--', '*', '[', 'é', '\t', '\r', '\0'), { maxLength: 8 })
    .map((parts) => parts.join(''));
  const commentBlock = fc.tuple(
    fc.oneof({ arbitrary: fc.constantFrom('<!--', '<!-- '), weight: 8 }, fc.constantFrom(' <!--', '<!-', '<!---', '<!-->')),
    commentBody,
    fc.oneof({ arbitrary: fc.constant('-->'), weight: 8 }, fc.constantFrom('', '--->', '--!>', '->')),
    fc.oneof({ arbitrary: fc.constant(''), weight: 4 }, fc.constantFrom(' after', '  ', ' *a*', '\nText.', '\n> quoted')),
  ).map((parts) => parts.join(''));
  const blockSeparator = fc.oneof({ arbitrary: fc.constant('\n\n'), weight: 12 }, fc.constantFrom('\n', '\n\n\n', '\n \n'));
  const blocks = fc.tuple(fc.array(fc.tuple(blockSeparator, fc.oneof({ arbitrary: paragraph, weight: 3 }, heading, { arbitrary: blockQuote, weight: 2 }, { arbitrary: commentBlock, weight: 2 })), { maxLength: 6 }), fc.constantFrom('', '\n', '\n\n'))
    .map(([parts, end]) => parts.map(([separator, block], i) => (i > 0 ? separator : '') + block).join('') + end);
  const soup = fc.array(fc.constantFrom(
    'word', ' ', '\n', '\n\n', '# ', '*', '[', ']', '(', ')', 'https://x.com/a', '[Reuters](https://r.com/x)',
    '_', '`', '<', '&', '---\n', '- ', '> ', '>', '\n> ', '\n>\n', '> > ', '  \n', '\t', 'é', '😀', '’',
  ), { maxLength: 30 }).map((parts) => parts.join(''));
  const body = fc.oneof({ arbitrary: blocks, weight: 9 }, soup);
  const matterLine = fc.oneof(
    { arbitrary: fc.constantFrom('title: "A *b* [c]"', 'date: 2025-08-12', 'author: A B', 'tags: [a, b]'), weight: 12 },
    fc.constantFrom('', '---', '--- ', '----', ' ', '\t', '<b>&amp;', '\r'),
  );
  const matter = fc.option(fc.array(matterLine, { minLength: 1, maxLength: 4 }).map((lines) => ['---', ...lines, '---'].join('\n')), { nil: '', freq: 2 });
  const afterMatter = fc.oneof({ arbitrary: fc.constant('\n'), weight: 4 }, fc.constantFrom('', '\n\n'));
  const documents = fc.tuple(matter, afterMatter, body).map(([yaml, newline, text]) => yaml + (yaml ? newline : '') + text);

  const hasBlockQuote = (tree: Root): boolean => tree.children.some((node) => node.type === 'blockquote');
  const hasComment = (tree: Root): boolean => tree.children.some((node) => node.type === 'html');
  const hasQuotedParagraphs = (tree: Root): boolean => tree.children.some((node) => node.type === 'blockquote' && node.children.length > 1);

  test('whenever the subset parser answers, micromark agrees', () => {
    let runs = 0;
    let accepted = 0;
    let quoted = 0;
    let multiParagraphQuotes = 0;
    let comments = 0;
    fc.assert(fc.property(documents, (original) => {
      runs++;
      const tree = subsetMarkdownTree(original);
      if (tree === null) return;
      accepted++;
      if (hasBlockQuote(tree)) quoted++;
      if (hasComment(tree)) comments++;
      if (hasQuotedParagraphs(tree)) multiParagraphQuotes++;
      expect(tree).toStrictEqual(micromarkTree(original));
    }), { numRuns: 3_000 });
    // Not vacuous: a good share of the documents take the fast path, block quotes included.
    expect(accepted / runs).toBeGreaterThan(0.2);
    expect(quoted / runs).toBeGreaterThan(0.02);
    expect(multiParagraphQuotes / runs).toBeGreaterThan(0.005);
    expect(comments / runs).toBeGreaterThan(0.02);
  });

  test('the same at the level of single characters, where delimiters meet', () => {
    const character = fc.constantFrom(
      'a', 'b', '1', ' ', ' ', '*', '*', '[', ']', '(', ')', '.', ',', ';', ':', '!', '?', '"', "'", '\n', '\n',
      '#', '-', '+', 'é', '😀', '’', 'x/y', '$', '%', '@', '_', '`', '&', '<', '>', '> ',
    );
    let runs = 0;
    let accepted = 0;
    let quoted = 0;
    fc.assert(fc.property(fc.array(character, { maxLength: 24 }).map((parts) => parts.join('')), (original) => {
      runs++;
      const tree = subsetMarkdownTree(original);
      if (tree === null) return;
      accepted++;
      if (hasBlockQuote(tree)) quoted++;
      expect(tree).toStrictEqual(micromarkTree(original));
    }), { numRuns: 3_000 });
    expect(accepted / runs).toBeGreaterThan(0.2);
    expect(quoted).toBeGreaterThan(0);
  });
});

describe('realistic articles', () => {
  const outlets = ['Reuters', 'IRNA English', 'Rudaw', 'Al-Monitor', 'Tehran Times', 'Anadolu Agency', 'The Guardian', 'Shafaq News'];
  const places = ['Baghdad', 'Tehran', 'Erbil', 'Muscat', 'Doha', 'Basra', 'Ankara'];
  const authors = ['Omid Haddad', 'Sara Cohen', 'Layla Rahimi', 'Ant\u00f3nio Pereira'];
  const pick = <T>(list: T[], n: number): T => list[n % list.length]!;
  const slug = (outlet: string) => outlet.toLowerCase().replace(/[^a-z]+/g, '');

  const sentence = (n: number): string => {
    const outlet = pick(outlets, n * 7 + 3);
    switch (n % 6) {
      case 0: return `The ministry pledged to reopen the crossing in ${pick(places, n)}, [${outlet}](https://www.${slug(outlet)}.com/news/${1000 + n}) reported.`;
      case 1: return `Talks in ${pick(places, n + 2)} ended on Tuesday. [Wiki]`;
      case 2: return `The coalition voted to extend the contract (${outlet} +${n % 9 + 1} ${pick(outlets, n + 1)} +${n % 5 + 2}).`;
      case 3: return `"This is a landmark achievement," an official told ${outlet}.`;
      case 4: return `A treaty signed on May ${n % 28 + 1}, 2020 had addressed these *worries*, as [${outlet}](https://${slug(outlet)}.net/a/${n}) reported at the time.`;
      default: return `Trade reached $${n}.5 billion last year, up ${n % 40} percent. [Google News]`;
    }
  };
  const paragraph = (n: number): string => {
    const count = 1 + (n % 4);
    // Some paragraphs wrap their sentences onto several lines.
    return Array.from({ length: count }, (_, i) => sentence(n + i)).join(n % 3 === 0 ? '\n' : ' ');
  };
  const article = (n: number): string => {
    const title = `${pick(places, n)} and ${pick(places, n + 3)} agree to resume talks`;
    const paragraphs = Array.from({ length: 5 + (n % 6) }, (_, i) => paragraph(n * 11 + i));
    if (n % 4 === 1) paragraphs.splice(2, 0, '## Regional reaction');
    // Quoted statements: most on one line, some wrapped, some in two paragraphs.
    const quote = `"${pick(['The talks were frank and constructive', 'We will not accept any agreement that ignores our security'], n)}," ${pick(['Katz', 'Araghchi', 'Guterres'], n)} said.`;
    if (n % 3 === 0) paragraphs.splice(1, 0, `> ${quote}`);
    if (n % 3 === 1) paragraphs.splice(3, 0, `> ${sentence(n)}\n> ${quote}`);
    if (n % 5 === 2) paragraphs.push(`> ${quote}\n>\n> ${sentence(n + 4)}`);
    return `---\ntitle: "${title}"\ndate: 2025-0${1 + (n % 9)}-1${n % 10}\nauthor: ${pick(authors, n)}\n---\n\n# ${title}\n\n*By ${pick(authors, n)}*\n\n${paragraphs.join('\n\n')}\n`;
  };

  test.each(Array.from({ length: 20 }, (_, n) => [n, article(n)] as const))('article %i', (_n, original) => {
    const tree = subsetMarkdownTree(original);
    expect(tree).not.toBeNull();
    expect(tree).toStrictEqual(micromarkTree(original));
  });
});
