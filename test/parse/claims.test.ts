import { loadDocument } from '../../src/input/load.js';
import { findClaims, runInTitleLength } from '../../src/parse/claims.js';

/** The sentence as findClaims keeps it: without the headline run into it. */
const claimOf = (sentence: string) => sentence.slice(runInTitleLength(sentence));

describe('runInTitleLength', () => {
  test.each([
    ['Diplomatic Visit and Strategic Intent Larijani made the trip on Monday.', 'Larijani made the trip on Monday.'],
    ['Talks in Baghdad: What Comes Next Sudani said the deal holds.', 'Sudani said the deal holds.'],
  ])('cuts the headline off "%s"', (sentence, claim) => {
    expect(claimOf(sentence)).toBe(claim);
  });

  test.each([
    'Prime Minister Benjamin Netanyahu said the talks would go on.',
    // Regression: the cut fell on "Mohammed" because "bin" was taken for the first word after the subject.
    'Crown Prince and Prime Minister Mohammed bin Salman met the delegation in Riyadh.',
    'Crown Prince and Prime Minister Mohammed Bin Salman met the delegation in Riyadh.',
    'President and Commander in Chief Ursula von der Leyen spoke first.',
    'King and Custodian of the Two Holy Mosques Salman bin Abdulaziz received the envoy.',
    'Minister of State and Special Envoy Ahmed ibn Rashid arrived.',
    'Speaker and Head of the Assembly Jean de Villiers opened the session.',
    // Regression: "Secretary of State Antony" was cut off as a headline, and the wrong title went unchecked.
    'Secretary of State Antony Blinken met EU officials in Brussels on Oct. 14.',
    'US Secretary of Defense Lloyd Austin arrived in Kyiv.',
    'Chancellor of the Exchequer Jeremy Hunt said taxes would fall.',
    'Then-Secretary of State John Kerry negotiated the 2015 nuclear deal.',
    'Former US Secretary of Defense Lloyd Austin arrived in Kyiv.',
  ])('keeps the whole sentence "%s"', (sentence) => {
    expect(runInTitleLength(sentence)).toBe(0);
  });
});

