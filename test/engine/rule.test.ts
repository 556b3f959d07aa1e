import { formatMessage } from '../../src/engine/rule.js';

/** The one-line definition formatMessage must keep agreeing with. */
const byReplace = (template: string, data: Record<string, string | number> = {}) =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));

describe('formatMessage', () => {
  const CASES: [string, Record<string, string | number>?][] = [
    ['{{source}} is not in the registry; did you mean {{suggestion}}?', { source: 'Rudaw', suggestion: '"Rudaw Media Network"' }],
    ['{{ count }} sources ({{names}})', { count: 3, names: 'A, B, C' }],
    ['no placeholders at all', { x: 1 }],
    ['', {}],
    ['{{a}}{{b}}{{a}}', { a: 'x', b: 'y' }],
    ['kept: {{missing}} and {{ spaced }}', { other: 1 }],
    ['{{a}} takes $& and $1 literally', { a: '$& $1 $$' }],
    ['{{a}', { a: 1 }],
    ['{{ a b }} {{a-b}}', { a: 1 }],
    ['{{toString}} is inherited', {}],
    ['no data {{a}}', undefined],
  ];
  for (const [template, data] of CASES) {
    test(JSON.stringify(template), () => expect(formatMessage(template, data)).toBe(byReplace(template, data)));
  }

  test('the same template twice gives the same message', () => {
    expect(formatMessage('{{a}} and {{b}}', { a: 1, b: 2 })).toBe('1 and 2');
    expect(formatMessage('{{a}} and {{b}}', { a: 3, b: 4 })).toBe('3 and 4');
  });
});

test('a value from hard-wrapped copy is put on one line: a message is one line in every format', () => {
  expect(formatMessage('Chatbot source chip "{{chip}}"', { chip: 'IRNA\nEnglish +1' })).toBe('Chatbot source chip "IRNA English +1"');
  expect(formatMessage('{{title}}', { title: 'the Supreme National  \r\n  Security Council' })).toBe('the Supreme National Security Council');
  expect(formatMessage('{{a}}', { a: 'no  break' })).toBe('no  break');
});
