import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { mergeImported, parseRspWikitext, parseSourceCsv, RSP_REFERENCE } from '../../src/registry/import.js';
import { mergeRegistryTexts } from '../../src/registry/load.js';
import type { Source } from '../../src/registry/schema.js';

const excerpt = readFileSync(new URL('./rsp-excerpt.wikitext', import.meta.url), 'utf8');

const reuters: Source = {
  id: 'reuters', name: 'Reuters', aliases: ['Thomson Reuters'], domains: ['reuters.com'], kind: 'news-agency', country: 'GB',
  affiliation: 'independent', owner: 'Thomson Reuters', reliability: { rating: 'unrated', provenance: 'not yet rated' },
  note: 'Our desk prefers Reuters for wire copy.', reference: 'https://www.reuters.com/',
};

describe('Wikipedia perennial sources import', () => {
  test('reads every row: name, worst status, blacklist flag, domains, last discussion', () => {
    expect(parseRspWikitext(excerpt)).toEqual([
      { name: 'Reuters', domains: ['reuters.com'], rating: 'generally-reliable', provenance: 'Wikipedia perennial sources: generally reliable (last discussed 2024)', reference: RSP_REFERENCE },
      { name: 'Example Daily', domains: ['exampledaily.example.com', 'exampledaily.co.uk'], rating: 'deprecated', provenance: 'Wikipedia perennial sources: deprecated (last discussed 2020)', reference: RSP_REFERENCE },
      { name: 'Spam Wire', domains: ['spamwire.example.org'], rating: 'blacklisted', provenance: 'Wikipedia perennial sources: blacklisted', reference: RSP_REFERENCE },
      { name: 'Mixed Monitor', domains: ['mixedmonitor.example.net'], rating: 'no-consensus', provenance: 'Wikipedia perennial sources: no consensus (last discussed 2022)', reference: RSP_REFERENCE },
    ]);
  });

  test('a matched entry gets the rating and keeps its local note, aliases and ownership', () => {
    const [merged] = mergeImported(parseRspWikitext(excerpt), [reuters]).filter((source) => source.id === 'reuters');
    expect(merged).toEqual({ ...reuters, reliability: { rating: 'generally-reliable', provenance: 'Wikipedia perennial sources: generally reliable (last discussed 2024)' } });
  });

  test('round trip: the import written as YAML validates, and importing again changes nothing', () => {
    const rows = parseRspWikitext(excerpt);
    const first = mergeImported(rows, [reuters]);
    const text = stringify({ sources: first });
    const loaded = mergeRegistryTexts([{ path: 'imported.yaml', text }]);
    expect(loaded.sources).toEqual(first);
    expect(mergeImported(rows, loaded.sources)).toEqual(first);
  });
});

describe('CSV import', () => {
  test('name, domain and rating columns in any order', () => {
    const rows = parseSourceCsv('rating,name,domain\nunreliable,"Gossip Sheet, The",gossipsheet.example.com\nreliable,Kurdistan Chronicle,kurdistanchronicle.example.com\n', 'desk list');
    expect(rows.map((row) => [row.name, row.domains, row.rating, row.provenance])).toEqual([
      ['Gossip Sheet, The', ['gossipsheet.example.com'], 'generally-unreliable', 'desk list: generally unreliable'],
      ['Kurdistan Chronicle', ['kurdistanchronicle.example.com'], 'generally-reliable', 'desk list: generally reliable'],
    ]);
  });

  test('a rating it does not know names the line', () => {
    expect(() => parseSourceCsv('name,domain,rating\nX,x.example.com,great\n', 'list.csv')).toThrow('list.csv:2: rating "great"');
  });
});
