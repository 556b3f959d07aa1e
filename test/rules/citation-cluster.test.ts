import rule from '../../rules/citation-cluster.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    'Exports fell 14% in the first quarter (Reuters, AP).',
    'The talks ended without a deal, according to Reuters and the Associated Press.',
    { name: 'a higher max allows three', text: 'The ceasefire held overnight (Reuters, AP, AFP).', options: { max: 3 } },
  ],
  invalid: [
    {
      text: 'He was welcomed formally by Qasim al-Araji (Caliber.az +12 IRNA English +12 Rudaw +12).',
      errors: [{ messageId: 'cluster', line: 1, column: 44, text: '(Caliber.az +12 IRNA English +12 Rudaw +12)' }],
    },
    { text: 'The ceasefire held overnight (Reuters, AP, AFP).', errors: [{ messageId: 'cluster', message: '3 sources' }] },
  ],
});
