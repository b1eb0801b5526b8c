/**
 * From a plain-text wire story to a story model: paragraphs, "Read also" lines with
 * their placement, quotes with who said them, and the people the story names.
 * Pure: imports nothing from Strapi, so it is unit-tested on its own.
 */
import { eng as englishStopwords, fra as frenchStopwords } from 'stopword';
import { z } from 'zod';
import { foldForMatch, normaliseSpaces } from './text';

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
  channel: string | null;
};

export type StoryModel = {
  title: string;
  locale: StoryLocale;
  paragraphs: string[];
  relatedLinks: ParsedRelatedLink[];
  quotes: ParsedQuote[];
  /** Full names the story gives with a title or an honorific ("Prime Minister Justin Trudeau"). */
  namedPeople: string[];
  metadata: StoryMetadata;
};

export class StoryParseError extends Error {}

const MAX_TITLE_LENGTH = 120;

const RELATED_LINK_LINE =
  /^(?:[•·▪►*–—-]\s*)?(read also|read more|related|see also|à lire aussi|a lire aussi|lire aussi|voir aussi)[\s\u00A0\u202F]*:[\s\u00A0\u202F]*(.*)$/iu;

/** Opening and closing marks of the quote styles wire copy uses. Single quotes are scare quotes, not speech. */
const QUOTE_PATTERN = /“([^“”]+)”|«[\s\u00A0\u202F]*([^«»]+?)[\s\u00A0\u202F]*»|"([^"]+)"/gu;

/** Whole words in any script: `\b` only knows ASCII letters, so "déclaré" would never end a word. */
function wordsPattern(alternatives: string): RegExp {
  return new RegExp(`(?<!\\p{L})(?:${alternatives})(?!\\p{L})`, 'iu');
}

/** Either case for the first letter, where the rest of a pattern must stay case-sensitive. */
function capitalisable(word: string): string {
  return `[${word[0].toUpperCase()}${word[0]}]${word.slice(1)}`;
}

const NAME_WORD = "\\p{Lu}[\\p{L}'’-]+";
const FULL_NAME = `${NAME_WORD}(?:\\s+${NAME_WORD}){1,2}`;
const HONORIFIC = '(?:Mr|Mrs|Ms|Dr|M|Mme|Mlle|Me)\\.?';

/** Titles by which a story later refers to someone it named ("continued the President"). */
const TITLES: { key: string; pattern: string }[] = [
  { key: 'prime minister', pattern: 'Prime Minister|premier ministre|première ministre' },
  { key: 'president', pattern: 'President|président|présidente' },
  { key: 'chancellor', pattern: 'Chancellor|chancelier|chancelière' },
  { key: 'minister', pattern: 'Minister|ministre' },
  { key: 'secretary-general', pattern: 'Secretary-General|secrétaire général' },
  { key: 'governor', pattern: 'Governor|gouverneur' },
  { key: 'mayor', pattern: 'Mayor|maire|mairesse' },
  { key: 'senator', pattern: 'Senator|sénateur|sénatrice' },
  { key: 'councillor', pattern: 'Councillor|Councilor|conseiller|conseillère' },
  { key: 'ambassador', pattern: 'Ambassador|ambassadeur|ambassadrice' },
  { key: 'general', pattern: 'General|général' },
];

const LEADING_TITLE = new RegExp(`^(?:(?:${TITLES.map((title) => title.pattern).join('|')})\\s+)+`, 'iu');

/** "Mayor Jane Doe" → "Jane Doe": a title is not part of the name. */
function withoutTitle(name: string): string {
  const stripped = name.replace(LEADING_TITLE, '');
  return stripped.length > 0 ? stripped : name;
}

const OFFICE_WORDS = `(?:${['office', 'cabinet', 'bureau', 'spokesperson', 'spokesman', 'spokeswoman', 'porte-parole', 'entourage', 'camp', 'team', 'équipe', 'government', 'gouvernement'].map(capitalisable).join('|')})`;

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

