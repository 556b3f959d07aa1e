import fc from 'fast-check';
import { firstComeRanges, firstEndingAfter, merged, overlapsAny, uncovered, type Range } from '../../src/parse/ranges.js';

// Ordered, disjoint: [2, 5) [5, 8) [12, 20)
const ranges = [{ start: 2, end: 5 }, { start: 5, end: 8 }, { start: 12, end: 20 }];

describe('ordered disjoint ranges', () => {
  test('firstEndingAfter finds the only range that can overlap from an offset', () => {
    expect([0, 4, 5, 8, 11, 19, 20].map((offset) => firstEndingAfter(ranges, offset))).toEqual([0, 0, 1, 2, 2, 2, 3]);
    expect(firstEndingAfter([], 3)).toBe(0);
  });

  test('overlapsAny: touching is not overlapping', () => {
    expect(overlapsAny(ranges, 8, 12)).toBe(false);
    expect(overlapsAny(ranges, 0, 2)).toBe(false);
    expect(overlapsAny(ranges, 20, 30)).toBe(false);
    expect(overlapsAny(ranges, 7, 9)).toBe(true);
    expect(overlapsAny(ranges, 11, 13)).toBe(true);
    expect(overlapsAny(ranges, 13, 14)).toBe(true);
    expect(overlapsAny(ranges, 0, 30)).toBe(true);
  });

  test('uncovered keeps the parts no range covers, in order', () => {
    expect(uncovered(ranges, 0, 30)).toEqual([[0, 2], [8, 12], [20, 30]]);
    expect(uncovered(ranges, 3, 7)).toEqual([]);
    expect(uncovered(ranges, 6, 14)).toEqual([[8, 12]]);
    expect(uncovered(ranges, 8, 12)).toEqual([[8, 12]]);
    expect(uncovered([], 1, 4)).toEqual([[1, 4]]);
  });

  test('merged interleaves two ordered lists', () => {
    const other = [{ start: 0, end: 2 }, { start: 9, end: 11 }, { start: 25, end: 26 }];
    expect(merged(ranges, other).map((range) => range.start)).toEqual([0, 2, 5, 9, 12, 25]);
    expect(merged([], other)).toEqual(other);
    expect(merged(ranges, [])).toEqual(ranges);
  });
});

describe('firstComeRanges', () => {
  /** The oracle: every range in turn, inserted where it belongs unless it overlaps one kept. */
  const oneByOne = (kinds: Range[][]): Range[] => {
    const kept: Range[] = [];
    for (const range of kinds.flat()) {
      const at = firstEndingAfter(kept, range.start);
      if (at === kept.length || kept[at]!.start >= range.end) kept.splice(at, 0, range);
    }
    return kept;
  };
  const range = fc.tuple(fc.nat(40), fc.nat(6)).map(([start, length]) => ({ start, end: start + length }));
  // Finders give their ranges in text order, overlapping among themselves or not; some lists are shuffled.
  const kind = fc.tuple(fc.array(range, { maxLength: 8 }), fc.boolean())
    .map(([ranges, sorted]) => (sorted ? ranges.sort((a, b) => a.start - b.start) : ranges));

  test('keeps the same ranges, the same objects, as adding them one by one', () => {
    fc.assert(fc.property(fc.array(kind, { maxLength: 5 }), (kinds) => {
      const got = firstComeRanges(kinds);
      expect(got).toEqual(oneByOne(kinds));
      const all = kinds.flat();
      expect(got.every((kept) => all.includes(kept))).toBe(true);
    }), { numRuns: 3_000 });
  });

  test('a finder\'s own overlapping ranges: the first one wins', () => {
    const first = { start: 0, end: 5 };
    const second = { start: 3, end: 9 };
    expect(firstComeRanges([[first, second]])).toEqual([first]);
  });
});
