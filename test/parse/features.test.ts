import fc from 'fast-check';
import { CHECKWORTHY_THRESHOLD, claimFeatures, isDirectQuotation, namesIn, quotations, wordsOf, wordsOfClaim } from '../../src/parse/features.js';

const worthy = (sentence: string): boolean => claimFeatures(sentence).score >= CHECKWORTHY_THRESHOLD;

describe('claimFeatures', () => {
  test('a figure with a factual verb', () => {
    const result = claimFeatures('Exports of crude from the region fell 14% in the first quarter.');
    expect(result.features).toEqual(expect.arrayContaining(['quantity', 'factual-verb']));
    expect(result.evidence).toMatchObject({ quantity: '14%', 'factual-verb': 'fell' });
    expect(result.score).toBeGreaterThanOrEqual(CHECKWORTHY_THRESHOLD);
    expect(result.score).toBeLessThanOrEqual(1);
  });

  test.each([
    ['money and multipliers', 'Microsoft agreed to buy Activision Blizzard for $68.7 billion.', 'quantity', '$68.7 billion'],
    ['a written date', 'A security treaty was signed between Baghdad and Tehran on March 20, 2023.', 'date', 'March 20, 2023'],
    ['a day-first date', 'The Treaty of Lausanne was signed on 24 July 1923 in Lausanne.', 'date', '24 July 1923'],
    ['a superlative', 'Volkswagen is Europe’s largest carmaker by sales.', 'superlative', 'largest'],
    ['a ranking after a possessive', 'Acme is the world’s leading provider of workflow software.', 'superlative', 'world’s leading'],
    ['a first time', 'Spain won the World Cup for the first time.', 'superlative', 'first'],
    ['a causal claim', 'The outage in Lahaina was caused by a downed power line.', 'causal', 'caused'],
    ['a causal claim with an adverb inside', 'The growth was driven largely by government spending in India.', 'causal', 'driven by'],
    ['a prediction stated as fact', 'The deal will be signed in Baghdad next week.', 'prediction', 'will'],
    ['a title given to a named person', 'Prime Minister Mohammed Shia al-Sudani met the delegation.', 'title', 'Minister'],
    ['a direct quotation', '“We will sign the agreement this week,” Larijani told reporters.', 'quotation', '“We will sign the agreement this week,”'],
    ['a count over a compound before it', 'The 12-day war killed more than 1,000 people.', 'quantity', '1,000'],
    ['a compound when it is the only figure', 'The 12-day war ended in a ceasefire.', 'quantity', '12-day'],
    ['a figure after a drug’s name', 'GLP-1 drugs cut body weight by 15% in trials.', 'quantity', '15%'],
  ])('%s', (_, sentence, feature, evidence) => {
    const result = claimFeatures(sentence);
    expect(result.features).toContain(feature);
    expect(result.evidence[feature as keyof typeof result.evidence]).toBe(evidence);
  });

  test.each([
    'Exports of crude from the region fell 14% in the first quarter.',
    'A record crowd of 75,784 watched the final at Stadium Australia.',
    'Marie Curie died in 1934 at a sanatorium in Passy, France.',
    'Spain beat England in Sydney to win the Women’s World Cup for the first time.',
    'Volkswagen is Europe’s largest carmaker by sales.',
    'Larijani made his inaugural foreign visit to Baghdad.',
    'Tariffs contributed to a 3% rise in prices this year.',
  ])('check-worthy: %s', (sentence) => expect(worthy(sentence)).toBe(true));

  test.each([
    ['a question', 'What will the 2025 agreement mean for the 1.2 million people of Erbil?', 'question'],
    ['a heading', 'Why This Matters: Geopolitical Consequences and Regional Stability', 'heading'],
    ['a copyright line', 'Copyright 2025 The Associated Press.', 'boilerplate'],
    ['a copyright sign', '© 2024 BBC.', 'boilerplate'],
    ['all rights reserved', 'All rights reserved.', 'boilerplate'],
    ['anonymity granted', 'Three of them spoke on condition of anonymity because they were not authorized to speak to reporters.', 'boilerplate'],
    ['the corrections line', 'To report an error, email corrections@gazette.example.com or call 555-0142.', 'boilerplate'],
    ['follow us', 'Follow us on Twitter for the latest updates from the 2025 summit.', 'boilerplate'],
    ['a reporting credit', 'Reporting by Parisa Hafezi in Dubai; Editing by Alex Richardson.', 'boilerplate'],
    ['a press contact’s phone number', 'Northwind Robotics\n+1 (512) 555-0142\npress@northwind.example', 'boilerplate'],
    ['an AP credit line', 'Associated Press writers Konstantin Toropin and Matthew Lee contributed to this report.', 'boilerplate'],
  ])('not check-worthy, whatever its figures: %s', (_, sentence, excluded) => {
    expect(claimFeatures(sentence)).toEqual({ features: [], score: 0, evidence: {}, excluded });
  });

  test.each([
    'On his visit, the minister hailed the pact as marking a significant step forward for bilateral relations.',
    'By intertwining its national security with those of its neighbors, Iran may be charting a course toward collective stability.',
    'Iran’s move to establish a security pact with Iraq signals a wider diplomatic initiative.',
    'In summary, India’s growth story remains one of the most compelling in the global economy.',
    'We should tax frequent flyers, not families taking one holiday a year.',
    'Baghdad is the capital of Iraq.',
    'The Tigris is the eastern of the two great rivers that define Mesopotamia.',
  ])('opinion, framing and background are not check-worthy: %s', (sentence) => expect(worthy(sentence)).toBe(false));

  test('"May" and "March" are dates only where a date can be', () => {
    expect(claimFeatures('Sweden applied to join the alliance in May 2022.').evidence.date).toBe('May 2022');
    expect(claimFeatures('Theresa May said the talks would resume.').features).not.toContain('date');
    expect(claimFeatures('The minister may resign.').features).not.toContain('date');
  });

  test('citation residue is not a figure: footnotes, chip counts, superscripts, [citation needed]', () => {
    for (const sentence of ['Erbil is the capital of the Kurdistan Region.[12]', 'Erbil is the capital of the Kurdistan Region (IRNA English +12).', 'Erbil is the capital of the Kurdistan Region.¹²', 'Erbil is the capital.^4', 'Erbil is ancient.[citation needed]']) {
      expect(claimFeatures(sentence).features).not.toContain('quantity');
    }
  });

  test('a number word says less than a figure', () => {
    expect(claimFeatures('The two rivers meet near Basra.').score).toBeLessThan(claimFeatures('The 2 rivers meet 14 km from Basra.').score);
  });

  test('a name seen elsewhere in the article counts when it opens a sentence', () => {
    const names = namesIn(['Ali Larijani visited Baghdad.', 'He met officials.']);
    expect(names.has('larijani')).toBe(true);
    expect(claimFeatures('Larijani made his inaugural foreign visit.', names).score).toBeGreaterThan(claimFeatures('Larijani made his inaugural foreign visit.').score);
  });
});

