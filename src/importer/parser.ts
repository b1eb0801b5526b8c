/**
 * From a plain-text wire story to a story model: paragraphs, "Read also" lines with
 * their placement, quotes with who said them, and the people the story names.
 * Pure: imports nothing from Strapi, so it is unit-tested on its own.
 */
import { eng as englishStopwords, fra as frenchStopwords } from 'stopword';
import { z } from 'zod';
import type { How } from './attribution';
import { storyEntities, type StoryEntities } from './mentions';
import { allSpans, quoteRecords } from './quotes';
import { foldForMatch } from './text';
import { readWireLayout } from './wire-layout';

export type StoryLocale = 'en' | 'fr';

const shortText = z.string().trim().min(1).max(300);

/** Metadata from front matter or a sidecar JSON file: untrusted, so checked field by field. */
export const storyMetadataSchema = z
  .object({
    title: shortText,
    locale: z.enum(['en', 'fr']),
    source: shortText,
    sourceId: shortText,
    byline: shortText,
    dateline: shortText,
    section: shortText,
    tags: z.array(z.string().trim().min(1).max(200)).max(100),
    standfirst: z.string().trim().min(1).max(2000),
    publishedAt: z.string().datetime({ offset: true }).or(z.string().date()),
  })
  .partial()
  .strict();

export type StoryMetadata = z.infer<typeof storyMetadataSchema>;

export type ParsedRelatedLink = {
  label: string;
  /** How many body paragraphs come before the link: 1 = after the first paragraph. */
  afterParagraph: number;
  order: number;
};

export type ParsedQuote = {
  text: string;
  /** Index of the paragraph (0-based) the quote appears in. */
  paragraph: number;
  /** The attribution as printed ("summarized Mr. Zelensky on his Twitter account"), if any. */
  attribution: string | null;
  /** The person who said it, in the fullest form the story gives ("Valodymyr Zelensky"). */
  speakerName: string | null;
  /** For words issued by an office or a group, the person it speaks for; the words are not theirs. */
  speaksForName: string | null;
  /** For words an organisation issued (a statement, an unnamed spokesperson), its name as the story gives it. */
  organisation: string | null;
  /** How the story ties the quote to its speaker (explicit, pronoun, inside, continuation, colon, none). */
  how: How;
  channel: string | null;
};

export type StoryModel = {
  title: string;
  locale: StoryLocale;
  paragraphs: string[];
  relatedLinks: ParsedRelatedLink[];
  quotes: ParsedQuote[];
  /** The people the story names, in the fullest form it gives, titles dropped ("Justin Trudeau"). */
  namedPeople: string[];
  /** Organisations quoted in the story (speakers of statements and releases), in the fullest form given. */
  organisations: string[];
  /** Photo captions and subheads: wire lines that are not story paragraphs. */
  captions: string[];
  subheads: string[];
  metadata: StoryMetadata;
};

export class StoryParseError extends Error {}

const MAX_TITLE_LENGTH = 120;

/** Whole words in any script: `\b` only knows ASCII letters, so "déclaré" would never end a word. */
function wordsPattern(alternatives: string): RegExp {
  return new RegExp(`(?<!\\p{L})(?:${alternatives})(?!\\p{L})`, 'iu');
}

const CHANNELS: { channel: string; pattern: RegExp }[] = [
  { channel: 'Twitter', pattern: wordsPattern('twitter|tweet\\p{L}*|on x|sur x') },
  { channel: 'Facebook', pattern: wordsPattern('facebook') },
  { channel: 'Telegram', pattern: wordsPattern('telegram') },
  { channel: 'Instagram', pattern: wordsPattern('instagram') },
  { channel: 'statement', pattern: wordsPattern('statement|communiqué|press release|déclaration écrite') },
  { channel: 'interview', pattern: wordsPattern('interview|entrevue|entretien') },
  { channel: 'press conference', pattern: wordsPattern('press conference|news conference|conférence de presse|point de presse') },
];

/** Verbs that carry on from the speaker's previous quote, and with it its channel. */
const CONTINUATION = wordsPattern('continued|added|went on|concluded|poursuivi|ajouté|continué|conclu|enchaîné');

export function detectLocale(text: string): StoryLocale {
  const words = foldForMatch(text).match(/\p{L}+/gu) ?? [];
  const fold = (list: string[]) => new Set(list.map(foldForMatch));
  const english = fold(englishStopwords);
  const french = fold(frenchStopwords);
  let score = 0;
  for (const word of words) {
    if (english.has(word) && !french.has(word)) score += 1;
    if (french.has(word) && !english.has(word)) score -= 1;
  }
  return score < 0 ? 'fr' : 'en';
}

