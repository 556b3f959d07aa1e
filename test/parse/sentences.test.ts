/**
 * Long paragraphs are parsed in pieces (retext slows down on long stretches). For prose, the
 * pieces must give exactly the sentences one parse of the whole paragraph gives; for hostile
 * runs without a sentence end, every piece stays short and the pieces tile the paragraph.
 */
import fc from 'fast-check';
import { parsedSentences, pieces, sentenceSpans } from '../../src/parse/sentences.js';

/** News sentences with the full stops that do not end a sentence: titles, initials, months, numbers. */
const SENTENCES = [
  'Mr. Larijani met Iraq’s prime minister in Baghdad on Monday.',
  'Dr. Ali Akbar Velayati, an adviser, said the talks went well.',
  'U.S. officials declined to comment, according to Reuters.',
  'The pact was signed on Jan. 5 and ratified in Sept. after a long debate.',
  'Gen. Esmail Qaani was not at the meeting, IRNA reported.',
  '“We will not accept this,” the minister said.',
  'Was the agreement binding?',
  'The talks ended at 3 p.m. local time, officials said.',
  'J. R. Smith, a former envoy, called it historic!',
  'The ministry said 36. Critics disagreed, citing the 2023 deal (Reuters).',
  'Sen. Graham and Rep. Smith issued a joint statement.',
  'Iran’s Supreme National Security Council approved the text, said St. John, a spokesman.',
];

/** About `size` characters of prose in one paragraph, the sentences in a scrambled order. */
function paragraph(size: number, seed: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const sentence = SENTENCES[(i * 7 + seed) % SENTENCES.length]!;
    parts.push(sentence);
    length += sentence.length + 1;
  }
  return parts.join(' ');
}

describe('prose is split as one parse of the whole paragraph splits it', () => {
  test.each([9_000, 20_000, 40_000].flatMap((size) => [0, 1, 2, 3, 4, 5].map((seed) => [size, seed])).concat([[100_000, 4]]))('%i characters (seed %i)', (size, seed) => {
    const text = `Heading\n\n${paragraph(size, seed)}\n`;
    const start = 'Heading\n\n'.length;
    const end = text.length - 1;
    expect(pieces(text, start, end).length).toBeGreaterThan(1);
    expect(sentenceSpans(text, start, end)).toEqual(parsedSentences(text, start, end));
  });

  test('a paragraph of ordinary length is one piece', () => {
    const text = paragraph(3_000, 0);
    expect(pieces(text, 0, text.length)).toEqual([[0, text.length]]);
  });

});

describe('hostile runs without a sentence end', () => {
  const check = (text: string) => {
    const spans = pieces(text, 0, text.length);
    expect(spans[0]![0]).toBe(0);
    expect(spans.at(-1)![1]).toBe(text.length);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBe(spans[i - 1]![1]);
    for (const [start, end] of spans.slice(0, -1)) {
      expect(end - start).toBeGreaterThan(0);
      expect(end - start).toBeLessThanOrEqual(2_048);
    }
    return spans;
  };

  test('chips and quotes are cut at spaces into short pieces', () => {
    for (const unit of ['+1 ', '(IRNA English +1 ', '"a ', 'according to ']) {
      const text = unit.repeat(Math.ceil(200_000 / unit.length));
      for (const [, end] of check(text).slice(0, -1)) expect(text[end - 1]).toBe(' ');
    }
  });

  test('a line without spaces is cut at fixed lengths, never inside a surrogate pair', () => {
    for (const text of ['x'.repeat(100_000), `y${'😀'.repeat(50_000)}`]) {
      for (const [, end] of check(text).slice(0, -1)) {
        const code = text.charCodeAt(end);
        expect(code >= 0xdc00 && code <= 0xdfff).toBe(false);
      }
    }
  });
});