describe('findClaims', () => {
  test('a footnote marker after a paragraph’s last full stop goes with that sentence and makes no claim of its own', async () => {
    const text = 'Trade reached $12 billion in 2024.^2\n\nExports fell 14% in 2023.¹ Trade rose.²\n';
    const claims = findClaims(await loadDocument('case.txt', text, 'text'));
    expect(claims.map((claim) => [claim.id, claim.text])).toEqual([
      ['c1', 'Trade reached $12 billion in 2024.^2'], ['c2', 'Exports fell 14% in 2023.¹'], ['c3', 'Trade rose.²'],
    ]);
  });

  test('an amount or a percentage closing a sentence ends it; one inside a sentence does not', async () => {
    const text = 'The board budgeted $52,000. It could ask for more. The fine was £500. Prices rose 5%. The bank paid US$40. Then it sold $5.7 billion of bonds at 3.5 percent. It was over.\n';
    const claims = findClaims(await loadDocument('case.txt', text, 'text'));
    expect(claims.map((claim) => claim.text)).toEqual([
      'The board budgeted $52,000.', 'It could ask for more.', 'The fine was £500.', 'Prices rose 5%.', 'The bank paid US$40.',
      'Then it sold $5.7 billion of bonds at 3.5 percent.', 'It was over.',
    ]);
  });

  test('a title retext does not know ("Sens.", "Adm.") before a name does not end the sentence', async () => {
    const text = 'The bill passed 51-49, with two Republicans, Sens. Rand Paul and Thom Tillis, voting against it. Adm. Frank Bradley spoke. Officials met.\n';
    const claims = findClaims(await loadDocument('case.txt', text, 'text'));
    expect(claims.map((claim) => claim.text)).toEqual([
      'The bill passed 51-49, with two Republicans, Sens. Rand Paul and Thom Tillis, voting against it.',
      'Adm. Frank Bradley spoke.',
      'Officials met.',
    ]);
  });

  test('chatbot residue after a full stop goes with the sentence before it, and hides no sentence end', async () => {
    const text = 'About 12% of trade passes through the Suez Canal. citeturn0search3 The canal earned $9 billion in 2023. Traffic fell 50% in 2024.:contentReference[oaicite:4]{index=4}\n';
    const claims = findClaims(await loadDocument('case.txt', text, 'text'));
    expect(claims.map((claim) => claim.text)).toEqual([
      'About 12% of trade passes through the Suez Canal. citeturn0search3',
      'The canal earned $9 billion in 2023.',
      'Traffic fell 50% in 2024.:contentReference[oaicite:4]{index=4}',
    ]);
  });

  test.each<['markdown' | 'text' | 'html', string]>([
    ['markdown', 'Shipping fell 50% in 2024 (Reuters).\n\n## Sources\n\n- Reuters – "US launches Red Sea coalition" (Dec 19, 2023)\n- Wikipedia – "Red Sea crisis"\n'],
    ['text', 'Shipping fell 50% in 2024 (Reuters).\n\nSources:\n- Reuters – "US launches Red Sea coalition" (Dec 19, 2023)\n- Wikipedia – "Red Sea crisis"\n'],
    ['html', '<article><p>Shipping fell 50% in 2024 (Reuters).</p><h2>Sources</h2><ul><li>Reuters – "US launches Red Sea coalition" (Dec 19, 2023)</li><li>Wikipedia – "Red Sea crisis"</li></ul></article>'],
  ])('a bulleted source list under a Sources heading is no claim (%s)', async (format, text) => {
    const claims = findClaims(await loadDocument(`case.${{ markdown: 'md', text: 'txt', html: 'html' }[format]}`, text, format));
    expect(claims.map((claim) => claim.text)).toEqual(['Shipping fell 50% in 2024 (Reuters).']);
  });

  test('a press release’s "About" section is boilerplate, no claims; the next heading ends it', async () => {
    const text = 'Northwind raised $120 million in March 2025, the company said.\n\nAbout Northwind Robotics\nFounded in 2019, Northwind employs 450 people in three countries.\n\nMarket Outlook\nWarehouse automation grew 12% in 2024.\n';
    expect(findClaims(await loadDocument('case.txt', text, 'text')).map((claim) => claim.text)).toEqual([
      'Northwind raised $120 million in March 2025, the company said.',
      'Warehouse automation grew 12% in 2024.',
    ]);
  });

  test('a heading about a subject is no "About" section', async () => {
    const text = '## What we know about the strikes\n\nThe strikes hit 12 depots in 2024.\n\n## About the agreement\n\nIt was signed on 19 March 2023.\n';
    expect(findClaims(await loadDocument('case.md', text, 'markdown')).map((claim) => claim.text)).toEqual(['The strikes hit 12 depots in 2024.', 'It was signed on 19 March 2023.']);
  });

  test('a bulleted list under another heading is claims', async () => {
    const text = 'Shipping fell in 2024.\n\n## Key figures\n\n- Traffic fell 50% in 2024.\n- Insurance rose 300% in 2024.\n';
    expect(findClaims(await loadDocument('case.md', text, 'markdown')).map((claim) => claim.text)).toEqual(['Shipping fell in 2024.', 'Traffic fell 50% in 2024.', 'Insurance rose 300% in 2024.']);
  });

  test('a Markdown-style marker after a full stop goes with the sentence before it', async () => {
    const text = 'Exports fell 14% in 2023.[^1] Trade reached $12 billion in 2024.[^2]\n';
    const claims = findClaims(await loadDocument('case.txt', text, 'text'));
    expect(claims.map((claim) => claim.text)).toEqual(['Exports fell 14% in 2023.[^1]', 'Trade reached $12 billion in 2024.[^2]']);
  });

  test('a reference list’s heading and entries are no claims', async () => {
    const text = 'Trade reached $12 billion in 2024.[1]\n\nSources\n[1] Reuters, "Trade hits $12 billion", 12 January 2025.\n';
    const claims = findClaims(await loadDocument('case.txt', text, 'text'));
    expect(claims.map((claim) => claim.text)).toEqual(['Trade reached $12 billion in 2024.[1]']);
  });

  test('a paragraph opening with titles and a name with "bin" keeps its whole first sentence', async () => {
    const text = 'Crown Prince and Prime Minister Mohammed bin Salman met the delegation in Riyadh. The talks lasted an hour.\n';
    const claims = findClaims(await loadDocument('case.txt', text, 'text'));
    expect(claims.map((claim) => claim.text)).toEqual(['Crown Prince and Prime Minister Mohammed bin Salman met the delegation in Riyadh.', 'The talks lasted an hour.']);
  });

  test('claims are numbered in order across paragraphs; a sentence that is only brackets joins the one before, and takes no number', async () => {
    const text = 'Iraq signed the pact. [12] Iran agreed (IRNA).\n\nThe talks ended. [citation needed]\n\nThey resume in May.\n';
    const claims = findClaims(await loadDocument('case.txt', text, 'text'));
    expect(claims.map((claim) => [claim.id, claim.text])).toEqual([
      ['c1', 'Iraq signed the pact. [12]'], ['c2', 'Iran agreed (IRNA).'], ['c3', 'The talks ended. [citation needed]'], ['c4', 'They resume in May.'],
    ]);
  });
});
