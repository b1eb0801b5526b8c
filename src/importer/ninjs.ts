/**
 * A ninjs text item as input: the importer reads it as a story, its plain-text body going
 * through the same parser as wire copy. Pure. (ninjs output is src/formats/ninjs.ts.)
 */
import { z } from 'zod';
import { parseStory, type StoryModel } from './parser';

const ninjsSchema = z.object({
  uri: z.string().min(1).max(500),
  type: z.literal('text'),
  language: z.string().optional(),
  firstcreated: z.string().optional(),
  headline: z.string().optional(),
  headlines: z.array(z.object({ value: z.string() })).optional(),
  descriptions: z.array(z.object({ value: z.string(), role: z.string().optional() })).optional(),
  bylines: z.array(z.object({ byline: z.string() })).optional(),
  body_text: z.string().optional(),
  bodies: z.array(z.object({ value: z.string(), contenttype: z.string().optional() })).optional(),
  people: z.array(z.object({ name: z.string().min(1), rel: z.string().optional(), altnames: z.array(z.string()).optional() })).optional(),
});

export type NinjsPerson = { name: string; aliases: string[] };

/** A ninjs text item as a story: its plain-text body goes through the same parser as wire copy. */
export function storyFromNinjs(json: unknown): { story: StoryModel; people: NinjsPerson[] } {
  const parsed = ninjsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`not a ninjs text item: "${issue.path.join('.') || 'document'}" ${issue.message}`);
  }
  const ninjs = parsed.data;
  const plain = ninjs.bodies?.find((body) => (body.contenttype ?? 'text/plain') === 'text/plain')?.value ?? ninjs.body_text;
  if (!plain) throw new Error('the ninjs item has no plain-text body');
  const locale = ninjs.language?.toLowerCase().startsWith('fr') ? 'fr' : ninjs.language ? 'en' : undefined;
  const firstcreated =
    ninjs.firstcreated && !Number.isNaN(Date.parse(ninjs.firstcreated)) ? new Date(ninjs.firstcreated).toISOString() : undefined;
  const story = parseStory(plain, {
    title: ninjs.headlines?.[0]?.value ?? ninjs.headline,
    locale,
    sourceId: ninjs.uri,
    standfirst: ninjs.descriptions?.find((d) => !d.role || d.role === 'summary')?.value,
    byline: ninjs.bylines?.[0]?.byline,
    publishedAt: firstcreated,
  });
  return { story, people: (ninjs.people ?? []).map((p) => ({ name: p.name, aliases: p.altnames ?? [] })) };
}
