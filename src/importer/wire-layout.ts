/**
 * The layout of a plain-text wire story: an optional headline line (then a blank line), an
 * optional byline line, a dateline opening the lede, "Read also" lines, photo captions and
 * subheads between the paragraphs. Pure: text in, parts out.
 */
import { normaliseSpaces } from './text';

export type RelatedLinkLine = { label: string; afterParagraph: number; order: number };

export type WireLayout = {
  headline: string | null;
  byline: string | null;
  dateline: string | null;
  paragraphs: string[];
  relatedLinks: RelatedLinkLine[];
  captions: string[];
  subheads: string[];
};

const RELATED_LINK_LINE =
  /^(?:[•·▪►*–—-]\s*)?(read also|read more|related|see also|à lire aussi|a lire aussi|lire aussi|voir aussi)[\s\u00A0\u202F]*[:|][\s\u00A0\u202F]*(.*)$/iu;

/** « Photo : … », "(Photo: …)", "PHOTO — …", "Credit: …": a caption or a credit line, not story text. */
const CAPTION_LINE = /^\(?\s*(?:photo|photos|crédit photo|credit|crédit|photograph|image|illustration)\s*(?:[:—–-]|\s\(|$)/iu;

/** "By Jane Roe, The Canadian Press", « Par Jean Roy, La Presse canadienne »: a byline, not a paragraph. */
const BYLINE_LINE = /^(?:[Bb]y|BY|[Pp]ar|PAR)\s+\p{Lu}[^.!?]{1,150}$/u;

/** "OTTAWA, June 3 (Reuters) - ", "QUÉBEC (PC) — ", "LONGUEUIL, Qc — ": capitals, an optional date or agency, then a dash. */
const DATELINE = /^(\p{Lu}[\p{Lu}\s'’.-]*\p{Lu}(?:\s*\([^)]{1,30}\))?(?:,\s[^—–\n]{1,30}?)?(?:\s*\([^)]{1,30}\))?)\s+[—–-]\s+/u;

type Line = { kind: 'text' | 'link' | 'caption' | 'blank'; text: string };

function classify(rawLine: string): Line {
  const line = normaliseSpaces(rawLine);
  if (line === '') return { kind: 'blank', text: '' };
  const link = RELATED_LINK_LINE.exec(line);
  if (link) return { kind: 'link', text: link[2].trim() };
  if (CAPTION_LINE.test(line)) return { kind: 'caption', text: line };
  return { kind: 'text', text: line };
}

/** Sentences end in a stop, a closing mark or an ellipsis; a headline or subhead does not. */
const ENDS_A_SENTENCE = /[.!?:»”"’)…]$/u;

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
    if (!ENDS_A_SENTENCE.test(line.text)) unfinished += 1;
  });
  return inside > 0 && unfinished / inside > 0.5;
}

const MAX_HEADLINE_LENGTH = 250;

/** A headline is a first line without a final stop, followed (after an optional byline) by a blank line and more text. */
function headlineAndByline(lines: Line[]): { headline: string | null; byline: string | null; rest: Line[] } {
  const start = lines.findIndex((line) => line.kind !== 'blank');
  const first = lines[start];
  if (!first || first.kind !== 'text') return { headline: null, byline: null, rest: lines };
  const bylineFollows = lines[start + 1]?.kind === 'text' && BYLINE_LINE.test(lines[start + 1].text);
  const blankAt = start + (bylineFollows ? 2 : 1);
  const isHeadline =
    lines[blankAt]?.kind === 'blank' &&
    lines.slice(blankAt).some((line) => line.kind === 'text') &&
    first.text.length <= MAX_HEADLINE_LENGTH &&
    !/[.:;,]$/u.test(first.text);
  if (!isHeadline) {
    // A byline may open a story that has no headline.
    if (BYLINE_LINE.test(first.text) && lines[start + 1]?.kind !== 'text')
      return { headline: null, byline: first.text, rest: lines.slice(start + 1) };
    return { headline: null, byline: null, rest: lines };
  }
  return { headline: first.text, byline: bylineFollows ? lines[start + 1].text : null, rest: lines.slice(blankAt) };
}

/** A short line with no final punctuation, between paragraphs: a subhead. */
function isSubhead(text: string): boolean {
  const words = text.split(/\s+/u).length;
  return words <= 8 && text.length <= 70 && !ENDS_A_SENTENCE.test(text) && /^\p{Lu}/u.test(text);
}

export function splitDateline(paragraph: string): { dateline: string | null; text: string } {
  const match = DATELINE.exec(paragraph);
  if (!match || match[1].length > 60 || !/\p{Lu}{2}/u.test(match[1])) return { dateline: null, text: paragraph };
  return { dateline: match[1].trim(), text: paragraph.slice(match[0].length) };
}

export function readWireLayout(body: string): WireLayout {
  const { headline, byline, rest } = headlineAndByline(body.split('\n').map(classify));
  const wrapped = isHardWrapped(rest);
  const paragraphs: string[] = [];
  const relatedLinks: RelatedLinkLine[] = [];
  const captions: string[] = [];
  const subheads: string[] = [];
  let open: string[] = [];
  const close = () => {
    if (open.length > 0) paragraphs.push(open.join(' '));
    open = [];
  };
  rest.forEach((line, index) => {
    if (line.kind === 'link') {
      close();
      if (line.text) relatedLinks.push({ label: line.text, afterParagraph: paragraphs.length, order: relatedLinks.length });
    } else if (line.kind === 'caption') {
      close();
      captions.push(line.text);
    } else if (line.kind === 'blank') {
      close();
    } else if (!wrapped && paragraphs.length > 0 && isSubhead(line.text) && rest.slice(index + 1).some((next) => next.kind === 'text')) {
      close();
      subheads.push(line.text);
    } else {
      if (!wrapped) close();
      open.push(line.text);
    }
  });
  close();
  let dateline: string | null = null;
  if (paragraphs.length > 0) {
    const split = splitDateline(paragraphs[0]);
    if (split.dateline && split.text) {
      dateline = split.dateline;
      paragraphs[0] = split.text;
    }
  }
  return { headline, byline, dateline, paragraphs, relatedLinks, captions, subheads };
}
