import { normalizeDate } from '../../src/input/date.js';

describe('normalizeDate', () => {
  test.each([
    ['2025-08-12', '2025-08-12'],
    ['2025-08-11T23:30:00-05:00', '2025-08-11'], // the date as written, not moved to UTC
    [' 2025-08-12T09:00:00Z ', '2025-08-12'],
    ['August 12, 2025', '2025-08-12'],
    ['Aug. 12, 2025', '2025-08-12'],
    ['12 August 2025', '2025-08-12'],
    [new Date(Date.UTC(2023, 2, 20)), '2023-03-20'],
  ])('%j → %s', (value, expected) => {
    expect(normalizeDate(value)).toBe(expected);
  });

  test.each([['2025-02-30'], ['2025-13-01'], ['20250812'], ['later this week'], ['Smarch 3, 2025'], [new Date('nope')], [20250812], [null]])(
    'not a date: %j',
    (value) => {
      expect(normalizeDate(value)).toBeUndefined();
    },
  );
});
