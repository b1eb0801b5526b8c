/** Postings worked out from stored profiles, exactly as an index of them holds them. Pure. */
import { byDocumentId } from './order';
import { termImpact } from './profile';

/** What postings are worked out from: an article's term frequencies and its norm. */
export type StoredTerms = { documentId: string; terms: Record<string, number>; norm: number };

/** A term's postings from every profile that has it, strongest first (ties by documentId). */
export function termPostings(term: string, profiles: StoredTerms[]): { documentId: string; impact: number }[] {
  return profiles
    .flatMap((profile) =>
      // Own keys only: a stem such as "constructor" must not find Object's.
      Object.hasOwn(profile.terms, term) ? [{ documentId: profile.documentId, impact: termImpact(profile.terms[term], profile.norm) }] : [],
    )
    .sort((a, b) => b.impact - a.impact || byDocumentId(a.documentId, b.documentId));
}

/** One profile's postings of these terms. */
export function documentPostings(profile: StoredTerms, terms: string[]): { documentId: string; term: string; impact: number }[] {
  return terms.flatMap((term) =>
    Object.hasOwn(profile.terms, term)
      ? [{ documentId: profile.documentId, term, impact: termImpact(profile.terms[term], profile.norm) }]
      : [],
  );
}
