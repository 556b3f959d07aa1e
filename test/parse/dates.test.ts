import { readFileSync } from 'node:fs';
import { chronoDates, writtenDates } from '../../src/parse/dates.js';
import { plainWrittenDates } from '../../src/parse/plain-dates.js';

/** Every sentence of the example article and the labelled claim sets. */
function fixtureSentences(): string[] {
  const article = readFileSync(new URL('../../fixtures/larijani-baghdad.txt', import.meta.url), 'utf8');
  const claims = ['claims.jsonl', 'heldout.jsonl'].flatMap((name) =>
    readFileSync(new URL(`../../fixtures/claims/${name}`, import.meta.url), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { text: string }).text));
  return [...article.split(/(?<=[.!?])\s+|\n+/), ...claims].filter((s) => s.trim() !== '');
}

/** Dates in many forms and contexts, valid and not, including the ones chrono reads more widely than plain-dates.ts. */
function generatedSentences(): string[] {
  const dates = [
    'May 2, 2020', 'March 20, 2023', 'March 20 2023', '20 March 2023', '20 march 2023', '1 May 1979', 'May 1, 1979',
    'Mar. 3, 2020', 'Sept. 3, 2020', 'Sep 3 2020', '20 Mar 2023', '3 June, 2021', 'March 3rd, 2020', '2nd July 2019',
    'June 31, 2021', '31 February 2021', '29 February 2024', '29 February 2023', '2023-03-20', '2023-13-01', '2020-02-30',
    'March 2023', 'March, 2023', 'Jan 1, 99', '20th of March, 2023', '3/20/2023', '20.03.2023', 'December 31, 1999',
  ];
  const before = ['', 'on ', 'signed on ', 'Tuesday, ', 'Friday ', 'from 3 to ', '3-', 'the ', 'In ', '(', 'since ', 'by '];
  const after = ['', '.', ' at 5pm', ', 10:00', ' 8 am', '-04', '–5', ' to 5 March 2021', ' and 14 March 2024', ' had', 'T10:00', ')', ', the ministry said'];
  const sentences: string[] = [];
  for (const date of dates) for (const b of before) for (const a of after) sentences.push(`The treaty was signed ${b}${date}${a} in Amman.`);
  sentences.push('From March 3 to March 5, 2020 the talks ran.', 'It happened March 3-5, 2020.', 'The mayor may say in 2020 that it was 2019.',
    'He served from 12 March 2023 until 14 March 2024 at 9:00.', 'The 2023-03-20 meeting and the one on 1 May 1979 differ.');
  return sentences;
}

describe('plainWrittenDates', () => {
  it('gives chrono-node\'s answer whenever it answers at all', () => {
    let answered = 0;
    for (const sentence of [...fixtureSentences(), ...generatedSentences()]) {
      const plain = plainWrittenDates(sentence);
      if (plain === null) continue;
      answered++;
      expect({ sentence, dates: plain }).toEqual({ sentence, dates: chronoDates(sentence) });
    }
    // The comparison must cover many sentences with dates, not only the fallbacks.
    expect(answered).toBeGreaterThan(500);
  });

  it('reads the common forms itself, so a one-file check need not load chrono', () => {
    const common = [
      ['A treaty signed in Amman on May 2, 2020 had addressed these worries.', '2020-05-02'],
      ['He took office on 20 August 2024.', '2024-08-20'],
      ['The deal was dated 2015-07-14.', '2015-07-14'],
      ['Talks resumed on Sept. 3, 2020, officials said.', '2020-09-03'],
    ] as const;
    for (const [sentence, iso] of common) expect(plainWrittenDates(sentence)?.map((d) => d.iso)).toEqual([iso]);
  });

  it('leaves to chrono what it cannot read exactly', () => {
    for (const sentence of [
      'It was signed on Tuesday, March 20, 2023.', // chrono's date starts at the weekday
      'It was signed March 20, 2023 at 5pm.', // and takes in the time
      'The talks ran March 3-5, 2020.', // a range
      'It was signed on the 20th of March, 2023.', // a form read only by chrono
      'It was signed on 3/20/2023.',
    ]) expect(plainWrittenDates(sentence)).toBeNull();
  });

  it('finds nothing on a day the calendar does not have, like chrono', () => {
    expect(writtenDates('It was signed on June 31, 2021.')).toEqual([]);
    expect(writtenDates('It was signed on 29 February 2024.').map((d) => d.iso)).toEqual(['2024-02-29']);
  });
});
