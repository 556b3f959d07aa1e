import fc from 'fast-check';
import rule, { blankQuotes } from '../../rules/unattributed-quote.js';
import { quotations } from '../../src/parse/features.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a quoted headline in an HTML page’s references',
      format: 'html',
      text: '<article><p>Oil exports fell in March.<sup><a href="#cite_note-1">[1]</a></sup></p><h2>References</h2><ol><li id="cite_note-1"><a href="#cite_ref-1">^</a> <cite>"Iraq\'s oil exports fall 14%". <i>Reuters</i>. 19 March 2023.</cite></li></ol></article>',
    },
    {
      name: 'a quoted headline in an HTML page’s ordered reference list its markers do not link to',
      format: 'html',
      text: '<article><p>Oil exports fell in March.[1]</p><h2>References</h2><ol><li>Reuters. "Iraq\'s oil exports fall 14%". 19 March 2023.</li></ol></article>',
    },
    { name: 'a quoted headline in a reference list', text: 'Oil exports fell in March.[1]\n\n[1] Reuters, "Iraq\'s oil exports fall 14%", 19 March 2023.\n' },
    '“We will sign the agreement this week,” Larijani told reporters.',
    '"We will sign the agreement this week," said Deputy Oil Minister Basim Mohammed Khudair.',
    'Larijani told reporters in Baghdad: “We will sign the agreement this week.”',
    { name: 'a colon after a name', text: 'Larijani: “We will sign the agreement this week.”' },
    { name: 'the speaker in the next sentence', text: '“We will sign the agreement this week.” Larijani said so in Baghdad on Monday.' },
    { name: 'a quotation spanning two sentences', text: '“It is final. Nothing will change it now,” he added.' },
    { name: 'a sentence ending in a colon introduces it', text: 'He told reporters after Friday prayers:\n\n“Sweden must keep its promises to us.”' },
    { name: 'a quotation running on into the next paragraph', text: 'Erdogan said on Friday: “Sweden must keep its promises.\n\n“Until they do, our answer will remain no.”' },
    { name: 'a quotation right after an attributed one is the same speaker’s', text: '“We felt the ground shake and ran outside,” said Abdelhak El Amrani. “Then the electricity went out for hours.”' },
    { name: 'a citation names the source', text: '“The deal is done and will be signed soon” (IRNA English +1).' },
    { name: 'scare quotes of one to three words are not quotations', text: 'The so-called “reform” of the pension system is “a bad joke”.' },
    { name: 'the title of a work', text: 'Jane Harlow is the author of “Grounded: Travel in a Warming World”.' },
    { name: 'a motto is a name', text: 'The club’s motto is “Més que un club” (More than a club).' },
    'As one senior European diplomat put it to me, “Everyone is hedging, and everyone knows it.”',
    { name: '"calling it" after a named subject', text: 'U.S. President Donald Trump praised the deal, calling it "a big win for everybody".' },
    { name: '"in remarks to reporters"', text: 'The minister described the talks as "the most productive in a decade" in remarks to reporters.' },
    { name: 'a signature line after the quotation', text: '“We are disappointed by the decision and will appeal.” — Jane Holt, chief executive' },
    { name: 'a block quote signed on its own line', format: 'markdown', text: '> "We are disappointed by the decision and will appeal."\n>\n> — Jane Holt, chief executive' },
    {
      name: 'a block quote’s <footer>',
      format: 'html',
      text: '<article><p>Experts reacted to the study.</p><blockquote><p>"Most of the step counts were measured only once, at the start."</p><footer>&mdash; Prof. Tara Coughlan</footer></blockquote></article>',
    },
    {
      name: 'a block quote’s <cite> line (WordPress pull quote)',
      format: 'html',
      text: '<article><p>The council met on Monday.</p><figure class="wp-block-pullquote"><blockquote><p>"We made hard choices so that the libraries stay open."</p><cite>Mayor Teresa Lindqvist</cite></blockquote></figure></article>',
    },
    {
      name: 'a quoting figure’s <figcaption>',
      format: 'html',
      text: '<article><p>Experts reacted to the study.</p><figure><blockquote>"Most of the step counts were measured only once, at the start."</blockquote><figcaption>— Prof. Tara Coughlan</figcaption></figure></article>',
    },
  ],
  invalid: [
    {
      text: '“We are closer than we have ever been to an agreement.”',
      errors: [{ messageId: 'unattributed', line: 1, column: 1, text: '“We are closer than we have ever been to an agreement.”' }],
    },
    {
      name: 'surrounded by sentences that name nobody',
      text: 'Talks resumed in Geneva. "We are closer than we have ever been to an agreement." A final deal is expected next week.',
      errors: [{ messageId: 'unattributed', column: 26, message: 'Nobody is said to have said "We are closer than we have ever been…”' }],
    },
    {
      name: 'a "said" inside the quotation names no speaker',
      text: '“Everyone said it would fail, and it did.” The project ended in 2019.',
      errors: [{ messageId: 'unattributed', column: 1 }],
    },
    {
      name: 'a sentence without a quotation breaks the run',
      text: '“We felt the ground shake,” said Abdelhak El Amrani. The town lost power. “Then the water ran out for days.”',
      errors: [{ messageId: 'unattributed', text: '“Then the water ran out for days.”' }],
    },
    { text: '"We will not be the generation that bankrupts the state" is a fine slogan.', errors: [{ messageId: 'unattributed' }] },
    {
      name: 'a dash that is not a signature: a lowercase aside',
      text: '“We are disappointed by the decision and will appeal” — a line the board repeated all week.',
      errors: [{ messageId: 'unattributed', column: 1 }],
    },
    {
      name: 'a signature for a quotation that does not end its paragraph signs only the last',
      text: '“We are disappointed by the decision and will appeal.” The hearing lasted four hours.\n\n— Jane Holt, chief executive',
      errors: [{ messageId: 'unattributed', column: 1 }],
    },
    {
      name: 'a sentence after a block quote is no signature line',
      format: 'html',
      text: '<article><blockquote><p>"We made hard choices so that the libraries stay open."</p><p>The budget passed on Monday.</p></blockquote></article>',
      errors: [{ messageId: 'unattributed' }],
    },
    {
      name: 'a page footer is not a block quote’s signature',
      format: 'html',
      text: '<article><p>"Most of the step counts were measured only once, at the start."</p><footer>— The Daily Ledger</footer></article>',
      errors: [{ messageId: 'unattributed' }],
    },
  ],
});

test('blankQuotes blanks exactly the inside of each quotation, and keeps every other unit (lone surrogates too)', () => {
  const piece = fc.constantFrom('"', '“', '”', '«', '»', 'said ', 'a', ' ', '\ud800', '\udc00', '😀', 'é', '\n');
  fc.assert(fc.property(fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join('')), (text) => {
    const quotes = quotations(text);
    const masked = blankQuotes(text, quotes);
    expect(masked).toHaveLength(text.length);
    const inside = new Set<number>();
    for (const q of quotes) for (let i = q.start + 1; i < (q.closed ? q.end - 1 : q.end); i++) inside.add(i);
    for (let i = 0; i < text.length; i++) expect(masked.charCodeAt(i)).toBe(inside.has(i) ? 32 : text.charCodeAt(i));
  }), { numRuns: 500 });
});
