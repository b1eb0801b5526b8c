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
const NAMING_CUES = new Set(['titled', 'entitled', 'intitule', 'intitulee', 'dubbed', 'nicknamed', 'surnomme', 'surnommee', 'slogan', 'hashtag', 'reading', 'baptise', 'baptisee', 'named', 'called']);

const wordCount = (text: string) => text.split(/[\s\u00A0\u202F]+/u).filter(Boolean).length;

/** "Orange Is the New Black": every longer word capitalised and no sentence punctuation. */
function looksLikeATitle(text: string): boolean {
  const words = text.split(/\s+/u).filter((word) => word.length > 3);
  return words.length > 0 && words.every((word) => /^\p{Lu}/u.test(word)) && !/[.!?,;]$/u.test(text);
}

export function allSpans(paragraphs: string[]): QuoteSpan[][] {
  return paragraphs.map((paragraph, index) => spansIn(paragraph, index));
}

type Draft = { spans: QuoteSpan[]; parts: string[]; tag: { text: string; paragraph: number; from: number; to: number } | null; insideTag: string | null };

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
    if (open && reopens(paragraph) && (here[0]?.start === 0 || /^[—–]/u.test(paragraph))) {
      const first = here[0]?.start === 0 ? here[0] : { paragraph: index, start: 0, end: paragraph.length, text: paragraph.replace(/^[—–]\s*/u, ''), open: true };
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
  if (draft.spans[draft.spans.length - 1].open) return false;
  const before = foldForMatch(paragraphs[first.paragraph].slice(Math.max(0, first.start - 20), first.start)).split(/[^\p{L}]+/u).filter(Boolean);
  if (NAMING_CUES.has((before[before.length - 1] ?? '').normalize('NFD').replace(/\p{M}/gu, ''))) return false;
  if (wordCount(text) < 4) return attributed && /[.!?]$/u.test(text) && /^\p{Lu}/u.test(text);
  if (looksLikeATitle(text)) return false;
  return true;
}

export function quoteRecords(paragraphs: string[], spans: QuoteSpan[][], entities: StoryEntities): QuoteRecord[] {
  const records: QuoteRecord[] = [];
  for (const draft of drafts(paragraphs, spans)) {
    const first = draft.spans[0];
    const text = paragraphs[first.paragraph];
    const quoted: [number, number][] = spans[first.paragraph].map((span) => [span.start, span.end]);
    let attribution: Attribution | null = null;
    if (draft.insideTag) {
      const at = text.indexOf(draft.insideTag, first.start);
      attribution = speakerInClause(text, at, at + draft.insideTag.length, entities, first.paragraph, first.start, true);
    }
    if (!attribution && draft.tag) attribution = speakerInClause(text, draft.tag.from, draft.tag.to, entities, first.paragraph, first.start, false);
    if (!attribution && !first.open) {
      const lastHere = draft.spans.filter((span) => span.paragraph === first.paragraph).pop() ?? first;
      const from = lastHere.end + (text.slice(lastHere.end).match(/^[\s,;\u00A0\u202F]*/u)?.[0].length ?? 0);
      const shortEnd = clauseEnd(text, from, true);
      const sentenceEnd = clauseEnd(text, from, false);
      const short = speakerInClause(text, from, shortEnd, entities, first.paragraph, first.start, false);
      const found = (candidate: Attribution | null) => candidate !== null && candidate.speaker !== NO_SPEAKER;
      // "said Raman, chief economist": the clause up to the comma; "said, Raman added": up to the stop.
      const long = found(short) || sentenceEnd === shortEnd ? null : speakerInClause(text, from, sentenceEnd, entities, first.paragraph, first.start, false);
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
    const previous = records[records.length - 1];
    const unnamed = speaker.person === null && speaker.organisation === null && speaker.speaksFor === null;
    if (unnamed && previous && previous.paragraph >= first.paragraph - 1 && (!attribution || /\b(?:continued|added|went on)\b|poursuivi|ajouté|enchaîné/iu.test(attribution.text))) {
      speaker = previous.speaker;
      how = 'continuation';
    }
    records.push({
      text: draft.parts.join(' ').replace(/[,\s]+$/u, ''),
      paragraph: first.paragraph,
      attribution: attribution?.text || null,
      speaker,
      how,
    });
  }
  return records;
}
