import rule from '../../rules/vague-attribution.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'Officials said the agreement would be signed on Monday.',
    'Two senior Iraqi security officials said the agreement would be signed on Monday.',
    'The negotiations have reached their final stage, the Foreign Ministry said.',
    'Experts at the International Crisis Group say the pact will curb cross-border attacks.',
    'Critics of the government argued in parliament that the deal was unconstitutional.',
    { name: 'a group named earlier', text: 'The experts said in a report published by the Carnegie Endowment that the pact would hold.' },
    { name: 'a named organisation’s experts', text: 'UN experts said the sanctions had been violated at least twice.' },
    { name: 'a counted group', text: 'Three analysts at the Washington Institute said the pact was a turning point.' },
    { name: 'a possessive group', text: 'Its critics argued that the pact would fail within a year.' },
    { name: 'regression: a passive with its agent named', text: 'It was reported by Rudaw that the pact had been signed.' },
    { name: 'a perfect passive with its agent', text: 'It has been reported by the Iraqi News Agency that the pact was signed.' },
    { name: 'regression: "it is known as" is a name, not a claim', text: 'It is known as the Baghdad pact.' },
    { name: 'a passive whose agent comes after a time', text: 'It was reported on Sept. 10 by an independent security researcher, Mei Tanaka.' },
    { name: 'a widely-passive whose agent comes after a time', text: 'The flaw was widely reported last week by Reuters and the BBC.' },
    { name: 'an ordinary passive', text: 'The missile is believed to have been fired from inside Iraq, the army said.' },
  ],
  invalid: [
    {
      text: 'On his visit, Iran’s top security official met his counterpart from Iraq to sign a peace pact, an event widely touted by media outlets as marking a significant step forward.',
      errors: [{ messageId: 'vague', line: 1, column: 105, text: 'widely touted by media outlets', message: '"widely touted by media outlets" attributes the claim to nobody in particular' }],
    },
    { text: 'Experts say the pact will curb cross-border attacks by Kurdish groups.', errors: [{ messageId: 'vague', line: 1, column: 1, text: 'Experts say' }] },
    { text: 'Analysts widely believe the agreement was drafted in Tehran.', errors: [{ messageId: 'vague', line: 1, column: 1, text: 'Analysts widely believe' }] },
    { text: 'Western analysts say the agreement was drafted in Tehran.', errors: [{ messageId: 'vague', line: 1, column: 1, text: 'Western analysts say' }] },
    { text: 'Reports suggest the militias will be disarmed by the end of the year.', errors: [{ messageId: 'vague', line: 1, column: 1, text: 'Reports suggest' }] },
    { text: 'It is believed that the agreement covers intelligence sharing.', errors: [{ messageId: 'vague', line: 1, column: 1, text: 'It is believed' }] },
    { text: 'It is widely believed that the agreement covers intelligence sharing.', errors: [{ messageId: 'vague', line: 1, column: 1, text: 'It is widely believed' }] },
    { text: 'It has been reported that Kurdish groups were moved away from the border.', errors: [{ messageId: 'vague', line: 1, column: 1, text: 'It has been reported' }] },
    {
      name: 'a time after the passive, then no agent: "by" belongs to a later clause',
      text: 'It was reported in March that the plant, run by Rosatom, had closed.',
      errors: [{ messageId: 'vague', line: 1, column: 1, text: 'It was reported' }],
    },
    {
      name: 'a time longer than four words is not skipped for an agent',
      text: 'It was reported in the first week of the war by some outlets that the dam had failed.',
      errors: [{ messageId: 'vague', line: 1, column: 1, text: 'It was reported' }],
    },
    { text: 'According to some reports, the militias will be disarmed by September.', errors: [{ messageId: 'vague', line: 1, column: 1, text: 'According to some reports' }] },
    { text: 'The deal is widely seen as a win for Tehran.', errors: [{ messageId: 'vague', line: 1, column: 10, text: 'is widely seen' }] },
    {
      name: 'regression: "widely seen as" stays vague while "by" excuses a passive',
      text: 'The militia, which is widely seen as Iran’s proxy, rejected the deal.',
      errors: [{ messageId: 'vague', line: 1, column: 20, text: 'is widely seen' }],
    },
    { text: 'Some observers claimed the talks had stalled over the militias.', errors: [{ messageId: 'vague', line: 1, column: 1, text: 'Some observers claimed' }] },
    { text: 'In Baghdad, many believe the pact will fail.', errors: [{ messageId: 'vague', line: 1, column: 13, text: 'many believe' }] },
    { text: 'Sources said the draft had been agreed.', errors: [{ messageId: 'vague', line: 1, column: 1, text: 'Sources said' }] },
    {
      name: 'regression: a phrase wrapped onto the next line was missed',
      text: 'On his visit, Iran’s top security official signed a peace pact, an event widely touted by\nmedia outlets as marking a significant step forward.\n',
      errors: [{ messageId: 'vague', line: 1, column: 74, text: 'widely touted by\nmedia outlets', message: '"widely touted by media outlets"' }],
    },
    {
      name: 'two in one paragraph, on the second line',
      text: 'Larijani arrived in Baghdad on Monday.\nExperts say the pact is a turning point; it is thought the parliament will ratify it.\n',
      errors: [
        { messageId: 'vague', line: 2, column: 1, text: 'Experts say' },
        { messageId: 'vague', line: 2, column: 42, text: 'it is thought' },
      ],
    },
    {
      name: 'in Markdown, across emphasis, at the original columns',
      format: 'markdown',
      text: 'The pact is *widely seen* — and, **experts say**, rightly so — as a win for Tehran.',
      errors: [
        { messageId: 'vague', line: 1, column: 10, text: 'is *widely seen' },
        { messageId: 'vague', line: 1, column: 36, text: 'experts say' },
      ],
    },
  ],
});
