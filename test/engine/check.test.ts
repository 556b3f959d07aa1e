import { check } from '../../src/index.js';

describe('checkDocument', () => {
  test('past a thousand findings, each message still says what its own finding is about', async () => {
    // Messages are shared between equal findings beyond a document's first thousand: a mix-up
    // there would give one chip's message to another.
    const name = (i: number) => `Outlet ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26) % 26)}`;
    const text = Array.from({ length: 1_500 }, (_, i) => `Talks went on (${i % 2 === 0 ? 'IRNA English' : name(i)} +${(i % 9) + 1}).`).join(' ');
    const { files: [file] } = await check([{ path: 'many.txt', text }]);
    const chips = file!.findings.filter((finding) => finding.ruleId === 'ai-citation-artifact');
    expect(chips).toHaveLength(1_500);
    chips.forEach((finding) => {
      const chip = text.slice(finding.offset, finding.endOffset);
      expect(finding.message).toContain(`"${chip}"`);
    });
  });
});
