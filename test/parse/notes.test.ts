import { loadDocument } from '../../src/input/load.js';
import { documentNotes, findNotes } from '../../src/parse/notes.js';

const labelsOf = (text: string) => findNotes(text).markers.map((marker) => [text.slice(marker.start, marker.end), marker.label, marker.certain]);
const notesOf = (text: string) => [...findNotes(text).byLabel.values()].map((note) => [note.label, text.slice(note.start, note.end)]);
const regionsOf = (text: string) => findNotes(text).regions.map((region) => text.slice(region.start, region.end));

describe('findNotes: markers', () => {
  test('each way a marker is written, with its label', () => {
    expect(labelsOf('One.[12] Two.[a] Three.^4 Four.¹² Five.[^note-1] Six [^7^].')).toEqual([
      ['[12]', '12', true], ['[a]', 'a', true], ['^4', '4', true], ['¹²', '12', true], ['[^note-1]', 'note-1', true], ['[^7^]', '7^', true],
    ]);
  });

  test('a superscript or caret after a letter may be a unit or an exponent: not certain', () => {
    expect(labelsOf('It covers 120 km² at 10^6 people per km².')).toEqual([['²', '2', false], ['^6', '6', false], ['²', '2', false]]);
  });

  test('none at a line’s start (a note or a list item), nor a Markdown definition', () => {
    expect(labelsOf('[1] First item\n[^2]: a note\nText [3].')).toEqual([['[3]', '3', true]]);
  });
});

