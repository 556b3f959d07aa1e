import { readFileSync } from 'node:fs';
import { findCitations } from '../../src/citations/find.js';
import { splitSourceList } from '../../src/citations/chips.js';
import { loadDocument } from '../../src/input/load.js';
import { findClaims } from '../../src/parse/claims.js';
import { check } from '../../src/index.js';
import { builtinRegistry } from '../helpers/rule-tester.js';

async function citationsOf(text: string, format: 'text' | 'markdown' | 'html' = 'text') {
  const doc = await loadDocument(`case.${format === 'markdown' ? 'md' : format === 'html' ? 'html' : 'txt'}`, text, format);
  const claims = findClaims(doc);
  const citations = findCitations(doc, claims, await builtinRegistry());
  return { claims, citations, shown: citations.map((citation) => ({ form: citation.form, text: citation.text, names: citation.sources.map((source) => source.name), counts: citation.sources.map((source) => source.chipCount) })) };
}

describe('splitSourceList', () => {
  test.each([
    ['Caliber.az +12 IRNA English +12 Rudaw +12', [['Caliber.az', 12], ['IRNA English', 12], ['Rudaw', 12]]],
    ['Business Insider+15Reuters+15Reddit+15', [['Business Insider', 15], ['Reuters', 15], ['Reddit', 15]]],
    ['IRNA English +3, The Times of Israel +3 WANA +3, Afghan Voice Agency', [['IRNA English', 3], ['The Times of Israel', 3], ['WANA', 3], ['Afghan Voice Agency', null]]],
    ['source: Reuters and AP', [['Reuters', null], ['AP', null]]],
    ['Reuters, March 3', [['Reuters', null]]],
  ])('%s', (list, expected) => {
    expect(splitSourceList(list).map((item) => [item.name, item.count])).toEqual(expected);
  });

  test('a product name with a plus is not a chip', () => {
    expect(splitSourceList('Disney+ and Alexa+').map((item) => item.count)).toEqual([null, null]);
  });
});