describe('wordsOf', () => {
  test('skips bracketed residue and keeps abbreviations', () => {
    expect(wordsOf('The U.S. said [12] it fell 14%.[citation needed]').map((word) => word.raw)).toEqual(['The', 'U.S.', 'said', 'it', 'fell', '14%']);
  });
  test('marks the words capitalised by position', () => {
    expect(wordsOf('He said: “Sweden must act.”').filter((word) => word.initial).map((word) => word.raw)).toEqual(['He', 'Sweden']);
  });

  test('finds the words the Unicode regex finds, surrogate pairs and lone surrogates included', () => {
    // The regex wordsOf was written with, scanned by hand since: the two must agree on any text.
    const WORD = /[\p{L}\p{Nd}$€£¥@#][\p{L}\p{Nd}\p{M}’'.,%$€£¥@&/-]*/gu;
    const byRegex = (text: string) => {
      const words: { raw: string; lower: string; start: number; end: number; initial: boolean }[] = [];
      let depth = 0;
      let last = 0;
      let initial = true;
      for (const match of text.matchAll(WORD)) {
        const start = match.index;
        for (let i = last; i < start; i++) {
          const code = text.charCodeAt(i);
          if (code === 91) depth++;
          else if (code === 93) depth = Math.max(0, depth - 1);
          else if ('.!?:“"«'.includes(text[i]!)) initial = true;
        }
        last = start + match[0].length;
        let stop = last;
        while (".,’'/&-".includes(text[stop - 1]!) && !(text[stop - 1] === '.' && /^(\p{L}\.)+$/u.test(text.slice(start, stop)))) stop--;
        const raw = text.slice(start, stop);
        if (depth > 0 || !raw || ('+^'.includes(text[start - 1] ?? 'x') && /^\d/.test(raw))) continue;
        words.push({ raw, lower: raw.toLowerCase(), start, end: stop, initial });
        initial = false;
      }
      return words;
    };
    const unit = fc.constantFrom(
      ...'aZ9 .,’\'/&-%$€£¥@#+^[]:!?“"«\u0301\u0663\u00e9\u05d0'.split(''),
      '\ud83d\ude00', '\ud835\udc00', '\ud801\udc00', '\ud83d', '\ude00', 'U.S.', 'e.g.', '+12', ' [12] ',
    );
    fc.assert(fc.property(fc.array(unit, { maxLength: 40 }).map((units) => units.join('')), (text) => {
      expect(wordsOf(text)).toEqual(byRegex(text));
    }), { numRuns: 3_000 });
    expect(wordsOf('\ud801\udc00bc \ud83d\ude00x').map((word) => word.raw)).toEqual(['\ud801\udc00bc', 'x']);
  });
});

describe('wordsOfClaim', () => {
  test('splits a claim once, and again when its text changes (claims are merged)', () => {
    const claim = { text: 'Larijani met Hussein in Baghdad.' };
    const words = wordsOfClaim(claim);
    expect(words.map((word) => word.raw)).toEqual(['Larijani', 'met', 'Hussein', 'in', 'Baghdad']);
    expect(wordsOfClaim(claim)).toBe(words);
    claim.text = 'Larijani met Hussein in Baghdad. They signed a pact.';
    expect(wordsOfClaim(claim).map((word) => word.raw)).toEqual(['Larijani', 'met', 'Hussein', 'in', 'Baghdad', 'They', 'signed', 'a', 'pact']);
  });

  test('leaves no trace in the claim\'s JSON, its keys, or the copy a --jobs worker sends', () => {
    const claim = { id: 'c1', text: 'Iran and Iraq signed a security pact.' };
    wordsOfClaim(claim);
    expect(Object.keys(claim)).toEqual(['id', 'text']);
    expect(JSON.stringify(claim)).toBe('{"id":"c1","text":"Iran and Iraq signed a security pact."}');
    expect(Reflect.ownKeys(structuredClone(claim))).toEqual(['id', 'text']);
  });
});

describe('quotations', () => {
  test('pairs curly, straight and guillemet quotes; an unclosed one runs to the end', () => {
    const text = '“One two three four,” he said. "Five six" and «seven eight nine ten» and “eleven twelve';
    expect(quotations(text).map((quote) => [text.slice(quote.start, quote.end), quote.words, quote.closed])).toEqual([
      ['“One two three four,”', 4, true],
      ['"Five six"', 2, true],
      ['«seven eight nine ten»', 4, true],
      ['“eleven twelve', 2, false],
    ]);
  });
  test('a direct quotation has four words or more and is not a Title Case name', () => {
    const text = '“a bad idea” and “Grounded: Travel in a Warming World” and “we will not sign it”';
    expect(quotations(text).map((quote) => isDirectQuotation(text, quote))).toEqual([false, false, true]);
  });
});

describe('linear time', () => {
  /** Milliseconds per character for a sentence built by repeating `unit`. */
  function cost(unit: string, times: number): number {
    const text = unit.repeat(times);
    const started = performance.now();
    claimFeatures(text);
    quotations(text);
    return (performance.now() - started) / text.length;
  }
  test.each([
    ['ordinary prose', 'Exports of crude fell 14% in March, the ministry said, after the largest drop since 2020. '],
    ['unpaired quotes and brackets', '“ [ " « ( '],
    ['digits and dots', '1.2.3.4.5.6. '],
  ])('%s costs no more per character at 10× the size', (_, unit) => {
    cost(unit, 2000);
    const small = cost(unit, 2000);
    const large = cost(unit, 20000);
    expect(large).toBeLessThan(small * 5 + 0.001);
  });
});

test('a name with a number in it ("GLP-1", "COVID-19", "F-35") is no figure; "mid-2024" is a date', () => {
  expect(claimFeatures('Demand for GLP-1 drugs keeps growing.').evidence.quantity).toBeUndefined();
  expect(claimFeatures('The F-35 fleet keeps growing.').evidence.quantity).toBeUndefined();
  expect(claimFeatures('Exports recovered by mid-2024.').evidence.date).toBe('mid-2024');
});

test('"held" as a state or a delay is no event; an event held is', () => {
  expect(claimFeatures('Slovak Prime Minister Robert Fico had held up the package for weeks.').evidence['factual-verb']).toBeUndefined();
  expect(claimFeatures('Belgium, where most of the assets are held at Euroclear, demanded guarantees.').evidence['factual-verb']).toBeUndefined();
  expect(claimFeatures('The election was held on Sunday in Baghdad.').evidence['factual-verb']).toBe('held');
});

test.each([
  'She taught first grade at Millbrook Elementary.',
  'She has almost no dialogue in the first 20 minutes.',
  'The shop is on the first floor.',
  'Exports fell in the first quarter.',
])('an ordinal "first" is no record: %s', (sentence) => {
  expect(claimFeatures(sentence).features).not.toContain('superlative');
});

test.each([
  ['a match clock', 'Newcastle took the lead in the 22nd minute when Gordon scored.', 'quantity'],
  ['a phone number after "call"', 'Residents can call 211 for help.', 'quantity'],
  ['a phone number\'s groups after "helpline on"', 'Residents can call the council helpline on 0300 131 2131.', 'quantity'],
  ['a noun after an article', 'Gordon curled a shot past Raya.', 'factual-verb'],
])('no %s', (_, sentence, feature) => {
  expect(claimFeatures(sentence).features).not.toContain(feature);
});

test.each([
  ['a figure after a clock', 'He scored 2 goals in the 22nd minute.', 'quantity'],
  ['a verb after a name', 'Police shot a man in Leeds.', 'factual-verb'],
])('still %s', (_, sentence, feature) => {
  expect(claimFeatures(sentence).features).toContain(feature);
});
