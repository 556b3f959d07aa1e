import { OffsetMap } from '../src/input/document.js';

describe('OffsetMap', () => {
  test('maps text offsets through anchors to original lines and columns', () => {
    const original = '<p>\n  Hello &amp; world</p>\r\n<p>Next</p>';
    const map = new OffsetMap(original);
    // text: "Hello & world\n\nNext"
    map.anchor(0, 6); // "Hello " starts after "<p>\n  "
    map.anchor(6, 12); // "&" is "&amp;"
    map.anchor(7, 17);
    map.anchor(15, original.indexOf('Next'));
    expect(map.position(0)).toEqual({ offset: 6, line: 2, column: 3 });
    expect(map.position(8)).toEqual({ offset: 18, line: 2, column: 15 });
    expect(map.position(15)).toEqual({ offset: original.indexOf('Next'), line: 3, column: 4 });
  });

  test('counts a lone CR as a line break', () => {
    const map = new OffsetMap('a\rb\r\nc');
    expect(map.positionOfOriginal(2)).toMatchObject({ line: 2, column: 1 });
    expect(map.positionOfOriginal(5)).toMatchObject({ line: 3, column: 1 });
  });
});
