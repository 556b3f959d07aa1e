/**
 * Each rule doc's examples hold: every block under "## Incorrect" gets at least one finding from
 * its rule, every block under "## Correct" none. A doc that shows good copy the rule flags tells
 * users the wrong thing (its "Correct" example of unreliable-source once was).
 */
import { readFileSync } from 'node:fs';
import type { Format } from '../../src/input/document.js';
import { builtinRules } from '../../rules/index.js';
import { runRule } from '../helpers/rule-tester.js';

const FORMATS: Record<string, Format> = { text: 'text', markdown: 'markdown', html: 'html' };

interface Example {
  section: 'Incorrect' | 'Correct';
  format: Format;
  text: string;
}

/** The fenced blocks of the doc's "## Incorrect" and "## Correct" sections. */
function examples(doc: string): Example[] {
  const found: Example[] = [];
  let section: Example['section'] | null = null;
  const fence = /^## (.+)$|^```(\w*)\n([\s\S]*?)^```$/gm;
  for (const match of doc.matchAll(fence)) {
    if (match[1] !== undefined) {
      section = match[1] === 'Incorrect' || match[1] === 'Correct' ? match[1] : null;
    } else if (section) {
      // Front matter is Markdown's: a text example that carries a date is read as Markdown.
      const text = match[3]!;
      const format = text.startsWith('---\n') ? 'markdown' : FORMATS[match[2] || 'text'] ?? 'text';
      found.push({ section, format, text });
    }
  }
  return found;
}

describe.each(builtinRules.map((rule) => [rule.meta.id, rule] as const))('%s doc', (id, rule) => {
  const all = examples(readFileSync(new URL(`../../rules/${id}.md`, import.meta.url), 'utf8'));

  test('has examples of both kinds', () => {
    expect(all.some((example) => example.section === 'Incorrect')).toBe(true);
    expect(all.some((example) => example.section === 'Correct')).toBe(true);
  });

  test.each(all.map((example, index) => [index + 1, example.section, example] as const))('example %d (%s)', async (_, section, example) => {
    const { findings } = await runRule(rule, example.text, { format: example.format });
    const shown = findings.map((finding) => `${finding.line}: ${finding.message}`);
    if (section === 'Incorrect') expect(shown.length).toBeGreaterThan(0);
    else expect(shown).toEqual([]);
  });
});