const SPEECH_VERB = wordsPattern(
  "said|says|summarized|summarised|summed up|continued|added|stated|told|wrote|declared|explained|insisted|noted|stressed|argued|indicated|tweeted|posted|affirmed|recalled|warned|concluded|a déclaré|a dit|a affirmé|a ajouté|a poursuivi|a résumé|a souligné|a indiqué|a expliqué|a écrit|a estimé|a assuré|a insisté|a rappelé|a martelé|a tweeté|a conclu|selon|d'après|déclare|affirme|dit|a-t-il|a-t-elle",
);

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
    metadata[pair[1]] = pair[1] === 'tags' ? value.replace(/^\[|\]$/gu, '').split(',').map((tag) => tag.trim()).filter(Boolean) : value;
  }
  return { metadata: metadata as StoryMetadata, body: raw.slice(match[0].length) };
}

type Line = { kind: 'text'; text: string } | { kind: 'link'; label: string } | { kind: 'blank' };

function classify(rawLine: string): Line {
  const line = normaliseSpaces(rawLine);
  if (line === '') return { kind: 'blank' };
  const link = RELATED_LINK_LINE.exec(line);
  if (link) return { kind: 'link', label: link[2].trim() };
  return { kind: 'text', text: line };
}

/**
 * Hard-wrapped copy breaks lines inside sentences; one-paragraph-per-line copy ends
 * each line with a sentence. Lines that are followed by another text line tell which.
 */
