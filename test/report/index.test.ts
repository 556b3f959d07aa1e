import { FORMATS, formatResults, isFormatName } from '../../src/report/index.js';
import { context, results } from './fixture.js';

describe('formatResults', () => {
  test('knows every format, stylish first', () => {
    expect(FORMATS).toEqual(['stylish', 'json', 'compact', 'github', 'sarif', 'junit', 'codequality', 'html']);
    expect(isFormatName('sarif')).toBe(true);
    expect(isFormatName('toString')).toBe(false);
  });

  test.each(FORMATS)('%s is pure: same input, same string, input untouched', (name) => {
    const before = JSON.stringify(results);
    const first = formatResults(name, results, context);
    expect(formatResults(name, structuredClone(results), { ...context })).toBe(first);
    expect(JSON.stringify(results)).toBe(before);
  });
});
