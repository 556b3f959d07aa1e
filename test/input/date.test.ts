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

  test('agrees with a Date.UTC round trip on every day of every month, years 0–9999', () => {
    const byDate = (year: number, month: number, day: number) => {
      const date = new Date(Date.UTC(year, month - 1, day));
      if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
      return date.toISOString().slice(0, 10);
    };
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const years = [...Array(130).keys(), 1600, 1700, 1800, 1899, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9996, 9999];
    for (const year of years) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect([iso, normalizeDate(iso)]).toEqual([iso, byDate(year, month, day)]);
        }
      }
    }
  });
});
