import { readFileSync } from 'node:fs';
import { loadDocument } from '../../src/input/load.js';
import { findClaims } from '../../src/parse/claims.js';
import type { Mention } from '../../src/parse/mention.js';
import { findMentions, tokenize } from '../../src/parse/people.js';
import { canonicalTitle, normWord, sameTitle } from '../../src/parse/titles.js';
import { EMPTY_REGISTRY_DATA, Registry } from '../../src/registry/registry.js';
import { builtinRegistry } from '../helpers/rule-tester.js';

async function mentionsIn(text: string, registry?: Registry): Promise<Mention[]> {
  const doc = await loadDocument('case.txt', text, 'text');
  return findMentions(doc, findClaims(doc), registry ?? (await builtinRegistry()));
}

/** The fields a reader checks, for compact expectations. */
function brief(mention: Mention) {
  return { name: mention.name, fullName: mention.fullName, personId: mention.personId, title: mention.title, country: mention.country, modifiers: mention.modifiers, officeId: mention.officeId };
}

async function only(text: string): Promise<ReturnType<typeof brief>> {
  const titled = (await mentionsIn(text)).filter((mention) => mention.title);
  expect(titled).toHaveLength(1);
  return brief(titled[0]!);
}

describe('findMentions: titles and names', () => {
  test('title before the name, country by possessive', async () => {
    expect(await only('Iran’s foreign minister Ali Larijani’s statement highlights Tehran’s desire.')).toEqual({
      name: 'Ali Larijani', fullName: 'Ali Larijani', personId: 'ali-larijani', title: 'foreign minister', country: 'IR', modifiers: [], officeId: 'ir-foreign-minister',
    });
  });

  test('apposition after a comma, with "newly appointed" kept', async () => {
    expect(await only('Ali Larijani, Iran’s newly appointed Secretary of the Supreme National Security Council announced today that talks ended.')).toEqual({
      name: 'Ali Larijani', fullName: 'Ali Larijani', personId: 'ali-larijani', title: 'Secretary of the Supreme National Security Council',
      country: 'IR', modifiers: ['newly appointed'], officeId: 'ir-snsc-secretary',
    });
  });

  test('apposition after a dash', async () => {
    expect(await only('He was welcomed formally by Qasim al-Araji – Iraq’s National Security Advisor, further reinforcing the visit.')).toEqual({
      name: 'Qasim al-Araji', fullName: 'Qasim al-Araji', personId: 'qasim-al-araji', title: 'National Security Advisor', country: 'IQ', modifiers: [], officeId: 'iq-national-security-adviser',
    });
  });

  test('country by adjective; a later surname with "the" title resolves through the person\'s holdings', async () => {
    const mentions = (await mentionsIn('Russian Foreign Minister Sergei Lavrov arrived. Lavrov, the foreign minister, spoke.')).map(brief);
    expect(mentions).toEqual([
      { name: 'Sergei Lavrov', fullName: 'Sergei Lavrov', personId: 'sergei-lavrov', title: 'Foreign Minister', country: 'RU', modifiers: [], officeId: 'ru-foreign-minister' },
      { name: 'Lavrov', fullName: 'Sergei Lavrov', personId: 'sergei-lavrov', title: 'foreign minister', country: null, modifiers: [], officeId: 'ru-foreign-minister' },
    ]);
  });

  test('a name whose only capitals are beyond ASCII is still a name; a claim without capitals names nobody', async () => {
    expect(await only('at noon the prime minister Élisabeth Ñúñez spoke.')).toMatchObject({ name: 'Élisabeth Ñúñez', title: 'prime minister' });
    expect(await mentionsIn('the foreign minister ali larijani said the talks ended.')).toEqual([]);
  });

  test('country by capital', async () => {
    expect((await only('Tehran’s foreign minister Abbas Araghchi left.')).country).toBe('IR');
  });

  test('"X, who heads Y" gives X the office that heads Y', async () => {
    expect(await only('Ali Larijani, who heads Iran’s Supreme National Security Council, arrived.')).toMatchObject({
      title: 'head of Supreme National Security Council', country: 'IR', officeId: 'ir-snsc-secretary',
    });
  });

  test('"the foreign ministry" is headed by the foreign minister', async () => {
    expect(await only('Abbas Araghchi, who heads the foreign ministry, arrived.')).toMatchObject({ title: 'foreign ministry', officeId: 'ir-foreign-minister' });
  });

  test('title after a comma: "Iran\'s foreign minister, Abbas Araghchi, said"', async () => {
    expect(await only('Iran’s foreign minister, Abbas Araghchi, said talks would resume.')).toMatchObject({ name: 'Abbas Araghchi', officeId: 'ir-foreign-minister' });
    expect(await only('He later met Iran’s foreign minister, Abbas Araghchi.')).toMatchObject({ name: 'Abbas Araghchi' });
  });

  test('a name after a comma that starts the next clause is not the title\'s', async () => {
    const mentions = await mentionsIn('Ali Larijani arrived. After meeting Iran’s foreign minister, Larijani flew to Beirut.');
    expect(mentions.map((mention) => [mention.fullName, mention.title])).toEqual([['Ali Larijani', null], ['Ali Larijani', null]]);
  });

  test('a name that ends an opening phrase is not the next clause\'s subject\'s title', async () => {
    const mentions = await mentionsIn('Sergei Lavrov arrived. When he met Lavrov, the foreign minister said little. In talks with Lavrov, Iran’s foreign minister said more.');
    expect(mentions.map((mention) => [mention.fullName, mention.title])).toEqual([['Sergei Lavrov', null], ['Sergei Lavrov', null], ['Sergei Lavrov', null]]);
  });

  test('modifiers: former, then-, acting, deputy, vice, -elect', async () => {
    const mentions = await mentionsIn(
      'Former foreign minister Mohammad Javad Zarif spoke. The then-foreign minister Zarif signed. Iran’s acting foreign minister Ali Bagheri Kani left. '
      + 'Deputy Foreign Minister Kazem Gharibabadi came. Vice-President Mohammad Reza Aref spoke. President-elect Masoud Pezeshkian won.',
    );
    expect(mentions.map((mention) => [mention.name, mention.modifiers])).toEqual([
      ['Mohammad Javad Zarif', ['former']], ['Zarif', ['then-']], ['Ali Bagheri Kani', ['acting']],
      ['Kazem Gharibabadi', ['deputy']], ['Mohammad Reza Aref', ['vice']], ['Masoud Pezeshkian', ['elect']],
    ]);
  });

  test('a description is not a title', async () => {
    const mentions = await mentionsIn('Ali Larijani spoke. Iran’s top security official Larijani met his counterpart. Larijani, Iran’s security chief, left.');
    expect(mentions.map((mention) => [mention.fullName, mention.title])).toEqual([['Ali Larijani', null], ['Ali Larijani', null], ['Ali Larijani', null]]);
  });

  test('the same office phrased two ways has one key', async () => {
    const mentions = await mentionsIn('Minister of Foreign Affairs Abbas Araghchi spoke. Marco Rubio, the U.S. top diplomat, and Secretary of State Marco Rubio met.');
    expect(mentions.map((mention) => mention.titleKey)).toEqual(['foreign minister', 'foreign minister', 'foreign minister']);
    expect(mentions.map((mention) => mention.officeId)).toEqual(['ir-foreign-minister', 'us-secretary-of-state', 'us-secretary-of-state']);
  });

  test('"of Iran" after the title', async () => {
    expect(await only('Head of the Atomic Energy Organization of Iran Mohammad Eslami spoke.')).toMatchObject({ title: 'Head of the Atomic Energy Organization', country: 'IR', name: 'Mohammad Eslami' });
  });

  test('two titles joined by "and" share the name and the country', async () => {
    const mentions = await mentionsIn('On Monday, Iran’s president and supreme leader Ali Khamenei spoke. Ali Larijani, Iran’s Secretary of the Supreme National Security Council and former speaker of parliament, left.');
    expect(mentions.map((mention) => [mention.fullName, mention.title, mention.country, mention.modifiers])).toEqual([
      ['Ali Khamenei', 'president', 'IR', []], ['Ali Khamenei', 'supreme leader', 'IR', []],
      ['Ali Larijani', 'Secretary of the Supreme National Security Council', 'IR', []], ['Ali Larijani', 'speaker of parliament', 'IR', ['former']],
    ]);
    expect(mentions[0]!.nameStart).toBe(mentions[1]!.nameStart);
  });

  test('a form of address is not part of the name; a country word can start a name the registry knows', async () => {
    const mentions = await mentionsIn('Iran’s Supreme Leader Ayatollah Ali Khamenei spoke. Netanyahu’s defence minister Israel Katz agreed.');
    expect(mentions.filter((mention) => mention.title).map((mention) => [mention.name, mention.personId, mention.officeId])).toEqual([
      ['Ali Khamenei', 'ali-khamenei', 'ir-supreme-leader'], ['Israel Katz', 'israel-katz', 'il-defence-minister'],
    ]);
  });

  test('a title followed by a possessive belongs to someone else', async () => {
    expect((await mentionsIn('The foreign minister’s spokesman Esmaeil Baghaei said so.')).map((mention) => mention.title)).toEqual(['spokesman']);
  });
});

