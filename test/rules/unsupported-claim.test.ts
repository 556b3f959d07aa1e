import { readFileSync } from 'node:fs';
import rule from '../../rules/unsupported-claim.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';

const WIKIPEDIA = 'Erbil is the capital and most populous city of the Kurdistan Region of Iraq.[1] It has an estimated population of around 1.5 million.[2] The Citadel of Erbil was inscribed as a UNESCO World Heritage Site in 2014.^3 The city\'s economy has grown by 8% a year since 2003, driven by oil revenues.';

ruleTester(rule, {
  valid: [
    { name: 'a desk of a known outlet in parentheses', text: 'Arsenal had 61% of possession (BBC Sport).' },
    {
      name: 'a reference list is no claim: its entries name sources, they state nothing',
      text: 'Exports of crude from the region fell 14% in the first quarter.[1]\n\nSources\n[1] Reuters, "Iraq\'s oil exports fall 14%", 19 March 2023.\n',
    },
    {
      name: 'an HTML page’s ordered reference list is no claim, its markers not linked to it',
      format: 'html',
      text: '<article><p>Exports of crude from the region fell 14% in the first quarter, Reuters reported.[1]</p>'
        + '<h2>References</h2><ol><li>Reuters. "Iraq\'s oil exports fall 14%". 19 March 2023.</li><li>IRNA English. 11 August 2025.</li></ol></article>',
    },
    {
      name: 'Markdown footnote definitions are no claims',
      format: 'markdown',
      text: 'Exports of crude from the region fell 14% in the first quarter.[^1]\n\n[^1]: Reuters, "Iraq\'s oil exports fall 14%", 19 March 2023.\n',
    },
    'Exports fell 14%, the ministry said.',
    'Exports of crude from the region fell 14% in the first quarter (Reuters).',
    'According to the Ministry of Statistics, manufacturing output rose 9.9% over the same period.',
    'Saudi Arabia plans to raise output by 500,000 barrels per day, three sources familiar with the matter told Reuters.',
    { name: 'a link to the source counts', format: 'markdown', text: 'The deal closed in October 2023, [according to Reuters](https://www.reuters.com/technology/microsoft-closes-activision-deal-2023-10-13/).' },
    { name: 'a footnote counts', text: 'The Mosul Dam, completed in 1986, is the largest dam in Iraq.[4]' },
    { name: 'superscript footnotes count', text: 'The Treaty of Lausanne was signed on 24 July 1923.¹ It recognised Turkey’s borders in 1923.²' },
    { name: 'an attribution opening the paragraph covers its other sentences', text: 'The Interior Ministry said at least 2,012 people had died. Most of the 2,012 deaths were in Al Haouz province.' },
    { name: 'an attribution closing the paragraph covers it too', text: 'Shipments averaged 3.1 million barrels per day in March. The decline was the steepest since 2020, the oil ministry said.' },
    { name: 'reported speech continues an attribution into the next paragraph', text: 'Chancellor Olaf Scholz told the Bundestag that Germany would spend 100 billion euros on defence.\n\nHe added that spending would exceed 2% of economic output every year.' },
    { name: 'a quotation running on into the next paragraph', text: 'Erdogan said on Friday: “Sweden must keep the promises it made in 2022.\n\n“Until they do, our answer to its 2022 application will remain no.”' },
    'The agreement marks a significant step forward for bilateral relations.',
    'Iran may be charting a course toward collective stability in an unstable region.',
    'What will the 2025 agreement mean for the 1.2 million people of Erbil?',
    'Copyright 2025 The Associated Press. All rights reserved.',
    'Follow us on Twitter for the latest updates from the 2025 summit.',
    'We should tax frequent flyers, not families taking one holiday a year.',
    {
      name: 'the example article: no finding on the cited sentences of lines 1–3, 7 and 12',
      text: readFileSync(new URL('../../fixtures/larijani-baghdad.txt', import.meta.url), 'utf8').split('\n').filter((_, index) => [0, 2, 6, 11].includes(index)).join('\n'),
    },
  ],
  invalid: [
    {
      name: 'an entry opening with "[1]" is prose when no marker points to it',
      text: 'Steps agreed:\n[1] Exports of crude from the region will rise 14% in the first quarter of 2026.\n',
      errors: [{ messageId: 'unsupported', line: 1, column: 1 }],
    },
    {
      text: 'Exports of crude from the region fell 14% in the first quarter.',
      errors: [{ messageId: 'unsupported', line: 1, column: 1, text: 'Exports of crude from the region fell 14% in the first quarter.', message: 'This sentence states a figure (14%) with no source.' }],
    },
    { text: 'A security treaty was signed between Baghdad and Tehran on March 20, 2023.', errors: [{ messageId: 'unsupported', message: 'gives a date (March 20, 2023)' }] },
    { text: 'Volkswagen is Europe’s largest carmaker by sales.', errors: [{ messageId: 'unsupported', message: 'makes a superlative claim (largest)' }] },
    { name: 'a weasel attribution is no source', text: 'Experts say exports fell 14% in the first quarter.', errors: [{ messageId: 'unsupported' }] },
    { name: 'a passive "was reported" names no reporter', text: 'Turnout was reported at 72%.', errors: [{ messageId: 'unsupported' }] },
    { name: '[citation needed] is not a citation', text: 'Erbil is one of the oldest continuously inhabited cities in the world, settled since 5000 BC.[citation needed]', errors: [{ messageId: 'unsupported' }] },
    { name: 'a pointer supports nothing', text: 'Exports fell 14% in the first quarter. For more, click on IRNA English.', errors: [{ messageId: 'unsupported', line: 1, column: 1 }] },
    {
      name: 'Wikipedia-style prose: sentences with markers are supported, the one without is flagged',
      text: WIKIPEDIA,
      errors: [{ messageId: 'unsupported', column: WIKIPEDIA.indexOf('The city') + 1, message: 'states a figure (8%) and gives a date (2003)' }],
    },
    {
      name: 'footnotes and parentheticals support their own sentence only',
      text: 'Oil exports fell 14% in March (Reuters). Oil accounts for more than 90% of government revenue.',
      errors: [{ messageId: 'unsupported', column: 42 }],
    },
    {
      name: 'sentence scope: the paragraph’s attribution does not reach other sentences',
      text: 'Shipments averaged 3.1 million barrels per day in March. The decline was the steepest since 2020, the oil ministry said.',
      options: { scope: 'sentence' },
      errors: [{ messageId: 'unsupported', column: 1 }],
    },
    {
      name: 'sentence scope: reported speech by pronoun is not an attribution of its own',
      text: 'Chancellor Olaf Scholz told the Bundestag that Germany would spend more.\n\nHe added that spending would exceed 2% of economic output every year.',
      options: { scope: 'sentence' },
      errors: [{ messageId: 'unsupported', line: 3 }],
    },
  ],
});

test('the example article: only the uncited first sentence of line 2 is flagged', async () => {
  const text = readFileSync(new URL('../../fixtures/larijani-baghdad.txt', import.meta.url), 'utf8');
  const { findings } = await runRule(rule, text);
  expect(findings.map((finding) => [finding.line, finding.column])).toEqual([[2, 39]]);
});
