import { readFileSync } from 'node:fs';
import rule from '../../rules/relative-date.js';
import { ruleTester } from '../helpers/rule-tester.js';

const ARTICLE = readFileSync(new URL('../../fixtures/larijani-baghdad.txt', import.meta.url), 'utf8');

ruleTester(rule, {
  valid: [
    { name: 'a quotation\'s words are the speaker\'s', text: '"The homes that looked fine two years ago, you just hope they are still fine," said Glen Barros.' },
    { name: 'a weekday as a kind of day', text: 'The Monday deadline passed. Shops open every Sunday. A Friday paper ran it.' },
    { name: 'a named day', text: 'Black Friday sales rose 3% and Super Tuesday turnout was high.' },
    { name: 'the example article with --date', text: ARTICLE, date: '2025-08-12' },
    { name: 'a wire dateline gives the day', text: 'SEATTLE, Nov. 5, 2025 (Reuters) - Harbor Corp said on Wednesday that revenue rose 12% from last year.' },
    { name: 'a dateline without a year, after a headline and a byline', text: 'Iraq moves fighters away from border\n\nBy Maya Gebeily\n\nBAGHDAD, Sept 16 (Reuters) - Iraq moved the fighters on Tuesday, officials said.' },
    { name: 'a press release’s dateline with a state and a wire', text: 'FOR IMMEDIATE RELEASE\n\nNorthwind opens plant\n\nNew site adds 300 jobs\n\nAUSTIN, Texas, March 4, 2025 /PRNewswire/ -- Northwind Robotics today announced a plant.' },
    { name: 'a day-first dateline in Title Case with a dash', text: 'London, 5 November — The minister resigned on Tuesday.' },
    { name: 'a known date silences the rule', text: 'Exports fell yesterday, the ministry said.', date: '2025-08-12' },
    { name: 'a front-matter date silences the rule', format: 'markdown', text: '---\ndate: 2025-08-12\n---\n\nTalks resumed today in Geneva.\n' },
    'The talks were held in Geneva on 12 August 2025.',
    'USA Today first reported the resignation.',
    'The minister resigned in the week after the vote.',
    'The museum is open every Tuesday.',
  ],
  invalid: [
    { name: 'AP style, a weekday without "on"', text: 'The minister resigned Monday, Reuters reported.', errors: [{ messageId: 'relative', text: 'Monday' }] },
    { name: 'a future weekday without "on"', text: 'The film opens Friday at the Regent.', errors: [{ messageId: 'relative', text: 'Friday' }] },
    { name: 'a relative date outside the quotation', text: '"We will rebuild," the mayor said yesterday.', errors: [{ messageId: 'relative', text: 'yesterday' }] },
    { name: 'a capitalised word, a comma and a date is no dateline', text: 'However, May 2 marks a turning point: the minister resigned on Tuesday.', errors: [{ messageId: 'relative', text: 'on Tuesday' }] },
    { name: 'a dateline after the fifth paragraph does not date the article', text: 'First.\n\nSecond.\n\nThird.\n\nFourth.\n\nFifth.\n\nBAGHDAD, Sept 16 (Reuters) - Iraq moved the fighters on Tuesday.', errors: [{ messageId: 'relative', text: 'on Tuesday' }] },
    {
      name: 'the example article without a date: line 1',
      text: ARTICLE,
      errors: [
        { messageId: 'relative', line: 1, column: 99, text: 'today', severity: 'info' },
        { messageId: 'relative', line: 1, column: 261, text: 'later this week', message: '"later this week" is relative to a publication date the article does not give' },
      ],
    },
    { text: 'Exports fell yesterday.', errors: [{ messageId: 'relative', text: 'yesterday' }] },
    { text: 'The vote is set for next month.', errors: [{ messageId: 'relative', text: 'next month' }] },
    { text: 'Prices rose last week and are expected to rise again tomorrow.', errors: [{ messageId: 'relative', text: 'last week' }, { messageId: 'relative', text: 'tomorrow' }] },
    { text: 'Earlier this month, the council raised fares.', errors: [{ messageId: 'relative', text: 'Earlier this month' }] },
    { text: 'Turnout last year was 78%.', errors: [{ messageId: 'relative', text: 'last year' }] },
    { text: 'The minister resigned on Tuesday.', errors: [{ messageId: 'relative', text: 'on Tuesday' }] },
    { text: 'The fire started two days ago.', errors: [{ messageId: 'relative', text: 'two days ago' }] },
    { text: 'The summit ends tonight.', errors: [{ messageId: 'relative', text: 'tonight' }] },
  ],
});
