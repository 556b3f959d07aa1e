import rule from '../../rules/citation-cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'Exports fell 14% in the first quarter (Reuters, AP).',
    'The talks ended without a deal, according to Reuters and the Associated Press.',
    'Iraq and Iran signed the pact in Baghdad (Rudaw, Kurdistan24).',
    { name: 'a higher max allows three', text: 'The ceasefire held overnight (Reuters, AP, AFP).', options: { max: 3 } },
    { name: 'one source named three ways is one source', text: 'The pact was signed in Baghdad (IRNA, IRNA English, Mehr News Agency).' },
    { name: 'a source named twice counts once', text: 'The ceasefire held overnight (Reuters, Reuters, AP).' },
    { name: 'each source next to its own statement', text: 'The ceasefire held overnight (Reuters). AP and AFP reported the same on Tuesday.' },
    { name: 'a pointer supports nothing, so it lumps nothing', text: 'For more, see Reuters, AP and AFP.' },
    { name: 'footnote markers are not a cluster', text: 'Exports fell 14% in May.[1][2][3]' },
    { name: '"(PMF)" is not a citation', text: 'Militia groups known as the Popular Mobilization Forces (PMF) opposed the deal (Rudaw, Kurdistan24).' },
    { name: 'a single chip is residue, not a cluster', text: 'Negotiations have reached their final stage (IRNA English +1).' },
  ],
  invalid: [
    {
      text: 'He was welcomed formally by Qasim al-Araji (Caliber.az +12 IRNA English +12 Rudaw +12).',
      errors: [{ messageId: 'cluster', line: 1, column: 44, text: '(Caliber.az +12 IRNA English +12 Rudaw +12)', message: '3 sources lumped in one citation (Caliber.az, IRNA English, Rudaw)' }],
    },
    { text: 'The ceasefire held overnight (Reuters, AP, AFP).', errors: [{ messageId: 'cluster', line: 1, column: 30, text: '(Reuters, AP, AFP)', message: '3 sources' }] },
    {
      text: 'Larijani stressed his country’s emphasis on Lebanon’s independence in his remarks (IRNA English +3, The Times of Israel +3 WANA +3, Afghan Voice Agency).',
      errors: [{
        messageId: 'cluster', line: 1, column: 83,
        text: '(IRNA English +3, The Times of Israel +3 WANA +3, Afghan Voice Agency)',
        message: '4 sources lumped in one citation (IRNA English, The Times of Israel, WANA, Afghan Voice Agency)',
      }],
    },
    {
      name: 'an according-to list',
      text: 'Iraq and Iran signed the pact in Baghdad, according to Rudaw, Kurdistan24 and Shafaq News.',
      errors: [{ messageId: 'cluster', line: 1, column: 43, text: 'according to Rudaw, Kurdistan24 and Shafaq News' }],
    },
    {
      name: 'a list before a reporting verb',
      text: 'Rudaw, Kurdistan24 and Shafaq News reported that the pact was signed in Baghdad.',
      errors: [{ messageId: 'cluster', line: 1, column: 1, text: 'Rudaw, Kurdistan24 and Shafaq News reported' }],
    },
    {
      name: 'a chip run in running text',
      text: 'Shares of the chipmaker fell 9% on Tuesday, Business Insider+15Reuters+15Reddit+15',
      errors: [{ messageId: 'cluster', line: 1, column: 45, text: 'Business Insider+15Reuters+15Reddit+15', message: '(Business Insider, Reuters, Reddit)' }],
    },
    {
      name: 'regression: a source named twice was shown twice in the message',
      text: 'The ceasefire held overnight (AP, The Associated Press, Reuters, AFP).',
      errors: [{ messageId: 'cluster', line: 1, column: 30, text: '(AP, The Associated Press, Reuters, AFP)', message: '3 sources lumped in one citation (AP, Reuters, AFP):' }],
    },
    {
      name: 'max: 1 flags two sources',
      options: { max: 1 },
      text: 'Exports fell 14% in the first quarter (Reuters, AP).',
      errors: [{ messageId: 'cluster', line: 1, column: 39, text: '(Reuters, AP)', message: '2 sources' }],
    },
    {
      name: 'in Markdown, at the original line',
      format: 'markdown',
      text: '# Iran and Iraq\n\nThe pact was signed in **Baghdad** (Rudaw, Kurdistan24, Shafaq News).\n',
      errors: [{ messageId: 'cluster', line: 3, column: 36, text: '(Rudaw, Kurdistan24, Shafaq News)' }],
    },
  ],
});
