import { readFileSync } from 'node:fs';
import rule from '../../rules/fact-contradiction.js';
import { mergeRegistryTexts } from '../../src/registry/load.js';
import { Registry } from '../../src/registry/registry.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';

const article = readFileSync(new URL('../../fixtures/larijani-baghdad.txt', import.meta.url), 'utf8');
const TASNIM = 'https://tasnimnews.com/en/news/2024/08/21/3145936/all-ministerial-picks-win-iran-parliament-s-confidence-vote/amp';
const TREATY = 'The registry dates the Iran–Iraq border security agreement to 2023-03-19, not March 20, 2023';

/** A one-office registry: Ann Able, then Bob Baker from 2024-03-01 (to `bobUntil`, if given); `asOf` as given. Carl Cole never held it. */
function freedonia(asOf: string | null, bobUntil?: string): Registry {
  const person = (id: string, name: string) => `  - { id: ${id}, name: "${name}", reference: "https://example.org/${id}" }\n`;
  const text = `${asOf ? `asOf: "${asOf}"\n` : ''}countries:\n  - { code: XF, names: ["Freedonia"], adjectives: ["Freedonian"] }\n`
    + `people:\n${person('ann-able', 'Ann Able')}${person('bob-baker', 'Bob Baker')}${person('carl-cole', 'Carl Cole')}`
    + 'offices:\n  - id: xf-foreign-minister\n    title: "Foreign Minister of Freedonia"\n    phrases: ["foreign minister"]\n    country: XF\n    kind: foreign-minister\n    reference: "https://example.org/fm"\n'
    + `    holders:\n      - { person: ann-able, from: "2020-01-01", to: "2024-03-01", reference: "https://example.org/ann" }\n      - { person: bob-baker, from: "2024-03-01"${bobUntil ? `, to: "${bobUntil}"` : ''}, reference: "https://example.org/bob" }\n`;
  return new Registry(mergeRegistryTexts([{ path: 'freedonia.yaml', text }]));
}
const CHECKED_TO_2025 = freedonia('2025-12-31');
/** Bob Baker's term ended on 2025-06-30, and the registry knows no successor. */
const VACANT = freedonia(null, '2025-06-30');
const NO_HORIZON = freedonia(null);
const ANN = 'Freedonian foreign minister Ann Able spoke in the capital.';

