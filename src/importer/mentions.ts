/**
 * The people and organisations of one story, and the ways the story refers to them again:
 * the full name, the surname alone, a title ("the mayor", « la ministre »), a pronoun
 * ("she", « il », « a-t-elle »), a common noun for an organisation ("the company",
 * « l'organisme »). Each reference resolves to the most recent compatible entity. Pure.
 */
import {
  genericOrganisationAt,
  honorific,
  isLegalSuffix,
  isOrganisationHead,
  isOrganisationPronoun,
  isSpeechVerb,
  pronoun,
  titleAt,
  type Gender,
} from './lexicon';
import { DEMONYM, demonymGender, namesIn, tokens, type NameCandidate } from './names';
import { foldForMatch } from './text';

export type Person = { name: string; gender: Gender; titles: Set<string> };
export type Organisation = { name: string };

export type Mention =
  | { kind: 'person'; person: Person; paragraph: number; start: number; end: number }
  | { kind: 'organisation'; organisation: Organisation; paragraph: number; start: number; end: number };

const surnameOf = (name: string) => foldForMatch(name.trim().split(/\s+/u).pop() ?? '');
const key = (name: string) =>
  foldForMatch(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export type StoryEntities = {
  people: Person[];
  organisations: Organisation[];
  /** Every name, surname, title or noun that refers to an entity, in story order. */
  mentions: Mention[];
};

/** Which paragraph spans are quoted words: names inside quotes are not references of the narrative. */
export type Quoted = (paragraph: number, offset: number) => boolean;

/** Builds the story's people and organisations, then finds every reference to them. */
export function storyEntities(paragraphs: string[], extra: string[], quoted: Quoted): StoryEntities {
  const candidates = paragraphs.flatMap((text, index) => namesIn(text, index));
  const extraCandidates = extra.flatMap((text) => namesIn(text, -1));
  // A surname used again alone beside a verb of saying ("Kessler told reporters", "said Raman") makes a full name a person.
  const alone = (surname: string) =>
    paragraphs.some((text, index) =>
      tokens(text).some((token, at, all) => {
        if (foldForMatch(token.text).replace(/['’]s$/u, '') !== surname) return false;
        const inRun = candidates.some(
          (c) => c.paragraph === index && c.kind === 'person' && c.name.includes(' ') && c.start <= token.start && token.end <= c.end,
        );
        const previous = all[at - 1];
        if (
          inRun ||
          (previous &&
            /^\p{Lu}/u.test(previous.text) &&
            honorific(previous.text) === undefined &&
            text.slice(previous.end, token.start) === ' ')
        )
          return false;
        return (
          [all[at - 1], all[at + 1], all[at + 2]].some((word) => word !== undefined && isSpeechVerb(word.text)) ||
          (previous !== undefined && honorific(previous.text) !== undefined)
        );
      }),
    );

  // A surname alone speaking ("Levitt said") is a person when the story also writes it capitalised mid-sentence
  // (not just a capitalised sentence opener like "Analysts") and a personal pronoun follows nearby ("he", « elle »).
  const singleSurname = (candidate: NameCandidate): boolean => {
    const word = candidate.name;
    if (quoted(candidate.paragraph, candidate.start)) return false;
    const midSentence =
      !candidate.single?.sentenceInitial ||
      paragraphs.some((text) =>
        text
          .split(/\s+/u)
          .some(
            (w, at, all) => at > 0 && w.replace(/[^\p{L}'’-]+$/u, '').replace(/['’]s$/u, '') === word && /[\p{Ll},;]$/u.test(all[at - 1]),
          ),
      );
    const nearby = paragraphs.slice(candidate.paragraph, candidate.paragraph + 2).join(' ');
    return (
      midSentence &&
      /(?<!\p{L})(?:he|she|his|her|him|il|elle|lui)(?!\p{L})/iu.test(nearby) &&
      !organisations.some((o) => key(o.name) === key(word) || shortForms(o.name).includes(word))
    );
  };
  const people: Person[] = [];
  const organisations: Organisation[] = [];
  const personFor = (candidate: NameCandidate): Person | null => {
    const surname = surnameOf(candidate.name);
    const words = candidate.name.split(/\s+/u).length;
    const known = people.find(
      (person) =>
        surnameOf(person.name) === surname &&
        (words === 1 || person.name.split(/\s+/u).length === 1 || key(person.name).split(' ')[0] === key(candidate.name).split(' ')[0]),
    );
    if (known) {
      if (candidate.demonym) known.titles.add(`demonym:${candidate.demonym}`);
      if (words > known.name.split(/\s+/u).length) known.name = candidate.name;
      if (!known.gender && candidate.gender) known.gender = candidate.gender;
      if (candidate.titleKey) known.titles.add(candidate.titleKey);
      return known;
    }
    const evidence = candidate.evidence || (words >= 2 && alone(surname));
    if (!evidence) return null;
    if (candidate.single && !singleSurname(candidate)) return null;
    const person: Person = {
      name: candidate.name,
      gender: candidate.gender,
      titles: new Set(candidate.titleKey ? [candidate.titleKey] : []),
    };
    if (candidate.demonym) person.titles.add(`demonym:${candidate.demonym}`);
    people.push(person);
    return person;
  };
  const organisationFor = (candidate: NameCandidate): Organisation => {
    const known = organisations.find((organisation) => key(organisation.name) === key(candidate.name));
    if (known) return known;
    const organisation = { name: candidate.name };
    organisations.push(organisation);
    return organisation;
  };

  // Full names first (a surname alone later needs them), captions included.
  const ordered = [
    ...candidates.filter((c) => c.name.includes(' ')),
    ...extraCandidates,
    ...candidates.filter((c) => !c.name.includes(' ')),
  ];
  const resolved = new Map<NameCandidate, Person | Organisation>();
  for (const candidate of ordered) {
    // A run the story already gave as an organisation stays one ("la papetière Papiers Valmont", then "Papiers Valmont a déclaré").
    const knownOrganisation = organisations.some((organisation) => key(organisation.name) === key(candidate.name));
    const entity = candidate.kind === 'organisation' || knownOrganisation ? organisationFor(candidate) : personFor(candidate);
    if (entity) resolved.set(candidate, entity);
  }

  const mentions: Mention[] = [];
  paragraphs.forEach((text, index) => {
    const here = candidates.filter((c) => c.paragraph === index);
    for (const candidate of here) {
      const entity = resolved.get(candidate);
      if (!entity || quoted(index, candidate.start)) continue;
      if ('titles' in entity)
        mentions.push({ kind: 'person', person: entity, paragraph: index, start: candidate.start, end: candidate.end });
      else mentions.push({ kind: 'organisation', organisation: entity, paragraph: index, start: candidate.start, end: candidate.end });
    }
    // Surnames alone ("said Tremblay", "Tremblay's office") that no run above covered.
    for (const token of tokens(text)) {
      if (!/^\p{Lu}/u.test(token.text) || quoted(index, token.start)) continue;
      if (here.some((c) => resolved.has(c) && c.start <= token.start && token.end <= c.end)) continue;
      const surname = foldForMatch(token.text).replace(/['’]s$/u, '');
      const person = people.find((p) => surnameOf(p.name) === surname);
      if (person) {
        mentions.push({ kind: 'person', person, paragraph: index, start: token.start, end: token.end });
        continue;
      }
      // An organisation again by its initials ("IPCC") or its first word when it carries a legal suffix ("Acme said").
      const organisation = organisations.find((o) => shortForms(o.name).includes(token.text.replace(/['’]s$/u, '')));
      if (organisation) mentions.push({ kind: 'organisation', organisation, paragraph: index, start: token.start, end: token.end });
    }
  });
  // "La mairesse a précisé…", "the company said": a title held by one person, or a noun for an organisation, in the
  // narrative is a mention too, so a later pronoun finds the most recent of them.
  paragraphs.forEach((text, index) => {
    for (const found of referencesIn(text, 0, text.length)) {
      if (quoted(index, found.start) || mentions.some((m) => m.paragraph === index && m.start <= found.start && found.start < m.end))
        continue;
      if (found.reference.kind === 'title') {
        const key = found.reference.key;
        const holders = people.filter((person) => person.titles.has(key));
        if (holders.length === 1)
          mentions.push({ kind: 'person', person: holders[0], paragraph: index, start: found.start, end: found.end });
      } else if (found.reference.kind === 'generic' && !/^[\s\u00A0]*\p{Lu}/u.test(text.slice(found.end).replace(/^\p{L}*/u, ''))) {
        // « l'organisme Essor La Baie »: a noun right before a name introduces it, it does not point back.
        const before = mentions.filter(
          (m) => m.kind === 'organisation' && (m.paragraph < index || (m.paragraph === index && m.start < found.start)),
        );
        before.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
        const last = before.pop();
        if (last?.kind === 'organisation')
          mentions.push({ kind: 'organisation', organisation: last.organisation, paragraph: index, start: found.start, end: found.end });
      }
    }
  });
  mentions.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  return { people, organisations, mentions };
}

/** Other ways a story writes an organisation's name: its initials, its first word when it carries a legal suffix. */
function shortForms(name: string): string[] {
  const words = name.split(/\s+/u);
  const capitals = words.filter((word) => /^\p{Lu}/u.test(word)).map((word) => word.replace(/[^\p{L}]/gu, ''));
  const forms = capitals.length >= 3 ? [capitals.map((word) => word[0]).join('')] : [];
  if (words.length >= 2 && isLegalSuffix(words[words.length - 1]) && !isOrganisationHead(words[0])) forms.push(words[0]);
  return forms;
}

export type Reference =
  | { kind: 'person'; person: Person }
  | { kind: 'organisation'; organisation: Organisation }
  | { kind: 'pronoun'; gender: Gender }
  | { kind: 'title'; key: string; gender: Gender }
  | { kind: 'generic' };

/** References written in a clause ("she", "the minister", "the company"), with offsets in the clause's paragraph. */
export function referencesIn(text: string, from: number, to: number): { reference: Reference; start: number; end: number }[] {
  const found: { reference: Reference; start: number; end: number }[] = [];
  const all = tokens(text.slice(from, to));
  for (const [at, token] of all.entries()) {
    const start = from + token.start;
    const end = from + token.end;
    // "it said", "it read", "it added": a neuter pronoun before a verb of saying stands for an organisation.
    if (isOrganisationPronoun(token.text) && all[at + 1] !== undefined && isSpeechVerb(all[at + 1].text)) {
      found.push({ reference: { kind: 'generic' }, start, end });
      continue;
    }
    const gender = pronoun(token.text);
    if (gender !== undefined) {
      found.push({ reference: { kind: 'pronoun', gender }, start, end });
      continue;
    }
    const rest = foldForMatch(text.slice(start, to));
    const before = foldForMatch(text.slice(Math.max(0, start - 4), start));
    const determiner = /(?:^|\s)(?:the|le|la|l'|sa|son|their|its|his|her)\s?$/u.test(before) || /l'$/u.test(before);
    const title = titleAt(rest);
    // "the airline boss", "the company's chief executive": one modifier between the article and the title.
    const modified =
      title !== null && /(?:^|\s)(?:the|its|their)\s[\p{L}'’-]+\s$/u.test(foldForMatch(text.slice(Math.max(0, start - 30), start)));
    if (title && modified && !determiner) {
      found.push({ reference: { kind: 'title', key: title.key, gender: title.gender }, start, end: start + title.form.length });
      continue;
    }
    // "a assuré la Norvégienne": a demonym standing for the person the story introduced with it.
    if (determiner && /^\p{Lu}/u.test(token.text) && DEMONYM.test(foldForMatch(token.text)) && !title) {
      const article = /(la|le)\s$/u.exec(before)?.[1] ?? '';
      found.push({
        reference: { kind: 'title', key: `demonym:${foldForMatch(token.text)}`, gender: demonymGender(foldForMatch(token.text), article) },
        start,
        end,
      });
      continue;
    }
    if (title && determiner) {
      const article = /la\s$/u.test(before) ? 'f' : /le\s$/u.test(before) ? 'm' : null;
      found.push({ reference: { kind: 'title', key: title.key, gender: title.gender ?? article }, start, end: start + title.form.length });
      continue;
    }
    if (determiner && genericOrganisationAt(rest)) found.push({ reference: { kind: 'generic' }, start, end });
  }
  return found;
}

/** The entity a reference stands for: the most recent compatible mention before (paragraph, offset). */
export function resolve(reference: Reference, entities: StoryEntities, paragraph: number, offset: number): Person | Organisation | null {
  if (reference.kind === 'person') return reference.person;
  if (reference.kind === 'organisation') return reference.organisation;
  const before = entities.mentions.filter((m) => m.paragraph < paragraph || (m.paragraph === paragraph && m.start < offset)).reverse();
  if (reference.kind === 'generic') {
    const named = before.find((m): m is Extract<Mention, { kind: 'organisation' }> => m.kind === 'organisation');
    return named?.organisation ?? entities.organisations[0] ?? null;
  }
  if (reference.kind === 'title') {
    const titled = before.find((m) => m.kind === 'person' && m.person.titles.has(reference.key));
    const anyTitled = entities.people.find((p) => p.titles.has(reference.key));
    if (titled?.kind === 'person') return titled.person;
    if (anyTitled || !reference.key.startsWith('demonym:')) return anyTitled ?? null;
    // A demonym the story never attached to a name: the most recent person it can stand for.
    const fallback = before.find(
      (m) => m.kind === 'person' && (!reference.gender || !m.person.gender || m.person.gender === reference.gender),
    );
    return fallback?.kind === 'person' ? fallback.person : null;
  }
  const compatible = before.find(
    (m) => m.kind === 'person' && (!reference.gender || !m.person.gender || m.person.gender === reference.gender),
  );
  if (compatible?.kind !== 'person') return null;
  if (!compatible.person.gender && reference.gender) compatible.person.gender = reference.gender;
  return compatible.person;
}

export const isPerson = (entity: Person | Organisation | null): entity is Person => entity !== null && 'titles' in entity;