describe('findMentions: surnames', () => {
  test('possessives and later surnames resolve to the full name given earlier', async () => {
    const mentions = await mentionsIn('Ali Larijani, Iran’s newly appointed Secretary of the Supreme National Security Council, spoke. Larijani’s statement followed. Larijani left.');
    expect(mentions.map((mention) => [mention.name, mention.fullName, mention.personId])).toEqual([
      ['Ali Larijani', 'Ali Larijani', 'ali-larijani'], ['Larijani', 'Ali Larijani', 'ali-larijani'], ['Larijani', 'Ali Larijani', 'ali-larijani'],
    ]);
  });

  test('two people with the same surname: the bare surname stays unresolved', async () => {
    const mentions = await mentionsIn('Sadegh Larijani, the judiciary chief, and Ali Larijani met. Larijani said nothing.');
    expect(mentions.map((mention) => [mention.name, mention.fullName, mention.personId])).toEqual([
      ['Ali Larijani', 'Ali Larijani', 'ali-larijani'], ['Larijani', 'Larijani', null],
    ]);
  });

  test('a surname given earlier wins over one given later', async () => {
    const mentions = await mentionsIn('Ali Larijani arrived. Larijani spoke. Sadegh Larijani, his brother, was not there.');
    expect(mentions.map((mention) => mention.fullName)).toEqual(['Ali Larijani', 'Ali Larijani']);
  });

  test('a surname resolves when the article gives one full name for it, however often, before or after', async () => {
    const names = async (text: string) => (await mentionsIn(text)).map((mention) => [mention.name, mention.fullName]);
    expect(await names('Karim Haddad, the mayor, arrived. Karim Haddad spoke. Haddad left.')).toEqual([
      ['Karim Haddad', 'Karim Haddad'], ['Karim Haddad', 'Karim Haddad'], ['Haddad', 'Karim Haddad'],
    ]);
    expect(await names('Haddad spoke first. Karim Haddad, the mayor, arrived.')).toEqual([['Haddad', 'Karim Haddad'], ['Karim Haddad', 'Karim Haddad']]);
    // Two given later, none before: the bare surname could be either.
    expect((await names('Haddad spoke first. Karim Haddad, the mayor, and Nadia Haddad, the judge, arrived.'))[0]).toEqual(['Haddad', 'Haddad']);
  });

  test('a surname alone resolves through the registry when the article gives no full name', async () => {
    expect(await only('Foreign Minister Lavrov arrived.')).toMatchObject({ fullName: 'Sergei Lavrov', personId: 'sergei-lavrov', officeId: 'ru-foreign-minister' });
  });

  test('no registry: names and titles are still found, nothing resolves to the registry', async () => {
    const mentions = await mentionsIn('Iran’s foreign minister Ali Larijani spoke. Larijani left.', new Registry(EMPTY_REGISTRY_DATA));
    expect(mentions.map(brief)).toEqual([
      { name: 'Ali Larijani', fullName: 'Ali Larijani', personId: null, title: 'foreign minister', country: null, modifiers: [], officeId: null },
      { name: 'Larijani', fullName: 'Ali Larijani', personId: null, title: null, country: null, modifiers: [], officeId: null },
    ]);
  });
});