describe('findNotes: notes', () => {
  test('a reference list’s entries are notes when a marker names them, with the heading above', () => {
    const text = 'Trade rose.[1] Exports fell.[2]\n\nSources\n[1] Reuters, 19 March 2023.\n[2]: https://www.tehrantimes.com/news/123\n';
    expect(notesOf(text)).toEqual([['1', '[1] Reuters, 19 March 2023.'], ['2', '[2]: https://www.tehrantimes.com/news/123']]);
    expect(regionsOf(text)).toEqual(['Sources\n[1] Reuters, 19 March 2023.', '[2]: https://www.tehrantimes.com/news/123']);
  });

  test('a list whose items open with "[1]" stays prose when no marker names them', () => {
    expect(notesOf('Steps:\n[1] Sign the pact.\n[2] Ratify it.\n')).toEqual([]);
  });

  test('a Markdown footnote definition is a note, named or not', () => {
    expect(notesOf('Text.\n\n[^a]: The note.\n   [^b]: Another.\n')).toEqual([['a', '[^a]: The note.'], ['b', '   [^b]: Another.']]);
  });

  test('the first note of a label is its note', () => {
    expect(notesOf('Text.[1]\n\n[1] First.\n[1] Second.\n')).toEqual([['1', '[1] First.']]);
  });

  test('under a notes heading, a numbered list’s entries are notes (a blank line may come between)', () => {
    const text = 'Trade rose.[1] Exports fell.[2]\n\nSources:\n\n1. https://www.reuters.com/x\n\n2) https://apnews.com/y\n';
    expect(notesOf(text)).toEqual([['1', '1. https://www.reuters.com/x'], ['2', '2) https://apnews.com/y']]);
    expect(regionsOf(text)).toEqual(['Sources:\n\n1. https://www.reuters.com/x', '2) https://apnews.com/y']);
  });

  test('under a notes heading, a numbered entry no marker names is part of the list all the same', () => {
    const text = 'Trade rose.[1]\n\nSources:\n1. Reuters, 19 March 2023.\n2. AP, 20 March 2023.\nOfficials briefed reporters.\n';
    expect(regionsOf(text)).toEqual(['Sources:\n1. Reuters, 19 March 2023.', '2. AP, 20 March 2023.']);
  });

  test('a numbered list with no notes heading above it stays prose, and so does one after prose', () => {
    expect(notesOf('Trade rose.[1]\n\n1. Sign the pact.\n2. Ratify it.\n')).toEqual([]);
    expect(notesOf('Trade rose.[1]\n\nSources\nOfficials briefed reporters.\n1. Sign the pact.\n')).toEqual([]);
  });

  test('in Markdown, a numbered list’s numbers are read from the file', async () => {
    const text = 'Trade rose.[1] Exports fell.[2]\n\n## Sources\n\n1. [Reuters](https://www.reuters.com/x)\n2. https://apnews.com/y\n';
    const doc = await loadDocument('case.md', text, 'markdown');
    const notes = documentNotes(doc);
    expect([...notes.byLabel.values()].map((note) => [note.label, doc.text.slice(note.start, note.end)])).toEqual([['1', 'Reuters'], ['2', 'https://apnews.com/y']]);
  });

  test('on an HTML page, a marker’s "#id" link leads to its note; a link to the marker’s own paragraph does not', async () => {
    const html = '<article><p id="p1">Trade rose.<sup><a href="#cite_note-1">[1]</a></sup> Exports fell.<a href="#p1">[2]</a></p>'
      + '<ol class="references"><li id="cite_note-1"><a href="#cite_ref-1">^</a> "Trade hits record". <i>Reuters</i>. 19 March 2023.</li></ol></article>';
    const doc = await loadDocument('case.html', html, 'html');
    const notes = documentNotes(doc);
    expect([...notes.byLabel.values()].map((note) => [note.label, doc.text.slice(note.start, note.end).trim()])).toEqual([['1', '^ "Trade hits record". Reuters. 19 March 2023.']]);
  });

  test('on an HTML page, an ordered list under a notes heading gives its items the numbers the page shows', async () => {
    const html = '<article><p>Iran and Iraq signed a pact on Tuesday.[1] Larijani led the delegation.[3]</p>'
      + '<h2>References</h2><ol><li>Reuters. "Iran, Iraq sign pact". 11 March 2023.</li><li>AP.</li>'
      + '<li><p>IRNA English. "Larijani arrives". 11 August 2025.</p></li></ol></article>';
    const doc = await loadDocument('case.html', html, 'html');
    const notes = documentNotes(doc);
    expect([...notes.byLabel.values()].map((note) => [note.label, doc.text.slice(note.start, note.end)])).toEqual([
      ['1', 'Reuters. "Iran, Iraq sign pact". 11 March 2023.'], ['2', 'AP.'], ['3', 'IRNA English. "Larijani arrives". 11 August 2025.'],
    ]);
    // Item 2 is no marker's note, but an entry of the list all the same: not a claim.
    expect(notes.regions.map((region) => doc.text.slice(region.start, region.end))).toEqual([
      'References\n\nReuters. "Iran, Iraq sign pact". 11 March 2023.', 'AP.', 'IRNA English. "Larijani arrives". 11 August 2025.',
    ]);
  });

  test('on an HTML page, a bulleted list or an ordered list with no notes heading stays prose', async () => {
    const bulleted = await loadDocument('case.html', '<p>Trade rose.[1]</p><h2>Sources</h2><ul><li>Reuters, 19 March 2023.</li></ul>', 'html');
    expect(documentNotes(bulleted).byLabel.size).toBe(0);
    const steps = await loadDocument('case.html', '<p>Trade rose.[1]</p><h2>Next steps</h2><ol><li>Sign the pact.</li></ol>', 'html');
    expect(documentNotes(steps).byLabel.size).toBe(0);
  });

  test('a heading needs a note right below it', () => {
    expect(regionsOf('Text.[1]\n\nNotes\nMore prose.\n[1] The note.\n')).toEqual(['[1] The note.']);
  });
});

describe('HTML ordered lists: the numbers the page shows', () => {
  const numbers = async (list: string) => {
    const doc = await loadDocument('case.html', `<p>Text.[1]</p><h2>Sources</h2>${list}`, 'html');
    return [...(doc.listNumbers ?? new Map())].map(([at, number]) => [number, doc.text.slice(at, doc.text.indexOf('.', at) + 1)]);
  };

  test('from 1, or from `start`, a `value` resetting the count, counting down when `reversed`', async () => {
    expect(await numbers('<ol><li>A.</li><li>B.</li></ol>')).toEqual([['1', 'A.'], ['2', 'B.']]);
    expect(await numbers('<ol start="5"><li>A.</li><li value="9">B.</li><li>C.</li></ol>')).toEqual([['5', 'A.'], ['9', 'B.'], ['10', 'C.']]);
    expect(await numbers('<ol reversed><li>A.</li><li>B.</li><li>C.</li></ol>')).toEqual([['3', 'A.'], ['2', 'B.'], ['1', 'C.']]);
  });

  test('only an <ol>’s own items, and only those with text', async () => {
    expect(await numbers('<ul><li>A.</li></ul><ol><li></li><li>B.<ul><li>C.</li></ul></li></ol>')).toEqual([['2', 'B.']]);
  });
});
