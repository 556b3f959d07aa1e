import rule from '../../rules/unreliable-source.js';
import { ruleTester } from '../helpers/rule-tester.js';

/*
 * Ratings as registry/sources/*.yaml gives them (Wikipedia's perennial sources list):
 * Press TV, HispanTV, RT and the Daily Mail deprecated, Breitbart News blacklisted, Daily Sabah and
 * TASS generally unreliable, Anadolu Agency, RIA Novosti and Arab News no consensus; Reuters,
 * Al Jazeera and Haaretz generally reliable; IRNA and Rudaw unrated.
 */
ruleTester(rule, {
  valid: [
    'Exports fell 14% in the first quarter, Reuters reported.',
    'Turkish drones struck PKK positions in northern Iraq, according to Al Jazeera and Haaretz.',
    { name: 'the copy reports the claim as the source\'s', text: 'Iranian state broadcaster Press TV claimed that Israeli strikes hit a fuel depot near Sidon.' },
    { name: 'a fact-check reports what a post claims', text: 'A post shared more than 40,000 times on Facebook claims that the WHO has classified coffee as a carcinogen.' },
    { name: 'an allegation', text: 'RT alleged that the drones were launched from Kharkiv.' },
    { name: 'an unrated source is not flagged', text: 'Ali Larijani said negotiations had reached their final stage (IRNA English +1).' },
    { name: 'an unrated Kurdish broadcaster', text: 'Iraq and Iran signed the pact in Baghdad on Monday (Rudaw).' },
    { name: 'a pointer cites nothing', text: 'For more, see Press TV.' },
    { name: 'the outlet as a topic, not a citation', text: 'Press TV’s website was blocked in several countries in 2021.' },
    { name: 'a presenter of the outlet in the news', text: 'Press TV presenter Marzieh Hashemi was detained in the United States.' },
    { name: 'a banned outlet in the news', text: 'RT was banned in the European Union in 2022.' },
    { name: 'a possessive is not a citation', text: 'The Daily Mail’s editor resigned on Friday.' },
    { name: 'an unknown name is another rule’s business', text: 'Iraq’s parliament approved the budget on Sunday (Baghdad Post).' },
  ],
  invalid: [
    { name: 'reported is no distance', text: 'Press TV reported that Israeli strikes hit a fuel depot near Sidon.', errors: [{ messageId: 'rated', severity: 'error' }] },
    { name: 'a claim in the sentence, but the source is relied on', text: 'Israeli strikes hit a fuel depot near Sidon, according to Press TV, despite claims of a truce.', errors: [{ messageId: 'rated', severity: 'error' }] },
    {
      name: 'deprecated: an error',
      text: 'Israeli strikes hit a fuel depot near Sidon on Saturday (Press TV).',
      errors: [{ messageId: 'rated', line: 1, column: 58, text: 'Press TV', severity: 'error', message: 'Press TV is rated deprecated (Wikipedia perennial sources: deprecated' }],
    },
    {
      name: 'deprecated, after according to',
      text: 'Israeli strikes hit a fuel depot near Sidon, according to HispanTV.',
      errors: [{ messageId: 'rated', line: 1, column: 59, text: 'HispanTV', severity: 'error' }],
    },
    {
      name: 'deprecated: RT',
      text: 'Russian forces advanced near Pokrovsk on Sunday, according to RT.',
      errors: [{ messageId: 'rated', line: 1, column: 63, text: 'RT', severity: 'error', message: 'RT is rated deprecated' }],
    },
    {
      name: 'deprecated: the Daily Mail',
      text: 'The minister was seen leaving a private clinic in London on Tuesday (Daily Mail).',
      errors: [{ messageId: 'rated', line: 1, column: 70, text: 'Daily Mail', severity: 'error', message: 'Daily Mail is rated deprecated' }],
    },
    {
      name: 'blacklisted: an error',
      text: 'The senator said the border was wide open, Breitbart News reported on Friday.',
      errors: [{ messageId: 'rated', line: 1, column: 44, text: 'Breitbart News', severity: 'error', message: 'Breitbart News is rated blacklisted' }],
    },
    {
      name: 'generally unreliable: a warning',
      text: 'Daily Sabah reported that Turkish drones struck PKK positions in northern Iraq.',
      errors: [{ messageId: 'rated', line: 1, column: 1, text: 'Daily Sabah', severity: 'warning', message: 'Daily Sabah is rated generally unreliable' }],
    },
    {
      name: 'generally unreliable: a state news agency',
      text: 'TASS reported that the talks in Istanbul would resume on Monday.',
      errors: [{ messageId: 'rated', line: 1, column: 1, text: 'TASS', severity: 'warning' }],
    },
    {
      name: 'no consensus, after a primary source in the same sentence',
      text: 'The Kremlin said the talks would resume, RIA Novosti reported.',
      errors: [{ messageId: 'rated', line: 1, column: 42, text: 'RIA Novosti', severity: 'info' }],
    },
    {
      name: 'no consensus: a note',
      text: 'Turkish drones struck PKK positions in northern Iraq, according to Anadolu Agency.',
      errors: [{ messageId: 'rated', line: 1, column: 68, text: 'Anadolu Agency', severity: 'info', message: 'Anadolu Agency is rated of no consensus on reliability' }],
    },
    {
      name: 'no consensus, in a parenthetical',
      text: 'Saudi Arabia and Iran agreed to reopen their embassies within two months (Arab News).',
      errors: [{ messageId: 'rated', line: 1, column: 75, text: 'Arab News', severity: 'info' }],
    },
    {
      name: 'each source in a list with its own severity',
      text: 'Turkish drones struck PKK positions in northern Iraq (Anadolu Agency, Daily Sabah, Press TV, Reuters).',
      errors: [
        { messageId: 'rated', line: 1, column: 55, text: 'Anadolu Agency', severity: 'info' },
        { messageId: 'rated', line: 1, column: 71, text: 'Daily Sabah', severity: 'warning' },
        { messageId: 'rated', line: 1, column: 84, text: 'Press TV', severity: 'error' },
      ],
    },
    {
      name: 'a chip names the source too',
      text: 'Israeli strikes hit a fuel depot near Sidon (Press TV +3 Al Jazeera +2).',
      errors: [{ messageId: 'rated', line: 1, column: 46, text: 'Press TV', severity: 'error' }],
    },
    {
      name: 'a link to a deprecated outlet, whatever its text',
      format: 'markdown',
      text: 'Israeli strikes hit a fuel depot near Sidon, [the broadcaster said](https://www.presstv.ir/Detail/2024/10/12/735000/).',
      errors: [{ messageId: 'rated', line: 1, column: 47, text: 'the broadcaster said', severity: 'error', message: 'Press TV is rated deprecated' }],
    },
    {
      name: 'an HTML link',
      format: 'html',
      text: '<article><p>Strikes hit a depot near Sidon, <a href="https://www.dailysabah.com/world/mid-east/1">the paper reported</a>.</p></article>',
      errors: [{ messageId: 'rated', line: 1, column: 99, text: 'the paper reported', severity: 'warning' }],
    },
  ],
});

describe('unreliable-source leaves tertiary sources to tertiary-source', () => {
  test('regression: [Wikipedia] was reported twice, as tertiary and as generally unreliable', async () => {
    const { runRule } = await import('../helpers/rule-tester.js');
    const { default: unreliable } = await import('../../rules/unreliable-source.js');
    const { findings } = await runRule(unreliable, 'Militia groups face pressure to disband. [Wikipedia]\n');
    expect(findings).toEqual([]);
  });
});
