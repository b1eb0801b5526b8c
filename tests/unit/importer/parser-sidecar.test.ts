import { parseStory, StoryParseError } from '../../../src/importer/parser';

/** The sidecar is whatever JSON sat beside the story file: parseStory takes it unchecked and validates it. */
describe('parseStory with an untrusted sidecar', () => {
  const body = '---\ntitle: From front matter\n---\nBody text.';

  test('Given an object, then its fields override the front matter', () => {
    expect(parseStory(body, { title: 'From the sidecar', section: 'World' }).metadata).toEqual({
      title: 'From the sidecar',
      section: 'World',
    });
  });

  test.each([null, 42, true])('Given %j, then it adds nothing', (sidecar) => {
    expect(parseStory(body, sidecar).metadata).toEqual({ title: 'From front matter' });
  });

  test.each([
    ['a string', 'ab'],
    ['an array', ['x']],
    ['an unknown field', { colour: 'red' }],
    ['a field of the wrong type', { tags: 'Ukraine' }],
  ])('Given %s, then the story is refused', (_, sidecar) => {
    expect(() => parseStory(body, sidecar)).toThrow(StoryParseError);
  });
});
