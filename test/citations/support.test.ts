import { readFileSync } from 'node:fs';
import { findCitations } from '../../src/citations/find.js';
import { attributionIn, markSupport, supportedClaims, type SupportScope } from '../../src/citations/support.js';
import type { Format } from '../../src/input/document.js';
import { loadDocument } from '../../src/input/load.js';
import { checkDocument } from '../../src/engine/check.js';
import { summarize } from '../../src/engine/results.js';
import { findClaims } from '../../src/parse/claims.js';
import { builtinRegistry } from '../helpers/rule-tester.js';

/** The texts of the supported claims of `text`, in order. */
async function supported(text: string, scope: SupportScope = 'paragraph', format: Format = 'text'): Promise<string[]> {
  const doc = await loadDocument(`case.${{ markdown: 'md', html: 'html', text: 'txt' }[format]}`, text, format);
  const claims = findClaims(doc);
  const citations = findCitations(doc, claims, await builtinRegistry());
  const ids = supportedClaims(doc, claims, citations, scope);
  return claims.filter((claim) => ids.has(claim.id)).map((claim) => claim.text.trim());
}

describe('attributionIn', () => {
  test.each([
    ['Exports fell 14%, the ministry said.', 'named'],
    ['The Interior Ministry said at least 2,012 people had died.', 'named'],
    ['According to the World Health Organization, malaria killed 608,000 people.', 'named'],
    ['Police said 12 people were killed.', 'named'],
    ['Witnesses said one strike hit a school.', 'named'],
    ['"It is final," said Abdelhak El Amrani, a resident of Marrakech.', 'named'],
    ['Council member Dana Ruiz, who voted against the increase, said it would hurt riders.', 'named'],
    ['Sarkozy, 70, denied wrongdoing and said he would appeal.', 'named'],
    ['Three sources familiar with the matter told Reuters the output would rise.', 'named'],
    ['The vaccine cut cases by 75%, researchers reported in The Lancet.', 'named'],
    ['A 2020 study published in Global Environmental Change found that 1% of people cause half of emissions.', 'named'],
    ['Spotify welcomed the ruling in a statement.', 'named'],
    ['Iran’s foreign minister, Hossein Amir-Abdollahian, welcomed the agreement on Twitter.', 'named'],
    ['Zelensky thanked the allies on X for the new air-defence systems.', 'named'],
    ['The army denied the report on Telegram, calling it fabricated.', 'named'],
    ['Hamas rejected the proposal on social media.', 'named'],
    ['The CDC recommends that adults do at least 150 minutes of moderate activity a week.', 'named'],
    ['They sit ninth with 17 points from 11 games, the Premier League table shows.', 'named'],
    ['The Supreme Federal Court later ruled it unconstitutional.', null],
    ['He was paid $3,000 in 2019, court documents show.', 'named'],
    ['The fine was $4,000 in 2019, court filings show.', 'named'],
    ['Documents show he was paid $3,000.', 'vague'],
    ['He bought the shop in 1973 for $3,000, he recalls.', 'pronoun'],
    ['The drug works by blocking a receptor, she explains.', 'pronoun'],
    ["By the school district's count, she taught roughly 1,100 children.", 'named'],
    ['By Sunday, 1,100 children had been taught there.', null],
    ['The article includes a response from the owner, David Lerner, who said the closure was caused by a 60 percent rent increase.', 'named'],
    ['A recent study found that 60 percent of followers reported better energy.', 'vague'],
    ['A new survey shows that most voters oppose the deal.', 'vague'],
    ['The study found that 60 percent reported better energy.', 'named'],
    ['A study by Oxford researchers found a 5% drop.', 'named'],
    ['The video circulated on Telegram within hours.', null],
    ['Videos circulated on Telegram showing the strike.', null],
    ['Rumours of a deal spread on social media.', null],
    ['Fans on social media claimed the deal was signed on Sunday night.', 'vague'],
    ['Users on X said the video was fake.', 'vague'],
    ['Araghchi on X said the talks were over.', 'named'],
    ['Prices rose on X-ray equipment in 2024.', null],
    ['The talks moved on to trade in March.', null],
    ['56 of 61 companies kept the shorter week, according to researchers at the University of Cambridge.', 'named'],
    ['The death toll rose to 2,012, state media reported.', 'named'],
    ['The death toll rose to 2,012, Iranian state media reported.', 'named'],
    ['The death toll rose to 2,012, state television said.', 'named'],
    ['The death toll rose to 2,012, official media said.', 'named'],
    ['The death toll rose to 2,012, local media reported.', 'vague'],
    ['The death toll rose to 2,012, media reported.', 'vague'],
    ['He said the deal was final.', 'pronoun'],
    ['"Until they do, our answer will remain no," he added.', 'pronoun'],
    ['Experts say the pact will curb attacks.', 'vague'],
    ['Research has shown that the drug is safe.', 'vague'],
    ['Studies show that the drug is safe.', 'vague'],
    ['The research showed that the drug is safe.', 'named'],
    ['Oxford’s research has shown that the drug is safe.', 'named'],
    ['Some analysts said the warning was likely to be followed by others.', 'vague'],
    ['Engineers have warned that the dam could fail.', 'vague'],
    ['Turnout was reported at 72%.', 'vague'],
    ['According to some reports, the talks collapsed.', 'vague'],
    ['Washington has not publicly confirmed the timetable.', null],
    ['Police found two bodies in the house.', null],
    ['Figures published by the Office for National Statistics last month showed that inflation was 3.8%.', 'named'],
    ['Data released by the central bank on Friday showed lending fell 2%.', 'named'],
    ['Pictures taken by a resident last week showed the damage to the dam.', null],
    ['Conagra has added three new plants since 2020.', null],
    ['Northwind Robotics, the leading provider of autonomous warehouse picking systems, today announced it has closed a round.', 'named'],
    ['The disruption added roughly 0.7 percentage points to inflation.', null],
    ['The tax added about 3% to prices.', null],
    ['A man has died in County Donegal, gardaí have confirmed.', 'named'],
    ['Mensah headed in a corner from Damsgaard in the third minute of added time.', null],
    ['Exports fell 14% in 2024, according to estimates.', 'vague'],
    ['The index rose nearly 5 per cent, according to data from the National Stock Exchange.', 'named'],
    ['At least 27 people have died, the Los Angeles County medical examiner said.', 'named'],
    ['Exports fell 14% in 2024, according to ministry estimates.', 'named'],
    ['Exports fell 14% in 2024, data show.', 'vague'],
    ['Data show that exports fell 14% in 2024.', 'vague'],
    ['Official figures show that exports fell 14% in 2024.', 'named'],
    ['Census data show that the population fell 2% in 2024.', 'named'],
    ['The ministry’s figures show that exports fell 14% in 2024.', 'named'],
    ['"It was the hardest thing I told my players all season."', null],
    ['Conagra added that the plants would open in 2026.', 'named'],
    ['Hungary’s Foreign Minister Peter Szijjarto repeated his opposition, telling reporters the ban would hurt Hungary.', 'named'],
    ['U.S. President Donald Trump praised the deal, calling it "a big win for everybody".', 'named'],
    ['Prices rose 3% in March, adding to pressure on the central bank.', null],
    ['Protesters marched through the city, calling for new elections.', null],
    ['The video spread quickly, saying nothing new.', null],
    ['An Israeli official said the strike targeted a weapons depot.', 'named'],
    ['A senior Iranian official, who asked not to be named because of the sensitivity of the matter, said Tehran was satisfied.', 'named'],
    ['Khalil al-Hayya, Hamas’s exiled Gaza chief and lead negotiator, said in a televised address that the group had received guarantees.', 'named'],
    ['The relocation, which has not been previously reported, involved at least four camps, said the officials, who spoke on condition of anonymity.', 'named'],
    ['Prices published in the catalogue last year showed a 3% rise.', null],
    ['Exports fell 14% in the first quarter.', null],
  ])('%s → %s', (sentence, expected) => expect(attributionIn(sentence)).toBe(expected));
});