describe('a piece that can only be one sentence is not parsed, with the same result', () => {
  // Tokens that matter to parse-latin: terminal marks, closers, white space of every kind
  // (line breaks, no-break spaces, line separators), chips, astral and combining characters.
  const TOKENS = ['word', 'Word', 'IRNA', '12', '+1', '5.7', 'a.b', 'is?it', 'x..y', 'a.?b', 'a!b', '3.', '.5', ' ', '  ', '\n', '\r\n', '\r', '\t', '\u00a0', '\u2028', '\ufeff', ',', ':', '—', '(', ')', '[', ']',
    '"', '“', '”', '’', "'", '«', '»', 'é', 'e\u0301', '😀', '$', '%', '-', '/', '&'];
  const TERMINALS = ['.', '!', '?', '…', '‽', '...', '?!', 'U.S.', 'Mr.', '3.5'];
  const closing = fc.array(fc.constantFrom('.', '!', '?', '…', '"', '”', '’', ')', ']', '»', ' ', '\n'), { maxLength: 4 });
  /** As retext parses the same pieces (a long run is cut into pieces either way). */
  const same = (text: string) => {
    const parsed = pieces(text, 0, text.length).flatMap(([start, end]) => parsedSentences(text, start, end));
    expect(sentenceSpans(text, 0, text.length)).toEqual(parsed);
  };

  test('text without terminal marks inside, closed any way', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }), closing, (body, tail) => {
      same(body.join('') + tail.join(''));
    }), { numRuns: 3_000 });
  });

  test('text with terminal marks anywhere', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...TOKENS, ...TERMINALS), { maxLength: 40 }), (parts) => {
      same(parts.join(''));
    }), { numRuns: 3_000 });
  });

  test('hostile runs: chips, quotes and capitalised words', () => {
    for (const unit of ['+1 ', '(IRNA English +1 ', '"a ', 'according to ', 'Bif Nbu ', '[[', '((']) same(unit.repeat(3_000));
  });
});

describe('paragraphs cut at plain sentence ends parse as they do whole', () => {
  // Words around full stops that retext treats in every way: abbreviations (its lists and
  // others), initials, numbers, lowercase and capital starts, closing marks, odd spacing.
  const WORDS = ['said', 'reported', 'it', 'etc', 'approx', 'jan', 'inc', 'in', 'al', 'vs', 'no', 'ft', 'Mr', 'U.S', 'e.g', '36', 'x', 'over',
    'The', 'He', 'IRNA', 'Reuters', 'iran', '“We', '"No', '(Reuters', 'Tehran’s', 'don’t', 'co-op', 'ally',
    'Gen', 'Calif', 'Sen', 'Dr', 'St', 'Messrs', 'Jan', 'Va', 'Sabah', 'Al-Monitor', '+5)', '“historic”', 'it’', 'IRNA)', '(2)', '"a"',
    '[Wiki]', '[Google', 'News]', '$5.7', 'Caliber.az', 'www.x.com', 'a.?b', '5.', 'x.y.', 'is?it', 'U.S.-led', '[', '(', '“',
    'x-in', 'A', 'a', 'e-g', 'Al-Jazeera-English', 'in-', '-in'];
  const MARKS = ['.', '!', '?', '.)', '."', '.”', '.’', '.»', '.]', '?"', '...', '.)"', ',', ';', ':', ''];
  const SPACES = [' ', ' ', '  ', '\n', '\t', '\u00a0'];
  const sentence = fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...MARKS), fc.constantFrom(...SPACES)).map((parts) => parts.join(''));

  test.each([
    '”? Mr.', // a sentence without words merges into the next when it comes first
    ')! The deal. ”? Mr. Smith said so.',
    '“”. He left.',
  ])('regression: %j', (text) => {
    expect(sentenceSpans(text, 0, text.length)).toEqual(parsedSentences(text, 0, text.length));
  });

  test('random runs of words, marks and spaces', () => {
    fc.assert(fc.property(fc.array(sentence, { minLength: 1, maxLength: 30 }), (parts) => {
      const text = parts.join('');
      expect(sentenceSpans(text, 0, text.length)).toEqual(parsedSentences(text, 0, text.length));
    }), { numRuns: 5_000 });
  });

  test('news sentences in every order', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 12 }), fc.constantFrom(' ', '  ', '\n'), (parts, space) => {
      const text = parts.join(space);
      expect(sentenceSpans(text, 0, text.length)).toEqual(parsedSentences(text, 0, text.length));
    }), { numRuns: 1_000 });
  });
});
