import rule from '../../rules/dangling-reference.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'The full text of the agreement was published by IRNA on Monday.',
    { name: 'a link to a place on the page is not empty', format: 'markdown', text: 'The figures are in the [notes](#notes) below.' },
    { name: 'an HTML anchor without an href is no link', format: 'html', text: '<article><p>The pact was signed on <a name="signed">Tuesday</a>.</p></article>' },
    { name: '"see a link" in prose', text: 'Analysts see a link between the sanctions and the rial’s fall.' },
    { name: 'regression: "see the link" after a subject is prose', text: 'Larijani said he did not see the link between the two cases.' },
    { name: 'regression: "visit the link road" is prose', text: 'Iran said its minister would visit the link road project next month.' },
    { name: 'regression: a bare "click on" is not a pointer', text: 'Voters were asked to click on the candidate’s photo on the tablet.' },
    { name: 'regression: "see <outlet> as" is an opinion, not a pointer', text: 'Many Iraqis see Rudaw as the voice of the Kurdistan Democratic Party.' },
    { name: '"visit" after a modal is prose', text: 'Larijani will visit Baghdad News Agency offices next week.' },
    { name: '"see here" after a subject is prose', text: 'Diplomats will see here a chance to reset ties with Riyadh.' },
    { name: 'a source in a parenthetical is a citation, not a pointer', text: 'The pact was signed in Baghdad on Monday (source: IRNA).' },
    { name: 'a link in plain text right after the phrase', text: 'The full text of the agreement: click here https://www.irna.ir/news/85912345/' },
    { name: 'a link three characters after the phrase', text: 'The full text of the agreement: click here —(https://www.irna.ir/news/85912345/)' },
    { name: 'a link three characters before the phrase', text: 'The full text is at https://www.irna.ir/news/85912345/ — see here.' },
    {
      name: 'a "click here" that is a Markdown link',
      format: 'markdown',
      text: 'The full text of the agreement is available online; [click here](https://www.irna.ir/news/85912345/) to read it.',
    },
    {
      name: 'a link on the word after "click"',
      format: 'markdown',
      text: 'The full text of the agreement is available online; click [here](https://www.irna.ir/news/85912345/).',
    },
    {
      name: 'each name the pointer points at is a link',
      format: 'markdown',
      text: 'For additional coverage click on [WANA](https://wanaen.com/iran-iraq-pact) or [IRNA English](https://en.irna.ir/news/85912345).',
    },
    {
      name: 'an autolink right after the phrase',
      format: 'markdown',
      text: 'The full text: click here <https://www.irna.ir/news/85912345/>.',
    },
    {
      name: 'a "[source]" that is a reference link',
      format: 'markdown',
      text: 'The ministry published the casualty figures [source].\n\n[source]: https://www.moh.gov.iq/figures\n',
    },
    {
      name: 'an HTML "click here" link',
      format: 'html',
      text: '<article><p>The full text is available; <a href="https://www.irna.ir/news/85912345/">click here</a> to read it.</p></article>',
    },
    { name: 'a footnote marker whose note is in the article', text: 'Trade reached $12 billion in 2024.[2]\n\nSources\n[2] https://www.tehrantimes.com/news/123\n' },
    {
      name: 'a Markdown footnote with its definition',
      format: 'markdown',
      text: 'Trade reached $12 billion in 2024.[^2]\n\n[^2]: https://www.tehrantimes.com/news/123\n',
    },
    {
      name: 'markers with a numbered "Sources" list below (a chatbot answer’s)',
      text: 'Iraq and Iran signed a security pact in March 2023.[1] It requires Iraq to disarm Kurdish groups.[2]\n\nSources:\n1. https://www.reuters.com/world/x\n2. https://apnews.com/article/y\n',
    },
    {
      name: 'markers with a Markdown numbered list under a "Sources" heading',
      format: 'markdown',
      text: 'Iraq and Iran signed a security pact in March 2023.[1] It requires Iraq to disarm Kurdish groups.[2]\n\n## Sources\n\n1. [Reuters](https://www.reuters.com/world/x)\n2. https://apnews.com/article/y\n',
    },
    { name: 'a unit’s superscript is no footnote marker', text: 'The reservoir covers 120 km² and holds 3 billion m³ of water.' },
    { name: 'an exponent is no footnote marker', text: 'The model puts the risk at 10^6 to one.' },
    {
      name: 'an HTML page’s marker links to its reference list, outside the article’s body',
      format: 'html',
      text: '<article><p>Trade reached $12 billion in 2024.<sup><a href="#cite_note-2">[2]</a></sup></p></article><aside><ol><li id="cite_note-2">Reuters, 2024.</li></ol></aside>',
    },
    {
      name: 'a marker linking out',
      format: 'html',
      text: '<article><p>Trade reached $12 billion in 2024.<sup><a href="https://www.reuters.com/a">[2]</a></sup></p></article>',
    },
    {
      name: 'an HTML page’s markers with an ordered list under a "References" heading (no links)',
      format: 'html',
      text: '<article><p>Iran and Iraq signed a security pact on Tuesday.[1] Larijani led the delegation.[2]</p>'
        + '<h2>References</h2><ol><li>Reuters. "Iran, Iraq sign pact". 11 March 2023.</li><li>IRNA English. 11 August 2025.</li></ol></article>',
    },
  ],
  invalid: [
    {
      name: 'an HTML marker linking to a note that is nowhere on the page',
      format: 'html',
      text: '<article><p>Trade reached $12 billion in 2024.<sup><a href="#cite_note-2">[2]</a></sup></p></article>',
      errors: [{ messageId: 'note', text: '[2]' }],
    },
    {
      name: 'Substack\'s bare number to a missing note',
      format: 'html',
      text: '<article><p>The county grew fastest in 2024.<a class="footnote-anchor" href="#footnote-3">3</a></p></article>',
      errors: [{ messageId: 'note', text: '3' }],
    },
    {
      name: 'a link elsewhere near the marker is no note of its',
      format: 'markdown',
      text: 'Lisbon lost 5% of its people in 2022.[4]\n\n[Porto is next](https://www.reuters.com/x)\n',
      errors: [{ messageId: 'note', text: '[4]' }],
    },
    {
      name: 'a Markdown link with no address',
      format: 'markdown',
      text: 'More details on the funding round are [here]().',
      errors: [{ messageId: 'empty', line: 1, column: 40, text: 'here', message: 'The link "here" opens nothing' }],
    },
    {
      name: 'an HTML link to "#" or to a script, reported once though a pointer phrase is its text',
      format: 'html',
      text: '<article><p>The report is <a href="#">online</a>. For the full text <a href="javascript:void(0)">click here</a>.</p></article>',
      errors: [
        { messageId: 'empty', text: 'online' },
        { messageId: 'empty', text: 'click here' },
      ],
    },
    {
      name: 'an HTML page’s marker past the end of its ordered reference list',
      format: 'html',
      text: '<article><p>Iran and Iraq signed a security pact on Tuesday.[1] Larijani led the delegation.[3]</p>'
        + '<h2>References</h2><ol><li>Reuters. "Iran, Iraq sign pact". 11 March 2023.</li><li>IRNA English. 11 August 2025.</li></ol></article>',
      errors: [{ messageId: 'note', line: 1, column: 93, text: '[3]' }],
    },
    {
      name: 'footnote markers pasted without their notes',
      text: 'The pact requires Iraq to disarm Kurdish groups near the border by September 2023.[1][2]\n\nTrade reached $12 billion in 2024.[3]\n',
      errors: [
        { messageId: 'note', line: 1, column: 83, text: '[1]', message: 'Footnote marker "[1]" points to a note the article does not have. Add the note with its source, or cite the source in the text.' },
        { messageId: 'note', line: 1, column: 86, text: '[2]' },
        { messageId: 'note', line: 3, column: 35, text: '[3]' },
      ],
    },
    {
      name: 'one marker of two has its note',
      text: 'Trade reached $12 billion in 2024.[1] Exports fell 14% in 2023.[2]\n\n[1] https://www.reuters.com/world/x\n',
      errors: [{ messageId: 'note', line: 1, column: 64, text: '[2]' }],
    },
    {
      name: 'a Markdown footnote with no definition',
      format: 'markdown',
      text: 'Exports fell 14% in 2023.[^3]\n',
      errors: [{ messageId: 'note', line: 1, column: 26, text: '[^3]' }],
    },
    {
      name: 'Copilot’s marker',
      format: 'markdown',
      text: 'Larijani arrived in Baghdad on August 11, 2025 [^1^].\n',
      errors: [{ messageId: 'note', line: 1, column: 48, text: '[^1^]' }],
    },
    {
      name: 'a superscript marker after a full stop',
      text: 'The treaty was signed in Montreux in 1936.³\n',
      errors: [{ messageId: 'note', line: 1, column: 43, text: '³' }],
    },
    {
      text: 'According to Larijani, the draft agreement reflects Iran’s foreign policy. he stressed. For additional coverage click on WANA or IRNA English',
      errors: [{ messageId: 'dangling', line: 1, column: 113, text: 'click on WANA or IRNA English', message: '"click on WANA or IRNA English" points the reader at a link that is not there' }],
    },
    {
      text: 'The full text of the agreement is available online; click here to read it.',
      errors: [{ messageId: 'dangling', line: 1, column: 53, text: 'click here' }],
    },
    {
      text: 'The ministry published the casualty figures on Sunday (see link).',
      errors: [{ messageId: 'dangling', line: 1, column: 56, text: 'see link' }],
    },
    {
      name: 'a link four characters after the phrase is not behind it',
      text: 'The full text of the agreement: click here —:(https://www.irna.ir/news/85912345/)',
      errors: [{ messageId: 'dangling', line: 1, column: 33, text: 'click here' }],
    },
    {
      name: 'a link four characters before the phrase is not behind it',
      text: 'The full text is at https://www.irna.ir/news/85912345/ :— see here.',
      errors: [{ messageId: 'dangling', line: 1, column: 59, text: 'see here' }],
    },
    {
      text: 'The ministry published the casualty figures on Sunday [source].',
      errors: [{ messageId: 'dangling', line: 1, column: 55, text: '[source]' }],
    },
    {
      text: 'The figures were published on the ministry’s website (link).',
      errors: [{ messageId: 'dangling', line: 1, column: 54, text: '(link)' }],
    },
    {
      text: 'To read the ministry’s statement, visit the link below.',
      errors: [{ messageId: 'dangling', line: 1, column: 35, text: 'visit the link' }],
    },
    {
      text: 'Please see the link below for the full statement.',
      errors: [{ messageId: 'dangling', line: 1, column: 8, text: 'see the link' }],
    },
    {
      text: 'Click the link below to read the statement.',
      errors: [{ messageId: 'dangling', line: 1, column: 1, text: 'Click the link' }],
    },
    {
      text: 'The video of the signing was posted online. Watch here.',
      errors: [{ messageId: 'dangling', line: 1, column: 45, text: 'Watch here' }],
    },
    {
      name: 'regression: a phrase wrapped onto the next line was missed',
      text: 'The full text of the agreement is available online; click\nhere to read it.\n',
      errors: [{ messageId: 'dangling', line: 1, column: 53, text: 'click\nhere', message: '"click here" points the reader' }],
    },
    {
      name: 'a pointer at an outlet after a semicolon',
      text: 'Iraq’s parliament must now ratify the pact; see Rudaw for the full text.',
      errors: [{ messageId: 'dangling', line: 1, column: 45, text: 'see Rudaw' }],
    },
    {
      name: 'regression: a link in the next sentence does not stand behind the pointer',
      format: 'markdown',
      text: 'For additional coverage click on WANA or IRNA English. Larijani later [spoke to reporters](https://en.irna.ir/news/1).',
      errors: [{ messageId: 'dangling', line: 1, column: 25, text: 'click on WANA or IRNA English' }],
    },
    {
      name: 'a literal "[source]" in Markdown',
      format: 'markdown',
      text: 'The ministry published the casualty figures [source].\n',
      errors: [{ messageId: 'dangling', line: 1, column: 45, text: '[source]' }],
    },
    {
      name: 'HTML without the link',
      format: 'html',
      text: '<article>\n<p>The full text is available; click here to read it.</p>\n</article>',
      errors: [{ messageId: 'dangling', line: 2, column: 32, text: 'click here' }],
    },
  ],
});
