import rule from '../../rules/ai-citation-artifact.js';
import type { Format } from '../../src/input/document.js';
import { applyFixes, ruleTester, runRule } from '../helpers/rule-tester.js';

const PUA_CITE = '\uE200cite\uE202turn0search0\uE201';

ruleTester(rule, {
  valid: [
    { name: 'an explainer’s "here is a breakdown" further down is the writer’s', text: 'Tariffs rose in March.\n\nHere is a breakdown of the numbers, according to the ministry.' },
    { name: '"would you like" in a quotation of an interview', text: '"Would you like to see the plant?" the manager asked reporters.' },
    { name: 'learning more in prose', text: 'Investors want to learn more: the company said it would publish details in March.' },
    'Iraq and Iran signed a border security pact in Baghdad in March 2023 (Rudaw).',
    { name: 'product names with a plus are not chips', text: 'Disney+ added 7.4 million subscribers in the quarter, and Amazon’s Alexa+ launched in the UK.' },
    { name: 'more product names with a plus', text: 'Apple TV+ and Canal+ raised their prices in France on Monday.' },
    { name: 'a phone number after a lowercase word', text: 'Readers can reach the Baghdad bureau on +964 770 123 4567.' },
    { name: 'a signed figure is not a chip', text: 'Iraq’s economy grew +4.2% in 2024, while the temperature in the south hit +50C.' },
    { name: '"turn" without the marker digits', text: 'In turn, Baghdad agreed to disarm the Kurdish opposition groups by September.' },
    { name: 'a footnote marker is not a Gemini marker', text: 'Baghdad agreed to disarm the Kurdish opposition groups by September.[1]' },
    { name: 'ChatGPT as a topic leaves no residue', text: 'OpenAI said on Tuesday that ChatGPT now shows the links behind its answers.' },
    {
      name: 'an ordinary newsletter tracking parameter is not chatbot residue',
      format: 'markdown',
      text: 'Talks resumed on Monday ([Rudaw](https://www.rudaw.net/english/middleeast/iraq/120820251?utm_source=newsletter&utm_medium=email)).',
    },
    {
      name: 'a parameter that merely starts like the chatbot one',
      format: 'markdown',
      text: 'Talks resumed ([Rudaw](https://www.rudaw.net/english/iraq/1208?utm_source=chatgpt.com.evil.example)).',
    },
  ],
  invalid: [
    {
      name: 'a chatbot’s opening and closing words to its user',
      text: 'Sure! Here’s a concise overview of the Red Sea crisis.\n\nAttacks on shipping rose in 2024 (Reuters).\n\nIf you’d like, I can put together a timeline of the attacks.',
      errors: [
        { messageId: 'assistant', line: 1, column: 1, text: 'Sure! Here’s a concise overview of' },
        { messageId: 'assistant', line: 5, column: 1, text: 'If you’d like, I can' },
      ],
    },
    { name: 'Copilot’s "Learn more:" over its links', text: 'Shares fell 8% on Friday (Reuters).\n\nLearn more:\n', errors: [{ messageId: 'assistant', line: 3, text: 'Learn more:' }] },
    { name: 'I hope this helps', text: 'Shares fell 8% on Friday (Reuters). I hope this helps!', errors: [{ messageId: 'assistant', text: 'I hope this helps' }] },
    {
      name: 'a chip naming a known site by its domain is cited by the site\'s name',
      text: 'Talks ended in Baghdad on Monday (apnews.com +2).',
      errors: [{ messageId: 'chip', text: 'apnews.com +2', message: 'Cite Associated Press (apnews.com) by name' }],
    },
    {
      name: 'a chip naming an unknown site keeps the domain',
      text: 'Talks ended in Baghdad on Monday (example.com +2).',
      errors: [{ messageId: 'chip', text: 'example.com +2', message: 'Cite example.com by name' }],
    },
    // Source chips.
    {
      text: 'Ali Larijani announced today that negotiations with Iraq have reached their final stage (IRNA English +1).',
      errors: [{ messageId: 'chip', line: 1, column: 90, text: 'IRNA English +1', message: 'Cite IRNA English by name' }],
    },
    {
      text: 'He was welcomed formally by Qasim al-Araji – Iraq’s National Security Advisor (Caliber.az +12 IRNA English +12 Rudaw +12).',
      errors: [
        { messageId: 'chip', line: 1, column: 80, text: 'Caliber.az +12', message: 'the "+12" count is chatbot residue' },
        { messageId: 'chip', line: 1, column: 95, text: 'IRNA English +12' },
        { messageId: 'chip', line: 1, column: 112, text: 'Rudaw +12' },
      ],
    },
    {
      text: 'Larijani stressed his country’s emphasis on Lebanon’s independence (IRNA English +3, The Times of Israel +3 WANA +3, Afghan Voice Agency).',
      errors: [
        { messageId: 'chip', line: 1, column: 69, text: 'IRNA English +3' },
        { messageId: 'chip', line: 1, column: 86, text: 'The Times of Israel +3' },
        { messageId: 'chip', line: 1, column: 109, text: 'WANA +3' },
      ],
    },
    {
      name: 'glued chips',
      text: 'Shares of the chipmaker fell 9% on Tuesday (Business Insider+15Reuters+15Reddit+15).',
      errors: [
        { messageId: 'chip', line: 1, column: 45, text: 'Business Insider+15' },
        { messageId: 'chip', line: 1, column: 64, text: 'Reuters+15' },
        { messageId: 'chip', line: 1, column: 74, text: 'Reddit+15' },
      ],
    },
    {
      name: 'a chip on the second line is reported there',
      text: 'Larijani arrived in Baghdad on Monday.\nHe met Qasim al-Araji the same evening (Rudaw +4).\n',
      errors: [{ messageId: 'chip', line: 2, column: 41, text: 'Rudaw +4' }],
    },
    {
      name: 'chips in HTML are reported at the original column',
      format: 'html',
      text: '<article><p>Talks resumed in Baghdad (Caliber.az +12 Rudaw +12).</p></article>',
      errors: [
        { messageId: 'chip', line: 1, column: 39, text: 'Caliber.az +12' },
        { messageId: 'chip', line: 1, column: 54, text: 'Rudaw +12' },
      ],
    },

    // Residue that names no source.
    {
      text: 'Iran and Iraq signed a border security pact in March 2023. citeturn0search0',
      errors: [{ messageId: 'residue', line: 1, column: 60, text: 'citeturn0search0', message: 'a ChatGPT citation marker' }],
    },
    {
      text: 'The talks resumed in Baghdad on Monday citeturn0news12turn0search3.',
      errors: [{ messageId: 'residue', line: 1, column: 40, text: 'citeturn0news12turn0search3' }],
    },
    {
      text: 'The agreement was signed in Baghdad turn0news12.',
      errors: [{ messageId: 'residue', line: 1, column: 37, text: 'turn0news12' }],
    },
    {
      text: 'Larijani arrived in Baghdad on Monday. :contentReference[oaicite:2]{index=2}',
      errors: [{ messageId: 'residue', line: 1, column: 40, text: ':contentReference[oaicite:2]{index=2}', message: 'a ChatGPT content reference' }],
    },
    {
      text: 'The pact was signed in March 2023 [oai_citation:1‡Reuters](https://www.reuters.com/world/middle-east/iraq-iran-sign-security-pact-2023-03-19/).',
      errors: [{ messageId: 'residue', line: 1, column: 36, text: 'oai_citation:1‡' }],
    },
    {
      text: 'Baghdad agreed to disarm Kurdish opposition groups near the border 【4†source】.',
      errors: [{ messageId: 'residue', line: 1, column: 68, text: '【4†source】', message: 'an assistant file-citation marker' }],
    },
    {
      text: '[cite_start]Baghdad agreed to disarm Kurdish opposition groups near the border. [cite: 1]',
      errors: [
        { messageId: 'residue', line: 1, column: 1, text: '[cite_start]', message: 'a Gemini citation marker' },
        { messageId: 'residue', line: 1, column: 81, text: '[cite: 1]' },
      ],
    },
    {
      text: 'Baghdad agreed to disarm Kurdish opposition groups near the border [cite: 1, 4].',
      errors: [{ messageId: 'residue', line: 1, column: 68, text: '[cite: 1, 4]' }],
    },
    {
      name: 'private-use characters are named by code point',
      text: 'The talks resumed in Baghdad on Monday \uE203.',
      errors: [{ messageId: 'residue', line: 1, column: 40, text: '\uE203', message: 'Chatbot residue "U+E203"' }],
    },
    {
      name: 'regression: a marker wrapped in private-use characters is one finding, not five',
      text: `The talks resumed in Baghdad on Monday.${PUA_CITE}`,
      errors: [{ messageId: 'residue', line: 1, column: 40, text: PUA_CITE, message: 'Chatbot residue "citeturn0search0"' }],
    },
    {
      name: 'regression (found by npm run fuzz): a private-use character after a marker is residue of its own',
      text: `The talks resumed in Baghdad on Monday.${PUA_CITE}\uF8FF`,
      errors: [
        { messageId: 'residue', line: 1, column: 40, text: PUA_CITE, message: 'Chatbot residue "citeturn0search0"' },
        { messageId: 'residue', line: 1, column: 59, text: '\uF8FF', message: 'Chatbot residue "U+F8FF"' },
      ],
    },

    // Chatbot tracking parameters in links.
    {
      format: 'markdown',
      text: 'The pact was signed in March 2023, [Reuters reported](https://www.reuters.com/world/middle-east/iraq-iran-pact/?utm_source=chatgpt.com).',
      errors: [{ messageId: 'tracking', line: 1, column: 113, text: 'utm_source=chatgpt.com', message: '(utm_source=chatgpt.com)' }],
    },
    {
      format: 'markdown',
      text: 'Talks resumed ([Rudaw](https://www.rudaw.net/english/iraq/1208?utm_source=openai)).',
      errors: [{ messageId: 'tracking', line: 1, column: 64, text: 'utm_source=openai' }],
    },
    {
      format: 'markdown',
      text: 'Talks resumed ([Rudaw](https://www.rudaw.net/english/iraq/1208?lang=en&utm_source=copilot.com)).',
      errors: [{ messageId: 'tracking', line: 1, column: 72, text: 'utm_source=copilot.com' }],
    },
    {
      name: 'a bare URL in plain text',
      text: 'Talks resumed, Rudaw reported (https://www.rudaw.net/english/iraq/1208?utm_source=chatgpt.com).',
      errors: [{ messageId: 'tracking', line: 1, column: 72, text: 'utm_source=chatgpt.com' }],
    },
    {
      format: 'html',
      text: '<article><p>Talks resumed, <a href="https://www.rudaw.net/english/iraq/1208?utm_source=chatgpt.com">Rudaw reported</a>.</p></article>',
      errors: [{ messageId: 'tracking', line: 1, column: 77, text: 'utm_source=chatgpt.com' }],
    },
    {
      name: 'regression: a parameter after "&amp;" in HTML was missed',
      format: 'html',
      text: '<article><p>Talks resumed, <a href="https://www.rudaw.net/english/iraq/1208?lang=en&amp;utm_source=chatgpt.com">Rudaw reported</a>.</p></article>',
      errors: [{ messageId: 'tracking', line: 1, column: 89, text: 'utm_source=chatgpt.com' }],
    },
    {
      name: 'a copied chatbot link carries both kinds of residue',
      format: 'markdown',
      text: 'The pact was signed in March 2023 [oai_citation:1‡Reuters](https://www.reuters.com/world/iraq-iran-pact/?utm_source=chatgpt.com).',
      errors: [
        { messageId: 'residue', line: 1, column: 36, text: 'oai_citation:1‡' },
        { messageId: 'tracking', line: 1, column: 106, text: 'utm_source=chatgpt.com' },
      ],
    },
  ],
});

