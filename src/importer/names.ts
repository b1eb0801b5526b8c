/**
 * Recognising the people and organisations a story names, without a model: runs of
 * capitalised words, read with the lexicon (titles, honorifics, organisation head words)
 * and with the evidence a story gives that a run is a person (a title or honorific before
 * it, an age or a role after it, a verb of saying beside it, the surname used again alone).
 * Pure.
 */
import {
  genericOrganisationAt,
  honorific,
  isFrenchOrganisationHead,
  isLegalSuffix,
  isNotAName,
  isOrganisationHead,
  isSpeechVerb,
  isTitleWord,
  outletAt,
  pronoun,
  speechPhraseAt,
  titleAt,
  type Gender,
} from './lexicon';
import { foldForMatch } from './text';

export type Token = { text: string; start: number; end: number };

export function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.\-/&]*/gu)].map((match) => {
    const raw = match[0].replace(/[.’']+$/u, (tail) =>
      /^(?:Mr|Mrs|Ms|Dr|Dre|M|St|Jr|Sr|Inc|Corp|Ltd|[A-Z]|(?:[A-Z]\.)+[A-Z])\.$/u.test(match[0]) ? tail : '',
    );
    const start = match.index ?? 0;
    // « l’Union », « d’Ottawa »: the elided article is not part of the word.
    const elided = /^[LlDd]['’](?=\p{L})/u.test(raw) ? 2 : 0;
    return { text: raw.slice(elided), start: start + elided, end: start + raw.length };
  });
}

const capitalised = (word: string) => /^\p{Lu}/u.test(word);
/** A word that can be part of a person's name: capitalised, not an acronym, not a lexicon word. */
function nameWord(word: string): boolean {
  if (!capitalised(word) || /\d/u.test(word) || word.length < 2) return false;
  if (/^\p{Lu}[\p{Lu}.'’-]+$/u.test(word)) return false;
  return !isNotAName(word) && !isTitleWord(word) && honorific(word) === undefined;
}

export type NameCandidate = {
  kind: 'person' | 'organisation';
  name: string;
  paragraph: number;
  start: number;
  end: number;
  gender: Gender;
  titleKey: string | null;
  /** Why a person: a title or honorific before it, an age or role after it, a verb beside it. */
  evidence: boolean;
  /** The demonym the story introduced the person with ("la Norvégienne"), folded, for later references. */
  demonym?: string;
  /** A single word: a surname the story gives alone, as the subject of a verb of saying. */
  single?: { sentenceInitial: boolean };
};

/** Endings of demonyms in English and French ("Norwegian", « Québécoise », « Norvégienne »). */
export const DEMONYM = /(?:ienne|ien|aise|ais|oise|ois|ande|and|ian|ese|ish|ane|an)$/u;

/** The gender a French demonym or its article gives ("la Norvégienne", "le Finlandais", "l'Allemand"). */
export function demonymGender(word: string, article: string): Gender {
  if (/^(?:la|une)$/iu.test(article)) return 'f';
  if (/^(?:le|un)$/iu.test(article)) return 'm';
  if (/(?:ienne|aise|oise|ande)$/u.test(word)) return 'f';
  if (/(?:ien|ais|ois|and)$/u.test(word)) return 'm';
  return null;
}

const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'on', 'de', 'des', 'du', "d'", "l'", 'la', 'les', 'le', 'et']);

/** The title or honorific written just before offset `at`, within the same clause. */
function titleBefore(text: string, at: number): { key: string | null; gender: Gender } | null {
  const before = foldForMatch(text.slice(Math.max(0, at - 60), at));
  const words = before.split(/[^\p{L}'-]+/u).filter(Boolean);
  const lastWord = words[words.length - 1] ?? '';
  const honor = honorific(lastWord);
  if (honor !== undefined && /[\s.]$/u.test(before)) return { key: null, gender: honor };
  // "le directeur général de l'organisme X, Pierre Roy,": the title that heads the apposition before the comma.
  const wide = foldForMatch(text.slice(Math.max(0, at - 160), at));
  if (/,\s*$/u.test(wide)) {
    const segment = (
      wide
        .replace(/,\s*$/u, '')
        .split(/[,.;:!?()«»“”"]/u)
        .pop() ?? ''
    )
      .trim()
      .split(/\s+/u)
      .filter(Boolean)
      .map((word) => word.replace(/^[ld]'(?=\p{L})/u, ''));
    for (let i = 0; i < Math.min(segment.length, 4); i += 1) {
      const title = titleAt(segment.slice(i).join(' '));
      if (!title) continue;
      const article = segment[i - 1];
      return { key: title.key, gender: title.gender ?? (article === 'la' ? 'f' : article === 'le' ? 'm' : null) };
    }
  }
  // "la juge X", "Defense attorney X", "la ministre de l'Habitation, X": a title among the last words of the clause.
  const clause = before.split(/[.;:!?()«»“”"]/u).pop() ?? '';
  const clauseWords = clause
    .split(/\s+/u)
    .filter(Boolean)
    .map((word) => word.replace(/^[ld]'(?=\p{L})/u, ''))
    .slice(-6);
  // The title nearest the name is its own ("la mairesse X et la conseillère Y": Y is the councillor).
  for (let i = clauseWords.length - 1; i >= 0; i -= 1) {
    let title = titleAt(clauseWords.slice(i).join(' '));
    if (!title) continue;
    // "directeur général", "secrétaire général": the compound's head is the title, not its last word.
    while (i > 0 && titleAt(clauseWords.slice(i - 1).join(' '))) {
      i -= 1;
      title = titleAt(clauseWords.slice(i).join(' ')) ?? title;
    }
    const article = clauseWords[i - 1];
    const gender = title.gender ?? (article === 'la' ? 'f' : article === 'le' ? 'm' : null);
    return { key: title.key, gender };
  }
  return null;
}

/** An age (", 52,"), a role (", chief economist"), or a verb of saying right after the name. */
function evidenceAfter(text: string, end: number): boolean {
  const after = text.slice(end, end + 60);
  if (/^,\s*(?:\d{1,3}\s*(?:ans)?\s*,|âgée? de \d)/u.test(after)) return true;
  const words = foldForMatch(after)
    .split(/[^\p{L}'-]+/u)
    .filter(Boolean);
  if (/^,/u.test(after) && words.slice(0, 5).some((_, i) => titleAt(words.slice(i).join(' ')) !== null)) return true;
  if (speechPhraseAt(foldForMatch(after.replace(/^[\s,]+/u, ''))) !== null) return true;
  // "Desmond Roe, a former fund official, told AFP": a verb of saying right after an apposition.
  const apposition = /^,[^,;:.«»“”"]{1,80},\s*([\p{L}'’-]+)(?:\s+([\p{L}'’-]+))?/u.exec(text.slice(end, end + 140));
  if (apposition && (isSpeechVerb(apposition[1]) || (apposition[1] === 'a' && isSpeechVerb(apposition[2] ?? '')))) return true;
  return words.slice(0, 2).some((word) => isSpeechVerb(word)) || (words[0] === 'a' && isSpeechVerb(words[1] ?? ''));
}

/** A verb of saying right after the word (or after an apposition), or right before it. */
function speaksHere(text: string, start: number, end: number): boolean {
  if (/^['’]s\b/u.test(text.slice(end))) return false;
  const after = foldForMatch(text.slice(end, end + 40))
    .split(/[^\p{L}'-]+/u)
    .filter(Boolean);
  if (/^\s/u.test(text.slice(end)) && after.length > 0 && (isSpeechVerb(after[0]) || (after[0] === 'a' && isSpeechVerb(after[1] ?? ''))))
    return true;
  const apposition = /^,[^,;:.«»“”"]{1,60},\s*([\p{L}'’-]+)/u.exec(text.slice(end, end + 100));
  if (apposition && isSpeechVerb(apposition[1])) return true;
  // "said Levitt." but not "said Acme is keen": after an inverted verb the name ends the clause.
  const before = foldForMatch(text.slice(Math.max(0, start - 20), start));
  return (
    /^\s*(?:[,.;:!?)]|$)/u.test(text.slice(end, end + 3)) &&
    /(?:^|\s)[\p{L}'-]+\s$/u.test(before) &&
    isSpeechVerb(before.trim().split(/\s+/u).pop() ?? '')
  );
}

function speechBefore(text: string, at: number): boolean {
  const words = foldForMatch(text.slice(Math.max(0, at - 30), at))
    .split(/[^\p{L}'-]+/u)
    .filter(Boolean);
  return words.length > 0 && isSpeechVerb(words[words.length - 1]);
}

const POSSESSIVE = /['’]s$/u;
const DATE_WORDS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)$/u;
const FRENCH_WORDS = /(?<![\p{L}])(?:le|la|les|des|du|et|est|une|dans|pour|qui|sur|avec|au|aux)(?![\p{L}])/giu;
const ENGLISH_WORDS = /(?<![\p{L}])(?:the|and|of|is|was|for|with|that|on|in|to|said)(?![\p{L}])/giu;

/** A paragraph written in French (more French function words than English ones). */
function looksFrench(text: string): boolean {
  return (text.match(FRENCH_WORDS)?.length ?? 0) > (text.match(ENGLISH_WORDS)?.length ?? 0);
}

/** A news agency or outlet written at words[i] ("CNBC", "the Associated Press"): the index of its last word. */
function outletEnd(text: string, words: Token[], i: number, j: number): number {
  const outlet = outletAt(foldForMatch(text.slice(words[i].start)).replace(/['’]s(?![\p{L}])/u, ''));
  if (!outlet) return -1;
  const end = words[i].start + outlet.length;
  for (let k = i; k <= j; k += 1) if (words[k].end >= end) return k;
  return -1;
}

/** "an analyst at Carrick Partners", « l'organisme Essor La Baie », "la papetière X": the run names an organisation. */
function organisationCue(text: string, start: number): boolean {
  const before = foldForMatch(text.slice(Math.max(0, start - 40), start));
  const at = /(?:^|[\s,])([\p{L}-]+)\s+(?:at|chez)\s+(?:the\s+)?$/u.exec(before);
  if (at && titleAt(at[1]) !== null) return true;
  const noun = /(?:^|\s)(?:the|le|la|l'|l’|du|de la|de l')\s?([\p{L}-]+)\s+$/u.exec(before.replace(/’/gu, "'"));
  return noun !== null && genericOrganisationAt(noun[1]) === noun[1];
}

/** "Re/code's John Paczkowski speculated", "Kaiser's Levitt said": a possessive before a name that then speaks. */
function employs(text: string, words: Token[], j: number): boolean {
  let k = j + 1;
  while (
    k < words.length &&
    k <= j + 3 &&
    capitalised(words[k].text) &&
    nameWord(words[k].text) &&
    /^[\s\u00A0]$/u.test(text.slice(words[k - 1].end, words[k].start))
  )
    k += 1;
  if (k === j + 1) return false;
  return words.slice(k, k + 2).some((word) => isSpeechVerb(word.text) || speechPhraseAt(foldForMatch(text.slice(word.start))) !== null);
}

/** Person and organisation names in one paragraph. */
export function namesIn(text: string, paragraph: number): NameCandidate[] {
  const words = tokens(text);
  const found: NameCandidate[] = [];
  let i = 0;
  while (i < words.length) {
    if (!capitalised(words[i].text) && !outletAt(foldForMatch(words[i].text))) {
      i += 1;
      continue;
    }
    // A run of capitalised words with single spaces (or a no-break space) between them.
    let j = i;
    while (
      j + 1 < words.length &&
      capitalised(words[j + 1].text) &&
      /^[\s\u00A0]$/u.test(text.slice(words[j].end, words[j + 1].start)) &&
      !POSSESSIVE.test(words[j].text)
    )
      j += 1;
    // "Re/code's John Paczkowski", "Kaiser's Levitt": the possessor before a name is the person's employer or outlet.
    const possessor = POSSESSIVE.test(words[j].text) && employs(text, words, j);
    const outlet = outletEnd(text, words, i, j);
    if (outlet !== -1) {
      const end = words[outlet].end - (POSSESSIVE.test(words[outlet].text) ? 2 : 0);
      found.push({
        kind: 'organisation',
        name: text.slice(words[i].start, end),
        paragraph,
        start: words[i].start,
        end,
        gender: null,
        titleKey: null,
        evidence: true,
      });
      i = outlet + 1;
      continue;
    }
    const run = words.slice(i, j + 1);
    const organisationAt = run.findIndex((word) => isOrganisationHead(word.text));
    if (organisationAt !== -1 || possessor || organisationCue(text, words[i].start)) {
      const candidate = organisationFrom(text, words, i, j, paragraph);
      // Words joined before the head belong to the organisation, not to a name read before it.
      for (let at = found.length - 1; at >= 0 && found[at].end > candidate.start; at -= 1) found.splice(at, 1);
      if (possessor) candidate.name = candidate.name.replace(POSSESSIVE, '');
      if (possessor) candidate.end -= 2;
      if (organisationAt !== -1 || !possessor || candidate.name.length > 1) found.push(candidate);
      // A name that went on past the run ("Health and Human Services Department") is read once.
      i = j + 1;
      while (i < words.length && words[i].start < candidate.end) i += 1;
      continue;
    }
    // The name is what follows the last title or honorific inside the run ("Transport Minister Alan Kessler").
    let first = 0;
    let gender: Gender = null;
    let titleKey: string | null = null;
    run.forEach((word, at) => {
      const honor = honorific(word.text);
      const title = titleAt(foldForMatch(word.text));
      if (honor !== undefined || title) {
        first = at + 1;
        if (honor !== undefined) gender = honor ?? gender;
        if (title) titleKey = title.key;
      }
    });
    while (first < run.length && !nameWord(run[first].text)) first += 1;
    // "la Norvégienne Ingrid Solheim", "Canadian Jane Roe": a demonym before a full name is not part of it.
    let demonym: string | undefined;
    const demonymAt =
      run.length - first >= 3 && DEMONYM.test(run[first].text)
        ? first
        : first > 0 && DEMONYM.test(foldForMatch(run[first - 1].text)) && titleAt(foldForMatch(run[first - 1].text)) === null
          ? first - 1
          : -1;
    if (demonymAt !== -1) {
      demonym = foldForMatch(run[demonymAt].text);
      const article =
        /(?:^|[\s(])(la|le|l['’]|the)\s?$/iu.exec(text.slice(Math.max(0, run[demonymAt].start - 4), run[demonymAt].start))?.[1] ?? '';
      gender = gender ?? demonymGender(demonym, article);
      if (demonymAt === first) first += 1;
    }
    const name = run.slice(first).filter((word) => nameWord(word.text) || /^(?:Jr|Sr)\.?$/u.test(word.text));
    if (name.length >= 1 && name.length === run.length - first && name.length <= 4) {
      const start = name[0].start;
      const end = name[name.length - 1].end;
      const before =
        first > 0 && !demonym ? { key: titleKey, gender } : (titleBefore(text, start) ?? (demonym ? { key: null, gender } : null));
      const evidence = before !== null || evidenceAfter(text, end) || speechBefore(text, start);
      const clean = text.slice(start, end).replace(/['’]s$/u, '');
      if (name.length >= 2 || (first > 0 && gender !== null)) {
        found.push({
          kind: 'person',
          name: clean,
          paragraph,
          start,
          end,
          gender: before?.gender ?? gender,
          titleKey: before?.key ?? titleKey,
          evidence,
          ...(demonym ? { demonym } : {}),
        });
      } else if (name.length === 1 && first === 0 && pronoun(clean) === undefined && speaksHere(text, start, end)) {
        // "Levitt said", "said Levitt", "Counihan, at that time, told CNBC": a surname alone as the subject of a verb of saying.
        const sentenceInitial = /(?:^|[.!?]["”»]?\s+|^["“«]\s?)$/u.test(text.slice(0, start));
        found.push({
          kind: 'person',
          name: clean,
          paragraph,
          start,
          end,
          gender: null,
          titleKey: null,
          evidence: true,
          single: { sentenceInitial },
        });
      }
    }
    i = j + 1;
  }
  return found;
}

/** An organisation's name: the capitalised run, and in French the lower-case words that follow its head ("Union des bailleurs du Québec"). */
function organisationFrom(text: string, words: Token[], i: number, j: number, paragraph: number): NameCandidate {
  let last = j;
  const headFirst = isOrganisationHead(words[j].text) && !isLegalSuffix(words[j].text) && !POSSESSIVE.test(words[j].text);
  // French names go on in lower case after their head (« Coalition québécoise des locataires »); English ones do not.
  const frenchHead = isFrenchOrganisationHead(words[j].text) && looksFrench(text);
  if (headFirst) {
    for (let k = j + 1; k < words.length && k <= j + 6; k += 1) {
      const gap = text.slice(words[k - 1].end, words[k].start);
      if (!/^[\s\u00A0]*$|^[\s\u00A0]*(?:d|l)['’]$/u.test(gap) && gap !== '’' && gap !== "'") break;
      const word = foldForMatch(words[k].text);
      if (isSpeechVerb(word) || /^(?:a|est|sont|ont|qui|que|avait|dans|pour|sur|en|au|aux|a-t-il|a-t-elle)$/u.test(word)) break;
      // "…Minerals Inc on Wednesday cut": a day or a month after a connector ends the name.
      if (capitalised(words[k].text) && isNotAName(words[k].text) && DATE_WORDS.test(word)) break;
      if (
        !CONNECTORS.has(word) &&
        !capitalised(words[k].text) &&
        !(frenchHead && /^\p{Ll}+(?:e|es|s|aux|al|ale|ique|ise|ien|ienne|é|ée|és)?$/u.test(words[k].text))
      )
        break;
      last = k;
      if (isLegalSuffix(words[k].text) || POSSESSIVE.test(words[k].text)) break;
    }
    while (last > j && CONNECTORS.has(foldForMatch(words[last].text))) last -= 1;
  }
  let first = i;
  // "Parks and Recreation Department", « Pêches et Océans Canada »: capitalised words joined by "and" before the head.
  while (
    first >= 2 &&
    /^(?:and|&|et)$/iu.test(words[first - 1].text) &&
    capitalised(words[first - 2].text) &&
    !isNotAName(words[first - 2].text)
  ) {
    if (
      !/^[\s\u00A0]+$/u.test(text.slice(words[first - 2].end, words[first - 1].start)) ||
      !/^[\s\u00A0]+$/u.test(text.slice(words[first - 1].end, words[first].start))
    )
      break;
    first -= 2;
    while (
      first > 0 &&
      capitalised(words[first - 1].text) &&
      !isNotAName(words[first - 1].text) &&
      /^[\s\u00A0]$/u.test(text.slice(words[first - 1].end, words[first].start))
    )
      first -= 1;
  }
  while (
    first < last &&
    (CONNECTORS.has(foldForMatch(words[first].text)) || isNotAName(words[first].text)) &&
    !isOrganisationHead(words[first].text)
  )
    first += 1;
  const start = words[first].start;
  const end = words[last].end;
  return { kind: 'organisation', name: text.slice(start, end), paragraph, start, end, gender: null, titleKey: null, evidence: true };
}
