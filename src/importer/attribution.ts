/**
 * Who said each quotation: the speech tag inside or between the marks, the clause after
 * the quote, or the clause before it (« selon X », "X said:"), read for the nearest name,
 * title, pronoun or organisation; else the speaker the previous quote carried on. Pure.
 */
import { isOfficeWord, isSourceCue, isSpeechVerb, isSpokespersonWord, isStatementWord, openingCueAt, speechPhraseAt } from './lexicon';
import { isPerson, referencesIn, resolve, type Organisation, type Person, type Reference, type StoryEntities } from './mentions';
import { tokens } from './names';
import { foldForMatch } from './text';

export type How = 'explicit' | 'pronoun' | 'inside' | 'continuation' | 'colon' | 'none';
export type Speaker = { person: Person | null; organisation: Organisation | null; speaksFor: Person | null };
export const NO_SPEAKER: Speaker = { person: null, organisation: null, speaksFor: null };

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATION =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Dre|M|Mme|Mlle|Me|St|Jr|Sr|Gov|Sen|Rep|Lt|Col|Gen|Sgt|Prof|U\.S|[A-Z]|(?:[A-Z]\.)+[A-Z])\.$/u;

/** The end of the clause after `from`: a comma, semicolon, an opening mark, or a sentence end. */
export function clauseEnd(text: string, from: number, commas: boolean): number {
  for (let i = from; i < text.length; i += 1) {
    const char = text[i];
    if (commas && (char === ',' || char === ';')) return i;
    if (char === '“' || char === '«' || (char === '"' && i > from)) return i;
    if (
      /[.!?]/u.test(char) &&
      (i + 1 === text.length || /\s/u.test(text[i + 1])) &&
      !ABBREVIATION.test(text.slice(Math.max(0, i - 5), i + 1))
    )
      return i;
  }
  return text.length;
}

/** Where the sentence holding offset `at` starts. */
export function sentenceStart(text: string, at: number, quotedRanges: [number, number][]): number {
  for (let i = at - 1; i > 0; i -= 1) {
    if (quotedRanges.some(([start, end]) => i >= start && i < end)) continue;
    if (/[.!?]/u.test(text[i]) && /\s/u.test(text[i + 1] ?? '') && !ABBREVIATION.test(text.slice(Math.max(0, i - 5), i + 1))) return i + 2;
  }
  return 0;
}

type Verb = { start: number; end: number; sourceCue: boolean };