/** The text after applying every fix the rule offers. */
async function fixed(text: string, format: Format = 'text'): Promise<string> {
  const { findings, source } = await runRule(rule, text, { format });
  expect(findings.every((finding) => finding.fix !== null)).toBe(true);
  return applyFixes(source, findings);
}

describe('ai-citation-artifact fixes', () => {
  test.each([
    ['(Caliber.az +12 IRNA English +12 Rudaw +12)', 'He was welcomed by Qasim al-Araji (Caliber.az +12 IRNA English +12 Rudaw +12).', 'He was welcomed by Qasim al-Araji (Caliber.az, IRNA English, Rudaw).'],
    ['glued chips', 'Shares fell 9% on Tuesday (Business Insider+15Reuters+15Reddit+15).', 'Shares fell 9% on Tuesday (Business Insider, Reuters, Reddit).'],
    ['glued chips in running text', 'Shares fell 9% on Tuesday, Business Insider+15Reuters+15Reddit+15', 'Shares fell 9% on Tuesday, Business Insider, Reuters, Reddit'],
    ['chips mixed with commas', 'Larijani stressed Lebanon’s independence (IRNA English +3, The Times of Israel +3 WANA +3, Afghan Voice Agency).', 'Larijani stressed Lebanon’s independence (IRNA English, The Times of Israel, WANA, Afghan Voice Agency).'],
    ['a single chip', 'Negotiations have reached their final stage (IRNA English +1).', 'Negotiations have reached their final stage (IRNA English).'],
    ['a trailing citeturn marker and its space', 'The pact was signed in March 2023. citeturn0search0', 'The pact was signed in March 2023.'],
    ['a marker before the full stop', 'The agreement was signed in Baghdad turn0news12.', 'The agreement was signed in Baghdad.'],
    ['a content reference', 'Larijani arrived in Baghdad on Monday. :contentReference[oaicite:2]{index=2}', 'Larijani arrived in Baghdad on Monday.'],
    ['Gemini markers', '[cite_start]Baghdad agreed to disarm the groups. [cite: 1]', 'Baghdad agreed to disarm the groups.'],
    ['a file-citation marker', 'Baghdad agreed to disarm the groups 【4†source】.', 'Baghdad agreed to disarm the groups.'],
    ['a marker wrapped in private-use characters', `The talks resumed on Monday.${PUA_CITE}`, 'The talks resumed on Monday.'],
    ['a marker and the private-use characters around it', `The talks resumed on Monday.\uF8FF${PUA_CITE}\uF8FF\uE203`, 'The talks resumed on Monday.'],
    ['a count glued to a marker goes with it (it left a chip of the word before for a second pass)', 'The pact was signed, according to IRNA oai_citation:2‡+1 +1 and Mehr.', 'The pact was signed, according to IRNA and Mehr.'],
    ['a count glued to a file-citation marker', 'Baghdad agreed to disarm the groups 【4†source】+2.', 'Baghdad agreed to disarm the groups.'],
    ['regression: the oai_citation fix kept neither the source name nor the link', 'The pact was signed [oai_citation:1‡Reuters](https://www.reuters.com/world/iraq-iran-pact/).', 'The pact was signed [Reuters](https://www.reuters.com/world/iraq-iran-pact/).'],
  ])('%s', async (_name, text, expected) => {
    expect(await fixed(text)).toBe(expected);
  });

  test.each([
    ['the only parameter', 'https://www.rudaw.net/english/iraq/1208?utm_source=chatgpt.com', 'https://www.rudaw.net/english/iraq/1208'],
    ['the first of two', 'https://www.rudaw.net/english/iraq/1208?utm_source=chatgpt.com&x=1', 'https://www.rudaw.net/english/iraq/1208?x=1'],
    ['the last of two', 'https://www.rudaw.net/english/iraq/1208?x=1&utm_source=chatgpt.com', 'https://www.rudaw.net/english/iraq/1208?x=1'],
    ['the middle of three', 'https://www.rudaw.net/english/iraq/1208?x=1&utm_source=chatgpt.com&page=2', 'https://www.rudaw.net/english/iraq/1208?x=1&page=2'],
    ['before a fragment', 'https://www.rudaw.net/english/iraq/1208?utm_source=chatgpt.com#comments', 'https://www.rudaw.net/english/iraq/1208#comments'],
  ])('a Markdown link: removes utm_source=chatgpt.com as %s', async (_name, url, expected) => {
    expect(await fixed(`Talks resumed on Monday ([Rudaw](${url})).`, 'markdown')).toBe(`Talks resumed on Monday ([Rudaw](${expected})).`);
  });

  test.each([
    ['regression: the fix left "?amp;lang=en"', 'https://www.rudaw.net/en/1208?utm_source=chatgpt.com&amp;lang=en', 'https://www.rudaw.net/en/1208?lang=en'],
    ['after "&amp;"', 'https://www.rudaw.net/en/1208?lang=en&amp;utm_source=chatgpt.com', 'https://www.rudaw.net/en/1208?lang=en'],
  ])('an HTML link: %s', async (_name, href, expected) => {
    const html = (url: string) => `<article><p>Talks resumed, <a href="${url}">Rudaw reported</a>.</p></article>`;
    expect(await fixed(html(href), 'html')).toBe(html(expected));
  });

  test('the source name and the link survive both fixes of a copied chatbot link', async () => {
    const text = 'The pact was signed in March 2023 [oai_citation:1‡Reuters](https://www.reuters.com/world/iraq-iran-pact/?utm_source=chatgpt.com).';
    expect(await fixed(text, 'markdown')).toBe('The pact was signed in March 2023 [Reuters](https://www.reuters.com/world/iraq-iran-pact/).');
  });

  test('the fixed example paragraph is clean', async () => {
    const text = 'He was welcomed by Qasim al-Araji (Caliber.az +12 IRNA English +12 Rudaw +12). citeturn0search0\n'
      + 'Larijani stressed Lebanon’s independence (IRNA English +3, The Times of Israel +3 WANA +3, Afghan Voice Agency).\n';
    const once = await fixed(text);
    expect(once).toBe('He was welcomed by Qasim al-Araji (Caliber.az, IRNA English, Rudaw).\n'
      + 'Larijani stressed Lebanon’s independence (IRNA English, The Times of Israel, WANA, Afghan Voice Agency).\n');
    expect((await runRule(rule, once)).findings).toEqual([]);
  });
});

