import rule from '../../rules/link-mismatch.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'plain text without links', text: 'The pact was signed in Baghdad on Monday, according to Rudaw.' },
    { name: 'text and URL name the same outlet', format: 'markdown', text: 'The pact was signed in Baghdad, according to [Rudaw](https://www.rudaw.net/english/middleeast/iraq/120820251).' },
    { name: 'an edition on a subdomain', format: 'markdown', text: 'The pact was signed in Baghdad, according to [IRNA English](https://en.irna.ir/news/85912345/).' },
    { name: 'a second domain of the same outlet', format: 'markdown', text: 'The pact was signed in Baghdad ([Al Jazeera](https://www.aljazeera.net/news/2025/8/11/1)).' },
    { name: 'the name with a reporting verb', format: 'markdown', text: 'The pact was signed in Baghdad, [Rudaw reported](https://www.rudaw.net/english/middleeast/iraq/120820251).' },
    { name: 'text that names no source', format: 'markdown', text: 'The pact was signed in Baghdad ([the report](https://www.tasnimnews.com/en/news/2025/08/11/1)).' },
    { name: 'an outlet the registry does not know', format: 'markdown', text: 'The pact was signed in Baghdad ([Baghdad Post](https://www.tasnimnews.com/en/news/1)).' },
    { name: 'a URL the registry does not know', format: 'markdown', text: 'The pact was signed in Baghdad ([Tasnim](https://tasnim.example.org/news/1234)).' },
    { name: 'regression: the outlet’s own channel on a platform', format: 'markdown', text: 'The pact was signed in Baghdad ([Tasnim](https://t.me/tasnimnews/1234)).' },
    {
      name: 'an archived copy of the outlet’s page',
      format: 'markdown',
      text: 'The pact was signed in Baghdad ([Rudaw](https://web.archive.org/web/20230320000000/https://www.rudaw.net/english/middleeast/iraq/1)).',
    },
    { name: 'a URL as the text, pointing where it says', format: 'markdown', text: 'The full text: [https://www.rudaw.net/english/1208](https://www.rudaw.net/english/1208).' },
    { name: 'a person in the text', format: 'markdown', text: '[Larijani told reporters](https://www.presstv.ir/Detail/2025/08/11/1) the pact was ready.' },
    {
      name: 'an HTML link to the outlet it names',
      format: 'html',
      text: '<article><p>The pact was signed, <a href="https://www.rudaw.net/english/middleeast/iraq/120820251">Rudaw reported</a>.</p></article>',
    },
  ],
  invalid: [
    {
      format: 'markdown',
      text: 'The pact was signed in Baghdad, according to [Rudaw](https://www.kurdistan24.net/en/story/123456).',
      errors: [{ messageId: 'mismatch', line: 1, column: 47, text: 'Rudaw', message: 'The link text names Rudaw, but the link goes to kurdistan24.net (Kurdistan24).' }],
    },
    {
      format: 'markdown',
      text: 'Larijani arrived in Baghdad on Monday, according to [IRNA](https://www.tasnimnews.com/en/news/2025/08/11/1).',
      errors: [{ messageId: 'mismatch', line: 1, column: 54, text: 'IRNA', message: 'names Islamic Republic News Agency, but the link goes to tasnimnews.com (Tasnim News Agency)' }],
    },
    {
      name: 'regression: the name followed by a reporting verb was not recognised',
      format: 'markdown',
      text: 'The pact was signed in Baghdad, [Rudaw reported](https://www.kurdistan24.net/en/story/123456).',
      errors: [{ messageId: 'mismatch', line: 1, column: 34, text: 'Rudaw reported' }],
    },
    {
      name: 'regression: a URL written as the text, linking elsewhere',
      format: 'markdown',
      text: 'The full text: [https://www.rudaw.net/english/1208](https://www.kurdistan24.net/en/story/123456).',
      errors: [{ messageId: 'mismatch', line: 1, column: 17, text: 'https://www.rudaw.net/english/1208', message: 'names Rudaw' }],
    },
    {
      name: 'regression: a chatbot citation label',
      format: 'markdown',
      text: 'The pact was signed in Baghdad [oai_citation:2‡Rudaw](https://www.kurdistan24.net/en/story/123456).',
      errors: [{ messageId: 'mismatch', line: 1, column: 33, text: 'oai_citation:2‡Rudaw', message: 'names Rudaw' }],
    },
    {
      name: 'an aggregator’s copy of a wire story',
      format: 'markdown',
      text: 'The pact was signed in Baghdad, [Reuters](https://news.yahoo.com/iraq-iran-sign-security-pact-120000000.html) reported.',
      errors: [{ messageId: 'mismatch', line: 1, column: 34, text: 'Reuters', message: 'goes to news.yahoo.com (Yahoo News)' }],
    },
    {
      name: 'a reference-style link',
      format: 'markdown',
      text: 'Turkish drones struck PKK positions, [Anadolu Agency][1] said.\n\n[1]: https://www.dailysabah.com/politics/1\n',
      errors: [{ messageId: 'mismatch', line: 1, column: 39, text: 'Anadolu Agency', message: 'goes to dailysabah.com (Daily Sabah)' }],
    },
    {
      format: 'html',
      text: '<article><p>The pact was signed, <a href="https://www.kurdistan24.net/en/story/123456">Rudaw reported</a>.</p></article>',
      errors: [{ messageId: 'mismatch', line: 1, column: 88, text: 'Rudaw reported' }],
    },
  ],
});