describe('findCitations', () => {
  test('the forms of the example article', async () => {
    const { shown } = await citationsOf(readFileSync('fixtures/larijani-baghdad.txt', 'utf8'));
    expect(shown).toEqual(expect.arrayContaining([
      { form: 'parenthetical', text: '(IRNA English +1)', names: ['IRNA English'], counts: [1] },
      { form: 'parenthetical', text: '(Caliber.az +12 IRNA English +12 Rudaw +12)', names: ['Caliber.az', 'IRNA English', 'Rudaw'], counts: [12, 12, 12] },
      { form: 'according-to', text: 'according to IRNA English and Mehr News Agency', names: ['IRNA English', 'Mehr News Agency'], counts: [null, null] },
      { form: 'pointer', text: 'click on WANA or IRNA English', names: ['WANA', 'IRNA English'], counts: [null, null] },
      { form: 'reporting-verb', text: 'Wiki and Mehr News Agency both acknowledged', names: ['Wiki', 'Mehr News Agency'], counts: [null, null] },
      { form: 'bracketed', text: '[Wikipedia]', names: ['Wikipedia'], counts: [null] },
      { form: 'reporting-verb', text: 'Wikipedia itself reported', names: ['Wikipedia'], counts: [null] },
    ]));
    expect(shown.find((citation) => citation.text === '(PMF)')).toBeUndefined();
  });

  test('a trailing parenthetical after the full stop supports the sentence before it; a pointer supports nothing', async () => {
    const { claims, citations } = await citationsOf('Exports fell 14% in May. (Reuters)\n\nFor more, click on WANA.\n');
    const reuters = citations.find((citation) => citation.text === '(Reuters)')!;
    expect(reuters.claimIds).toEqual([claims[0]!.id]);
    expect(claims[0]!.text).toBe('Exports fell 14% in May. (Reuters)');
    expect(citations.find((citation) => citation.form === 'pointer')!.claimIds).toEqual([]);
  });

  test('a bare chip run in running text', async () => {
    const { shown } = await citationsOf('The strike hit a depot near Kharkiv Business Insider+15Reuters+15Reddit+15\n');
    expect(shown).toEqual([{ form: 'chip-run', text: 'Business Insider+15Reuters+15Reddit+15', names: ['Business Insider', 'Reuters', 'Reddit'], counts: [15, 15, 15] }]);
  });

  test('a person quoted as a primary source is marked primary', async () => {
    const { citations } = await citationsOf('According to Larijani, the talks went well.\n');
    expect(citations[0]!.sources[0]).toMatchObject({ name: 'Larijani', sourceId: null, primary: true });
  });

  test('a site cited by its bare domain, as chatbots cite: one citation of each site', async () => {
    const { citations, shown } = await citationsOf('Officials met in Baghdad on Monday (reuters.com).\n\nTalks ended on Monday (apnews.com, bbc.co.uk).\n\nThe talks ended (www.example.com).\n');
    expect(shown).toEqual([
      { form: 'parenthetical', text: '(reuters.com)', names: ['reuters.com'], counts: [null] },
      { form: 'parenthetical', text: '(apnews.com, bbc.co.uk)', names: ['apnews.com', 'bbc.co.uk'], counts: [null, null] },
      { form: 'parenthetical', text: '(www.example.com)', names: ['www.example.com'], counts: [null] },
    ]);
    // Known sites resolve through their domains; an unknown one stays a citation of an unknown source.
    expect(citations.map((citation) => citation.sources.map((source) => source.sourceId))).toEqual([['reuters'], ['associated-press', 'bbc-news'], [null]]);
  });

  test('a list naming a known source cites its unknown names too; a list of places does not cite', async () => {
    const { citations, shown } = await citationsOf('The startup raised a record round (TechCrunch, Sifted, Reuters).\n\nTalks moved on (Jordan, Lebanon, Reuters).\n\nThe round closed (TechCrunch, Sifted).\n');
    expect(shown).toEqual([{ form: 'parenthetical', text: '(TechCrunch, Sifted, Reuters)', names: ['TechCrunch', 'Sifted', 'Reuters'], counts: [null, null, null] }]);
    expect(citations[0]!.sources.map((source) => source.sourceId)).toEqual([null, null, 'reuters']);
    expect(citations[0]!.sources.map((source) => source.primary)).toEqual([false, false, false]);
  });

  test('a wire dateline’s credit is the story’s author, not a citation; the same brackets elsewhere are', async () => {
    const text = [
      '**Jerusalem (AFP) -** A ceasefire took effect in Gaza on Friday.',
      'BAGHDAD, Sept 16 (Reuters) - Iraq has moved hundreds of fighters away from its border.',
      'SEATTLE, Nov. 5, 2025 (Reuters) — Harbor Corp had its best quarter.',
      'The pact was signed in 2023 (Reuters) - and it held.',
      'Officials met in Baghdad on Monday (Reuters).',
    ].join('\n\n');
    const { shown } = await citationsOf(`${text}\n`, 'markdown');
    expect(shown.map((citation) => citation.text)).toEqual(['(Reuters)', '(Reuters)']);
  });

  test('no reporting-verb citation: the speaker’s "I" in a quotation, a thing added, a name across a sentence end', async () => {
    const { shown } = await citationsOf('"It was the hardest thing I told my players all season," the coach said.\n\nConagra has added three new plants since 2020.\n\nThe report was first published by The Athletic. The Athletic said the fee was £40 million.\n');
    expect(shown.map((citation) => [citation.text, citation.names])).toEqual([['The Athletic said', ['The Athletic']]]);
  });

  test('hard-wrapped copy: a name list and a reporting verb run on over a line break, not into a line that opens with a capital', async () => {
    const text = 'Larijani underlined ties, according to IRNA English\nand Mehr News Agency. A treaty was signed; Wikipedia\nitself reported this agreement. For more click on WANA or IRNA English\nOn his visit, Larijani met officials.\n';
    const { shown } = await citationsOf(text);
    expect(shown.map((citation) => [citation.form, citation.names])).toEqual([
      ['reporting-verb', ['Larijani']],
      ['according-to', ['IRNA English', 'Mehr News Agency']],
      ['reporting-verb', ['Wikipedia']],
      ['pointer', ['WANA', 'IRNA English']],
    ]);
  });

  test('hard-wrapped copy: a name broken before a capital reads as one, and a name can open a line', async () => {
    const text = 'The body met on Monday, according to IRNA English\r\nand Mehr News Agency. It met again, according to IRNA\nEnglish and Mehr News Agency. The meeting followed a visit, the semi-official Tasnim News  \r\nAgency reported. Talks will resume in Geneva, according to\nReuters and the Associated Press.\n';
    const { shown } = await citationsOf(text);
    expect(shown.map((citation) => [citation.form, citation.names])).toEqual([
      ['according-to', ['IRNA English', 'Mehr News Agency']],
      ['according-to', ['IRNA English', 'Mehr News Agency']],
      ['reporting-verb', ['Tasnim News Agency']],
      ['according-to', ['Reuters', 'Associated Press']],
    ]);
  });

  test('hard-wrapped copy: no name runs on into a line after a chip, or into a line that opens a sentence', async () => {
    const text = 'Larijani met officials (IRNA English +2)\nLarijani said more talks were planned. The plan was reported by Wikipedia\nThe minister left.\n';
    const { shown } = await citationsOf(text);
    expect(shown.map((citation) => [citation.form, citation.names])).toEqual([
      ['parenthetical', ['IRNA English']],
      ['reporting-verb', ['Larijani']],
      ['reporting-verb', ['Wikipedia']],
    ]);
  });

  test('a known source set off from its verb by a clause', async () => {
    const text = 'Tasnim, which is close to the Revolutionary Guards, said the talks ended. Fars, the semi-official news agency, reported a record low. Reuters, citing two officials, reported a deal.\n';
    const { shown } = await citationsOf(text);
    expect(shown.map((citation) => [citation.text, citation.names])).toEqual([
      ['Tasnim, which is close to the Revolutionary Guards, said', ['Tasnim']],
      ['Fars, the semi-official news agency, reported', ['Fars']],
      ['Reuters, citing two officials, reported', ['Reuters']],
    ]);
  });

  test.each([
    ['a person so set off is no source citation', 'Araghchi, the foreign minister, said the talks ended.'],
    ['a name the registry does not know', 'Acme Herald, which is close to the mayor, reported the vote.'],
    ['a clause that is no description', 'In Tehran, Reuters and the weather permitting, officials said the talks ended.'],
    ['a sentence end between', 'He read Tasnim. The agency, which is close to the Guards, said little.'],
  ])('no citation across a clause: %s', async (_, text) => {
    const { shown } = await citationsOf(`${text}\n`);
    expect(shown.filter((citation) => citation.form === 'reporting-verb' && citation.names.some((name) => /Tasnim|Acme|Reuters/.test(name)))).toEqual([]);
  });

  test('a platform the speaker posted on is no second source: "In a post on X, Abbott said"', async () => {
    const { shown } = await citationsOf('In a post on X, Abbott said 220 personnel had been deployed. On Monday, Reuters, AP and AFP reported it.\n');
    expect(shown.map((citation) => citation.names)).toEqual([['Abbott'], ['Reuters', 'AP', 'AFP']]);
  });

  test('an official body in such a list is a primary source, not an unknown outlet', async () => {
    const { citations } = await citationsOf('Poland spends more than 4% of GDP on defence (NATO, Reuters, Politico).\n');
    expect(citations[0]!.sources.map((source) => [source.name, source.primary])).toEqual([['NATO', true], ['Reuters', false], ['Politico', false]]);
  });

  test.each([
    ['a file name, not a site', 'The app was rebuilt on Monday (node.js).'],
    ['an abbreviation', 'Talks ended on Monday (e.g. in Baghdad).'],
    ['a domain among ordinary words', 'Talks ended on Monday (see reuters.com for more).'],
    ['a version number', 'The phone shipped on Monday (version 2.5).'],
  ])('no bare-domain citation: %s', async (_, text) => {
    const { citations } = await citationsOf(`${text}\n`);
    expect(citations.filter((citation) => citation.form === 'parenthetical')).toEqual([]);
  });

  test('share buttons cite nothing; a link to a post cites the platform', async () => {
    const html = '<article><p>Iran and Iraq signed the pact on Sunday, <a href="https://x.com/araghchi/status/1637">Araghchi wrote</a>.</p>'
      // Not a "share" box, which the HTML reader skips as furniture: the links themselves must be told apart.
      + '<div class="tools"><a href="https://twitter.com/intent/tweet?url=a">Share on Twitter</a> <a href="https://www.facebook.com/sharer/sharer.php?u=a">Share on Facebook</a> '
      + '<a href="https://api.whatsapp.com/send?text=a">WhatsApp</a> <a href="https://www.linkedin.com/shareArticle?url=a">LinkedIn</a> <a href="https://t.me/share/url?url=a">Telegram</a></div></article>';
    const { citations } = await citationsOf(html, 'html');
    expect(citations.filter((citation) => citation.form === 'link').map((citation) => citation.href)).toEqual(['https://x.com/araghchi/status/1637']);
  });

  test('a Markdown link names its source by URL', async () => {
    const { citations } = await citationsOf('The agency [confirmed it](https://www.reuters.com/world/) on Monday.\n', 'markdown');
    expect(citations[0]).toMatchObject({ form: 'link', href: 'https://www.reuters.com/world/' });
    expect(citations[0]!.sources[0]!.sourceId).toBe('reuters');
  });

  test('regression: checking twice gives the same findings (a shared /g regex kept its lastIndex)', async () => {
    const first = await check({ path: 'a.txt', text: 'The deal was signed (IRNA +4).\n' });
    const second = await check({ path: 'a.txt', text: 'The deal was signed (IRNA +4).\n' });
    expect(second.files[0]!.findings).toEqual(first.files[0]!.findings);
    expect(first.files[0]!.findings.map((finding) => finding.ruleId)).toContain('ai-citation-artifact');
  });
});