test('regression: chips are found in a short document checked after a long one (a shared /g regex kept its lastIndex)', async () => {
  const long = `${'Iran’s top security official met his Iraqi counterpart in Baghdad on Monday. '.repeat(4)}(Caliber.az +12 IRNA English +12 Rudaw +12)`;
  expect((await runRule(rule, long)).findings.map((finding) => finding.messageId)).toEqual(['chip', 'chip', 'chip']);
  const short = await runRule(rule, 'Talks resumed (Rudaw +4).');
  expect(short.findings.map((finding) => [finding.messageId, finding.column])).toEqual([['chip', 16]]);
});

describe('ai-citation-artifact: one fix pass leaves nothing to fix', () => {
  test('regression (fuzz): a turn marker glued to a chip count, "J+1turn0news12"', async () => {
    const { runRule, applyFixes } = await import('../helpers/rule-tester.js');
    const { default: rule } = await import('../../rules/ai-citation-artifact.js');
    const first = await runRule(rule, 'J+1turn0news12');
    expect(first.findings.map((finding) => finding.messageId)).toEqual(['chip', 'residue']);
    const fixed = applyFixes(first.source, first.findings);
    expect((await runRule(rule, fixed)).findings).toEqual([]);
  });

  test.each([
    ['an oai_citation marker', 'turn0news12oai_citation:2‡ Ali Larijani arrived in Baghdad.', ['turn0news12', 'oai_citation:2‡']],
    ['another turn marker', 'The pact was signed turn0news12turn0search3.', ['turn0news12', 'turn0search3']],
  ])('regression (fuzz): a turn marker glued to %s is seen in the first pass', async (_, text, found) => {
    const { runRule, applyFixes } = await import('../helpers/rule-tester.js');
    const { default: rule } = await import('../../rules/ai-citation-artifact.js');
    const first = await runRule(rule, text);
    expect(first.findings.map((finding) => first.source.slice(finding.offset, finding.endOffset)).sort()).toEqual([...found].sort());
    expect((await runRule(rule, applyFixes(first.source, first.findings))).findings).toEqual([]);
  });

  test('near miss: a turn-like word glued to ordinary letters is not a marker', async () => {
    const { runRule } = await import('../helpers/rule-tester.js');
    const { default: rule } = await import('../../rules/ai-citation-artifact.js');
    expect((await runRule(rule, 'The code turn0news12abc names a file.')).findings).toEqual([]);
  });
});

