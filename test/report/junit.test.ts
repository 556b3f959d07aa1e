import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatResults } from '../../src/report/index.js';
import { attr, text } from '../../src/report/junit.js';
import { context, results, resultsOf } from './fixture.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testcase', 'failure'].includes(name) });

describe('junit reporter', () => {
  const xml = formatResults('junit', results, context);

  test('is well-formed XML with one failure per error or warning', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const suite = parser.parse(xml).testsuites.testsuite;
    expect(suite.name).toBe('citecheck');
    expect(suite.tests).toBe('2');
    expect(suite.failures).toBe('2');
    const [article, notes] = suite.testcase;
    expect(article).toMatchObject({ classname: 'articles/iran.md', name: 'articles/iran.md' });
    expect(article.failure).toHaveLength(4);
    expect(notes.failure).toHaveLength(3);
    expect(article.failure[0]).toMatchObject({ type: 'ai-citation-artifact', message: 'Chatbot chip “IRNA English +1” left in the text' });
    expect(article.failure[0]['#text']).toBe('4:39 ai-citation-artifact Chatbot chip “IRNA English +1” left in the text');
    // Infos do not fail the test case but stay visible.
    expect(article['system-out']).toContain('6:29 relative-date');
  });

  test('escapes markup and drops characters XML cannot carry', () => {
    const suite = parser.parse(xml).testsuites.testsuite;
    const unknown = suite.testcase[0].failure.find((f: { type: string }) => f.type === 'unknown-source');
    expect(unknown.message).toBe('Fars News <&"> is not in the registry; did you mean Fars News Agency?');
    expect(xml).toContain('message="Fars News &lt;&amp;&quot;&gt; is not');
    expect(text('a\u0000b\u001bc\uFFFFd<&>')).toBe('abcd&lt;&amp;&gt;');
    expect(attr(`"it's"\n`)).toBe('&quot;it&apos;s&quot;&#10;');
    expect(XMLValidator.validate(`<a b="${attr('\u0007<"\'&\n')}">${text('\u0007]]>')}</a>`)).toBe(true);
  });

  test('a clean run is an empty, valid suite', () => {
    const empty = formatResults('junit', resultsOf(), context);
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(empty).toContain('<testsuite name="citecheck" tests="0" failures="0" errors="0" skipped="0">');
  });
});