/** Where the text from `from` really starts: past spaces, at a sentence's first word. */
function sentenceOpening(text: string, from: number): number {
  const start = from + (text.slice(from).match(/^[\s\u00A0\u202F]*/u)?.[0].length ?? 0);
  return start === 0 || /[.!?»”"]\s*$/u.test(text.slice(0, start)) ? start : -1;
}

function speechVerbIn(text: string, from: number, to: number): Verb | null {
  const all = tokens(text.slice(from, to));
  // « Pour le directeur, Pierre Roy, la fermeture est "…" »: a sentence-opening cue, the speaker after it up to the comma.
  const opening =
    all[0] && from + all[0].start === sentenceOpening(text, from) ? openingCueAt(foldForMatch(text.slice(from + all[0].start, to))) : null;
  if (opening && /,/u.test(text.slice(from, to)))
    return { start: from + all[0].start, end: from + all[0].start + opening.length, sourceCue: true };
  for (const token of all) {
    const start = from + token.start;
    const phrase = speechPhraseAt(foldForMatch(text.slice(start, to)));
    if (phrase) return { start, end: start + phrase.length, sourceCue: isSourceCue(phrase) };
    if (isSpeechVerb(token.text)) return { start, end: from + token.end, sourceCue: false };
  }
  return null;
}

/** An office speaking for a person: "Mr. Roe's office", "the office of Jane Roe", « le cabinet de M. Roe ». */
function officeSpeaker(text: string, from: number, to: number, entities: StoryEntities, paragraph: number): Person | null {
  const words = tokens(text.slice(from, to));
  const officeAt = words.findIndex((word) => isOfficeWord(word.text));
  if (officeAt === -1) return null;
  const people = entities.mentions.filter((m) => m.kind === 'person' && m.paragraph === paragraph && m.start >= from && m.end <= to);
  const officeStart = from + words[officeAt].start;
  for (const mention of people) {
    if (mention.kind !== 'person') continue;
    const between = text.slice(mention.start, officeStart);
    const after = text.slice(officeStart, mention.start);
    if (
      /^[\p{L}'’.-]+['’]s\s+$/u.test(between) ||
      /^\p{L}+\s+(?:of|de|du|d['’])\s+(?:the\s+|la\s+|le\s+)?(?:[\p{L}.]+\s+){0,3}$/u.test(after)
    )
      return mention.person;
  }
  return null;
}

export type Attribution = { text: string; speaker: Speaker; how: How };

/** The speaker a clause [from, to) of a paragraph names, nearest to its verb of saying. */
export function speakerInClause(
  text: string,
  from: number,
  to: number,
  entities: StoryEntities,
  paragraph: number,
  quoteAt: number,
  inside: boolean,
): Attribution | null {
  const verb = speechVerbIn(text, from, to);
  const colon = !verb && /:[\s\u00A0\u202F]*$/u.test(text.slice(from, to));
  if (!verb && !colon) return null;
  const clause = text
    .slice(from, to)
    .trim()
    .replace(/[\s:,\u00A0\u202F]+$/u, '');
  const speaksFor = officeSpeaker(text, from, to, entities, paragraph);
  if (speaksFor) return { text: clause, speaker: { ...NO_SPEAKER, speaksFor }, how: 'explicit' };

  const references: { reference: Reference; start: number; end: number }[] = [
    ...entities.mentions
      .filter((m) => m.paragraph === paragraph && m.start >= from && m.end <= to)
      .map((m) => ({
        reference:
          m.kind === 'person'
            ? ({ kind: 'person', person: m.person } as const)
            : ({ kind: 'organisation', organisation: m.organisation } as const),
        start: m.start,
        end: m.end,
      })),
    ...referencesIn(text, from, to).filter(
      (r) => !entities.mentions.some((m) => m.paragraph === paragraph && m.start <= r.start && r.end <= m.end),
    ),
  ];
  const pivot = verb ?? { start: to, end: to, sourceCue: false };
  const candidates = pivot.sourceCue ? references.filter((r) => r.start >= pivot.end) : references;
  // "Jane Roe, an analyst at Acme, said": the name before an apposition is the verb's subject.
  const apposed = (r: { start: number; end: number }) =>
    r.end <= pivot.start && /^\s*,[^,;:«»“”"]{1,120},\s*$/u.test(text.slice(r.end, pivot.start));
  const distance = (r: { start: number; end: number }) =>
    apposed(r) ? 0 : r.end <= pivot.start ? pivot.start - r.end : Math.max(0, r.start - pivot.end);
  // The subject of a verb of saying comes before it ("Basso rejected it, saying the company…", "he told AFP");
  // a name after the verb speaks only when none comes before ("said Raman", "said the company").
  const subjects = pivot.sourceCue ? [] : candidates.filter((r) => r.start < pivot.end);
  const nearest = [...(subjects.length > 0 ? subjects : candidates)].sort((a, b) => distance(a) - distance(b))[0];

  const words = tokens(clause).map((token) => token.text);
  const unnamedSpokesperson = words.some(isSpokespersonWord) || words.some(isStatementWord);
  if (!nearest) {
    if (unnamedSpokesperson) {
      const organisation = resolve({ kind: 'generic' }, entities, paragraph, quoteAt);
      if (organisation && !isPerson(organisation)) return { text: clause, speaker: { ...NO_SPEAKER, organisation }, how: 'explicit' };
    }
    return { text: clause, speaker: NO_SPEAKER, how: colon ? 'colon' : 'explicit' };
  }
  const entity = resolve(nearest.reference, entities, paragraph, quoteAt);
  const how: How = colon ? 'colon' : nearest.reference.kind === 'pronoun' ? 'pronoun' : inside ? 'inside' : 'explicit';
  if (isPerson(entity)) return { text: clause, speaker: { ...NO_SPEAKER, person: entity }, how };
  if (entity) return { text: clause, speaker: { ...NO_SPEAKER, organisation: entity }, how };
  return { text: clause, speaker: NO_SPEAKER, how };
}