ruleTester(rule, {
  valid: [
    { name: 'the right title on the date', date: '2025-08-12', text: 'Ali Larijani, Iran’s newly appointed Secretary of the Supreme National Security Council, arrived.' },
    { name: 'al-Araji on line 2', date: '2025-08-12', text: 'He was welcomed formally by Qasim al-Araji – Iraq’s National Security Advisor, further reinforcing the visit.' },
    { name: 'former foreign minister, a real former holder', date: '2025-08-12', text: 'Former foreign minister Mohammad Javad Zarif criticised the deal.' },
    { name: 'then-, a real past holder', date: '2025-08-12', text: 'Mohammad Javad Zarif spoke. The deal was signed by the then-foreign minister Zarif in Vienna.' },
    { name: 'a description is not a title', date: '2024-01-01', text: 'Iran’s top security official Larijani met his counterpart.' },
    { name: 'an acting holder called acting', date: '2024-06-01', text: 'Iran’s acting foreign minister Ali Bagheri Kani spoke in Tehran.' },
    { name: 'an acting holder called by the plain title', date: '2024-06-01', text: 'Iran’s foreign minister Ali Bagheri Kani spoke in Tehran.' },
    { name: 'two people with the same surname: the bare surname is not checked', date: '2025-08-12', text: 'Ali Larijani and Sadegh Larijani met. Iran’s foreign minister Larijani spoke.' },
    { name: 'a month-precise start never accuses inside its month', date: '2013-09-05', text: 'Iran’s Secretary of the Supreme National Security Council Ali Shamkhani spoke.' },
    { name: 'a month-precise end never accuses inside its month', date: '2013-09-20', text: 'Iran’s Secretary of the Supreme National Security Council Saeed Jalili spoke.' },
    { name: 'hand-over day: the outgoing holder', date: '2025-08-05', text: 'Iran’s Secretary of the Supreme National Security Council Ali Akbar Ahmadian spoke.' },
    { name: 'hand-over day: the incoming holder', date: '2025-08-05', text: 'Iran’s Secretary of the Supreme National Security Council Ali Larijani spoke.' },
    { name: 'a deputy is another office', date: '2020-01-01', text: 'Iran’s deputy foreign minister Abbas Araghchi spoke.' },
    { name: 'a title in a sentence set in an earlier year', date: '2022-06-01', text: 'In 2015, Foreign Minister Mohammad Javad Zarif signed the nuclear deal in Vienna.' },
    { name: 'a deputy\'s title in a sentence set in an earlier year', date: '2022-06-01', text: 'In 2014, Vice President Joe Biden visited Kyiv to show support.' },
    { name: 'a year closing the mention\'s own clause', date: '2022-06-01', text: 'Foreign Minister Mohammad Javad Zarif signed the nuclear deal in 2015.' },
    { name: 'a full date opening the sentence', date: '2022-06-01', text: 'On July 14, 2015, Foreign Minister Mohammad Javad Zarif announced the deal.' },
    { name: 'a deputy who is the acting holder keeps the deputy\'s post', date: '2024-05-20', text: 'Khamenei confirmed First Vice President Mohammad Mokhber as acting president.' },
    { name: 'a deputy who is the acting holder, by the plain deputy title', date: '2024-06-10', text: 'Deputy Foreign Minister Ali Bagheri Kani had led talks.' },
    { name: 'a description an office does not list (China\'s top diplomat Wang Yi, while Qin Gang was foreign minister)', date: '2023-03-11', text: 'China’s top diplomat Wang Yi oversaw the talks.' },
    { name: 'a full date earlier in the article\'s year', date: '2024-06-10', text: 'On May 1, 2024, Foreign Minister Hossein Amir-Abdollahian met his Omani counterpart.' },
    { name: 'a person\'s office, not the country\'s now', date: '2025-04-14', text: 'Zarif, Rouhani’s foreign minister, met Kerry.' },
    { name: 'whose office', date: '2025-04-14', text: 'Former president Hassan Rouhani, whose foreign minister Javad Zarif had called for talks, welcomed the deal.' },
    { name: 'ousted is former', date: '2025-02-15', text: 'Ousted president Bashar al-Assad has not commented.' },
    { name: 'deposed is former', date: '2025-02-15', text: 'Deposed president Bashar al-Assad fled to Moscow.' },
    { name: 'a title inside a quotation is the speaker\'s', date: '2025-03-10', text: '"Prime Minister Bennett never would have allowed this," said a protester.' },
    { name: 'a then- title sets the sentence in its time', date: '2025-04-14', text: 'Then-Secretary of State John Kerry negotiated the 2015 nuclear deal with Foreign Minister Mohammad Javad Zarif.' },
    { name: 'the office someone died in', date: '2024-06-10', text: 'President Ebrahim Raisi was killed in a helicopter crash.' },
    { name: 'the offices two people died in', date: '2024-05-21', text: 'Iranian President Ebrahim Raisi and Foreign Minister Hossein Amir-Abdollahian were killed when their helicopter crashed.' },
    { name: 'a former deputy who now holds the office', date: '2025-06-01', text: 'Former deputy foreign minister Abbas Araghchi spoke.' },
    { name: 'a deputy title without a date', text: 'Iran’s deputy foreign minister Abbas Araghchi spoke.' },
    { name: 'a vice president after the term of the office itself', date: '2025-06-01', text: 'Vice President Joe Biden spoke in Kyiv.' },
    { name: 'president-elect is not yet the office', date: '2024-07-10', text: 'Iran’s President-elect Masoud Pezeshkian spoke.' },
    { name: 'a title with no registry office', date: '2025-08-12', text: 'Iran’s interior minister Ali Larijani spoke.' },
    { name: 'no titles, no date: no note', text: 'Ali Larijani spoke. Larijani left.' },
    { name: 'the event on its registry date', text: 'A security treaty signed between Baghdad and Tehran on March 19, 2023 addressed these worries.' },
    { name: 'the event at month precision', text: 'Iran and Iraq signed a security agreement in March 2023.' },
    { name: 'the event without its parties named', text: 'A security treaty signed on March 20, 2023 addressed these worries.' },
    { name: 'a common phrase with another year', text: 'A 2024 security agreement was signed on March 20, 2024.' },
    { name: 'a common phrase with other parties: another pact', text: 'The US and Japan signed a security agreement on March 20, 2023.' },
    { name: 'an event named by its own name on its registry date', text: 'The Abraham Accords were signed at the White House on September 15, 2020.' },
    { name: 'a lowercase common phrase at a sentence’s start is no proper name', text: 'Security agreement talks ended on March 20, 2023.' },
    { name: 'another event with the same phrase and parties', text: 'Iran and Iraq signed a security agreement on August 11, 2025.' },
    { name: 'far from every registry date: another agreement', text: 'Iran and Iraq signed a security agreement on June 5, 2010.' },
    { name: 'another day in the agreement\'s life: endorsed', text: 'The JCPOA was endorsed by the UN Security Council on July 20, 2015.' },
    { name: 'another day in the agreement\'s life: took effect', text: 'The Iran nuclear deal took effect on January 16, 2016.' },
    { name: 'another day in the agreement\'s life: announced', text: 'Israel and the UAE announced the Abraham Accords on August 13, 2020.' },
    { name: 'a date without a year is not compared', text: 'Iran and Iraq signed a security agreement on March 20.' },
    { name: 'after the registry\'s last check, the holder it last saw', date: '2026-11-20', text: 'British Foreign Secretary Yvette Cooper spoke in London.' },
    { name: 'after the last check, the open term of the person named', date: '2026-11-20', text: 'Freedonian foreign minister Bob Baker spoke.', registry: CHECKED_TO_2025 },
    { name: 'a term that ended: on its last day', date: '2026-03-17', text: 'Iran’s Secretary of the Supreme National Security Council Ali Larijani spoke.' },
    { name: 'a term that ended, called former', date: '2026-11-20', text: 'Former Secretary of the Supreme National Security Council Ali Larijani was buried.' },
    { name: 'a vacant office and a holder before its last one: they may have come back, unrecorded', date: '2025-09-01', text: ANN, registry: VACANT },
    { name: 'a holder who came back (Netanyahu, prime minister again from 2022-12-29)', date: '2025-03-10', text: 'Prime Minister Benjamin Netanyahu faced a revolt in his cabinet.' },
    { name: 'a vacant office and someone who never held it: no evidence either way', date: '2025-09-01', text: 'Freedonian foreign minister Carl Cole spoke.', registry: VACANT },
    { name: 'a vacant office and a month-precise end inside its month', date: '2013-09-20', text: 'Iran’s Secretary of the Supreme National Security Council Saeed Jalili spoke.' },
  ],
  invalid: [
    {
      name: 'the example article on 2025-08-12',
      date: '2025-08-12',
      text: article,
      errors: [
        { messageId: 'eventDate', line: 8, text: 'March 20, 2023', message: TREATY },
        { messageId: 'heldBy', line: 9, text: 'foreign minister', message: `Iran's foreign minister on 2025-08-12 was Abbas Araghchi (since 2024-08-21) — ${TASNIM}` },
      ],
    },
    {
      name: 'the example article on 2024-01-01',
      date: '2024-01-01',
      text: article,
      errors: [
        { messageId: 'heldBy', line: 1, text: 'Secretary of the Supreme National Security Council', message: 'Iran\'s Secretary of the Supreme National Security Council on 2024-01-01 was Ali Akbar Ahmadian (since 2023-05-22)' },
        { messageId: 'eventDate', line: 8 },
        { messageId: 'heldBy', line: 9, message: 'Iran\'s foreign minister on 2024-01-01 was Hossein Amir-Abdollahian (since 2021-08-25)' },
      ],
    },
    {
      name: 'the example article without a date: never held, and one note',
      text: article,
      errors: [
        { messageId: 'needsDate', line: 1, severity: 'info' },
        { messageId: 'eventDate', line: 8, severity: 'error' },
        { messageId: 'neverHeld', line: 9, severity: 'error', message: 'The registry lists no term of Ali Larijani as Iran\'s foreign minister; the latest holder it lists is Abbas Araghchi (since 2024-08-21)' },
      ],
    },
    {
      name: 'former, without a date: no accusation, only the note',
      text: 'Iran’s former foreign minister Mohammad Javad Zarif criticised the deal.',
      errors: [{ messageId: 'needsDate', severity: 'info', text: 'foreign minister' }],
    },
    {
      name: '"former" for someone who took the office only after the date',
      date: '2020-01-01',
      text: 'Former foreign minister Abbas Araghchi spoke.',
      errors: [{ messageId: 'notYet', message: 'Abbas Araghchi was not yet Iran\'s foreign minister on 2020-01-01: the registry has Abbas Araghchi in office from 2024-08-21' }],
    },
    {
      name: 'a month-precise start accuses outside its month',
      date: '2013-08-20',
      text: 'Iran’s Secretary of the Supreme National Security Council Ali Shamkhani spoke.',
      errors: [{ messageId: 'heldBy', message: 'was Saeed Jalili (since 2007-10-20)' }],
    },
    {
      name: 'a title without a country, from the person\'s own offices',
      date: '2025-08-12',
      text: 'Russian Foreign Minister Sergei Lavrov arrived. Lavrov, the defence minister, spoke.',
      errors: [{ messageId: 'heldBy', message: 'Russia\'s defence minister on 2025-08-12 was Andrei Belousov (since 2024-05-14)' }],
    },
    {
      name: 'an acting holder outside the acting term',
      date: '2025-08-12',
      text: 'Iran’s acting foreign minister Ali Bagheri Kani spoke in Tehran.',
      errors: [{ messageId: 'heldBy', message: 'was Abbas Araghchi' }],
    },
    { name: 'event date, day first', text: 'Iran and Iraq signed the security pact on 20 March 2023 in Baghdad.', errors: [{ messageId: 'eventDate', text: '20 March 2023' }] },
    { name: 'event date, ISO', text: 'Iraq–Iran security agreement (2023-03-20) was signed in Baghdad.', errors: [{ messageId: 'eventDate', text: '2023-03-20' }] },
    {
      name: 'after the registry\'s last check (world.yaml: 2025-12-31), a past holder asks for a check, not an accusation',
      date: '2026-11-20',
      text: 'British Foreign Secretary David Lammy spoke in London.',
      errors: [{ messageId: 'heldByAsOf', severity: 'warning', text: 'Foreign Secretary', message: 'The registry knows the United Kingdom\'s Foreign Secretary only up to 2025-12-31, when it was Yvette Cooper (since 2025-09-05); check that David Lammy held it on 2026-11-20' }],
    },
    {
      name: 'the same title on a day the registry has checked: an accusation',
      date: '2025-10-01',
      text: 'British Foreign Secretary David Lammy spoke in London.',
      errors: [{ messageId: 'heldBy', severity: 'error', message: 'The United Kingdom\'s Foreign Secretary on 2025-10-01 was Yvette Cooper (since 2025-09-05)' }],
    },
    {
      name: 'a hand-over recorded after asOf extends what the registry knows (to March 2026)',
      date: '2026-03-20',
      text: 'Iran’s Supreme Leader Ali Khamenei spoke.',
      errors: [{ messageId: 'heldBy', severity: 'error', message: 'was Mojtaba Khamenei (since 2026-03)' }],
    },
    {
      name: 'past that hand-over, only a check',
      date: '2026-06-01',
      text: 'Iran’s Supreme Leader Ali Khamenei spoke.',
      errors: [{ messageId: 'heldByAsOf', severity: 'warning', message: 'only up to 2026-03, when it was Mojtaba Khamenei' }],
    },
    { name: 'a file\'s asOf', date: '2026-01-15', text: ANN, registry: CHECKED_TO_2025, errors: [{ messageId: 'heldByAsOf', severity: 'warning', message: 'only up to 2025-12-31, when it was Bob Baker (since 2024-03-01)' }] },
    { name: 'inside a file\'s asOf', date: '2025-12-31', text: ANN, registry: CHECKED_TO_2025, errors: [{ messageId: 'heldBy', severity: 'error' }] },
    { name: 'a registry without asOf: an open term runs on', date: '2030-01-01', text: ANN, registry: NO_HORIZON, errors: [{ messageId: 'heldBy', severity: 'error', message: 'on 2030-01-01 was Bob Baker (since 2024-03-01)' }] },
    {
      name: 'a term that ended with nobody after it in the registry (Larijani, killed on 2026-03-17)',
      date: '2026-11-20',
      text: article,
      errors: [
        { messageId: 'ended', line: 1, severity: 'error', text: 'Secretary of the Supreme National Security Council', message: 'Ali Larijani was no longer Iran\'s Secretary of the Supreme National Security Council on 2026-11-20: the registry ends the term on 2026-03-17 — https://www.nationalheraldindia.com/' },
        { messageId: 'eventDate', line: 8 },
        { messageId: 'heldByAsOf', line: 9, severity: 'warning' },
      ],
    },
    { name: 'a vacant office: its last holder', date: '2025-09-01', text: 'Freedonian foreign minister Bob Baker spoke.', registry: VACANT, errors: [{ messageId: 'ended', message: 'Bob Baker was no longer Freedonia\'s foreign minister on 2025-09-01: the registry ends the term on 2025-06-30 — https://example.org/bob' }] },
    {
      name: 'a deputy\'s title for the holder of the office itself',
      date: '2025-06-01',
      text: 'Iran’s deputy foreign minister Abbas Araghchi met his Omani counterpart.',
      errors: [{ messageId: 'underRank', text: 'foreign minister', message: `Abbas Araghchi was Iran's foreign minister on 2025-06-01, not deputy foreign minister: the registry has Abbas Araghchi in office since 2024-08-21 — ${TASNIM}` }],
    },
    { name: 'a description an office lists', date: '2023-03-11', text: 'Iran’s top diplomat Ali Larijani spoke.', errors: [{ messageId: 'heldBy', text: 'top diplomat' }] },
    { name: 'someone else\'s death in the sentence is no past', date: '2025-03-10', text: 'Foreign Minister Mohammad Javad Zarif said two soldiers were killed.', errors: [{ messageId: 'heldBy', message: 'was Abbas Araghchi' }] },
    { name: 'a quotation elsewhere in the sentence', date: '2025-03-10', text: 'Foreign Minister Mohammad Javad Zarif called the deal "dead".', errors: [{ messageId: 'heldBy' }] },
    { name: 'a title opening the paragraph', date: '2025-10-20', text: 'Secretary of State Antony Blinken met EU officials in Brussels on Oct. 14.', errors: [{ messageId: 'heldBy', text: 'Secretary of State', message: 'on 2025-10-20 was Marco Rubio' }] },
    { name: 'vice', date: '2022-06-01', text: 'Vice President Joe Biden spoke in Kyiv.', errors: [{ messageId: 'underRank', message: 'Joe Biden was the United States\' President on 2022-06-01, not vice president' }] },
    {
      name: 'a wrong title in a sentence set in an earlier year is checked at that year',
      date: '2022-06-01',
      text: 'In 2015, when the deal was signed, Foreign Minister Abbas Araghchi was in Vienna.',
      errors: [{ messageId: 'heldBy', message: 'Iran\'s Foreign Minister in 2015 was Mohammad Javad Zarif (since 2013-08-15)' }],
    },
    { name: 'a month and year', date: '2024-06-10', text: 'In March 2015, Foreign Minister Abbas Araghchi met Kerry.', errors: [{ messageId: 'heldBy', message: 'Iran\'s Foreign Minister in 2015-03 was Mohammad Javad Zarif' }] },
    { name: 'a year that qualifies a noun is no time of the sentence', date: '2022-06-01', text: 'Foreign Minister Abbas Araghchi said on Monday that the 2015 deal was dead.', errors: [{ messageId: 'heldBy', message: 'on 2022-06-01 was Hossein Amir-Abdollahian' }] },
    { name: 'a past participle\'s year', date: '2022-06-01', text: 'Foreign Minister Abbas Araghchi rejected the deal signed in 2015.', errors: [{ messageId: 'heldBy', message: 'on 2022-06-01' }] },
    { name: 'a year in another clause', date: '2022-06-01', text: 'Foreign Minister Mohammad Javad Zarif, who left office in 2021, said the deal was dead.', errors: [{ messageId: 'heldBy', message: 'on 2022-06-01' }] },
    { name: 'an earlier year, but the sentence is about this week', date: '2022-06-01', text: 'In 2015 the deal was signed, and on Monday Foreign Minister Mohammad Javad Zarif said it was dead.', errors: [{ messageId: 'heldBy', message: 'on 2022-06-01' }] },
    {
      name: 'an event’s own name needs no parties; the message names it as a noun phrase',
      text: 'The Abraham Accords were signed at the White House on September 16, 2020.',
      errors: [{ messageId: 'eventDate', text: 'September 16, 2020', message: 'The registry dates the signing of the Abraham Accords to 2020-09-15, not September 16, 2020' }],
    },
    { name: 'an event\'s name with a lowercase noun, as some style books write it', text: 'The Abraham accords were signed on August 13, 2020.', errors: [{ messageId: 'eventDate', text: 'August 13, 2020' }] },
    { name: 'an acronym', text: 'The JCPOA was concluded in Vienna on July 15, 2015.', errors: [{ messageId: 'eventDate', message: 'the conclusion of the Joint Comprehensive Plan of Action (Iran nuclear deal) to 2015-07-14' }] },
    { name: 'a phrase with the event’s year', text: 'The snapback was part of the 2015 nuclear deal with world powers signed on July 15, 2015.', errors: [{ messageId: 'eventDate', text: 'July 15, 2015' }] },
    { name: 'a phrase naming a country', text: 'The Iran nuclear deal was signed in Vienna on July 15, 2015.', errors: [{ messageId: 'eventDate', text: 'July 15, 2015' }] },
    {
      name: 'a wider window option',
      options: { eventWindowDays: 10000 },
      text: 'Iran and Iraq signed a security agreement on June 5, 2010.',
      errors: [{ messageId: 'eventDate', message: 'to 2023-03-19, not June 5, 2010' }],
    },
  ],
});

