/**
 * Where the direct quotations of a story are: runs of text between “ ”, « » or straight
 * quotes, nested marks kept inside the outer quote, a quotation left open at the end of a
 * paragraph carried on when the next paragraph reopens it (with a mark, or a dash in French),
 * and a speech tag inserted inside the marks taken out of the quoted words. Pure.
 */
import { isSpeechVerb } from './lexicon';

export type QuoteSpan = {
  paragraph: number;
  /** Offsets in the paragraph: the opening mark, and just past the closing mark (or the paragraph's end when left open). */
  start: number;
  end: number;
  text: string;
  open: boolean;
};

const SPACE = /[\s\u00A0\u202F]/u;

/** The quotation spans of one paragraph, outermost only. */
export function spansIn(paragraph: string, index: number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let i = 0;
  while (i < paragraph.length) {
    const char = paragraph[i];
    const previous = paragraph[i - 1] ?? ' ';
    let close: string | null = null;
    if (char === '“') close = '”';
    else if (char === '«') close = '»';
    else if (char === '"' && (SPACE.test(previous) || /[([—–:,-]/u.test(previous) || i === 0) && !SPACE.test(paragraph[i + 1] ?? ' '))
      close = '"';
    if (!close) {
      i += 1;
      continue;
    }
    const end = paragraph.indexOf(close, i + 1);
    const stop = end === -1 ? paragraph.length : end + 1;
    const inner = paragraph.slice(i + 1, end === -1 ? paragraph.length : end);
    spans.push({
      paragraph: index,
      start: i,
      end: stop,
      text: inner.replace(/^[\s\u00A0\u202F]+|[\s\u00A0\u202F]+$/gu, ''),
      open: end === -1,
    });
    i = stop;
  }
  return spans;
}

/** A paragraph that reopens a quotation left open: it starts with a mark, or with a dialogue dash. */
export function reopens(paragraph: string): boolean {
  return /^[«“"—–]/u.test(paragraph);
}

export type InsideTag = { before: string; tag: string; after: string };

/**
 * « Nous irons, a-t-il assuré, jusqu'au bout. »: a clause between commas (or a comma and a stop)
 * that opens with a verb of saying, inside the marks. The words on each side are the quote.
 */
export function insideTag(text: string): InsideTag | null {
  const pattern = /,[\s\u00A0\u202F]+([^,.!?;«»“”]{2,80}?)(?:,|[.!?](?=[\s\u00A0\u202F]|$))/gu;
  // "M. Roy", "Mme Roy", "Dr. Roy": the period of an honorific does not end the tag (same length, so offsets hold).
  const masked = text.replace(/(?<![\p{L}])(Mme|Mlle|Mr|Mrs|Ms|Dr|Dre|Me|M)\./gu, (_, word: string) => `${word}\uE000`);
  for (const match of masked.matchAll(pattern)) {
    const words = match[1].trim().split(/[\s\u00A0\u202F]+/u);
    const first = words[0] ?? '';
    const opensWithVerb =
      isSpeechVerb(first) || (/^(?:a|avait)$/iu.test(first) && isSpeechVerb(words[1] ?? '')) || /-t-(?:il|elle)$/iu.test(first);
    if (!opensWithVerb || words.length > 8) continue;
    const at = match.index ?? 0;
    const closing = match[0].endsWith(',') ? '' : match[0].slice(-1);
    // The speaker's own comma stays with their words: « On aurait aimé aller plus vite, mais… ».
    return {
      before: `${text.slice(0, at)}${closing ? '' : ','}`,
      tag: match[1].replace(/\uE000/gu, '.').trim(),
      after: `${closing}${text.slice(at + match[0].length)}`.replace(/^[\s,]+/u, ''),
    };
  }
  return null;
}
