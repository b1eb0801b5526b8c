/**
 * From quotation spans to quote records with their speakers: segments of one speaker
 * split only by a tag are one record, a quotation running over paragraphs is one record,
 * titles of works, scare quotes and slogans are not speech. Pure.
 */
import { clauseEnd, NO_SPEAKER, sentenceStart, speakerInClause, type Attribution, type How, type Speaker } from './attribution';
import { isSpeechVerb } from './lexicon';
import type { StoryEntities } from './mentions';
import { tokens } from './names';
import { insideTag, reopens, spansIn, type QuoteSpan } from './quote-spans';
import { foldForMatch } from './text';

export type QuoteRecord = {
  text: string;
  paragraph: number;
  attribution: string | null;
  speaker: Speaker;
  how: How;
};

/** Words just before a quotation that make it a name, not speech ("a film titled “…”"). */
const NAMING_CUES = new Set([
  'titled',
  'entitled',
  'intitule',
  'intitulee',
  'dubbed',
  'nicknamed',
  'surnomme',
  'surnommee',
  'slogan',
  'hashtag',
  'reading',
  'baptise',
  'baptisee',
  'named',
  'called',
]);

const wordCount = (text: string) => text.split(/[\s\u00A0\u202F]+/u).filter(Boolean).length;

/** "Orange Is the New Black": every longer word capitalised and no sentence punctuation. */
function looksLikeATitle(text: string): boolean {
  const words = text.split(/\s+/u).filter((word) => word.length > 3);
  return words.length > 0 && words.every((word) => /^\p{Lu}/u.test(word)) && !/[.!?,;]$/u.test(text);
}

/**
 * An attribution is the clause that links a quote to its speaker; in web scrapes with no
 * sentence breaks that "clause" can run for a paragraph. Editors see the words nearest the
 * verb: at most this many characters, cut at a word.
 */
export const MAX_ATTRIBUTION_LENGTH = 200;