describe('supportedClaims', () => {
  test('sentence scope: citations attached, footnotes and in-sentence attribution count', async () => {
    expect(await supported('Oil exports fell 14% (Reuters). Oil is 90% of revenue.[3] Exports fell, the ministry said. Output rose 3%.', 'sentence'))
      .toEqual(['Oil exports fell 14% (Reuters).', 'Oil is 90% of revenue.[3]', 'Exports fell, the ministry said.']);
  });

  test('a link to a source counts', async () => {
    expect(await supported('Nvidia’s revenue rose 122% ([Nvidia](https://nvidianews.nvidia.com/news/results)). Data center sales were $26.3 billion.', 'sentence', 'markdown'))
      .toEqual(['Nvidia’s revenue rose 122% (Nvidia).']);
  });

  test('[citation needed], a pointer and a weasel are not support', async () => {
    expect(await supported('Erbil is 8,000 years old.[citation needed] Exports fell 14%, click on IRNA English. Experts say output rose 3%.', 'paragraph')).toEqual([]);
  });

  test('paragraph scope: an attribution anywhere in the paragraph covers it; a footnote does not', async () => {
    const text = 'Shipments averaged 3.1 million barrels per day. The decline was the steepest since 2020, the oil ministry said.\n\nOil is 90% of revenue.[3] Output rose 3% in March.';
    expect(await supported(text)).toEqual([
      'Shipments averaged 3.1 million barrels per day.',
      'The decline was the steepest since 2020, the oil ministry said.',
      'Oil is 90% of revenue.[3]',
    ]);
  });

  test('reported speech continues an attribution; a new paragraph without it does not', async () => {
    const text = 'Sarkozy said he would appeal.\n\nHe told reporters the verdict was unjust.\n\nHe is the first former French president sentenced to prison.';
    expect(await supported(text)).toEqual(['Sarkozy said he would appeal.', 'He told reporters the verdict was unjust.']);
    expect(await supported(text, 'sentence')).toEqual(['Sarkozy said he would appeal.']);
  });

  test('a quotation running on into the next paragraph is the same speaker’s', async () => {
    const text = 'Erdogan said: “Sweden must keep its promises.\n\n“Until they do, our answer will remain no.”\n\n“This is a new paragraph of nobody’s.”';
    expect(await supported(text)).toEqual(['Erdogan said: “Sweden must keep its promises.', '“Until they do, our answer will remain no.”']);
  });

  describe('a paragraph ending in a colon after an attribution introduces the list or block quote after it', () => {
    test.each<[Format, string]>([
      ['markdown', 'Figures published by the ONS showed:\n\n- inflation was 3.8% in September;\n- services inflation was 4.7% in September.\n\nUnemployment rose to 5% in 2024.'],
      ['text', 'Figures published by the ONS showed:\n\n- Inflation was 3.8% in September.\n- Services inflation was 4.7% in September.\n\nUnemployment rose to 5% in 2024.'],
      ['html', '<p>Figures published by the ONS showed:</p><ul><li>inflation was 3.8% in September;</li><li>services inflation was 4.7% in September.</li></ul><p>Unemployment rose to 5% in 2024.</p>'],
    ])('a list (%s): its items, not the paragraph after it', async (format, text) => {
      const claims = await supported(text, 'paragraph', format);
      expect(claims).toHaveLength(3);
      expect(claims.slice(1).every((claim) => /inflation was/i.test(claim))).toBe(true);
    });

    test.each<[Format, string]>([
      ['markdown', 'In its statement, the committee wrote:\n\n> Inflation peaked at 3.8% in September.\n>\n> It is expected to fall to 2% by 2027.\n\nGrowth was 0.3% in the third quarter.'],
      ['html', '<article><p>In a news release, the WHO said:</p><blockquote cite="https://www.who.int/"><p>Nearly a third (31%) of adults were inactive in 2022.</p><p>Inactivity is projected to rise to 35% by 2030.</p></blockquote><p>Obesity rates rose 5% in 2023.</p></article>'],
      ['html', '<article><p>In a news release, the WHO said:</p><figure><blockquote><p>Nearly a third (31%) of adults were inactive in 2022.</p><p>Inactivity is projected to rise to 35% by 2030.</p></blockquote></figure><p>Obesity rates rose 5% in 2023.</p></article>'],
    ])('a block quote (%s): its paragraphs, not the paragraph after it', async (format, text) => {
      const claims = await supported(text, 'paragraph', format);
      expect(claims).toHaveLength(3);
      expect(claims.some((claim) => /Obesity|Growth/.test(claim))).toBe(false);
    });

    test.each<[string, Format, string, string[]]>([
      ['an introduction that names nobody', 'markdown', 'The plan includes:\n\n- a 40% cut in fares by 2027;\n- 300 new buses by 2026.', []],
      ['an attribution without a colon', 'markdown', 'Inflation eased in October, the ONS said.\n\n- Services inflation was 4.7% in September.', ['Inflation eased in October, the ONS said.']],
      ['a paragraph, not a list, after the colon', 'markdown', 'Figures published by the ONS showed:\n\nServices inflation was 4.7% in September.', ['Figures published by the ONS showed:']],
      ['a list after the introduced one, past a paragraph', 'html', '<article><p>The ONS said:</p><ul><li>Inflation was 3.8% in September.</li></ul><p>Rents rose 7% in 2024.</p><ul><li>Services inflation was 4.7% in September.</li></ul></article>', ['The ONS said:', 'Inflation was 3.8% in September.']],
    ])('near miss: %s', async (_name, format, text, expected) => {
      expect(await supported(text, 'paragraph', format)).toEqual(expected);
    });
  });

  test('an interview\'s turns: a speaker\'s label opening a paragraph names who says it', async () => {
    const text = [
      'Denise Okafor has run the tenants\' association since 2015.',
      '**Q:** Let\'s start with the night of Sept. 28.',
      '**Denise Okafor:** We logged 37 complaints between 2019 and this summer. The city fixed two.',
      '**Okafor:** The landlord was fined $12,000 in 2023.',
      'OKAFOR: Rents rose 14% in 2024.',
    ].join('\n\n');
    expect(await supported(text, 'paragraph', 'markdown')).toEqual([
      'Let\'s start with the night of Sept. 28.', 'Denise Okafor: We logged 37 complaints between 2019 and this summer.', 'The city fixed two.',
      'Okafor: The landlord was fined $12,000 in 2023.', 'OKAFOR: Rents rose 14% in 2024.',
    ].map((claim) => claim.replace(/^(?=Let)/, 'Q: ')));
    // In sentence scope, the label reaches only its own sentence.
    expect(await supported(text, 'sentence', 'markdown')).not.toContain('The city fixed two.');
  });

  test.each([
    ['a label copy opens with', 'Update: The council voted 7-2 on Oct. 3 to fund repairs.'],
    ['a fact-check\'s label', 'CLAIM: Coffee sales fell 3% in 2016.'],
    ['a lone surname the article never gives a first name', 'Smith: The council met in 2023.'],
    ['a label mid-paragraph', 'The council met in 2023. Okafor: it was fined.'],
  ])('no interview turn: %s', async (_name, text) => {
    expect(await supported(`Denise Okafor spoke.\n\n${text}\n`, 'paragraph', 'text')).toEqual([]);
  });

  test('a table\'s "Source:" line, after it or before it, supports its cells; a table without one is not supported', async () => {
    const table = '| Area | Change |\n| --- | --- |\n| Lakeside | Rents grew 4% in 2023. |';
    expect(await supported(`${table}\n\n*Source: U.S. Census Bureau, American Community Survey.*\n`, 'sentence', 'markdown')).toContain('Rents grew 4% in 2023.');
    expect(await supported(`Source: Census Bureau.\n\n${table}\n`, 'sentence', 'markdown')).toContain('Rents grew 4% in 2023.');
    expect(await supported(`${table}\n\nThe council met on Monday.\n`, 'paragraph', 'markdown')).toEqual([]);
    expect(await supported('<table><tr><td>Rents grew 4% in 2023.</td></tr></table><p>Source: ONS.</p>', 'sentence', 'html')).toContain('Rents grew 4% in 2023.');
  });

  test('a block quote signed on its last line is the signer\'s: its claims and the signature are supported', async () => {
    expect(await supported('<article><p>Google lost.</p><blockquote><p>We will appeal the 2025 fine.</p><cite>Google statement, 5 September 2025</cite></blockquote></article>', 'sentence', 'html'))
      .toEqual(['We will appeal the 2025 fine.', 'Google statement, 5 September 2025']);
    expect(await supported('> "It is because the economics work, not because of policy."\n>\n> — Doug Lewin, on [his podcast](https://example.com/p)\n', 'sentence', 'markdown'))
      .toEqual(['"It is because the economics work, not because of policy."', '— Doug Lewin, on his podcast']);
    // Unsigned: a quote's last sentence is no signature.
    expect(await supported('> The fine was the largest ever, at 4.3 billion euros.\n>\n> Rates rose 3% in 2024.\n', 'sentence', 'markdown')).toEqual([]);
  });

  test('a correction or editor\'s note is the publisher\'s own statement; an update is news like any other', async () => {
    const text = 'Correction, Oct. 8, 2025: An article published Oct. 6 misstated the deficit. It is $4.2 million, not $42 million.\n\n'
      + 'Editor\'s note: This story was updated on March 3, 2025.\n\nUpdate: The council voted 7-2 on Oct. 3 to fund repairs.\n';
    expect(await supported(text, 'sentence')).toEqual([
      'Correction, Oct. 8, 2025: An article published Oct. 6 misstated the deficit.', 'It is $4.2 million, not $42 million.',
      'Editor\'s note: This story was updated on March 3, 2025.',
    ]);
    // A source line names its source.
    expect(await supported('Source: Caerwen returning officer, declaration of result, 21 November 2025\n', 'sentence')).toEqual([
      'Source: Caerwen returning officer, declaration of result, 21 November 2025',
    ]);
  });

  test('a "Key points" bullet whose figures a supported sentence gives is supported; one with a figure the story never sources is not', async () => {
    const page = '<article><div class="kp"><h2>Key points</h2><ul><li>More than 27,000 people were evacuated</li><li>Damage could top €2 billion</li></ul></div>'
      + '<p>More than 27,000 people were evacuated from the coast, the civil protection agency said.</p></article>';
    expect(await supported(page, 'paragraph', 'html')).toEqual(['More than 27,000 people were evacuated', 'More than 27,000 people were evacuated from the coast, the civil protection agency said.']);
    // Not a summary: the same bullet under another heading.
    expect(await supported(page.replace('Key points', 'Evacuations'), 'paragraph', 'html')).not.toContain('More than 27,000 people were evacuated');
  });

  test('a wiki names the sentence\'s source, but vouches for none of the paragraph\'s other sentences', async () => {
    const doc = await loadDocument('case.txt', 'According to Wikipedia, the diet began in 2017. Roughly 4 million Americans now follow it.\n\nAccording to Reuters, the diet began in 2017. Roughly 4 million Americans now follow it.\n');
    const claims = findClaims(doc);
    const registry = await builtinRegistry();
    const ids = supportedClaims(doc, claims, findCitations(doc, claims, registry), 'paragraph', registry);
    expect(claims.map((claim) => ids.has(claim.id))).toEqual([true, false, true, true]);
  });

  test('markSupport sets Claim.supported with the paragraph scope', async () => {
    const doc = await loadDocument('case.txt', 'Shipments fell 3%. The decline was the steepest since 2020, the ministry said.\n\nOutput rose 3%.');
    const claims = findClaims(doc);
    markSupport(doc, claims, findCitations(doc, claims, await builtinRegistry()));
    expect(claims.map((claim) => claim.supported)).toEqual([true, true, false]);
  });
});

