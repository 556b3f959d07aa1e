import { escapeData, escapeProperty } from '../../src/report/github.js';
import { formatResults } from '../../src/report/index.js';
import { context, results, resultsOf } from './fixture.js';

describe('github reporter', () => {
  const lines = formatResults('github', results, context).trimEnd().split('\n');

  test('writes one workflow command per finding, by severity', () => {
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe(
      '::error file=articles/iran.md,line=4,col=39,endLine=4,endColumn=56,title=ai-citation-artifact::Chatbot chip “IRNA English +1” left in the text',
    );
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(5);
    expect(lines.filter((l) => l.startsWith('::notice ')).length).toBe(1);
  });

  test('escapes data and properties as GitHub documents', () => {
    expect(escapeData('100% sure\r\nnext')).toBe('100%25 sure%0D%0Anext');
    expect(escapeProperty('a:b,c%d\n')).toBe('a%3Ab%2Cc%25d%0A');
    const contradiction = lines.find((l) => l.includes('title=fact-contradiction'))!;
    expect(contradiction).toBe(
      '::error file=articles/notes%2C 50%25.txt,line=2,col=2,endLine=2,endColumn=17,title=fact-contradiction::Raisi was not president on 2025-08-12:%0APezeshkian was',
    );
  });

  test('prints nothing when there is nothing to annotate', () => {
    expect(formatResults('github', resultsOf(), context)).toBe('');
  });
});
