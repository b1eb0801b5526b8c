/**
 * Reading story files for the importer: every way a file can be unusable becomes one
 * clear reason, so a batch can go on with the other files.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseStory, type StoryModel } from './parser';
import { storyFromNinjs, type NinjsPerson } from './ninjs';

export const MAX_STORY_BYTES = 1024 * 1024;

/** A readable story: parsed, with the people a ninjs item declares (plain text declares none). */
export type StoryFile = { file: string; story: StoryModel; people: NinjsPerson[] };
export type UnreadableFile = { file: string; reason: string };

export function isNinjsFile(file: string): boolean {
  return file.toLowerCase().endsWith('.ninjs.json');
}

function isStoryFile(file: string): boolean {
  return file.toLowerCase().endsWith('.txt') || isNinjsFile(file);
}

/** Expands directories to the story files in them; a path that yields no story is a failure of its own. */
export async function collectStoryPaths(inputs: string[]): Promise<{ files: string[]; failures: UnreadableFile[] }> {
  const files: string[] = [];
  const failures: UnreadableFile[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (!stat) {
      failures.push({ file: input, reason: 'no such file or directory' });
    } else if (stat.isDirectory()) {
      const entries = (await fs.readdir(input, { recursive: true })).filter(isStoryFile).sort();
      if (entries.length === 0) failures.push({ file: input, reason: 'the directory holds no .txt or .ninjs.json story files' });
      files.push(...entries.map((entry) => path.join(input, entry)));
    } else {
      files.push(input);
    }
  }
  return { files, failures };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Why a file's bytes are not a story, or null when they can be parsed. */
export function unreadableReason(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'the file is empty';
  if (bytes.length > MAX_STORY_BYTES) return `the file is larger than ${MAX_STORY_BYTES / 1024 / 1024} MiB`;
  if (bytes.includes(0)) return 'the file is binary, not text';
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return 'the file is not valid UTF-8 text';
  }
  // Control characters other than tab and line breaks mean a binary or corrupted file.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const controls = text.match(/[\u0001-\u0008\u000B\u000E-\u001F\u007F]/gu)?.length ?? 0;
  if (controls > 0) return 'the file contains control characters: it is binary or corrupted';
  if (text.replace(/^\uFEFF/u, '').trim() === '') return 'the file is empty';
  return null;
}

async function sidecarMetadata(file: string): Promise<unknown> {
  const base = file.slice(0, -path.extname(file).length);
  for (const candidate of [`${base}.json`, `${base}.meta.json`]) {
    const raw = await fs.readFile(candidate, 'utf8').catch(() => null);
    if (raw === null) continue;
    try {
      return JSON.parse(raw);
    } catch {
      throw new Error(`its metadata file ${path.basename(candidate)} is not valid JSON`);
    }
  }
  return {};
}

export async function readStoryFile(file: string): Promise<StoryFile | UnreadableFile> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat) return { file, reason: 'no such file' };
  if (!stat.isFile()) return { file, reason: 'not a regular file' };
  if (stat.size > MAX_STORY_BYTES) return { file, reason: `the file is larger than ${MAX_STORY_BYTES / 1024 / 1024} MiB` };
  const bytes = await fs.readFile(file);
  const reason = unreadableReason(bytes);
  if (reason) return { file, reason };
  const text = bytes.toString('utf8');
  try {
    if (isNinjsFile(file)) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return { file, reason: 'the file is not valid JSON' };
      }
      return { file, ...storyFromNinjs(json) };
    }
    return { file, story: parseStory(text, await sidecarMetadata(file)), people: [] };
  } catch (error) {
    return { file, reason: (error as Error).message };
  }
}
