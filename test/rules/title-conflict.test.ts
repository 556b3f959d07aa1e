import { readFileSync } from 'node:fs';
import rule from '../../rules/title-conflict.js';
import { EMPTY_REGISTRY_DATA, Registry } from '../../src/registry/registry.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';

const article = readFileSync(new URL('../../fixtures/larijani-baghdad.txt', import.meta.url), 'utf8');

ruleTester(rule, {
  valid: [
    { name: 'the example article\'s line 1 and 2 titles agree with themselves', text: article.split('\n').slice(0, 8).join('\n') },
    { name: '"former X" vs current Y', text: 'Ali Larijani, Iran’s Secretary of the Supreme National Security Council, arrived.\nFormer speaker of parliament Ali Larijani spoke.' },
    { name: '"then-" is another time', text: 'Foreign Minister Mohammad Javad Zarif spoke.\nThe then-defence minister Mohammad Javad Zarif had signed.' },
    { name: 'a deputy vs the office', text: 'Foreign Minister Abbas Araghchi spoke.\nDeputy Foreign Minister Abbas Araghchi had said so.' },
    { name: 'a description vs a title', text: 'Ali Larijani, Iran’s Secretary of the Supreme National Security Council, arrived.\nIran’s top security official Larijani met his counterpart.' },
    { name: 'two people sharing a surname', text: 'Foreign Minister Ali Larijani spoke.\nSadegh Larijani, the judiciary chief, said the opposite.\nSpeaker Larijani left.' },
    { name: 'one office phrased three ways', text: 'Iran’s foreign minister Abbas Araghchi spoke.\nAraghchi, the minister of foreign affairs, left.\nIran’s top diplomat Araghchi returned.' },
    { name: 'chairing a committee goes with a job', text: 'Governor Andrew Bailey cast the deciding vote.\nBailey, who chairs the Monetary Policy Committee, said the case was reasonable.' },
    { name: '"X, who heads" the body whose secretary X is', text: 'Ali Larijani, Iran’s Secretary of the Supreme National Security Council, arrived.\nLarijani, who heads Iran’s Supreme National Security Council, spoke.' },
    { name: 'offices the registry has the person hold at once', text: 'Secretary of State Marco Rubio spoke.\nNational Security Adviser Marco Rubio later said.' },
    { name: 'two titles in one phrase', text: 'Iran’s president and supreme leader Ali Khamenei spoke.' },
    { name: 'the same title with and without a country', text: 'Russian Foreign Minister Sergei Lavrov arrived.\nLavrov, the foreign minister, spoke.' },
    { name: 'acting is the office', text: 'Iran’s acting foreign minister Ali Bagheri Kani spoke.\nForeign Minister Ali Bagheri Kani left.' },
    { name: 'an ambiguous surname is not compared', text: 'Ali Larijani and Sadegh Larijani met.\nForeign minister Larijani spoke.\nSpeaker Larijani left.' },
  ],
  invalid: [
    {
      name: 'the example article: line 1 vs line 9',
      text: article,
      errors: [{ messageId: 'conflict', line: 9, column: 8, text: 'foreign minister', message: 'Ali Larijani is called Secretary of the Supreme National Security Council on line 1 and foreign minister on line 9' }],
    },
    {
      name: 'a later surname-only mention conflicts with the full name\'s title',
      text: 'Russian Foreign Minister Sergei Lavrov arrived.\nDefence Minister Lavrov spoke.',
      errors: [{ messageId: 'conflict', line: 2, text: 'Defence Minister', message: 'Sergei Lavrov is called Foreign Minister on line 1 and Defence Minister on line 2' }],
    },
    {
      name: 'two jobs that are not a committee’s chair still conflict',
      text: 'Governor Andrew Bailey cast the deciding vote.\nBailey, who heads the Financial Conduct Authority, said the case was reasonable.',
      errors: [{ messageId: 'conflict', line: 2, message: 'Andrew Bailey is called Governor on line 1 and head of Financial Conduct Authority on line 2' }],
    },
    {
      name: 'both titles on one line: the line is named once',
      text: 'Russian Foreign Minister Sergei Lavrov arrived. Later, Defence Minister Lavrov spoke.',
      errors: [{ messageId: 'conflict', line: 1, text: 'Defence Minister', message: 'Sergei Lavrov is called Foreign Minister and Defence Minister on line 1.' }],
    },
    {
      name: 'the same title for two countries',
      text: 'Iran’s foreign minister Abbas Araghchi spoke.\nIraq’s foreign minister Abbas Araghchi replied.',
      errors: [{ messageId: 'conflict', line: 2 }],
    },
    {
      name: 'works without a registry',
      registry: new Registry(EMPTY_REGISTRY_DATA),
      text: 'Ali Larijani, Iran’s Secretary of the Supreme National Security Council, arrived.\nIran’s foreign minister Ali Larijani spoke.\nLarijani, the top diplomat, left.',
      // Line 3's "top diplomat" is line 2's "foreign minister" again: reported once.
      errors: [{ messageId: 'conflict', line: 2, message: 'called Secretary of the Supreme National Security Council on line 1 and foreign minister on line 2' }],
    },
  ],
});

test('a title that agrees with an earlier one is not reported; one that agrees with none names the first', async () => {
  const { findings } = await runRule(rule, [
    'President Donald Trump spoke.', 'Secretary of State Donald Trump said.', 'Trump, the secretary of state, left.', 'President Trump returned.', 'Defence Secretary Donald Trump spoke.',
  ].join('\n'));
  expect(findings.map((finding) => [finding.line, finding.message.slice(0, finding.message.indexOf('.'))])).toEqual([
    [2, 'Donald Trump is called President on line 1 and Secretary of State on line 2'],
    [5, 'Donald Trump is called President on line 1 and Defence Secretary on line 5'],
  ]);
});

describe('a person given many incompatible titles (hostile input)', () => {
  const bodies = Array.from({ length: 20 }, (_, n) => `${String.fromCharCode(65 + n)}${String.fromCharCode(97 + n)}zan Agency`);
  const lines = bodies.map((body) => `Head of the ${body} Ali Larijani spoke.`);

  test('each new title is reported against the first, past the titles it is compared with', async () => {
    const { findings } = await runRule(rule, lines.join('\n'));
    expect(findings.map((finding) => finding.line)).toEqual(lines.slice(1).map((_, n) => n + 2));
    expect(findings.at(-1)!.message).toContain(`is called Head of the ${bodies[0]} on line 1 and Head of the ${bodies[19]} on line 20`);
  });

  test('a title repeated after many others is reported once, however many came between', async () => {
    const { findings } = await runRule(rule, [...lines, lines[18]!, lines[19]!, lines[1]!].join('\n'));
    expect(findings.map((finding) => finding.line)).toEqual(lines.slice(1).map((_, n) => n + 2));
  });
});
