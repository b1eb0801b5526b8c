import { MAX_STORY_BYTES, unreadableReason } from '../../../src/importer/files';

test.each([
  ['empty', Buffer.alloc(0), 'the file is empty'],
  ['only whitespace', Buffer.from(' \n\t\n'), 'the file is empty'],
  ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]), 'the file is binary, not text'],
  ['Latin-1', Buffer.from('caf\xe9', 'latin1'), 'the file is not valid UTF-8 text'],
  ['control characters', Buffer.from('text\u0007bell'), 'the file contains control characters: it is binary or corrupted'],
  ['over 1 MiB', Buffer.alloc(MAX_STORY_BYTES + 1, 'a'), 'the file is larger than 1 MiB'],
])('%s', (_name, bytes, reason) => {
  expect(unreadableReason(bytes)).toBe(reason);
});

test('UTF-8 text with right-to-left marks, accents and emoji is readable', () => {
  expect(unreadableReason(Buffer.from('Un été « chaud » \u200F مرحبا 🎉\n'))).toBeNull();
});