describe('findCitations near-misses (regressions)', () => {
  test.each([
    'Call +1 555 0100 for details.',
    'For bookings, Phone +44 20 7946 0958.',
    'Ukraine is at UTC+2.',
    'Prices rose +2.5% in March.',
  ])('no chip in %j', async (text) => {
    const { citations } = await citationsOf(`${text}\n`);
    expect(citations.filter((citation) => citation.sources.some((source) => source.chipCount !== null))).toEqual([]);
  });

  test('"on Monday, Tasnim reported" names Tasnim only', async () => {
    const { shown } = await citationsOf('The agreement was signed on Monday, Tasnim reported.\n');
    expect(shown).toEqual([{ form: 'reporting-verb', text: 'Tasnim reported', names: ['Tasnim'], counts: [null] }]);
  });

  test('a list of known sources joined by commas stays one citation', async () => {
    const { shown } = await citationsOf('The talks failed, Reuters, AP and AFP reported.\n');
    expect(shown[0]!.names).toEqual(['Reuters', 'AP', 'AFP']);
  });

  test('"the Kurdistan Chronicle reported" names Kurdistan Chronicle', async () => {
    const { shown } = await citationsOf('The pact had been signed, the Kurdistan Chronicle reported on Sunday.\n');
    expect(shown).toEqual([{ form: 'reporting-verb', text: 'Kurdistan Chronicle reported', names: ['Kurdistan Chronicle'], counts: [null] }]);
  });

  test('"according to Reuters, the Associated Press and AFP" keeps all three', async () => {
    const { shown } = await citationsOf('The ceasefire held, according to Reuters, the Associated Press and AFP.\n');
    expect(shown[0]!.names).toEqual(['Reuters', 'Associated Press', 'AFP']);
  });

  test.each([
    'Analysts see Tasnim as close to the Revolutionary Guards.',
    'Larijani will visit Baghdad News Agency offices next week.',
  ])('no pointer in %j', async (text) => {
    const { citations } = await citationsOf(`${text}\n`);
    expect(citations.filter((citation) => citation.form === 'pointer')).toEqual([]);
  });

  test('a misspelt outlet before a verb is an unknown source, not a person', async () => {
    const { citations } = await citationsOf('The ceasefire held overnight, Reutres reported.\n');
    expect(citations[0]!.sources[0]).toMatchObject({ name: 'Reutres', sourceId: null, primary: false });
  });

  test.each([
    ['The embargo was lifted in June 2023 (Reutres).', 'Reutres'],
    ['The embargo was lifted in June 2023 (Xinhau).', 'Xinhau'],
    ['The embargo was lifted in June 2023 (Bloomburg).', 'Bloomburg'],
    ['The embargo was lifted in June 2023 (Al Jazera).', 'Al Jazera'],
  ])('a known outlet mistyped alone in brackets is a citation: %j', async (text, name) => {
    const { shown } = await citationsOf(`${text}\n`);
    expect(shown).toEqual([{ form: 'parenthetical', text: `(${name})`, names: [name], counts: [null] }]);
  });

  test.each([
    'The talks resumed in the Turkish capital (Ankara).',
    'Rebels shelled the city (Sanaa) overnight.',
    'The deal was signed on the third day (Thursday).',
    'Exports to the region (Australia) fell in 2023.',
    'A senior official (Iraqi) declined to comment.',
    'Militia groups known as the Popular Mobilization Forces (PMF) opposed the deal.',
  ])('a word a typo away from an outlet, but a place, a day or an acronym, is no citation: %j', async (text) => {
    const { citations } = await citationsOf(`${text}\n`);
    expect(citations).toEqual([]);
  });

  test('a footnote brings its note’s sources to the sentence; the notes are no claims', async () => {
    const text = 'Exports fell 14% in 2023.[1] Trade reached $12 billion in 2024.[2]\n\nSources\n[1] https://www.reuters.com/world/x\n[2] https://www.tehrantimes.com/news/123\n';
    const { claims, citations } = await citationsOf(text);
    expect(claims.map((claim) => claim.text)).toEqual(['Exports fell 14% in 2023.[1]', 'Trade reached $12 billion in 2024.[2]']);
    const byId = new Map(citations.map((citation) => [citation.id, citation]));
    expect(claims.map((claim) => claim.citationIds.map((id) => [byId.get(id)!.form, byId.get(id)!.sources.map((source) => source.sourceId)]))).toEqual([
      [['footnote', []], ['link', ['reuters']]],
      [['footnote', []], ['link', ['tehran-times']]],
    ]);
    expect(citations.filter((citation) => citation.form === 'link').map((citation) => citation.claimIds)).toEqual([[claims[0]!.id], [claims[1]!.id]]);
  });

  test.each([
    ['a reference list', 'Exports fell 14% in 2023.[1]\n\n[1] Reuters, "Iraq, Iran sign pact", 19 March 2023.\n', 'txt', 'Reuters'],
    ['a title first', 'Exports fell 14% in 2023.[1]\n\nSources:\n1. "Oil exports fall", Associated Press, 19 March 2023.\n', 'txt', 'Associated Press'],
    ['a Markdown footnote', 'Exports fell 14% in 2023.[^1]\n\n[^1]: Al Jazeera. 19 March 2023.\n', 'markdown', 'Al Jazeera'],
    [
      'an encyclopedia page’s reference',
      '<p>Exports fell 14% in 2023.<sup><a href="#cite_note-1">[1]</a></sup></p><ol><li id="cite_note-1"><a href="#cite_ref-1">^</a> <cite>"Oil exports fall". <i>Reuters</i>. 19 March 2023.</cite></li></ol>',
      'html', 'Reuters',
    ],
  ] as const)('a note that names its source in words gives the marker that source: %s', async (_name, text, format, source) => {
    const { citations } = await citationsOf(text, format === 'txt' ? 'text' : format);
    expect(citations.filter((citation) => citation.form === 'footnote').map((citation) => citation.sources.map((cited) => cited.name))).toEqual([[source]]);
  });

  test.each([
    ['a note with a link (the link is its citation)', 'Exports fell 14% in 2023.[1]\n\n[1] Reuters, https://www.reuters.com/world/x\n'],
    ['a note naming no known source', 'Exports fell 14% in 2023.[1]\n\n[1] Ministry of Oil, annual report, 2024.\n'],
    ['a known name only inside a quoted title', 'Exports fell 14% in 2023.[1]\n\n[1] "Reuters, AP and AFP agree", Press Gazette, 2024.\n'],
  ])('no source named in words: %s', async (_name, text) => {
    const { citations } = await citationsOf(text);
    expect(citations.filter((citation) => citation.form === 'footnote').map((citation) => citation.sources)).toEqual([[]]);
  });

  test('a note named by more sentences than it is worth linking supports them through its markers only', async () => {
    const sentences = Array.from({ length: 101 }, (_, n) => `Exports fell ${n + 1}% in 2023.[1]`).join(' ');
    const urls = Array.from({ length: 100 }, (_, n) => `https://www.reuters.com/world/${n}`).join(' ');
    const { claims, citations } = await citationsOf(`${sentences}\n\n[1] ${urls}\n`);
    expect(claims).toHaveLength(101);
    expect(claims.every((claim) => claim.citationIds.length === 1)).toBe(true);
    expect(citations.filter((citation) => citation.form === 'link')).toHaveLength(100);
    expect(citations.every((citation) => citation.form === 'footnote' || citation.claimIds.length === 0)).toBe(true);
  });

  test('link text with a verb names the source it cites', async () => {
    const { citations } = await citationsOf('The strike hit a depot, [Rudaw reported](https://www.kurdistan24.net/en/story/1).\n', 'markdown');
    expect(citations[0]!.sources[0]).toMatchObject({ name: 'Rudaw', sourceId: 'rudaw' });
  });

  test('suggestions keep only the nearest names', async () => {
    const registry = await builtinRegistry();
    expect(registry.suggestSources('Shafak News')).toEqual(['Shafaq News']);
  });
});