function clipAttribution(text: string): string {
  if (text.length <= MAX_ATTRIBUTION_LENGTH) return text;
  const cut = text.slice(0, MAX_ATTRIBUTION_LENGTH - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_ATTRIBUTION_LENGTH / 2)).trimEnd()}…`;
}

export function allSpans(paragraphs: string[]): QuoteSpan[][] {
  return paragraphs.map((paragraph, index) => spansIn(paragraph, index));
}

type Draft = {
  spans: QuoteSpan[];
  parts: string[];
  tag: { text: string; paragraph: number; from: number; to: number } | null;
  insideTag: string | null;
  /** Left open at a paragraph's end, but the next paragraph opened its own attributed quotation. */
  closedByNext?: boolean;
};

/** The clause after a paragraph's first quotation carries its own verb of saying (“…,” said X). */
function ownAttribution(paragraph: string, span: QuoteSpan | undefined): boolean {
  if (!span || span.open || span.start !== 0) return false;
  const after = paragraph.slice(span.end, clauseEnd(paragraph, span.end, false));
  return tokens(after)
    .slice(0, 6)
    .some((word) => isSpeechVerb(word.text));
}

function between(paragraph: string, a: QuoteSpan, b: QuoteSpan): string {
  return paragraph.slice(a.end, b.start);
}

/** A short clause with a verb of saying and nothing else between two segments of the same quotation. */
function isTagBetween(text: string): boolean {
  const words = tokens(text);
  return words.length > 0 && words.length <= 12 && words.some((word) => isSpeechVerb(word.text)) && !/[«“"]/u.test(text);
}

function drafts(paragraphs: string[], spans: QuoteSpan[][]): Draft[] {
  const result: Draft[] = [];
  let open: Draft | null = null;
  paragraphs.forEach((paragraph, index) => {
    const here = spans[index];
    // A paragraph reopening a quotation left open (or a dialogue dash in French) carries it on.
    // "…unless the next paragraph carries its own attribution": then the open one ends where its paragraph does.
    if (open && ownAttribution(paragraph, here[0])) {
      open.closedByNext = true;
      open = null;
    }
    if (open && reopens(paragraph) && (here[0]?.start === 0 || /^[—–]/u.test(paragraph))) {
      const first =
        here[0]?.start === 0
          ? here[0]
          : { paragraph: index, start: 0, end: paragraph.length, text: paragraph.replace(/^[—–]\s*/u, ''), open: true };
      open.parts.push(first.text);
      open.spans.push(first);
      const rest = here[0]?.start === 0 ? here.slice(1) : [];
      open = first.open ? open : null;
      here.splice(0, here.length, ...rest);
    } else {
      open = null;
    }
    let previous: Draft | null = null;
    for (const span of here) {
      const last = previous?.spans[previous.spans.length - 1];
      if (previous && last && last.paragraph === index && !previous.tag && isTagBetween(between(paragraph, last, span))) {
        previous.tag = { text: between(paragraph, last, span), paragraph: index, from: last.end, to: span.start };
        previous.parts.push(span.text);
        previous.spans.push(span);
      } else {
        previous = { spans: [span], parts: [span.text], tag: null, insideTag: null };
        result.push(previous);
      }
      open = span.open ? previous : null;
    }
  });
  for (const draft of result) {
    const inside = insideTag(draft.parts[0]);
    if (inside) {
      draft.insideTag = inside.tag;
      draft.parts[0] = `${inside.before} ${inside.after}`.trim();
    }
  }
  return result;
}

function isSpeech(draft: Draft, paragraphs: string[], attributed: boolean): boolean {
  const text = draft.parts.join(' ');
  const first = draft.spans[0];
  // A quotation never closed lost its marks somewhere: it is body text.
  if (draft.spans[draft.spans.length - 1].open && !draft.closedByNext) return false;
  const before = foldForMatch(paragraphs[first.paragraph].slice(Math.max(0, first.start - 20), first.start))
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  if (NAMING_CUES.has((before[before.length - 1] ?? '').normalize('NFD').replace(/\p{M}/gu, ''))) return false;
  if (wordCount(text) < 4) return attributed && /[.!?]$/u.test(text) && /^\p{Lu}/u.test(text);
  if (looksLikeATitle(text)) return false;
  return true;
}

type SpeechEvent = { paragraph: number; at: number; speaker: Speaker };

/** Reported speech outside the marks ("Basso said heavy rains…", « Mme Roy a rappelé que… »): who spoke, sentence by sentence. */
function reportedSpeech(paragraphs: string[], spans: QuoteSpan[][], entities: StoryEntities): SpeechEvent[] {
  const events: SpeechEvent[] = [];
  paragraphs.forEach((text, paragraph) => {
    const quoted: [number, number][] = spans[paragraph].map((span) => [span.start, span.end]);
    let from = 0;
    while (from < text.length) {
      const end = clauseEnd(text, from, false);
      const stop = Math.max(end, from + 1);
      if (!quoted.some(([start, close]) => start < stop && close > from)) {
        const found = speakerInClause(text, from, stop, entities, paragraph, from, false);
        if (found && (found.speaker.person || found.speaker.organisation)) events.push({ paragraph, at: from, speaker: found.speaker });
      }
      from = stop + (text.slice(stop).match(/^[^\p{L}\p{N}«“"]*/u)?.[0].length ?? 0);
    }
  });
  return events;
}

/** Mentions of entities other than `speaker` in the narrative between two points of the story. */
function otherMentionBetween(
  entities: StoryEntities,
  speaker: Speaker,
  from: { paragraph: number; at: number },
  to: { paragraph: number; at: number },
): boolean {
  const same = (entity: unknown) => entity === speaker.person || entity === speaker.organisation;
  return entities.mentions.some((m) => {
    const after = m.paragraph > from.paragraph || (m.paragraph === from.paragraph && m.start > from.at);
    const before = m.paragraph < to.paragraph || (m.paragraph === to.paragraph && m.start < to.at);
    return after && before && !same(m.kind === 'person' ? m.person : m.organisation);
  });
}

export function quoteRecords(paragraphs: string[], spans: QuoteSpan[][], entities: StoryEntities): QuoteRecord[] {
  const records: QuoteRecord[] = [];
  const reported = reportedSpeech(paragraphs, spans, entities);
  const events: (SpeechEvent & { record: boolean })[] = [];
  for (const draft of drafts(paragraphs, spans)) {
    const first = draft.spans[0];
    const text = paragraphs[first.paragraph];
    const quoted: [number, number][] = spans[first.paragraph].map((span) => [span.start, span.end]);
    let attribution: Attribution | null = null;
    if (draft.insideTag) {
      const at = text.indexOf(draft.insideTag, first.start);
      attribution = speakerInClause(text, at, at + draft.insideTag.length, entities, first.paragraph, first.start, true);
    }
    if (!attribution && draft.tag)
      attribution = speakerInClause(text, draft.tag.from, draft.tag.to, entities, first.paragraph, first.start, false);
    if (!attribution && !first.open) {
      const lastHere = draft.spans.filter((span) => span.paragraph === first.paragraph).pop() ?? first;
      const from = lastHere.end + (text.slice(lastHere.end).match(/^[\s,;\u00A0\u202F]*/u)?.[0].length ?? 0);
      const shortEnd = clauseEnd(text, from, true);
      const sentenceEnd = clauseEnd(text, from, false);
      const short = speakerInClause(text, from, shortEnd, entities, first.paragraph, first.start, false);
      const found = (candidate: Attribution | null) => candidate !== null && candidate.speaker !== NO_SPEAKER;
      // "said Raman, chief economist": the clause up to the comma; "said, Raman added": up to the stop.
      const long =
        found(short) || sentenceEnd === shortEnd
          ? null
          : speakerInClause(text, from, sentenceEnd, entities, first.paragraph, first.start, false);
      attribution = found(long) && long ? { ...long, text: short?.text ?? long.text } : short;
    }
    // "X called it “…” and said …": a clause after the quote that names nobody leaves the one before it to speak.
    if (!attribution || (attribution.speaker === NO_SPEAKER && !draft.insideTag && !draft.tag)) {
      const start = sentenceStart(text, first.start, quoted);
      const before = speakerInClause(text, start, first.start, entities, first.paragraph, first.start, false);
      if (!attribution || (before && before.speaker !== NO_SPEAKER)) attribution = before ?? attribution;
    }
    if (!isSpeech(draft, paragraphs, attribution !== null)) continue;
    let speaker = attribution?.speaker ?? NO_SPEAKER;
    let how: How = attribution?.how ?? 'none';
    // The most recent speaker, quoted or reported ("Basso said heavy rains…" then a bare quote), carries on
    // when the quote names nobody: from this paragraph or the one before, or two back when nobody else came between.
    const here = { paragraph: first.paragraph, at: first.start };
    const added = attribution !== null && /\b(?:continued|added|went on)\b|poursuivi|ajouté|enchaîné/iu.test(attribution.text);
    // "…," he added: the last quoted speaker goes on; a bare quote may follow reported speech too.
    const latest = [
      ...events,
      ...(added ? [] : reported)
        .filter((e) => e.paragraph < here.paragraph || (e.paragraph === here.paragraph && e.at < here.at))
        .map((e) => ({ ...e, record: false })),
    ]
      .filter((e) => e.speaker.person !== null || e.speaker.organisation !== null || e.speaker.speaksFor !== null)
      .sort((a, b) => a.paragraph - b.paragraph || a.at - b.at)
      .pop();
    const unnamed = speaker.person === null && speaker.organisation === null && speaker.speaksFor === null;
    const near =
      latest !== undefined &&
      (latest.paragraph >= here.paragraph - 1 ||
        (latest.paragraph === here.paragraph - 2 && !otherMentionBetween(entities, latest.speaker, latest, here)));
    if (unnamed && latest && near && (!attribution || added)) {
      speaker = latest.speaker;
      how = 'continuation';
    }
    events.push({ paragraph: first.paragraph, at: first.start, speaker, record: true });
    records.push({
      text: draft.parts.join(' ').replace(/[,\s]+$/u, ''),
      paragraph: first.paragraph,
      attribution: attribution?.text ? clipAttribution(attribution.text) : null,
      speaker,
      how,
    });
  }
  return records;
}
