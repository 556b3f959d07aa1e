import { formatResults } from '../../src/report/index.js';
import { context, results, resultsOf } from './fixture.js';

describe('compact reporter', () => {
  test('writes path:line:col: severity message [rule-id], one line per finding', () => {
    const lines = formatResults('compact', results, context).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe('articles/iran.md:4:39: error Chatbot chip “IRNA English +1” left in the text [ai-citation-artifact]');
    expect(lines[2]).toBe('articles/iran.md:6:29: info "today" is relative; the article date is 2025-08-12 [relative-date]');
    // A line break in a message does not split the finding.
    expect(lines[5]).toBe('articles/notes, 50%.txt:2:2: error Raisi was not president on 2025-08-12: Pezeshkian was [fact-contradiction]');
  });

  test('shows paths relative to cwd', () => {
    const absolute = resultsOf({ ...results.files[0]!, path: '/repo/articles/iran.md' });
    expect(formatResults('compact', absolute, context).startsWith('articles/iran.md:4:39: ')).toBe(true);
    expect(formatResults('compact', absolute, { ...context, cwd: '/repo/articles' }).startsWith('iran.md:4:39: ')).toBe(true);
    expect(formatResults('compact', resultsOf(), context)).toBe('');
  });
});