test('the example article: the summary counts check-worthy and supported claims; the cited lines are supported', async () => {
  const doc = await loadDocument('fixtures/larijani-baghdad.txt', readFileSync(new URL('../../fixtures/larijani-baghdad.txt', import.meta.url), 'utf8'));
  const result = checkDocument(doc, { registry: await builtinRegistry(), rules: [] });
  expect(summarize([result])).toMatchObject({ checkworthyClaims: 5, supportedClaims: 4 });
  const cited = result.claims.filter((claim) => claim.citationIds.length > 0 && [1, 2, 3, 7, 12].includes(claim.line));
  expect(cited.length).toBeGreaterThan(4);
  expect(cited.every((claim) => claim.supported)).toBe(true);
});

describe('linear time', () => {
  test('attributionIn on a pathological sentence costs no more per character at 10× the size', () => {
    const cost = (times: number): number => {
      const text = 'said in The '.repeat(times) + 'According to the the the '.repeat(times);
      const started = performance.now();
      attributionIn(text);
      return (performance.now() - started) / text.length;
    };
    cost(1000);
    expect(cost(20000)).toBeLessThan(cost(2000) * 5 + 0.001);
  });

  test('supportedClaims costs no more per claim at 10× the size', async () => {
    const paragraph = 'Exports fell 14% in March. The decline was the steepest since 2020, the ministry said.\n\nHe added that “output would recover.\n\n“It will take a year.” Oil is 90% of revenue.[3]\n\n';
    const prepare = async (times: number) => {
      const doc = await loadDocument('case.txt', paragraph.repeat(times));
      const claims = findClaims(doc);
      return { doc, claims, citations: findCitations(doc, claims, await builtinRegistry()) };
    };
    const cost = ({ doc, claims, citations }: Awaited<ReturnType<typeof prepare>>): number => {
      const started = performance.now();
      supportedClaims(doc, claims, citations);
      return (performance.now() - started) / claims.length;
    };
    const small = await prepare(200);
    const large = await prepare(2000);
    cost(small);
    expect(cost(large)).toBeLessThan(cost(small) * 5 + 0.01);
  });
});
