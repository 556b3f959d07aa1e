import rule from '../../rules/state-media-sole-source.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'state media corroborated in the same citation', text: 'The agreement was signed in Baghdad on Monday, according to IRNA and Reuters.' },
    { name: 'state media corroborated in another citation of the claim', text: 'The agreement was signed in Baghdad on Monday (IRNA, Rudaw).' },
    { name: 'an independent outlet alone', text: 'Iraq and Iran signed the pact in Baghdad on Monday (Rudaw).' },
    { name: 'a public broadcaster rated generally reliable speaks for no state', text: 'The ceasefire held overnight, according to the BBC.' },
    { name: 'a public agency rated generally reliable', text: 'At least 67,000 people have been killed, according to an AFP tally based on official figures.' },
    { name: 'the copy says it is state media', text: 'Iran’s state news agency IRNA reported that the talks had ended on Monday.' },
    { name: 'the copy calls it official', text: 'The talks ended on Monday, the official Iraqi News Agency (INA) reported.' },
    { name: 'a clause after the name says whose it is', text: 'Tasnim, which is close to the Revolutionary Guards, said the talks had ended on Monday.' },
    { name: 'an appositive after the name calls it semi-official', text: 'Fars, the semi-official news agency, reported that the rial fell to a record low on Monday.' },
    { name: 'a person is not state media', text: 'The agreement was signed in Baghdad on Monday, Larijani told reporters.' },
    { name: 'a ministry quoted directly is a primary source', text: 'The agreement was signed in Baghdad on Monday, according to Iran’s Foreign Ministry.' },
    { name: 'an outlet the registry does not know may be independent', text: 'The agreement was signed on Monday, according to IRNA and the Baghdad Post.' },
    { name: 'a pointer supports no claim', text: 'For additional coverage click on WANA or IRNA English' },
    { name: 'a footnote is not media', text: 'The agreement was signed in Baghdad on Monday.[1]' },
    { name: 'a footnote whose note cites an independent outlet', text: 'The agreement was signed in Baghdad on Monday.[1]\n\n[1] https://www.reuters.com/world/middle-east/1\n' },
    { name: 'a footnote whose note names an independent outlet in words', text: 'The agreement was signed in Baghdad on Monday.[1]\n\n[1] Reuters, 19 March 2023.\n' },
    {
      name: 'two links, one of them independent',
      format: 'markdown',
      text: 'The agreement was signed on Monday ([IRNA](https://en.irna.ir/news/85912345/), [Reuters](https://www.reuters.com/world/middle-east/1)).',
    },
  ],
  invalid: [
    { name: 'an agency by its initials', text: 'King Salman approved the deal on Monday, SPA reported.', errors: [{ messageId: 'sole', message: '(Saudi Press Agency, state media (SA))' }] },
    { name: 'the copy says nothing of whose it is', text: 'The talks ended on Monday, IRNA reported.', errors: [{ messageId: 'sole' }] },
    { name: 'a clause citing an official says nothing of the outlet', text: 'Tasnim, citing an official who asked not to be named, reported that the talks had ended on Monday.', errors: [{ messageId: 'sole', message: '(Tasnim News Agency, state-affiliated (IR))' }] },
    { name: 'a clause about something else', text: 'Tasnim, which first published the letter, reported that the talks had ended on Monday.', errors: [{ messageId: 'sole' }] },
    {
      name: '"state" elsewhere in the sentence is not said of the outlet',
      text: 'The state of the talks was unclear on Monday, when the meeting ended in Baghdad without a deal, IRNA reported.',
      errors: [{ messageId: 'sole' }],
    },
    {
      name: 'a state-adjacent outlet with no rating of reliability still speaks for its state',
      text: 'The strikes hit two depots near Kharkiv overnight, Izvestia reported.',
      errors: [{ messageId: 'sole', message: '(Izvestia, state-affiliated (RU))' }],
    },
    {
      name: 'a footnote whose note names state media in words',
      text: 'The agreement was signed in Baghdad on Monday.[1]\n\nSources\n[1] Tasnim News Agency, "Iran and Iraq sign pact", 3 May 2024.\n',
      errors: [{ messageId: 'sole', line: 1, column: 47, text: '[1]', message: '(Tasnim News Agency, state-affiliated (IR))' }],
    },
    {
      name: 'a footnote whose note cites state media: reported at the claim’s marker',
      text: 'Trade between the two countries reached $12 billion in 2024.[2]\n\nSources\n[2] https://www.tehrantimes.com/news/123\n',
      errors: [{ messageId: 'sole', line: 1, column: 61, text: '[2]', message: '(Tehran Times, state-affiliated (IR))' }],
    },
    {
      text: 'Ali Larijani announced today that negotiations with Iraq for a bilateral security agreement have reached their final stage (IRNA English +1).',
      errors: [{ messageId: 'sole', line: 1, column: 124, text: '(IRNA English +1)', severity: 'info', message: '(Islamic Republic News Agency, state media (IR))' }],
    },
    {
      name: 'state media and a state-affiliated agency together',
      text: 'Larijani underlined the depth of Iran-Iraq relations, according to IRNA English and Mehr News Agency.',
      errors: [{
        messageId: 'sole', line: 1, column: 55, text: 'according to IRNA English and Mehr News Agency',
        message: 'rests only on state-affiliated media (Islamic Republic News Agency, state media (IR); Mehr News Agency, state-affiliated (IR))',
      }],
    },
    {
      text: 'Tasnim reported on Monday that the agreement had been signed in Baghdad.',
      errors: [{ messageId: 'sole', line: 1, column: 1, text: 'Tasnim reported', message: 'Tasnim News Agency, state-affiliated (IR)' }],
    },
    {
      name: 'two state outlets of one country',
      text: 'Turkish drones struck PKK positions in northern Iraq on Sunday (Anadolu Agency, TRT World).',
      errors: [{ messageId: 'sole', line: 1, column: 64, text: '(Anadolu Agency, TRT World)', message: '(Anadolu Agency, state media (TR); TRT World, state media (TR))' }],
    },
    {
      name: 'corroboration in the next sentence does not support this one',
      text: 'The agreement was signed in Baghdad on Monday (IRNA). Reuters later confirmed it.',
      errors: [{ messageId: 'sole', line: 1, column: 47, text: '(IRNA)' }],
    },
    {
      name: 'a link whose URL is state media',
      format: 'markdown',
      text: 'The agreement was signed in Baghdad on Monday, [the agency reported](https://en.irna.ir/news/85912345/).',
      errors: [{ messageId: 'sole', line: 1, column: 49, text: 'the agency reported' }],
    },
    {
      name: 'each claim is judged on its own',
      text: 'Tasnim reported on Monday that the pact had been signed. Iraq’s parliament must still ratify it (Rudaw). The Syrian Arab News Agency said Damascus welcomed the deal.',
      errors: [
        { messageId: 'sole', line: 1, column: 1, text: 'Tasnim reported' },
        { messageId: 'sole', line: 1, column: 106, text: 'The Syrian Arab News Agency said', message: 'Syrian Arab News Agency, state media (SY)' },
      ],
    },
  ],
});
