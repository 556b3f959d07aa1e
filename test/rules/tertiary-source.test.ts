import rule from '../../rules/tertiary-source.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a search that is the story, not its proof', text: 'A Google search for the candidate’s name returns his campaign site first.' },
    { name: 'searching as an activity', text: 'Rescuers resumed the search on Monday, officials said.' },
    'Iraq and Iran signed a border security agreement on March 19, 2023, Reuters reported.',
    { name: 'Wikipedia as a topic is not cited', text: 'A Wikipedia editor was banned for a year over edits to the article on the militias.' },
    { name: 'Wikipedia in the news', text: 'Wikipedia was blocked in Turkey from 2017 to 2019.' },
    { name: 'a chatbot in the news', text: 'OpenAI launched ChatGPT in November 2022.' },
    { name: 'an aggregator in the news', text: 'The story was picked up by Google News and Yahoo News within minutes.' },
    { name: 'WikiLeaks publishes documents: a website, not a wiki', text: 'The leaked cables were published by WikiLeaks in 2010.' },
    { name: 'a pointer to background reading supports nothing', text: 'For background, see Wikipedia.' },
    { name: '"(PMF)" is not a citation', text: 'Militia groups known as the Popular Mobilization Forces (PMF) opposed the deal.' },
    { name: 'a platform is not tertiary', text: 'The minister announced the deal in a post on X.' },
    { name: 'a link to a news site', format: 'markdown', text: 'The pact was signed on March 19, 2023 ([Reuters](https://www.reuters.com/world/middle-east/1)).' },
  ],
  invalid: [
    { name: 'a search online as proof', text: 'A quick search online shows dozens of forums where followers swap recipes.', errors: [{ messageId: 'search', text: 'A quick search online shows' }] },
    {
      name: 'a note whose link names Wikipedia in its text: one finding, at the link',
      format: 'markdown',
      text: 'The storm killed 246 people in Texas.[^3]\n\n[^3]: [Winter Storm Uri — Wikipedia](https://en.wikipedia.org/wiki/February_2021_North_American_winter_storm)\n',
      errors: [{ messageId: 'cited', line: 3, column: 8 }],
    },
    {
      name: 'a web search offered as proof',
      text: 'A quick Google search shows that more than 200 trials of the drug are under way.',
      errors: [{ messageId: 'search', line: 1, column: 1, text: 'A quick Google search shows', message: '"A quick Google search shows": a search shows what pages say, not what is true.' }],
    },
    { name: 'googling', text: 'Googling the company reveals three lawsuits since 2020.', errors: [{ messageId: 'search', text: 'Googling the company reveals' }] },
    {
      name: 'a footnote whose note names Wikipedia',
      text: 'Iraq and Iran signed a border security agreement in March 2023.[1]\n\n[1] Wikipedia, "Iran–Iraq relations", retrieved 2 May 2024.\n',
      errors: [{ messageId: 'cited', line: 3, column: 5, text: 'Wikipedia' }],
    },
    {
      text: 'The agreement comes as Iraq faces pressure to rein in the Popular Mobilization Forces (PMF)–bears down. [Wikipedia]',
      errors: [{ messageId: 'cited', line: 1, column: 106, text: 'Wikipedia', message: 'Wikipedia is a wiki, not evidence: it repeats what others published.' }],
    },
    {
      text: 'A security treaty signed between Baghdad and Tehran on March 20, 2023 had addressed these worries; Wikipedia itself reported this agreement and provided additional proof.',
      errors: [{
        messageId: 'asWitness', line: 1, column: 100, text: 'Wikipedia itself reported',
        message: '"Wikipedia itself reported": Wikipedia is a wiki; it witnesses nothing and cannot provide proof.',
      }],
    },
    {
      name: 'an alias names the entry it resolved to',
      text: 'Iran’s top official signed a peace pact in Baghdad. Wiki and Mehr News Agency both acknowledged this achievement as a landmark for bilateral ties.',
      errors: [{ messageId: 'asWitness', line: 1, column: 53, text: 'Wiki and Mehr News Agency both acknowledged', message: 'Wiki (Wikipedia) is a wiki' }],
    },
    {
      name: 'regression: the finding covered the other names of the citation',
      text: 'Mehr News Agency and Wiki both acknowledged the signing as a landmark for bilateral ties.',
      errors: [{ messageId: 'asWitness', line: 1, column: 22, text: 'Wiki both acknowledged', message: '"Wiki both acknowledged": Wiki (Wikipedia)' }],
    },
    {
      name: 'regression: the verb after "reported by" was read as the last word ("News")',
      text: 'The pact was signed on March 19, 2023, as reported by Yahoo News.',
      errors: [{ messageId: 'asWitness', line: 1, column: 43, text: 'reported by Yahoo News', message: '"reported by Yahoo News": Yahoo News is a news aggregator;' }],
    },
    {
      text: 'The border pact was signed in March 2023, according to Wikipedia.',
      errors: [{ messageId: 'cited', line: 1, column: 56, text: 'Wikipedia' }],
    },
    {
      name: 'one of two sources in a parenthetical',
      text: 'The border pact was signed in March 2023 (Wikipedia, Reuters).',
      errors: [{ messageId: 'cited', line: 1, column: 43, text: 'Wikipedia' }],
    },
    {
      name: 'a chatbot',
      text: 'According to ChatGPT, the pact was signed on March 19, 2023.',
      errors: [{ messageId: 'cited', line: 1, column: 14, text: 'ChatGPT', message: 'ChatGPT is a chatbot, not evidence' }],
    },
    {
      name: 'a chatbot as a witness',
      text: 'The pact was signed on March 19, 2023, ChatGPT confirmed.',
      errors: [{ messageId: 'asWitness', line: 1, column: 40, text: 'ChatGPT confirmed', message: 'ChatGPT is a chatbot;' }],
    },
    {
      name: 'an encyclopedia',
      text: 'Iraq’s Kurdish region has had its own parliament since 1992 (Britannica).',
      errors: [{ messageId: 'cited', line: 1, column: 62, text: 'Britannica', message: 'Britannica (Encyclopædia Britannica) is an encyclopedia' }],
    },
    {
      name: 'an aggregator',
      text: 'The pact was signed on March 19, 2023 (Yahoo News).',
      errors: [{ messageId: 'cited', line: 1, column: 40, text: 'Yahoo News', message: 'Yahoo News is a news aggregator' }],
    },
    {
      name: 'a link to Wikipedia, whatever its text',
      format: 'markdown',
      text: 'The pact was signed on March 19, 2023 ([source](https://en.wikipedia.org/wiki/Iran%E2%80%93Iraq_relations)).',
      errors: [{ messageId: 'cited', line: 1, column: 41, text: 'source', message: 'Wikipedia is a wiki' }],
    },
    {
      name: 'an HTML link to Wikipedia',
      format: 'html',
      text: '<article><p>The pact was signed in 2023 (<a href="https://en.wikipedia.org/wiki/Iran%E2%80%93Iraq_relations">Wikipedia</a>).</p></article>',
      errors: [{ messageId: 'cited', line: 1, column: 110, text: 'Wikipedia' }],
    },
  ],
});