describe('findMentions: the example article', () => {
  test('line 1, 2 and 9 titles', async () => {
    const text = readFileSync(new URL('../../fixtures/larijani-baghdad.txt', import.meta.url), 'utf8');
    const mentions = (await mentionsIn(text)).filter((mention) => mention.title);
    expect(mentions.map((mention) => [mention.fullName, mention.officeId])).toEqual([
      ['Ali Larijani', 'ir-snsc-secretary'], ['Qasim al-Araji', 'iq-national-security-adviser'], ['Ali Larijani', 'ir-foreign-minister'],
    ]);
  });
});

describe('titles', () => {
  test.each([
    ['minister of foreign affairs', 'foreign minister'],
    ['top diplomat', 'foreign minister'],
    ['Secretary of Defense', 'defence minister'],
    ['national security advisor', 'national security adviser'],
    ['Secretary of the Supreme National Security Council', 'secretary of supreme national security council'],
    ['Supreme National Security Council secretary', 'secretary of supreme national security council'],
    ['Minister of Defence and Armed Forces Logistics', 'defence and armed forces logistics minister'],
  ])('%s → %s', (phrase, key) => {
    expect(canonicalTitle(tokenize(phrase).map((token) => normWord(token.text)))).toBe(key);
  });

  test('"head of X" is the same office as X\'s secretary, not as another body\'s', () => {
    expect(sameTitle('head of supreme national security council', 'secretary of supreme national security council')).toBe(true);
    expect(sameTitle('head of atomic energy organization', 'secretary of supreme national security council')).toBe(false);
  });

  test('tokens: possessives, split prefixes, abbreviations', () => {
    expect(tokenize('Iran’s ex-president U.S. al-Araji').map((token) => [token.text, token.possessive, token.modifier ?? null])).toEqual([
      ['Iran', true, null], ['ex-', false, 'ex-'], ['president', false, null], ['U.S.', false, null], ['al-Araji', false, null],
    ]);
  });

  test('linear on long runs of title and name words: four times the text, about four times the time', async () => {
    const registry = await builtinRegistry();
    const timed = async (n: number) => {
      const doc = await loadDocument('case.txt', `${'Foreign Minister Ali '.repeat(n)}Larijani said. ${'Larijani, the '.repeat(n)}end. ${'Iran’s '.repeat(n)}.`, 'text');
      const claims = findClaims(doc);
      const started = performance.now();
      findMentions(doc, claims, registry);
      return performance.now() - started;
    };
    await timed(500); // warm up
    const small = await timed(1000);
    expect(await timed(4000)).toBeLessThan(10 * small + 100);
  });
});