describe('past the registry\'s last check', () => {
  test('the suggestion says what the registry knew of the person', async () => {
    const { findings } = await runRule(rule, ANN, { date: '2026-01-15', registry: CHECKED_TO_2025 });
    expect(findings.map((finding) => finding.suggestion)).toEqual(['Ann Able held it from 2020-01-01 to 2024-03-01; write "former" if that is meant.']);
  });

  test('a term that ended: the suggestion gives the term and "former"', async () => {
    const { findings } = await runRule(rule, 'Freedonian foreign minister Bob Baker spoke.', { date: '2025-09-01', registry: VACANT });
    expect(findings.map((finding) => [finding.messageId, finding.suggestion, finding.evidence?.summary])).toEqual([
      ['ended', 'Bob Baker held it from 2024-03-01 to 2025-06-30; write "former" if that is meant.', 'Foreign Minister of Freedonia: Bob Baker, 2024-03-01 to 2025-06-30'],
    ]);
  });

  test('someone the registry never saw in office: add the new term, or correct the title', async () => {
    const { findings } = await runRule(rule, 'Iran’s foreign minister Ali Larijani spoke.', { date: '2026-11-20' });
    expect(findings.map((finding) => [finding.messageId, finding.suggestion])).toEqual([
      ['heldByAsOf', 'If the office has changed hands since 2025-12-31, add the new term to a registry file of your own; if not, correct the title.'],
    ]);
  });
});
