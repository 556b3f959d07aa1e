import { directivesFromComment } from '../../src/input/directives.js';

describe('directivesFromComment', () => {
  test.each([
    [' citecheck-disable-next-line tertiary-source unknown-source -- quoted on purpose ',
      { kind: 'disable-next-line', ruleIds: ['tertiary-source', 'unknown-source'], reason: 'quoted on purpose' }],
    ['citecheck-disable tertiary-source', { kind: 'disable', ruleIds: ['tertiary-source'] }],
    ['citecheck-disable a, b', { kind: 'disable', ruleIds: ['a', 'b'] }],
    ['citecheck-enable', { kind: 'enable', ruleIds: [] }],
    ['citecheck-disable-line', { kind: 'disable-line', ruleIds: [] }],
    ['citecheck-disable-line -- a reason, with commas -- and dashes', { kind: 'disable-line', ruleIds: [], reason: 'a reason, with commas -- and dashes' }],
    ['<!-- citecheck-enable unknown-source -->', { kind: 'enable', ruleIds: ['unknown-source'] }],
  ])('%j', (comment, expected) => {
    expect(directivesFromComment(comment, 3, 5)).toEqual({ ...expected, line: 3, column: 5 });
  });

  test.each([
    'TODO: citecheck-disable this later',
    'citecheck-disable is how you silence a rule.',
    'citecheck-disabled tertiary-source',
    'citecheck-ignore',
    '',
  ])('not a directive: %j', (comment) => {
    expect(directivesFromComment(comment, 1, 1)).toBeNull();
  });
});
