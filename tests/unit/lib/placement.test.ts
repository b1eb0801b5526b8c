import { compareReadingOrder, firstWords, nextOrderAt, placeAmong, placeProblem, storyParagraphs } from '../../../src/lib/placement';

const link = (documentId: string, afterParagraph: number | null, order: number) => ({ documentId, afterParagraph, order });

describe('placeAmong', () => {
  const links = [link('a', 1, 0), link('b', 1, 1), link('c', 1, 2), link('d', 3, 0), link('e', null, 0)];

  test('given three links after ¶1, when the last moves first, then all three are renumbered', () => {
    expect(placeAmong(links, 'c', 1, 0)).toEqual([link('a', 1, 1), link('b', 1, 2), link('c', 1, 0)]);
  });

  test('given a link moving to another paragraph, then it goes last there and the paragraph it leaves closes the gap', () => {
    expect(placeAmong(links, 'a', 3)).toEqual([link('a', 3, 1), link('b', 1, 0), link('c', 1, 1)]);
  });

  test('an order past the last link means last; "at the end" (null) is a place of its own', () => {
    expect(placeAmong(links, 'd', 1, 99)).toEqual([link('d', 1, 3)]);
    expect(placeAmong(links, 'd', null, 0)).toEqual([link('d', null, 0), link('e', null, 1)]);
  });

  test('a link put where it already is changes nothing', () => {
    expect(placeAmong(links, 'b', 1, 1)).toEqual([]);
  });

  test('gaps and ties left by older writes are renumbered 0..k', () => {
    expect(placeAmong([link('a', 2, 4), link('b', 2, 4), link('c', 2, 9)], 'c', 2, 0)).toEqual([
      link('a', 2, 1),
      link('b', 2, 2),
      link('c', 2, 0),
    ]);
  });

  test('an unknown link is an error', () => {
    expect(() => placeAmong(links, 'zz', 1)).toThrow('No link zz');
  });
});

describe('placeProblem', () => {
  test.each([0, 1, 3, null])('accepts %j in a story of 3 paragraphs', (afterParagraph) => {
    expect(placeProblem(afterParagraph, 3)).toBeNull();
  });

  test.each([4, -1, 1.5])('refuses %j, saying how many paragraphs there are', (afterParagraph) => {
    expect(placeProblem(afterParagraph, 3)).toBe(
      'afterParagraph: the story has 3 paragraphs: use 0 (before the first) to 3, or null for the end',
    );
  });
});

describe('reading order and paragraphs', () => {
  test('links sort by paragraph, the end last, then by order', () => {
    const sorted = [link('e', null, 0), link('b', 2, 1), link('a', 2, 0), link('z', 0, 0)].sort(compareReadingOrder);
    expect(sorted.map((l) => l.documentId)).toEqual(['z', 'a', 'b', 'e']);
  });

  test('the next order at a place follows the links already there', () => {
    expect(nextOrderAt([link('a', 3, 0), link('b', 3, 4), link('c', 1, 7)], 3)).toBe(5);
    expect(nextOrderAt([link('c', 1, 7)], 3)).toBe(0);
  });

  test('paragraphs are the non-empty blocks, and are recognised by their first words', () => {
    const block = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
    expect(storyParagraphs([block('One two.'), block('  '), block('Three.')])).toEqual(['One two.', 'Three.']);
    expect(storyParagraphs(null)).toEqual([]);
    expect(firstWords('one two three four five six seven eight nine')).toBe('one two three four five six seven eight…');
    expect(firstWords('  short   one ')).toBe('short one');
  });
});