function isHardWrapped(lines: Line[]): boolean {
  let inside = 0;
  let unfinished = 0;
  lines.forEach((line, index) => {
    const next = lines[index + 1];
    if (line.kind !== 'text' || next?.kind !== 'text') return;
    inside += 1;
    if (!/[.!?:»”"’)…]$/u.test(line.text)) unfinished += 1;
  });
  return inside > 0 && unfinished / inside > 0.5;
}

/**
 * Paragraphs are one per line, or blocks separated by blank lines when the copy is
 * hard-wrapped. "Read also" lines are taken out of the body wherever they stand.
 */
function splitBody(body: string): { paragraphs: string[]; relatedLinks: ParsedRelatedLink[] } {
  const lines = body.split('\n').map(classify);
  const wrapped = isHardWrapped(lines);

  const paragraphs: string[] = [];
  const relatedLinks: ParsedRelatedLink[] = [];
  let open: string[] = [];
  const close = () => {
    if (open.length > 0) paragraphs.push(open.join(' '));
    open = [];
  };
  for (const line of lines) {
    if (line.kind === 'link') {
      close();
      if (line.label) relatedLinks.push({ label: line.label, afterParagraph: paragraphs.length, order: relatedLinks.length });
    } else if (line.kind === 'blank') {
      close();
    } else {
      if (!wrapped) close();
      open.push(line.text);
    }
  }
  close();
  return { paragraphs, relatedLinks };
}

function surname(name: string): string {
  const words = name.trim().split(/\s+/u);
  return words[words.length - 1];
}

/** Every full name the story gives, and which of them a title belongs to. */
function collectNames(paragraphs: string[]) {
  const fullNames: string[] = [];
  const byTitle = new Map<string, string>();
  const titledName = new RegExp(
    `(?:^|[^\\p{L}])(${TITLES.map((title) => title.pattern).join('|')})(?:\\s+\\p{Ll}[\\p{L}-]+)?\\s+(${FULL_NAME})`,
    'gu',
  );
  const honoredName = new RegExp(`(?:^|[^\\p{L}])${HONORIFIC}\\s+(${FULL_NAME})`, 'gu');
  const titled = (name: string) => !fullNames.includes(name) && fullNames.push(name);
  for (const paragraph of paragraphs) {
    for (const match of paragraph.matchAll(titledName)) {
      const key = TITLES.find((title) => new RegExp(`^(?:${title.pattern})$`, 'iu').test(match[1]))?.key;
      titled(match[2]);
      if (key && !byTitle.has(key)) byTitle.set(key, match[2]);
    }
    for (const match of paragraph.matchAll(honoredName)) titled(match[1]);
  }
  return { fullNames, byTitle };
}

/** The fullest form of a name the story uses: "Zelensky" → "Valodymyr Zelensky". */
function fullest(name: string, fullNames: string[]): string {
  const last = foldForMatch(surname(name));
  return fullNames.find((full) => foldForMatch(surname(full)) === last && full.length >= name.length) ?? name;
}

type Speaker = { speakerName: string | null; speaksForName: string | null };

/** Who an attribution names: a person, a title standing for one, or an office speaking for one. */
function speakerIn(attribution: string, names: ReturnType<typeof collectNames>): Speaker {
  const nameOrHonored = `(?:${HONORIFIC}\\s+)?(${NAME_WORD}(?:\\s+${NAME_WORD}){0,2})`;
  const officeOf = new RegExp(
    `${nameOrHonored}['’]s\\s+${OFFICE_WORDS}|${OFFICE_WORDS}\\s+(?:of|de|du|d['’])\\s*(?:the\\s+|la\\s+|le\\s+)?(?:${TITLES.map((t) => t.pattern).join('|')})?\\s*${nameOrHonored}`,
    'u',
  );
  const office = officeOf.exec(attribution);
  const officeName = office?.[1] ?? office?.[2];
  if (office && officeName && /\p{Lu}/u.test(officeName[0])) {
    return { speakerName: null, speaksForName: fullest(officeName, names.fullNames) };
  }

  const honored = new RegExp(`(?:^|[^\\p{L}])${HONORIFIC}\\s+(${NAME_WORD}(?:\\s+${NAME_WORD}){0,2})`, 'u').exec(attribution);
  if (honored && looksLikeName(honored[1])) return { speakerName: fullest(honored[1], names.fullNames), speaksForName: null };

  for (const full of attribution.matchAll(new RegExp(FULL_NAME, 'gu'))) {
    const name = withoutTitle(full[0]);
    if (looksLikeName(name)) return { speakerName: fullest(name, names.fullNames), speaksForName: null };
  }

  for (const title of TITLES) {
    if (new RegExp(`(?:^|[^\\p{L}])(?:${title.pattern})(?:[^\\p{L}]|$)`, 'iu').test(attribution) && names.byTitle.has(title.key)) {
      return { speakerName: names.byTitle.get(title.key) as string, speaksForName: null };
    }
  }

  const single = new RegExp(`(?:^|\\s)(${NAME_WORD})(?:[\\s,.;]|$)`, 'u').exec(attribution);
  if (single && names.fullNames.some((name) => foldForMatch(surname(name)) === foldForMatch(single[1]))) {
    return { speakerName: fullest(single[1], names.fullNames), speaksForName: null };
  }
  return { speakerName: null, speaksForName: null };
}

/** The clause after a closing quote mark, up to the end of the sentence or the next comma. */
function clauseAfter(paragraph: string, index: number): string {
  const rest = paragraph.slice(index).replace(/^[\s,;:\u00A0\u202F]+/u, '');
  // Abbreviated honorifics end in a period that does not end the sentence.
  const protectedRest = rest.replace(/\b(Mr|Mrs|Ms|Dr|M|St)\./gu, '$1\uE000');
  const end = protectedRest.search(/[.!?](?:\s|$)|[,;“«"]/u);
  return (end === -1 ? protectedRest : protectedRest.slice(0, end)).replace(/\uE000/gu, '.').trim();
}

/** The clause before an opening quote mark that introduces it ("Mr. Trudeau said:"). */
function clauseBefore(paragraph: string, index: number): string {
  const head = paragraph.slice(0, index).trimEnd();
  if (!/[:,]$/u.test(head)) return '';
  const protectedHead = head.replace(/\b(Mr|Mrs|Ms|Dr|M|St)\./gu, '$1\uE000');
  const start = Math.max(protectedHead.lastIndexOf('. '), protectedHead.lastIndexOf('” '), protectedHead.lastIndexOf('» '));
  return protectedHead
    .slice(start === -1 ? 0 : start + 2)
    .replace(/\uE000/gu, '.')
    .replace(/[\s:,\u00A0\u202F]+$/u, '')
    .trim();
}

/** Longer than this, a clause next to a quote is narrative, not an attribution. */
const MAX_ATTRIBUTION_LENGTH = 200;

/**
 * Speech has a few words and either sentence punctuation inside the marks or a speech
 * verb beside them; a title in quotes (“Orange Is the New Black”) has neither.
 */
function isSpeech(text: string, attributed: boolean): boolean {
  if (text.split(/\s+/u).length < 4) return false;
  return attributed || /[.,!?…;:]$/u.test(text);
}

function attributionIn(clause: string): string | null {
  return clause && clause.length <= MAX_ATTRIBUTION_LENGTH && SPEECH_VERB.test(clause) ? clause : null;
}

/** Capitalised words that start clauses, name days or channels: never a person's name. */
const NOT_A_NAME = new Set(
  ['the', 'on', 'in', 'at', 'for', 'of', 'and', 'a', 'an', 'is', 'it', 'to', 'as', 'by', 'with', 'from', 'but', 'this', 'that', 'le', 'la', 'les', 'un', 'une', 'des', 'sur', 'dans', 'twitter', 'facebook', 'instagram', 'telegram', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
);

function looksLikeName(name: string): boolean {
  return name.split(/\s+/u).every((word) => !NOT_A_NAME.has(word.toLowerCase().replace(/['’]s$/u, '')));
}

function channelOf(attribution: string): string | null {
  return CHANNELS.find((candidate) => candidate.pattern.test(attribution))?.channel ?? null;
}

function extractQuotes(paragraphs: string[], names: ReturnType<typeof collectNames>): ParsedQuote[] {
  const quotes: ParsedQuote[] = [];
  paragraphs.forEach((paragraph, index) => {
    for (const match of paragraph.matchAll(QUOTE_PATTERN)) {
      const words = (match[1] ?? match[2] ?? match[3]).trim();
      const after = clauseAfter(paragraph, (match.index ?? 0) + match[0].length);
      const before = clauseBefore(paragraph, match.index ?? 0);
      const attribution = attributionIn(after) ?? attributionIn(before);
      if (!isSpeech(words, attribution !== null)) continue;
      const text = words.replace(/,$/u, '');

      let speaker: Speaker = attribution ? speakerIn(attribution, names) : { speakerName: null, speaksForName: null };
      let channel = attribution ? channelOf(attribution) : null;
      const previous = quotes[quotes.length - 1];
      if (attribution && CONTINUATION.test(attribution) && previous) {
        if (!speaker.speakerName && !speaker.speaksForName) speaker = previous;
        if (!channel && previous.speakerName === speaker.speakerName) channel = previous.channel;
      }
      quotes.push({ text, paragraph: index, attribution, ...speaker, channel });
    }
  });
  return quotes;
}

/** Parses one story. Throws StoryParseError when there is no story to import. */
export function parseStory(raw: string, sidecar: StoryMetadata = {}): StoryModel {
  const unified = raw.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const { metadata: frontMatter, body } = splitFrontMatter(unified);
  const checked = storyMetadataSchema.safeParse({ ...frontMatter, ...sidecar });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new StoryParseError(`metadata field "${issue.path.join('.') || '?'}": ${issue.message}`);
  }
  const metadata = checked.data;
  const { paragraphs, relatedLinks } = splitBody(body);
  if (paragraphs.length === 0) throw new StoryParseError('the story has no paragraphs');

  const names = collectNames(paragraphs);
  const quotes = extractQuotes(paragraphs, names);
  const locale = metadata.locale ?? detectLocale(paragraphs.join('\n'));
  const title = metadata.title?.trim() || titleFromText(paragraphs[0]);
  const namedPeople = [...names.fullNames];
  for (const quote of quotes) {
    for (const name of [quote.speakerName, quote.speaksForName]) {
      if (name && !namedPeople.includes(name)) namedPeople.push(name);
    }
  }
  return { title, locale, paragraphs, relatedLinks, quotes, namedPeople, metadata };
}