/** The first sentence, shortened at a word boundary when it is long. */
export function titleFromText(paragraph: string): string {
  const sentence = /^(.+?[.!?])(?:\s|$)/u.exec(paragraph)?.[1] ?? paragraph;
  const trimmed = sentence.replace(/[.!?]$/u, '');
  if (trimmed.length <= MAX_TITLE_LENGTH) return trimmed;
  const cut = trimmed.slice(0, MAX_TITLE_LENGTH - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).replace(/[\s,;:–-]+$/u, '')}…`;
}

/** `---` front matter with `key: value` lines, as newsroom tools write it. */
export function splitFrontMatter(raw: string): { metadata: StoryMetadata; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n?/u.exec(raw);
  if (!match) return { metadata: {}, body: raw };
  const metadata: Record<string, unknown> = {};
  for (const line of match[1].split('\n')) {
    const pair = /^\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/u.exec(line);
    if (!pair) continue;
    const value = pair[2].replace(/^["'](.*)["']$/u, '$1');
    metadata[pair[1]] =
      pair[1] === 'tags'
        ? value
            .replace(/^\[|\]$/gu, '')
            .split(',')
            .map((tag) => tag.trim())
            .filter(Boolean)
        : value;
  }
  return { metadata: metadata as StoryMetadata, body: raw.slice(match[0].length) };
}

function channelOf(attribution: string): string | null {
  return CHANNELS.find((candidate) => candidate.pattern.test(attribution))?.channel ?? null;
}

function parsedQuotes(paragraphs: string[], extra: string[]): { quotes: ParsedQuote[]; entities: StoryEntities } {
  const spans = allSpans(paragraphs);
  const quoted = (paragraph: number, offset: number) => spans[paragraph]?.some((span) => offset > span.start && offset < span.end) ?? false;
  const entities = storyEntities(paragraphs, extra, quoted);
  const quotes: ParsedQuote[] = [];
  for (const record of quoteRecords(paragraphs, spans, entities)) {
    const previous = quotes[quotes.length - 1];
    const speakerName = record.speaker.person?.name ?? null;
    let channel = record.attribution ? channelOf(record.attribution) : null;
    if (!channel && previous && record.attribution && CONTINUATION.test(record.attribution) && previous.speakerName === speakerName)
      channel = previous.channel;
    quotes.push({
      text: record.text,
      paragraph: record.paragraph,
      attribution: record.attribution,
      speakerName,
      speaksForName: record.speaker.speaksFor?.name ?? null,
      organisation: record.speaker.organisation?.name ?? null,
      how: record.how,
      channel,
    });
  }
  return { quotes, entities };
}

/**
 * Parses one story. Throws StoryParseError when there is no story to import. The sidecar is
 * untrusted JSON (a `<name>.json` beside the file): the metadata schema checks it.
 */
export function parseStory(raw: string, sidecar: unknown = {}): StoryModel {
  const unified = raw.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const { metadata: frontMatter, body } = splitFrontMatter(unified);
  // Object() boxes a JSON value exactly as a spread does: null adds nothing, a string its characters (which the schema refuses).
  const checked = storyMetadataSchema.safeParse({ ...frontMatter, ...Object(sidecar) });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new StoryParseError(`metadata field "${issue.path.join('.') || '?'}": ${issue.message}`);
  }
  const layout = readWireLayout(body);
  const { paragraphs, relatedLinks } = layout;
  if (paragraphs.length === 0) throw new StoryParseError('the story has no paragraphs');
  const metadata: StoryMetadata = {
    ...checked.data,
    ...(!checked.data.byline && layout.byline ? { byline: layout.byline.slice(0, 300) } : {}),
    ...(!checked.data.dateline && layout.dateline ? { dateline: layout.dateline } : {}),
  };

  const { quotes, entities } = parsedQuotes(paragraphs, layout.captions);
  const locale = metadata.locale ?? detectLocale(paragraphs.join('\n'));
  const title = metadata.title?.trim() || layout.headline || titleFromText(paragraphs[0]);
  const namedPeople = entities.people.map((person) => person.name);
  for (const quote of quotes) {
    for (const name of [quote.speakerName, quote.speaksForName]) {
      if (name && !namedPeople.includes(name)) namedPeople.push(name);
    }
  }
  const organisations = [...new Set(quotes.map((quote) => quote.organisation).filter((name): name is string => name !== null))];
  return {
    title,
    locale,
    paragraphs,
    relatedLinks,
    quotes,
    namedPeople,
    organisations,
    captions: layout.captions,
    subheads: layout.subheads,
    metadata,
  };
}
