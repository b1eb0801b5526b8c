/**
 * Matching the organisations a story quotes to the Organisations Newsdesk knows,
 * ignoring case, accents, a leading article and legal suffixes ("the Health Department",
 * "Health Department"; "Hydro-Québec Inc."). Pure.
 */
import { foldForMatch } from './text';

export type KnownOrganisation = { documentId: string; name: string; aliases: string[] };

const LEADING_ARTICLES = new Set(['the', 'le', 'la', 'les', 'l', 'du', 'des']);
const LEGAL_SUFFIXES = new Set(['inc', 'ltd', 'ltee', 'llc', 'corp', 'co', 'plc', 'sa', 'sas', 'limited', 'incorporated']);

/** A comparison key for an organisation's name: folded, a leading article and legal suffixes dropped. */
export function organisationKey(name: string): string {
  const words = foldForMatch(name)
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && LEADING_ARTICLES.has(words[0])) words.shift();
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1])) words.pop();
  return words.join(' ');
}

export function matchOrganisation(name: string, organisations: KnownOrganisation[]): KnownOrganisation | undefined {
  const key = organisationKey(name);
  if (!key) return undefined;
  return organisations.find((organisation) => [organisation.name, ...organisation.aliases].some((form) => organisationKey(form) === key));
}