test('regression (fuzz): a tracking parameter right before a [cite_start] marker is seen in the first pass', async () => {
  const { runRule, applyFixes } = await import('../helpers/rule-tester.js');
  const { default: rule } = await import('../../rules/ai-citation-artifact.js');
  const first = await runRule(rule, 'See https://example.com/a?utm_source=copilot.com[cite_start] now.');
  expect(first.findings.map((finding) => finding.messageId).sort()).toEqual(['residue', 'tracking']);
  expect((await runRule(rule, applyFixes(first.source, first.findings))).findings).toEqual([]);
});

test.each([
  ['a private-use marker', '\uE201'],
  ['a file-citation marker', '【12:3†report.pdf】'],
  ['a citeturn marker', 'citeturn0search0'],
  ['an oai_citation marker', 'oai_citation:2‡'],
  ['a content reference', ':contentReference[oaicite:2]{index=2}'],
])('regression (fuzz): a tracking parameter with %s glued on is seen in the first pass', async (_, marker) => {
  const { runRule, applyFixes } = await import('../helpers/rule-tester.js');
  const { default: rule } = await import('../../rules/ai-citation-artifact.js');
  const first = await runRule(rule, `See https://example.com/a?utm_source=chatgpt.com${marker} now.`);
  expect(first.findings.map((finding) => finding.messageId).sort()).toEqual(['residue', 'tracking']);
  expect(applyFixes(first.source, first.findings)).toBe('See https://example.com/a now.');
});

test('near miss: a tracking-like value glued to letters is not the chatbot parameter', async () => {
  const { runRule } = await import('../helpers/rule-tester.js');
  const { default: rule } = await import('../../rules/ai-citation-artifact.js');
  expect((await runRule(rule, 'https://example.com/a?utm_source=copilot.comx')).findings).toEqual([]);
  expect((await runRule(rule, 'https://example.com/a?utm_source=chatgpt.company')).findings).toEqual([]);
});

test('regression (fuzz): two tracking parameters in a row are both seen in the first pass', async () => {
  const { runRule, applyFixes } = await import('../helpers/rule-tester.js');
  const { default: rule } = await import('../../rules/ai-citation-artifact.js');
  const first = await runRule(rule, 'https://www.reuters.com/a?utm_source=chatgpt.com?utm_source=copilot.com');
  expect((await runRule(rule, applyFixes(first.source, first.findings))).findings).toEqual([]);
});
