import { CHIP, chipsIn } from '../../src/citations/chips.js';

const shown = (matches: Iterable<RegExpMatchArray>) => [...matches].map((match) => [match.index, match[0], match[1]]);

describe('chipsIn', () => {
  test.each([
    'Reuters +1', 'Reuters+15Reddit+15', 'Rudaw +1 +1', 'Rudaw  +12 WANA +3', 'UTC+2', '+44 20 7946 0958', '+2.5%', 'x +1%', 'a +1 +2%',
    'a\u00a0+3', '   +1', '+1', 'a ++1', 'a + 1', 'a +12345', 'Insider+15 +1+12 Mehr +2,',
  ])('%j: the same matches as CHIP', (text) => {
    expect(shown(chipsIn(text))).toEqual(shown(text.matchAll(CHIP)));
  });

  test('generated texts: the same matches as CHIP', () => {
    const pieces = ['R', 'x', ' ', '  ', '\t', '\u2003', '+', '+1', ' +1', ' +12', '1', '%', '.', ',', '-', '.5', 'x+3', ' +1%'];
    let seed = 3;
    const pick = () => pieces[(seed = (seed * 1103515245 + 12345) & 0x7fffffff) % pieces.length]!;
    for (let i = 0; i < 20000; i++) {
      let text = '';
      for (let k = i % 12; k > 0; k--) text += pick();
      expect([text, shown(chipsIn(text))]).toEqual([text, shown(text.matchAll(CHIP))]);
    }
  });
});

test('a phone number with its area code in brackets is no chip; a chip before a bracketed aside is', () => {
  expect(shown(chipsIn('Northwind Robotics\n+1 (512) 555-0142'))).toEqual([]);
  expect(shown(chipsIn('Call Acme +1(512) 555-0142'))).toEqual([]);
  expect(shown(chipsIn('Reuters +2 (see below)'))).toEqual([[7, ' +2', '2']]);
});
