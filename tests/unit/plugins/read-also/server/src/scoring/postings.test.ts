import { byDocumentId } from '../../../../../../../src/plugins/read-also/server/src/scoring/order';
import { documentPostings, termPostings } from '../../../../../../../src/plugins/read-also/server/src/scoring/postings';
import { termImpact } from '../../../../../../../src/plugins/read-also/server/src/scoring/profile';

const profile = (documentId: string, terms: Record<string, number>, norm: number) => ({ documentId, terms, norm });

test('Given stored profiles, a term’s postings come strongest first, ties by documentId, from the profiles that have it', () => {
  const profiles = [
    profile('b', { ukrain: 2 }, 2),
    profile('a', { ukrain: 2 }, 2),
    profile('c', { ukrain: 1 }, 1),
    profile('d', { canada: 3 }, 1),
  ];
  expect(termPostings('ukrain', profiles)).toEqual([
    { documentId: 'c', impact: termImpact(1, 1) },
    { documentId: 'a', impact: termImpact(2, 2) },
    { documentId: 'b', impact: termImpact(2, 2) },
  ]);
});

test('Given a stem named like an Object property, only a profile’s own terms count', () => {
  const stored = profile('a', JSON.parse('{"ukrain": 1}') as Record<string, number>, 1);
  expect(termPostings('constructor', [stored])).toEqual([]);
  expect(documentPostings(stored, ['constructor', 'ukrain'])).toEqual([{ documentId: 'a', term: 'ukrain', impact: termImpact(1, 1) }]);
});

test('Ties by documentId follow code units, whatever the host’s locale', () => {
  expect(['b', 'B', 'a', 'a-1', 'a1'].sort(byDocumentId)).toEqual(['B', 'a', 'a-1', 'a1', 'b']);
  expect(byDocumentId('x', 'x')).toBe(0);
});
