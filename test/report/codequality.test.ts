import { formatResults } from '../../src/report/index.js';
import { context, findingAt, files, results, resultsOf, shiftDown } from './fixture.js';

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

const issues = (r = results): Issue[] => JSON.parse(formatResults('codequality', r, context));

describe('codequality reporter', () => {
  test('writes one GitLab issue per finding', () => {
    const all = issues();
    expect(all).toHaveLength(8);
    expect(all[0]).toEqual({
      description: 'Chatbot chip “IRNA English +1” left in the text',
      check_name: 'ai-citation-artifact',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      severity: 'major',
      location: { path: 'articles/iran.md', lines: { begin: 4 } },
    });
    expect(all.map((i) => i.severity)).toEqual(['major', 'minor', 'info', 'minor', 'minor', 'major', 'minor', 'minor']);
    expect(formatResults('codequality', resultsOf(), context)).toBe('[]\n');
  });

  test('fingerprints are unique, stable and independent of line shifts', () => {
    const prints = issues().map((i) => i.fingerprint);
    expect(new Set(prints).size).toBe(prints.length);
    expect(issues().map((i) => i.fingerprint)).toEqual(prints);
    expect(issues(shiftDown(results)).map((i) => i.fingerprint)).toEqual(prints);
  });

  test('identical findings get distinct fingerprints', () => {
    const source = 'Experts say this. Experts say that.';
    const twice = { ...files[1]!, source, findings: [0, 1].map(() => findingAt(source, 'Experts say', 'vague-attribution', 'warning', 'vague')) };
    const [a, b] = issues(resultsOf(twice));
    expect(a!.fingerprint).not.toBe(b!.fingerprint);
  });
});
